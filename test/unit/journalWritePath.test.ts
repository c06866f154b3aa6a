/**
 * The write path's shortcuts must write exactly the bytes the plain path wrote before them, so
 * every journal already on disk and every one written from now on read the same: the stamped
 * line (`serializeStamped`) against `JSON.stringify` of the stamped event with the extra line
 * breaks escaped by a regex (the codec's earlier code, kept here as the reference), and the
 * writer's one-buffer-per-flush encoding against the lines joined and encoded as one string.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import type { EventDraft, EventKind, JournalEvent } from '../../src/core/journal/events';
import { parseJournal, serializeEvent, serializeStamped } from '../../src/core/journal/journalCodec';
import { JournalWriter } from '../../src/core/journal/journalWriter';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import { FlakyFs, tempDir } from './journalFixtures';

/** The codec's serialiser before the write path was tuned: the byte format old journals have. */
function referenceLine(e: unknown): string {
  return JSON.stringify(e).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Quotes, backslashes, controls, every line break JSON leaves raw, redaction markers, CJK, an
// emoji (a surrogate pair) and a lone surrogate (JSON.stringify escapes it).
const TRICKY = 'a "quoted" \\ back\tslash\u0000\u001b[31m\n\r\u0085\u2028\u2029 «redacted:github-token» 日本語 ไทย 😀 \ud800 end';

type Of<K extends EventKind> = EventDraft<Extract<JournalEvent, { kind: K }>>;

/** One draft of every kind with every optional field set; a kind added to the model does not compile until it is here. */
const EVERY_KIND: { readonly [K in EventKind]: Of<K> } = {
  'session-start': { kind: 'session-start', time: 1, focus: TRICKY, folders: ['app', TRICKY], trusted: true, utcOffsetMinutes: -330, uncommittedAtStart: [{ path: 'a.ts', added: 1, removed: 2 }] },
  'session-end': { kind: 'session-end', time: 2, sessionType: 'bug fix', focus: TRICKY, uncommitted: [{ path: TRICKY }] },
  'session-pause': { kind: 'session-pause', time: 3 },
  'session-resume': { kind: 'session-resume', time: 4 },
  'session-gap': { kind: 'session-gap', time: 5, from: 1.5, to: 5 },
  commit: { kind: 'commit', time: 6, repo: '.', hash: 'abc', subject: TRICKY, authorTime: 5, branch: 'main', operation: 'amend', files: [{ path: 'x', added: 1, removed: 0 }], added: 1, removed: 0, filesTruncated: 3, agentKey: 'k' },
  'git-op': { kind: 'git-op', time: 7, repo: '.', op: 'stash', message: TRICKY, from: 'a', to: 'b', branch: 'dev', dropped: ['x', TRICKY] },
  command: { kind: 'command', time: 8, commandLine: TRICKY, confidence: 'low', cwd: '~/x', exitCode: null, start: 7, durationMs: 1, terminal: 'zsh', originalLength: 9000, endNotReported: 'terminal-closed' },
  saves: { kind: 'saves', time: 9, start: 8, files: [{ path: TRICKY, languageId: 'typescript', count: 2 }], count: 2, filesTruncated: 1 },
  'file-op': { kind: 'file-op', time: 10, op: 'rename', paths: [], renames: [{ from: 'a', to: TRICKY }], pathsTruncated: 4 },
  task: { kind: 'task', time: 11, name: TRICKY, source: 'npm', start: 10, durationMs: 1, exitCode: 2 },
  debug: { kind: 'debug', time: 12, name: TRICKY, type: 'node', start: 11, durationMs: 1 },
  friction: { kind: 'friction', time: 13, title: TRICKY, detail: TRICKY, category: 'flaky test', trigger: { eventId: 'e', summary: TRICKY, exitCode: null, durationMs: 3 } },
  note: { kind: 'note', time: 14, text: TRICKY, relatedEventId: 'e' },
  lesson: { kind: 'lesson', time: 15, text: TRICKY, relatedEventId: 'e' },
  idle: { kind: 'idle', time: 16, from: 15, to: 16 },
  notice: { kind: 'notice', time: 17, code: 'capture-error', message: TRICKY },
  edit: { kind: 'edit', time: 18, targetId: 'e', title: TRICKY, text: TRICKY, detail: TRICKY, category: 'other' },
  delete: { kind: 'delete', time: 19, targetId: 'e' },
  agent: {
    kind: 'agent', time: 20, agent: 'claude-code', agentSession: 's', action: 'tool', key: 'k', start: 19, text: TRICKY, originalLength: 5, tool: 'Bash', command: TRICKY,
    exitCode: 1, durationMs: 2, status: 'failed', statusLine: TRICKY, paths: [TRICKY], added: 1, removed: 2, created: true, model: 'm', tokens: { input: 1, output: 2 },
    trigger: 'auto', preTokens: 3, sidechain: false, commit: 'abc',
  },
  'carried-over': { kind: 'carried-over', time: 21, items: [{ id: 'r1', text: TRICKY, from: 'plan' }], retrospective: 'r.md', plan: 'p.md' },
  'carried-over-tick': { kind: 'carried-over-tick', time: 22, itemId: 'r1', text: TRICKY, done: true, via: 'timeline' },
};

function stamped(draft: EventDraft, id: string, sessionId = '20261205-010000-abcdef'): JournalEvent {
  return { v: SCHEMA_VERSION, id, sessionId, ...draft } as JournalEvent;
}

describe('journal write path', () => {
  it('writes every event kind byte for byte as the plain serialiser did, and reads it back', () => {
    for (const draft of Object.values(EVERY_KIND) as EventDraft[]) {
      const e = stamped(draft, '0123456789abcdef');
      const line = serializeStamped(e, draft);
      assert.equal(line, referenceLine(e), draft.kind);
      assert.equal(serializeEvent(e), referenceLine(e), draft.kind);
      assert.equal(/[\n\r\u0085\u2028\u2029]/.test(line), false, draft.kind);
      const { events, problems } = parseJournal(`${line}\n`);
      assert.deepEqual(problems, [], draft.kind);
      assert.deepEqual(events, [JSON.parse(JSON.stringify(e))], draft.kind);
    }
  });

  it('writes any draft, odd keys and sessions included, as the plain serialiser does', () => {
    // Keys include the stamp's own names and toJSON, which must take the plain way.
    const key = fc.oneof(fc.constantFrom('kind', 'time', 'v', 'id', 'sessionId', 'toJSON', '__proto__', 'text'), fc.string({ maxLength: 6 }));
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }));
    fc.assert(fc.property(fc.dictionary(key, value), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (fields, id, sessionId) => {
      const draft = fields as unknown as EventDraft;
      const e = stamped(draft, id, sessionId);
      assert.equal(serializeStamped(e, draft), referenceLine(e));
    }), { numRuns: 2000 });
  });

  it('encodes each flush into bytes that equal the lines joined and encoded as one string', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const flaky = new FlakyFs();
      const writer = new JournalWriter({ fs: flaky, flushIntervalMs: 60_000 });
      const file = path.join(dir, 'j.jsonl');
      // A lone surrogate never reaches the writer from the codec, but the writer takes any string.
      const lines = ['{"a":"ascii"}', '{"b":"«redacted:x» 日本語 ไทย 😀"}', '', 'lone \ud800 surrogate', 'é'.repeat(50)];
      for (const line of lines) writer.enqueue(file, line);
      await writer.flush();
      assert.equal(flaky.writes.length, 1);
      assert.deepEqual(Buffer.from(flaky.writes[0].data), Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8'));
      // A file a crash left unterminated: the next flush starts with a newline, in the same buffer.
      writer.markUnterminated(file);
      writer.enqueue(file, '{"c":1}');
      writer.flushSync();
      assert.deepEqual(Buffer.from(flaky.writes[1].data), Buffer.from('\n{"c":1}\n', 'utf8'));
      assert.deepEqual(fs.readFileSync(file), Buffer.from(`${lines.map((l) => `${l}\n`).join('')}\n{"c":1}\n`, 'utf8'));
      writer.dispose();
    } finally {
      cleanup();
    }
  });

  it('leaves on disk exactly the plain serialiser\'s lines for a whole recorded session', async () => {
    const { dir, cleanup } = tempDir();
    const recorder = new SessionRecorder({ storageDir: dir });
    try {
      recorder.start({ focus: TRICKY, folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
      for (const draft of Object.values(EVERY_KIND) as EventDraft[]) {
        if (draft.kind.startsWith('session-')) continue;
        recorder.record(draft);
      }
      recorder.pause();
      recorder.resume();
      const file = recorder.active?.file ?? '';
      const events = [...recorder.events()];
      recorder.end({ sessionType: 'feature', focus: TRICKY });
      await recorder.flush();
      const onDisk = fs.readFileSync(file, 'utf8');
      const ended = parseJournal(onDisk).events;
      assert.equal(ended.length, events.length + 1);
      assert.equal(onDisk, `${[...events, ended[ended.length - 1]].map(referenceLine).join('\n')}\n`);
      assert.equal(new Set(ended.map((e) => e.id)).size, ended.length);
    } finally {
      recorder.dispose();
      cleanup();
    }
  });
});
