import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { EffectiveSession } from '../../src/core/journal/effectiveSession';
import { effectiveEvents, summarize } from '../../src/core/journal/sessionState';
import { commandDraft, stamp } from './journalFixtures';

const MIN = 60_000;
/** A few ids, so that edits and deletes hit events (also ones recorded after them) and ids repeat. */
const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

const time = fc.integer({ min: 0, max: 120 * MIN });
const id = fc.constantFrom(...IDS);
const draft: fc.Arbitrary<EventDraft> = fc.oneof(
  time.map((t): EventDraft => ({ kind: 'session-start', time: t, folders: ['app'], trusted: true, utcOffsetMinutes: 0, focus: 'start focus' })),
  time.map((t): EventDraft => ({ kind: 'session-end', time: t, focus: 'end focus' })),
  time.map((t): EventDraft => ({ kind: 'session-pause', time: t })),
  time.map((t): EventDraft => ({ kind: 'session-resume', time: t })),
  fc.tuple(time, fc.integer({ min: 1, max: 30 })).map(([t, m]): EventDraft => ({ kind: 'idle', time: t, from: t - m * MIN, to: t })),
  fc.tuple(time, fc.constantFrom(0, 1, null)).map(([t, code]) => commandDraft(t, code)),
  fc.tuple(time, fc.constantFrom('a.ts', 'b.ts', 'c.ts')).map(([t, path]): EventDraft => ({ kind: 'saves', time: t, start: t, count: 2, files: [{ path, count: 2 }] })),
  fc.tuple(time, fc.constantFrom(0, 2)).map(([t, code]): EventDraft => ({ kind: 'task', time: t, name: 'build', source: 'npm', start: t, durationMs: 1, exitCode: code })),
  time.map((t): EventDraft => ({ kind: 'friction', time: t, title: 'Slow build', category: 'tooling' })),
  time.map((t): EventDraft => ({ kind: 'note', time: t, text: 'a note' })),
  time.map((t): EventDraft => ({ kind: 'lesson', time: t, text: 'a lesson' })),
  // Rebase picks and amends made before the session's start are earlier work: the ledger needs the start.
  fc.tuple(time, fc.constantFrom('h1', 'h2', 'h3'), fc.integer({ min: -30, max: 120 }), fc.constantFrom('commit', 'amend', 'rebase') as fc.Arbitrary<'commit' | 'amend' | 'rebase'>)
    .map(([t, hash, authored, operation]): EventDraft => (
      { kind: 'commit', time: t, repo: '.', hash, subject: `subject ${hash}`, authorTime: authored * MIN, operation, files: [], added: 1, removed: 0 })),
  time.map((t): EventDraft => ({ kind: 'git-op', time: t, repo: '.', op: 'reset', message: 'reset', to: 'h1' })),
);
const change: fc.Arbitrary<EventDraft> = fc.oneof(
  fc.tuple(time, id, fc.constantFrom('edited', '  ')).map(([t, target, text]): EventDraft => ({ kind: 'edit', time: t, targetId: target, text, title: `${text} title`, category: 'environment' })),
  fc.tuple(time, id).map(([t, target]): EventDraft => ({ kind: 'delete', time: t, targetId: target })),
);
/** Events as a journal holds them: ids from a small pool (repeats included), times in any order. */
const journal = fc.array(fc.oneof(fc.tuple(draft, id), fc.tuple(change, fc.constant(undefined))), { maxLength: 40 })
  .map((entries) => entries.map(([d, eventId], i) => stamp(d, 's1', eventId ?? `change${i}`)));

/** What the cache must equal: the whole session walked again. */
function assertMatches(session: EffectiveSession, events: readonly JournalEvent[], now: number, when: string): void {
  assert.deepEqual(session.events(), effectiveEvents(events), `events ${when}`);
  assert.deepEqual(session.summarize(now), events.length ? summarize(events, now) : null, `summary ${when}`);
  const effective = effectiveEvents(events);
  for (const id of new Set(events.map((e) => e.id))) {
    assert.deepEqual(session.find(id), effective.find((e) => e.id === id), `find(${id}) ${when}`);
  }
}

describe('EffectiveSession (the Timeline feed\'s cache of effective events and summary)', () => {
  it('equals effectiveEvents and summarize after every appended event, whatever the edits, deletes and order', () => {
    fc.assert(fc.property(journal, time, (events, now) => {
      const live: JournalEvent[] = [];
      const session = new EffectiveSession();
      session.sync(live);
      assertMatches(session, live, now, 'before any event');
      for (const e of events) {
        live.push(e);
        session.sync(live);
        assertMatches(session, live, now, `after ${live.length} events`);
      }
    }), { numRuns: 300 });
  });

  it('takes in several events at once, and reads a new or shorter array afresh (a reset)', () => {
    fc.assert(fc.property(journal, journal, fc.nat(), time, (first, second, cut, now) => {
      const live = [...first];
      const session = new EffectiveSession();
      session.sync(live);
      assertMatches(session, live, now, 'after the first batch');
      live.push(...second);
      session.sync(live);
      assertMatches(session, live, now, 'after the second batch');
      const fresh = second.slice(0, cut % (second.length + 1));
      session.sync(fresh);
      assertMatches(session, fresh, now, 'after a reset to another session');
      live.length = Math.min(live.length, cut % (live.length + 1));
      session.sync(live);
      assertMatches(session, live, now, 'after the same array came back shorter');
    }), { numRuns: 200 });
  });

  it('applies an edit to an event already handed out without changing what the earlier caller holds', () => {
    const live = [stamp({ kind: 'note', time: 1, text: 'first' }, 's1', 'n1')];
    const session = new EffectiveSession();
    session.sync(live);
    const before = session.events();
    live.push(stamp({ kind: 'edit', time: 2, targetId: 'n1', text: 'second' }, 's1', 'x1'));
    session.sync(live);
    assert.equal((session.events()[0] as { text: string }).text, 'second');
    assert.equal((before[0] as { text: string }).text, 'first', 'an earlier snapshot keeps its events');
    live.push(stamp({ kind: 'note', time: 3, text: 'third' }, 's1', 'n2'));
    session.sync(live);
    assert.equal(before.length, 1, 'nor grows once replaced');
  });

  it('counts a deleted command out of the summary, and an edit written before its note still applies', () => {
    const live = [
      stamp({ kind: 'edit', time: 5, targetId: 'n1', text: 'edited early' }, 's1', 'x0'),
      stamp({ kind: 'session-start', time: 0, folders: [], trusted: true, utcOffsetMinutes: 0 }, 's1', 'start'),
      stamp(commandDraft(1, 1), 's1', 'c1'),
    ];
    const session = new EffectiveSession();
    session.sync(live);
    assert.equal(session.summarize(10)?.counts.commandsFailed, 1);
    live.push(stamp({ kind: 'delete', time: 2, targetId: 'c1' }, 's1', 'x1'), stamp({ kind: 'note', time: 3, text: 'late' }, 's1', 'n1'));
    session.sync(live);
    assert.equal(session.summarize(10)?.counts.commands, 0);
    assert.equal(session.summarize(10)?.counts.notes, 1);
    assert.deepEqual(session.events().map((e) => e.id), ['start', 'n1']);
    assert.equal((session.events()[1] as { text: string }).text, 'edited early');
  });

  it('counts the commits again when the session start comes after them (the ledger clock moves)', () => {
    const live = [stamp({ kind: 'commit', time: 20 * MIN, repo: '.', hash: 'h1', subject: 'pick', authorTime: 10 * MIN, operation: 'rebase', files: [], added: 1, removed: 0 }, 's1', 'c1')];
    const session = new EffectiveSession();
    session.sync(live);
    assert.equal(session.summarize(30 * MIN)?.counts.commits, 0, 'authored before the first event: earlier work');
    live.push(stamp({ kind: 'session-start', time: 0, folders: [], trusted: true, utcOffsetMinutes: 0 }, 's1', 'start'));
    session.sync(live);
    assert.equal(summarize(live, 30 * MIN).counts.commits, 1);
    assert.equal(session.summarize(30 * MIN)?.counts.commits, 1, 'authored after the start: the session\'s own');
  });
});
