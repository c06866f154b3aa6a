import * as assert from 'node:assert/strict';
import type { JournalEvent } from '../../src/core/journal/events';
import { EVENT_KINDS } from '../../src/core/journal/eventKinds';
import { describeEvent, formatDuration, shorten } from '../../src/core/timeline/describeEvent';

const base = { v: 1, sessionId: 's', time: 1_000_000 };

describe('describeEvent', () => {
  it('says how a command ended: success, failure with its code, and unknown (never success)', () => {
    const command = (exitCode: number | null): JournalEvent => ({ ...base, id: 'c', kind: 'command', commandLine: 'npm test', confidence: 'high', cwd: 'src', exitCode, start: 0, durationMs: 2500, terminal: 'bash' });
    assert.deepEqual(describeEvent(command(0)), {
      title: '`npm test` succeeded in 2.5 s',
      parts: [{ text: 'npm test', captured: true, quote: '`' }, { text: ' succeeded in 2.5 s' }],
      detail: 'in src, terminal "bash"',
      attention: false,
    });
    assert.equal(describeEvent(command(1)).title, '`npm test` failed (exit 1) in 2.5 s');
    assert.equal(describeEvent(command(1)).attention, true);
    assert.equal(describeEvent(command(null)).title, '`npm test` failed (exit code unknown) in 2.5 s');
  });

  it('says a command\'s end was not reported, and why, instead of success or failure', () => {
    const running = (endNotReported: 'terminal-closed' | 'recording-stopped'): JournalEvent => ({ ...base, id: 'r', kind: 'command', commandLine: 'npm run dev', confidence: 'high', exitCode: null, start: 0, durationMs: 125_000, terminal: 'bash', endNotReported });
    assert.deepEqual(describeEvent(running('terminal-closed')), {
      title: '`npm run dev` end not reported (terminal closed) after 2 min 5 s',
      parts: [{ text: 'npm run dev', captured: true, quote: '`' }, { text: ' end not reported (terminal closed) after 2 min 5 s' }],
      detail: 'terminal "bash"',
      attention: true,
    });
    assert.equal(describeEvent(running('recording-stopped')).title, '`npm run dev` end not reported (recording stopped while it ran) after 2 min 5 s');
  });

  it('names a commit by short hash, subject, files and lines, and its operation when not a plain commit', () => {
    const commit: JournalEvent = { ...base, id: 'k', kind: 'commit', repo: 'api', hash: 'abcdef1234567', subject: 'Fix login', authorTime: 0, branch: 'main', operation: 'amend', files: [{ path: 'a.ts', added: 3, removed: 1 }], added: 3, removed: 1, filesTruncated: 2 };
    const d = describeEvent(commit);
    assert.equal(d.title, 'Commit (amend) abcdef1: Fix login');
    assert.deepEqual(d.parts, [{ text: 'Commit (amend) abcdef1: ' }, { text: 'Fix login', captured: true }], 'the subject is marked as captured text');
    assert.equal(d.detail, '3 files, +3 −1 on main in api');
  });

  it('collapses a save burst into one line with its count', () => {
    const one: JournalEvent = { ...base, id: 's1', kind: 'saves', start: 0, files: [{ path: 'a.ts', count: 3 }], count: 3 };
    const many: JournalEvent = { ...base, id: 's2', kind: 'saves', start: 0, files: [{ path: 'a.ts', count: 1 }, { path: 'b.ts', count: 1 }], count: 2, filesTruncated: 498 };
    assert.equal(describeEvent(one).title, 'Saved a.ts (3×)');
    assert.equal(describeEvent(many).title, 'Saved 500 files (2 saves)');
  });

  it('describes every kind of event without throwing', () => {
    const samples: Record<string, JournalEvent> = {};
    for (const kind of EVENT_KINDS) {
      const e = { ...base, id: kind, kind, focus: 'f', folders: [], trusted: true, utcOffsetMinutes: 0, from: 0, to: 60_000, repo: '.', hash: 'abc1234', subject: 's', authorTime: 0, operation: 'commit', files: [], added: 0, removed: 0, op: 'create', message: 'm', commandLine: 'ls', confidence: 'high', exitCode: 0, start: 0, durationMs: 0, terminal: 't', count: 0, paths: ['p'], name: 'n', source: 'npm', type: 'node', title: 't', category: 'other', text: 'x', code: 'capture-error', targetId: 'x', agent: 'codex', agentSession: 'a', action: 'prompt', key: 'k', items: [], itemId: 'r1', done: true, via: 'timeline' } as unknown as JournalEvent;
      samples[kind] = e;
      const d = describeEvent(e);
      assert.ok(d.title.length > 0, kind);
    }
    assert.equal(Object.keys(samples).length, EVENT_KINDS.length);
  });
});

describe('describeEvent: agent steps', () => {
  const agent = (fields: Partial<Extract<JournalEvent, { kind: 'agent' }>>): JournalEvent =>
    ({ ...base, id: 'a', kind: 'agent', agent: 'claude-code', agentSession: 'S', action: 'tool', key: 'k', ...fields }) as JournalEvent;

  it('names the agent and marks the prompt as captured text', () => {
    const d = describeEvent(agent({ action: 'prompt', text: 'Fix the flaky test', model: 'claude-opus-4' }));
    assert.equal(d.title, 'Prompt to Claude Code: "Fix the flaky test"');
    assert.deepEqual(d.parts?.[1], { text: 'Fix the flaky test', captured: true, quote: '"' });
    assert.equal(d.detail, 'claude-opus-4');
  });

  it('says how a shell command the agent ran ended, with its own time, and a failure catches the eye', () => {
    const failed = describeEvent(agent({ agent: 'codex', command: 'npm test', tool: 'shell', status: 'failed', exitCode: 1, start: 1_000_000 - 2500, statusLine: '1 failing' }));
    assert.equal(failed.title, 'Codex ran `npm test` failed (exit 1) in 2.5 s');
    assert.equal(failed.detail, '1 failing');
    assert.equal(failed.attention, true);
    const ok = describeEvent(agent({ tool: 'Edit', paths: ['src/a.ts'], status: 'ok', added: 3, removed: 1, start: 1_000_000 }));
    assert.equal(ok.title, 'Claude Code ran `Edit` on src/a.ts (ok)');
    assert.equal(ok.detail, '+3 −1');
    assert.equal(ok.attention, false);
    assert.equal(describeEvent(agent({ tool: 'Bash', command: 'rm -rf x', status: 'rejected' })).title, 'Claude Code ran `rm -rf x` rejected by the user');
    assert.equal(describeEvent(agent({ tool: 'Bash', command: 'sleep 9', exitCode: null, status: 'unknown' })).title, 'Claude Code ran `sleep 9` (exit code unknown)');
  });

  it('says interruptions and compactions plainly', () => {
    assert.deepEqual(describeEvent(agent({ action: 'interrupt' })), { title: 'Claude Code was interrupted', attention: true });
    assert.equal(describeEvent(agent({ action: 'compaction', trigger: 'auto', preTokens: 150000 })).title, 'Claude Code compacted its context (auto)');
  });
});

describe('describeEvent: the carried-over checklist', () => {
  it('says how many items were carried over and from where, and marks a ticked item\'s text as captured', () => {
    const list: JournalEvent = { ...base, id: 'c', kind: 'carried-over', items: [{ id: 'r1', text: 'Fix the CI', from: 'retrospective' }, { id: 'p1', text: 'Ship', from: 'plan' }], retrospective: 'retrospectives/sessions/a.md' };
    assert.equal(describeEvent(list).title, 'Carried over 2 items from retrospectives/sessions/a.md');
    const tick: JournalEvent = { ...base, id: 't', kind: 'carried-over-tick', itemId: 'p1', text: 'Ship', done: true, via: 'plan' };
    assert.deepEqual(describeEvent(tick), { title: 'Done (carried over): Ship', parts: [{ text: 'Done (carried over): ' }, { text: 'Ship', captured: true }], detail: 'ticked in the plan file', attention: false });
    assert.equal(describeEvent({ ...tick, done: false, via: 'timeline' } as JournalEvent).title, 'Not done after all (carried over): Ship');
  });
});

describe('shorten', () => {
  it('keeps one line: newlines become a visible mark, long text gets an ellipsis', () => {
    assert.equal(shorten('a\nb'), 'a ⏎ b');
    assert.equal(shorten('x'.repeat(200), 10), `${'x'.repeat(9)}…`);
    assert.equal(shorten('short'), 'short');
  });
});

describe('formatDuration', () => {
  it('says durations as people say them', () => {
    assert.equal(formatDuration(350), '350 ms');
    assert.equal(formatDuration(2500), '2.5 s');
    assert.equal(formatDuration(45_000), '45 s');
    assert.equal(formatDuration(180_000), '3 min');
    assert.equal(formatDuration(200_000), '3 min 20 s');
    assert.equal(formatDuration(65 * 60_000), '1 h 5 min');
    assert.equal(formatDuration(2 * 3_600_000), '2 h');
  });

  it('answers "?" for a negative or impossible duration instead of inventing one', () => {
    assert.equal(formatDuration(-5), '?');
    assert.equal(formatDuration(Number.NaN), '?');
  });
});
