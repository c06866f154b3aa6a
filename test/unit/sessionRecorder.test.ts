import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { loadSession, sessionFile, sessionsDir } from '../../src/core/journal/journalStore';
import { JournalWriter } from '../../src/core/journal/journalWriter';
import type { JournalWriteFailure } from '../../src/core/journal/journalWriter';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import type { SessionRecorderOptions } from '../../src/core/journal/sessionRecorder';
import { summarize } from '../../src/core/journal/sessionState';
import { FlakyFs, commandDraft, tempDir } from './journalFixtures';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const startOptions = { focus: 'journal', folders: ['app'], trusted: true, utcOffsetMinutes: 60 };

describe('SessionRecorder', () => {
  let dir: string;
  let cleanup: () => void;
  let now: number;
  const recorders: SessionRecorder[] = [];
  const clock = (): number => now;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    now = T0;
  });

  afterEach(() => {
    for (const r of recorders.splice(0)) r.dispose();
    cleanup();
  });

  function recorder(options: Partial<SessionRecorderOptions> = {}): SessionRecorder {
    const r = new SessionRecorder({ storageDir: dir, clock, ...options });
    recorders.push(r);
    return r;
  }

  async function onDisk(id: string): Promise<{ events: JournalEvent[]; problems: number }> {
    const loaded = await loadSession(dir, id);
    assert.ok(loaded, `journal ${id} exists`);
    return { events: loaded.events, problems: loaded.problems.length };
  }

  it('records a session that reads back from disk exactly as it was kept in memory', async () => {
    const seen: JournalEvent[] = [];
    const r = recorder({
      onEvent: (e) => seen.push(e),
      // Only the recorder's own events pass here: captured drafts arrive redacted from the capture pipeline.
      redact: (d) => (d.kind === 'session-end' && d.focus ? { ...d, focus: d.focus.replace(/token=\S+/, 'token=***') } : d),
    });
    const startEvent = r.start(startOptions);
    assert.equal(startEvent.kind, 'session-start');
    assert.equal(startEvent.focus, 'journal');
    assert.equal(startEvent.time, T0);
    now += MIN;
    const cmd = r.record(commandDraft(now, 0, 'curl https://x?token=abc123'));
    assert.ok(cmd && cmd.kind === 'command');
    assert.equal(cmd.commandLine, 'curl https://x?token=abc123', 'record() stores the draft as given: no second redaction');
    assert.equal(cmd.sessionId, startEvent.sessionId);
    now += MIN;
    r.record({ kind: 'note', time: now, text: 'works' });
    now += MIN;
    const endEvent = r.end({ sessionType: 'feature', focus: 'journal storage token=abc' });
    assert.ok(endEvent);
    assert.equal(endEvent.focus, 'journal storage token=***', 'the recorder redacts the events it writes itself');
    assert.equal(r.active, undefined);
    assert.deepEqual(r.events(), []);
    await r.flush();

    const { events, problems } = await onDisk(startEvent.sessionId);
    assert.equal(problems, 0);
    assert.deepEqual(events, seen);
    assert.deepEqual(events.map((e) => e.kind), ['session-start', 'command', 'note', 'session-end']);
    assert.equal(new Set(events.map((e) => e.id)).size, 4);
    const s = summarize(events, now);
    assert.equal(s.elapsedMs, 3 * MIN);
    assert.equal(s.focus, 'journal storage token=***');
  });

  it('allows one active session at a time and nothing before start', () => {
    const r = recorder();
    assert.equal(r.record(commandDraft(now, 0)), undefined);
    assert.equal(r.pause(), undefined);
    assert.equal(r.end(), undefined);
    r.start(startOptions);
    assert.throws(() => r.start(startOptions), /already being recorded/);
    assert.throws(() => r.record({ kind: 'session-end', time: now }), /not by record\(\)/);
    r.end();
    assert.doesNotThrow(() => r.start(startOptions), 'a new session can start after the end');
  });

  it('records only friction, notes, lessons and their edits and deletes while paused', () => {
    const r = recorder();
    r.start(startOptions);
    assert.ok(r.pause());
    assert.equal(r.pause(), undefined, 'already paused');
    assert.equal(r.active?.paused, true);
    assert.equal(r.record(commandDraft(now, 0)), undefined);
    assert.equal(r.record({ kind: 'saves', time: now, start: now, count: 1, files: [{ path: 'a', count: 1 }] }), undefined);
    assert.ok(r.record({ kind: 'friction', time: now, title: 'Flaky test', category: 'flaky test' }));
    assert.ok(r.record({ kind: 'note', time: now, text: 'n' }));
    const lesson = r.record({ kind: 'lesson', time: now, text: 'l' });
    assert.ok(lesson);
    assert.ok(r.record({ kind: 'edit', time: now, targetId: lesson.id, text: 'l2' }), 'editing from the panel works while paused');
    assert.ok(r.record({ kind: 'delete', time: now, targetId: lesson.id }), 'deleting too');
    assert.ok(r.resume());
    assert.equal(r.resume(), undefined, 'not paused any more');
    assert.ok(r.record(commandDraft(now, 0)));
    assert.deepEqual(r.events().map((e) => e.kind), [
      'session-start', 'session-pause', 'friction', 'note', 'lesson', 'edit', 'delete', 'session-resume', 'command',
    ]);
  });

  it('still records capture that happened before the pause but arrives after it', () => {
    const r = recorder();
    r.start(startOptions);
    assert.ok(r.pause());
    // A save burst closes after its quiet time; a commit's git show was still running.
    const burst = r.record({ kind: 'saves', time: now - 1000, start: now - 1200, count: 2, files: [{ path: 'a.ts', count: 2 }] });
    assert.ok(burst, 'the burst saved before the pause is kept');
    assert.ok(r.record({ kind: 'commit', time: now - 500, repo: '.', hash: 'abc1234', subject: 's', authorTime: now - 500, files: [], added: 0, removed: 0, operation: 'commit' }));
    assert.equal(r.record(commandDraft(now + 1000, 0)), undefined, 'a command that ended after the pause is not recorded');
    assert.ok(r.resume());
    assert.deepEqual(r.events().map((e) => e.kind), ['session-start', 'session-pause', 'saves', 'commit', 'session-resume']);
  });

  it('does not record, after Resume, capture made while paused (a reflog line read late)', async () => {
    const r = recorder();
    r.start(startOptions);
    now += MIN;
    const pausedAt = now;
    assert.ok(r.pause());
    now += 5 * MIN;
    assert.ok(r.resume());
    const commit = (time: number, hash: string) => r.record({ kind: 'commit', time, repo: '.', hash, subject: hash, authorTime: time, files: [], added: 0, removed: 0, operation: 'commit' });
    assert.equal(commit(pausedAt + MIN, 'inpause'), undefined, 'a commit timed inside the pause is not recorded when its line arrives after Resume');
    assert.ok(commit(pausedAt - 1000, 'before'), 'capture from before the pause still counts');
    // git times its reflog in whole seconds: a commit made right after Resume can look up to 1 s older.
    assert.ok(commit(now - 400, 'sameSecond'), 'a commit in the second of the resume is kept');
    assert.ok(commit(now + 1000, 'after'));
    assert.ok(r.record({ kind: 'note', time: pausedAt + MIN, text: 'written while paused' }), 'notes are kept whenever they were written');
    // The pause survives a reload: a session resumed from its journal drops the same capture.
    r.dispose();
    const again = recorder();
    assert.ok(await again.resumeOpenSession());
    assert.equal(again.record({ kind: 'commit', time: pausedAt + 2 * MIN, repo: '.', hash: 'late', subject: 'late', authorTime: now, files: [], added: 0, removed: 0, operation: 'commit' }), undefined);
    assert.deepEqual(again.events().filter((e) => e.kind === 'commit').map((e) => (e as { hash: string }).hash), ['before', 'sameSecond', 'after']);
  });

  it('writes everything synchronously on dispose, leaving the session open to resume', async () => {
    const r = recorder();
    const { sessionId } = r.start(startOptions);
    for (let i = 0; i < 20; i++) r.record(commandDraft(now + i, 0, `cmd ${i}`));
    r.dispose();
    const { events } = await onDisk(sessionId);
    assert.equal(events.length, 21);
    assert.equal(events.some((e) => e.kind === 'session-end'), false);
  });

  it('resumes a session left open by a crash, recording the gap and appending to the same file', async () => {
    const first = recorder();
    const { sessionId } = first.start(startOptions);
    now += 5 * MIN;
    first.record(commandDraft(now, 0));
    first.dispose();
    // The crash tore the line being written.
    fs.appendFileSync(sessionFile(dir, sessionId), '{"v":1,"id":"torn","kind":"no');

    now += 30 * MIN;
    const second = recorder();
    const resumed = await second.resumeOpenSession();
    assert.ok(resumed);
    assert.equal(resumed.session.id, sessionId);
    assert.equal(resumed.gapEvent.from, T0 + 5 * MIN);
    assert.equal(resumed.gapEvent.to, T0 + 35 * MIN);
    assert.equal(second.active?.sessionId, sessionId);
    assert.equal(second.events().length, 3, 'start, command, gap');
    now += MIN;
    second.record({ kind: 'note', time: now, text: 'back' });
    now += MIN;
    second.end();
    await second.flush();

    const { events, problems } = await onDisk(sessionId);
    assert.equal(problems, 1, 'only the torn line');
    assert.deepEqual(events.map((e) => e.kind), ['session-start', 'command', 'session-gap', 'note', 'session-end']);
    const s = summarize(events, now);
    assert.equal(s.elapsedMs, 37 * MIN);
    assert.equal(s.activeMs, 7 * MIN);
    assert.equal(await recorder().resumeOpenSession(), undefined, 'nothing open any more');
  });

  it('resumes a paused session as paused and refuses to resume over an active one', async () => {
    const first = recorder();
    first.start(startOptions);
    first.pause();
    first.dispose();
    const second = recorder();
    assert.ok(await second.resumeOpenSession());
    assert.equal(second.active?.paused, true);
    assert.equal(second.record(commandDraft(now, 0)), undefined);
    await assert.rejects(second.resumeOpenSession(), /already being recorded/);
  });

  it('refills the journal when its folder is deleted mid-session', async () => {
    const r = recorder();
    const { sessionId } = r.start(startOptions);
    r.record(commandDraft(now, 0, 'one'));
    await r.flush();
    fs.rmSync(sessionsDir(dir), { recursive: true, force: true });
    r.record(commandDraft(now, 0, 'two'));
    await r.flush();
    const { events, problems } = await onDisk(sessionId);
    assert.equal(problems, 0);
    assert.deepEqual(events, r.events());
    assert.equal(events.length, 3);
  });

  it('keeps recording through a failing disk, reports once, and writes every event once with notices', async () => {
    const flaky = new FlakyFs();
    const writer = new JournalWriter({ fs: flaky, flushIntervalMs: 10_000, retryInitialMs: 10_000 });
    const errors: JournalWriteFailure[] = [];
    let recovered = 0;
    const r = recorder({ writer, onWriteError: (f) => errors.push(f), onWriteRecovered: () => recovered++ });
    const { sessionId } = r.start(startOptions);
    await r.flush();
    flaky.failWith = 'ENOSPC';
    for (let i = 0; i < 3; i++) {
      r.record(commandDraft(now + i, 0, `cmd ${i}`));
      await r.flush();
    }
    assert.equal(errors.length, 1);
    assert.equal(errors[0].code, 'ENOSPC');
    flaky.failWith = undefined;
    r.record({ kind: 'note', time: now, text: 'after' });
    await r.flush();
    await r.flush();
    assert.equal(recovered, 1);

    const { events, problems } = await onDisk(sessionId);
    assert.equal(problems, 0, 'no duplicates, no broken lines');
    assert.deepEqual(events.map((e) => e.id), r.events().map((e) => e.id));
    const notices = events.filter((e): e is Extract<JournalEvent, { kind: 'notice' }> => e.kind === 'notice');
    assert.deepEqual(notices.map((n) => n.code), ['journal-write-failed', 'journal-recovered']);
  });

  it('records cheaply (no I/O on the recording path)', () => {
    const writer = new JournalWriter({ flushIntervalMs: 60_000 });
    const r = recorder({ writer });
    r.start(startOptions);
    const draft: EventDraft = commandDraft(now, 0, 'npm run build -- --watch');
    for (let i = 0; i < 5000; i++) r.record(draft);
    // Recording only queues: the cost per event is measured by `npm run bench` (capture p99).
    assert.equal(writer.pendingLines, 5001, 'everything is queued, nothing written yet');
  });
});
