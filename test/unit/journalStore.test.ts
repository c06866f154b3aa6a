import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { serializeEvent } from '../../src/core/journal/journalCodec';
import {
  exportSessionJson, findOpenSession, listRecentSessions, listSessions, loadSession, sessionFile, sessionsDir, summarizeJournal,
} from '../../src/core/journal/journalStore';
import { stamp, tempDir } from './journalFixtures';

function writeJournal(storageDir: string, id: string, drafts: EventDraft[], tail = ''): JournalEvent[] {
  const events = drafts.map((d, i) => stamp(d, id, `${id}-${i}`));
  fs.mkdirSync(sessionsDir(storageDir), { recursive: true });
  fs.writeFileSync(sessionFile(storageDir, id), events.map((e) => serializeEvent(e) + '\n').join('') + tail);
  return events;
}

const startAt = (time: number, focus?: string): EventDraft =>
  ({ kind: 'session-start', time, folders: ['app'], trusted: true, utcOffsetMinutes: 0, ...(focus ? { focus } : {}) });

describe('journalStore', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('lists sessions newest first with start, end, focus, counts and problems', async () => {
    writeJournal(dir, 'old', [startAt(1000, 'parser'), { kind: 'note', time: 1500, text: 'n' }, { kind: 'session-end', time: 2000 }]);
    writeJournal(dir, 'new', [startAt(5000, 'start focus'), { kind: 'session-end', time: 9000, focus: 'end focus' }], '{"torn');
    writeJournal(dir, 'mid', [startAt(3000)]);
    fs.writeFileSync(path.join(sessionsDir(dir), 'notes.txt'), 'not a journal');

    const list = await listSessions(dir);
    assert.deepEqual(list.map((s) => s.id), ['new', 'mid', 'old']);
    assert.deepEqual(list[0], { id: 'new', start: 5000, end: 9000, focus: 'end focus', eventCount: 2, problems: 1 });
    assert.deepEqual(list[1], { id: 'mid', start: 3000, eventCount: 1, problems: 0 });
    assert.equal(list[2].focus, 'parser');
    assert.equal(list[2].eventCount, 3);
  });

  it('returns no sessions when the storage folder does not exist yet', async () => {
    assert.deepEqual(await listSessions(path.join(dir, 'missing')), []);
    assert.equal(await findOpenSession(path.join(dir, 'missing')), undefined);
  });

  it('loads a session with its problems and whether its last line is unfinished', async () => {
    const events = writeJournal(dir, 'torn', [startAt(1000), { kind: 'note', time: 1100, text: 'x' }], '{"v":1,"kind":');
    const loaded = await loadSession(dir, 'torn');
    assert.ok(loaded);
    assert.deepEqual(loaded.events, events);
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].line, 3);
    assert.equal(loaded.unterminated, true);
    assert.equal(loaded.file, sessionFile(dir, 'torn'));
  });

  it('refuses ids that would leave the sessions folder, and unknown ids', async () => {
    fs.writeFileSync(path.join(dir, 'secret.jsonl'), '');
    assert.equal(await loadSession(dir, '../secret'), undefined);
    assert.equal(await loadSession(dir, 'nope'), undefined);
    assert.throws(() => sessionFile(dir, '../x'), /Not a valid session id/);
  });

  it('finds the newest session that never ended', async () => {
    writeJournal(dir, 'a', [startAt(1000)]);
    writeJournal(dir, 'b', [startAt(2000), { kind: 'session-end', time: 2500 }]);
    writeJournal(dir, 'c', [startAt(3000)]);
    writeJournal(dir, 'd', [startAt(4000), { kind: 'session-end', time: 4500 }]);
    assert.equal((await findOpenSession(dir))?.id, 'c');
  });

  it('sees that a long session ended from the tail of its journal alone', async () => {
    const notes: EventDraft[] = Array.from({ length: 3000 }, (_, i) => ({ kind: 'note', time: 1000 + i, text: `note ${i} `.repeat(10) }));
    writeJournal(dir, 'a', [startAt(1000), ...notes]);
    writeJournal(dir, 'b', [startAt(9000), ...notes, { kind: 'session-end', time: 99_000 }]);
    assert.ok(fs.statSync(sessionFile(dir, 'b')).size > 200_000, 'longer than the tail that is read');
    assert.equal((await findOpenSession(dir))?.id, 'a');
  });

  it('lists only the most recent sessions when asked for a few', async () => {
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) writeJournal(dir, id, [startAt(1000 * (i + 1))]);
    assert.deepEqual((await listRecentSessions(dir, 2)).map((s) => s.id), ['d', 'c']);
    assert.deepEqual(await listRecentSessions(dir, 0), []);
  });

  it('exports a session as JSON with its schema version, summary and raw events', async () => {
    const events = writeJournal(dir, 'x', [startAt(1000, 'f'), { kind: 'note', time: 1100, text: 'n' }, { kind: 'delete', time: 1200, targetId: 'x-1' }]);
    const json = await exportSessionJson(dir, 'x');
    assert.ok(json);
    const doc = JSON.parse(json) as { schemaVersion: number; session: { id: string; eventCount: number }; events: unknown[] };
    assert.equal(doc.schemaVersion, SCHEMA_VERSION);
    assert.equal(doc.session.id, 'x');
    assert.equal(doc.session.eventCount, 3);
    assert.deepEqual(doc.events, events);
    assert.equal(await exportSessionJson(dir, 'missing'), undefined);
  });

  it('summarizes a journal whose start line was lost from its first readable event', () => {
    const events = [stamp({ kind: 'note', time: 700, text: 'a' }), stamp({ kind: 'note', time: 500, text: 'b' })];
    assert.deepEqual(summarizeJournal('s', events, 1), { id: 's', start: 500, eventCount: 2, problems: 1 });
    assert.equal(summarizeJournal('s', [], 0, 42).start, 42);
  });
});
