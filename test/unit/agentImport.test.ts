import assert from 'node:assert/strict';
import { TranscriptImport } from '../../src/core/agent/transcriptImport';
import { fixtureBytes } from './agentFixtures';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('agent transcript import', () => {
  it('holds records it cannot place until a line names the agent, then reads them too', () => {
    const run = new TranscriptImport();
    const early = run.push(enc('{"type":"queue-operation","operation":"enqueue","timestamp":"2026-03-02T09:00:00.000Z"}\n'));
    assert.deepEqual(early, { events: [], problems: [] });
    assert.equal(run.agent, undefined);
    const later = run.push(enc('{"type":"user","uuid":"u1","sessionId":"s","timestamp":"2026-03-02T09:00:01.000Z","message":{"role":"user","content":"hello"}}\n'));
    assert.equal(run.agent, 'claude-code');
    assert.deepEqual(later.events.map((e) => [e.kind, e.text]), [['prompt', 'hello']]);
    assert.deepEqual(later.problems, [], 'a known Claude record type read late is not reported as unknown');
  });

  it('follows a file as it grows: offsets advance by complete lines and nothing is read twice', () => {
    const bytes = fixtureBytes('codex/rollout-2026-03-04T09-00-00-shell-era.jsonl');
    const run = new TranscriptImport();
    const keys: string[] = [];
    // Appends of uneven sizes, as an agent writing while a watcher reads.
    for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7) % 997 + 1) {
      const batch = run.push(bytes.subarray(at, at + step));
      keys.push(...batch.events.map((e) => e.key));
      assert.ok(run.offset <= Math.min(at + step, bytes.length));
      assert.equal(bytes[run.offset - 1] ?? 0x0a, 0x0a, 'the offset is always just after a newline');
    }
    keys.push(...run.end().events.map((e) => e.key));
    assert.equal(keys.length, new Set(keys).size);
    assert.equal(keys.length, 7);
  });
});
