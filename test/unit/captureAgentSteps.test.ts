import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentEvent } from '../../src/core/agent/agentEvent';
import type { ScheduledTask } from '../../src/core/capture/burstCoalescer';
import type { CaptureRules } from '../../src/core/capture/capturePipeline';
import { CapturePipeline } from '../../src/core/capture/capturePipeline';
import type { AgentActivityEvent, EventDraft, JournalEvent } from '../../src/core/journal/events';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import { compileRedactOptions, isExcludedCommand, isExcludedPath, redactEvent } from '../../src/core/redaction/redact';
import { importFixture } from './agentFixtures';

const ROOT = '/home/dev/demo';
const T0 = Date.UTC(2026, 2, 2, 8, 59, 0);
const SECRET = 'ghp_0123456789abcdefghijABCDEFGHIJklmnopqr';
const noTimers = (_ms: number, _fn: () => void): ScheduledTask => ({ cancel: () => undefined });

describe('CapturePipeline: an agent\'s steps', () => {
  let dir: string;
  let recorder: SessionRecorder;
  let pipeline: CapturePipeline;
  let passes: EventDraft[];
  let agents = true;

  function rules(): CaptureRules {
    const { options } = compileRedactOptions({ excludePaths: ['**/.env'], extraPatterns: ['internal-[0-9]+'] });
    return {
      capture: { commits: true, commands: true, saves: true, tasks: true, agents },
      isExcludedCommand: (c) => isExcludedCommand(c, options),
      isExcludedPath: (p) => isExcludedPath(p, options),
      redact: (d) => { passes.push(d); return redactEvent(d, options); },
      idleMs: 15 * 60_000,
    };
  }

  /** A window: a recorder on `dir` and a pipeline, continuing the open session when there is one (a reload). */
  function openWindow(): void {
    recorder = new SessionRecorder({ storageDir: dir, clock: () => T0 });
    pipeline = new CapturePipeline({ recorder, rules: rules(), folders: () => [{ name: 'demo', path: ROOT }], schedule: noTimers, clock: () => T0 });
  }

  const agentEvents = (): AgentActivityEvent[] => recorder.events().filter((e): e is AgentActivityEvent => e.kind === 'agent');
  const feed = (steps: readonly AgentEvent[]): void => { for (const step of steps) pipeline.capture({ kind: 'agent-step', step }); };
  const step = (over: Partial<AgentEvent>): AgentEvent => ({
    time: '2026-03-02T09:00:00.000Z', agent: 'claude-code', sessionId: 's1', kind: 'tool', key: 'k1', ids: {}, ...over,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sj-agent-steps-'));
    passes = [];
    agents = true;
    openWindow();
    recorder.start({ folders: ['demo'], trusted: true, utcOffsetMinutes: 0 });
    pipeline.beginSession(recorder.events(), T0);
    passes.length = 0;
  });
  afterEach(async () => {
    await recorder.flush();
    recorder.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a tool call as a span of the agent\'s own times: start at the call, time at its result', () => {
    feed([step({ time: '2026-03-02T09:00:05.000Z', end: '2026-03-02T09:00:09.500Z', tool: 'Bash', command: 'npm test', exitCode: 1, status: 'failed', statusLine: 'Exit code 1' })]);
    const [e] = agentEvents();
    assert.ok(e);
    assert.equal(e.start, Date.UTC(2026, 2, 2, 9, 0, 5));
    assert.equal(e.time, Date.UTC(2026, 2, 2, 9, 0, 9, 500));
    assert.deepEqual([e.action, e.agentSession, e.key, e.command, e.exitCode, e.status], ['tool', 's1', 'k1', 'npm test', 1, 'failed']);
  });

  it('stores a tool call that never got its result at its call time, with the parser\'s unknown status', () => {
    feed([step({ time: '2026-03-02T09:00:05.000Z', tool: 'Bash', command: 'sleep 999', exitCode: null, status: 'unknown' })]);
    const [e] = agentEvents();
    assert.ok(e);
    assert.equal(e.time, e.start);
    assert.equal(e.status, 'unknown');
  });

  it('makes the paths an agent edited workspace-relative, absolute or relative to its cwd; drops excluded and outside ones', () => {
    feed([step({ tool: 'Edit', cwd: `${ROOT}/src`, paths: [`${ROOT}/src/a.ts`, 'b.ts', './c.ts', `${ROOT}/.env`, '/etc/hosts'], added: 3, removed: 1 })]);
    const [e] = agentEvents();
    assert.deepEqual(e?.paths, ['src/a.ts', 'src/b.ts', 'src/c.ts']);
    assert.deepEqual([e?.added, e?.removed], [3, 1]);
  });

  it('redacts each step exactly once, with the user\'s patterns too (the parser knew only the built-in ones)', () => {
    feed([step({ kind: 'prompt', key: 'p1', text: `use ${SECRET} on internal-42` }), step({ key: 't1', command: 'curl internal-7', statusLine: 'refused internal-7', status: 'failed' })]);
    assert.deepEqual(passes.map((d) => d.kind), ['agent', 'agent']);
    const text = JSON.stringify(agentEvents());
    assert.ok(!text.includes(SECRET) && !text.includes('internal-42') && !text.includes('internal-7'), text);
  });

  it('records each step once: the same file read twice, and a resumed Claude session that copies its earlier lines', () => {
    const basic = importFixture('claude-code/basic-session.jsonl').events;
    const resumed = importFixture('claude-code/resumed-session.jsonl').events;
    feed(basic);
    feed(basic);
    feed(resumed);
    const keys = agentEvents().map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length, 'no key twice');
    assert.equal(keys.length, new Set([...basic, ...resumed].map((e) => e.key)).size, 'every distinct step once');
  });

  it('records each step once across a forked Codex session that shares its head', () => {
    const original = importFixture('codex/rollout-2026-03-04T09-00-00-shell-era.jsonl').events;
    const forked = importFixture('codex/rollout-2026-03-04T10-30-00-forked.jsonl').events;
    feed(original);
    feed(forked);
    const keys = agentEvents().map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(forked.some((e) => original.some((o) => o.key === e.key)), 'the fixture does share steps');
  });

  it('records each step once across a reload: the keys on the journal are seeded when the session continues', async () => {
    const basic = importFixture('claude-code/basic-session.jsonl').events;
    feed(basic.slice(0, 3));
    await recorder.flush();
    recorder.dispose();
    openWindow();
    assert.ok(await recorder.resumeOpenSession());
    pipeline.beginSession(recorder.events(), T0);
    // The new window re-reads the whole transcript.
    feed(basic);
    const keys = agentEvents().map((e) => e.key);
    assert.deepEqual(keys, basic.map((e) => e.key));
  });

  it('drops agent steps when no agent may be read (capture source `agents` off)', () => {
    agents = false;
    pipeline.setRules(rules());
    feed([step({})]);
    assert.deepEqual(agentEvents(), []);
  });

  describe('links an agent\'s git commit to the commit git\'s capture recorded, never a second commit', () => {
    const HASH = 'c'.repeat(40);
    const commitDraft = (authorTime: number): JournalEvent | undefined => {
      pipeline.capture({ kind: 'commit', time: authorTime + 800, repo: '.', hash: HASH, subject: 'Fix date', authorTime, operation: 'commit', files: [], added: 0, removed: 0 });
      return recorder.events().find((e) => e.kind === 'commit');
    };
    const gitCommit = step({ key: 'gc', tool: 'Bash', command: 'git add -A && git commit -m "Fix date"', time: '2026-03-02T09:01:00.000Z', end: '2026-03-02T09:01:01.200Z', exitCode: 0, status: 'ok' });

    it('commit first: the agent\'s command names its hash', () => {
      commitDraft(Date.UTC(2026, 2, 2, 9, 1, 1));
      feed([gitCommit]);
      assert.equal(agentEvents()[0]?.commit, HASH);
      assert.equal(recorder.events().filter((e) => e.kind === 'commit').length, 1);
    });

    it('command first: the commit names the command\'s key', () => {
      feed([gitCommit]);
      const commit = commitDraft(Date.UTC(2026, 2, 2, 9, 1, 1));
      assert.ok(commit && commit.kind === 'commit');
      assert.equal(commit.agentKey, 'gc');
      assert.equal(agentEvents()[0]?.commit, undefined);
    });

    it('a person\'s commit long after the agent\'s command is not linked, nor a failed git commit', () => {
      feed([{ ...gitCommit, key: 'failed', status: 'failed', exitCode: 1 }]);
      feed([gitCommit]);
      const commit = commitDraft(Date.UTC(2026, 2, 2, 9, 30, 0));
      assert.ok(commit && commit.kind === 'commit');
      assert.equal(commit.agentKey, undefined);
    });
  });
});
