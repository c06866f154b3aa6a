import { strict as assert } from 'node:assert';
import type { JournalEvent } from '../../src/core/journal/events';
import { parseJournal, serializeEvent } from '../../src/core/journal/journalCodec';
import { loadSession } from '../../src/core/journal/journalStore';
import { buildRecordedRetrospective, uncommittedAtEnd, withDocumentedFriction } from '../../src/core/retrospective/recordedRetrospective';
import { renderMetricsTable } from '../../src/core/retrospective/renderMetrics';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { stripHints } from '../../src/core/retrospective/retrospectiveFile';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import { summarize } from '../../src/core/journal/sessionState';
import { commandDraft, tempDir } from './journalFixtures';
import { JournalFixture, MINUTE } from './retrospectiveFixture';

const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);
const OFFSET = 60;
/** The machine's zone must never be used for a journal that records its own offset. */
const WRONG_OFFSET = -600;

describe('the retrospective rebuilt from the record (End Session and Finish)', () => {
  describe('uncommitted changes stored on the session-end event', () => {
    let dir: string;
    let cleanup: () => void;
    let recorder: SessionRecorder;
    let now: number;

    beforeEach(() => {
      ({ dir, cleanup } = tempDir());
      now = T0;
      recorder = new SessionRecorder({ storageDir: dir, clock: () => now });
    });

    afterEach(() => {
      recorder.dispose();
      cleanup();
    });

    it('give Finish, reading the journal from disk, the numbers End Session put in the draft', async () => {
      const start = recorder.start({ folders: ['app'], trusted: true, utcOffsetMinutes: OFFSET });
      const inMemory = recorder.events();
      now += 10 * MINUTE;
      recorder.record({ kind: 'saves', time: now, start: now - 20_000, files: [{ path: 'src/a.ts', count: 3 }], count: 3 });
      now += 10 * MINUTE;
      recorder.record({
        kind: 'commit', time: now, authorTime: now, repo: '.', hash: 'aaaaaaa1111', subject: 'Add a', operation: 'commit', branch: 'main',
        files: [{ path: 'src/a.ts', added: 30, removed: 0 }], added: 30, removed: 0,
      });
      now += 40 * MINUTE;
      recorder.end({ sessionType: 'feature', uncommitted: [{ path: 'src/b.ts', added: 40, removed: 5 }] });
      await recorder.flush();

      const draft = buildRecordedRetrospective(inMemory, { now: now + MINUTE, fallbackUtcOffsetMinutes: WRONG_OFFSET, sessionType: 'feature' });
      const loaded = await loadSession(dir, start.sessionId);
      assert.ok(loaded);
      const finish = buildRecordedRetrospective(loaded.events, { now: now + 5 * MINUTE, fallbackUtcOffsetMinutes: WRONG_OFFSET });

      assert.equal(finish.metrics.linesAdded, 70);
      assert.equal(finish.metrics.linesRemoved, 5);
      assert.deepEqual(finish.files.map((f) => [f.path, f.added, f.removed]), [['src/a.ts', 30, 0], ['src/b.ts', 40, 5]]);
      assert.deepEqual(finish.metrics, draft.metrics, 'Finish refreshes the Metrics table to the numbers the draft showed');
      assert.equal(renderMetricsTable(finish.metrics), renderMetricsTable(draft.metrics));
      assert.equal(finish.utcOffsetMinutes, OFFSET, 'the offset comes from the session-start event');
    });

    it('count only what the session added to work already in progress at Start', async () => {
      const start = recorder.start({
        folders: ['app'], trusted: true, utcOffsetMinutes: OFFSET,
        uncommittedAtStart: [{ path: 'src/wip.ts', added: 12, removed: 3 }, { path: 'src/untouched.ts', added: 7, removed: 0 }],
      });
      now += 30 * MINUTE;
      recorder.end({ uncommitted: [
        { path: 'src/wip.ts', added: 20, removed: 3 }, { path: 'src/untouched.ts', added: 7, removed: 0 }, { path: 'src/new.ts', added: 5, removed: 0 },
      ] });
      await recorder.flush();
      const loaded = await loadSession(dir, start.sessionId);
      assert.ok(loaded);
      const model = buildRecordedRetrospective(loaded.events, { now, fallbackUtcOffsetMinutes: WRONG_OFFSET });
      assert.deepEqual(model.files.map((f) => [f.path, f.added, f.removed]), [['src/new.ts', 5, 0], ['src/wip.ts', 8, 0]]);
      assert.equal(model.metrics.linesAdded, 13, 'the 7 + 12 lines already there at Start are not the session\'s');
    });

    it('are left off the session-end event when there are none', async () => {
      recorder.start({ folders: ['app'], trusted: true, utcOffsetMinutes: OFFSET });
      const events = recorder.events();
      recorder.end({ uncommitted: [] });
      const end = events[events.length - 1];
      assert.equal(end.kind, 'session-end');
      assert.ok(!('uncommitted' in end));
      assert.deepEqual(uncommittedAtEnd(events), []);
    });
  });

  describe('uncommittedAtEnd', () => {
    it('reads the last session-end and keeps only well-formed changes from a hand-edited journal', () => {
      const j = new JournalFixture(T0);
      j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: OFFSET });
      const junk: unknown = [
        { path: 'ok.ts', added: 1, removed: 2 }, { path: 'binary.png' }, { path: '', added: 1 }, { added: 3 },
        { path: 'neg.ts', added: -1 }, { path: 'nan.ts', removed: 'x' }, null, 'src/c.ts',
      ];
      const end = { ...j.add({ kind: 'session-end', time: j.at(30) }), uncommitted: junk } as JournalEvent;
      const round = parseJournal([...j.events.slice(0, 1), end].map(serializeEvent).join('\n') + '\n');
      assert.deepEqual(round.problems, []);
      assert.deepEqual(uncommittedAtEnd(round.events), [{ path: 'ok.ts', added: 1, removed: 2 }, { path: 'binary.png' }]);
      const notAList = { ...end, uncommitted: { path: 'x' } } as unknown as JournalEvent;
      assert.deepEqual(uncommittedAtEnd([j.events[0], notAList]), []);
      assert.deepEqual(uncommittedAtEnd([j.events[0]]), [], 'a session still running has none');
    });
  });

  describe('active time', () => {
    /** 90 minutes of steady editing: typing and reading write no events, only the saves, a test run and the end do. */
    function steadySession(): JournalFixture {
      const j = new JournalFixture(T0);
      j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: OFFSET });
      j.saves(20, [['src/a.ts', 1]]);
      j.saves(45, [['src/a.ts', 1]]);
      j.add(commandDraft(j.at(70), 0));
      return j;
    }

    it('does not count silences between events as idle: 90 minutes of editing are 90 minutes active', () => {
      const j = steadySession();
      j.add({ kind: 'session-end', time: j.at(90) });
      const m = buildRecordedRetrospective(j.events, { now: j.at(90), fallbackUtcOffsetMinutes: 0 });
      assert.equal(m.activeMs, 90 * MINUTE);
      assert.deepEqual(m.inactive, []);
      assert.equal(m.activeMs, summarize(j.events, j.at(90)).activeMs, 'the retrospective agrees with the live panel');
      assert.match(renderRetrospective(m), /\*\*Duration\*\*: 1 h 30 min \(active 1 h 30 min\)/);
    });

    it('leaves out the idle stretches the idle detector recorded', () => {
      const j = steadySession();
      j.add({ kind: 'idle', time: j.at(85), from: j.at(50), to: j.at(65) });
      j.add({ kind: 'session-end', time: j.at(90) });
      const m = buildRecordedRetrospective(j.events, { now: j.at(90), fallbackUtcOffsetMinutes: 0 });
      assert.equal(m.activeMs, 75 * MINUTE);
      assert.deepEqual(m.inactive, [{ from: j.at(50), to: j.at(65) }]);
      assert.equal(m.activeMs, summarize(j.events, j.at(90)).activeMs);
    });
  });

  describe('withDocumentedFriction', () => {
    function modelWithOneCapturedFriction(): ReturnType<typeof buildRecordedRetrospective> {
      const j = new JournalFixture(T0);
      j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: OFFSET });
      j.add({ kind: 'friction', time: j.at(5), title: 'Slow type-check', category: 'tooling', detail: 'Every save waited for tsc.' });
      j.add({ kind: 'session-end', time: j.at(60) });
      return buildRecordedRetrospective(j.events, { now: j.at(60), fallbackUtcOffsetMinutes: 0 });
    }

    it('counts the friction points the finished document lists, the user\'s as well as the captured one', () => {
      const model = modelWithOneCapturedFriction();
      const draft = stripHints(renderRetrospective(model));
      const finished = draft.replace(/(1\. \*\*Slow type-check\*\*[^\n]*\n)/, '$12. **Flaky fixture**: the seed failed twice.\n3. **Unclear spec**: I asked twice.\n');
      assert.notEqual(finished, draft);
      const refreshed = withDocumentedFriction(model, finished);
      assert.equal(refreshed.metrics.frictionPoints, 3);
      assert.match(renderMetricsTable(refreshed.metrics), /^\| Friction Points \| 3 \|$/m);
      assert.equal(model.metrics.frictionPoints, 1, 'the model it was given is not changed');
      assert.deepEqual({ ...refreshed.metrics, frictionPoints: 1 }, model.metrics, 'nothing else changes');
    });

    it('keeps the captured count when the document has no Friction Points section', () => {
      const model = modelWithOneCapturedFriction();
      const without = stripHints(renderRetrospective(model)).replace(/### Friction Points\n[\s\S]*?(?=\n## )/, '');
      assert.ok(!without.includes('Friction Points\n'));
      assert.equal(withDocumentedFriction(model, without).metrics.frictionPoints, 1);
    });
  });
});
