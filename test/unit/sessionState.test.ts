import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { effectiveEvents, summarize } from '../../src/core/journal/sessionState';
import { commandDraft, stamp } from './journalFixtures';

const MIN = 60_000;
const ev = (draft: EventDraft, id?: string): JournalEvent => stamp(draft, 's1', id);
const start = (time = 0, focus?: string): JournalEvent =>
  ev({ kind: 'session-start', time, folders: ['app'], trusted: true, utcOffsetMinutes: 0, ...(focus ? { focus } : {}) }, 'start');

describe('sessionState', () => {
  describe('effectiveEvents', () => {
    const friction = ev({ kind: 'friction', time: 10, title: 'Slow build', detail: 'webpack', category: 'tooling' }, 'f1');
    const note = ev({ kind: 'note', time: 20, text: 'first' }, 'n1');
    const lesson = ev({ kind: 'lesson', time: 30, text: 'pin versions' }, 'l1');
    const commit = ev({ kind: 'commit', time: 40, repo: '.', hash: 'abc', subject: 'x', authorTime: 40, operation: 'commit', files: [], added: 0, removed: 0 }, 'c1');

    it('applies edits to friction, notes and lessons and drops the edit events', () => {
      const out = effectiveEvents([
        start(), friction, note, lesson, commit,
        ev({ kind: 'edit', time: 50, targetId: 'f1', title: 'Slow CI build', category: 'environment' }),
        ev({ kind: 'edit', time: 51, targetId: 'n1', text: 'second' }),
        ev({ kind: 'edit', time: 52, targetId: 'n1', text: 'third' }),
        ev({ kind: 'edit', time: 53, targetId: 'l1', text: 'pin tool versions' }),
        ev({ kind: 'edit', time: 54, targetId: 'c1', title: 'not editable' }),
      ]);
      assert.deepEqual(out.map((e) => e.id), ['start', 'f1', 'n1', 'l1', 'c1']);
      assert.deepEqual(out[1], { ...friction, title: 'Slow CI build', category: 'environment' });
      assert.equal((out[2] as { text: string }).text, 'third', 'later edits win');
      assert.equal((out[3] as { text: string }).text, 'pin tool versions');
      assert.deepEqual(out[4], commit);
      assert.equal((friction as { title: string }).title, 'Slow build', 'the input is not mutated');
    });

    it('ignores invalid edits and clears a detail edited to empty', () => {
      const out = effectiveEvents([
        friction,
        ev({ kind: 'edit', time: 50, targetId: 'f1', title: '  ', category: 'bogus' as never, detail: '' }),
      ]);
      assert.equal(out.length, 1);
      const f = out[0] as { title: string; category: string; detail?: string };
      assert.equal(f.title, 'Slow build');
      assert.equal(f.category, 'tooling');
      assert.equal('detail' in f, false);
    });

    it('removes deleted events, but never the session lifecycle', () => {
      const out = effectiveEvents([
        start(), note, commit,
        ev({ kind: 'delete', time: 50, targetId: 'n1' }),
        ev({ kind: 'delete', time: 51, targetId: 'start' }),
        ev({ kind: 'edit', time: 52, targetId: 'n1', text: 'edited after delete' }),
        ev({ kind: 'delete', time: 53, targetId: 'unknown' }),
      ]);
      assert.deepEqual(out.map((e) => e.id), ['start', 'c1']);
    });

    it('applies an edit written before its target (writes from two windows can land out of order)', () => {
      const out = effectiveEvents([ev({ kind: 'edit', time: 5, targetId: 'n1', text: 'early' }), note]);
      assert.equal((out[0] as { text: string }).text, 'early');
    });
  });

  describe('summarize', () => {
    it('leaves idle stretches, pauses and gaps out of active time, counting overlaps once', () => {
      const events = [
        start(0, 'parser'),
        ev({ kind: 'idle', time: 20 * MIN, from: 10 * MIN, to: 20 * MIN }),
        ev({ kind: 'session-pause', time: 30 * MIN }),
        ev({ kind: 'idle', time: 45 * MIN, from: 35 * MIN, to: 45 * MIN }),
        ev({ kind: 'session-resume', time: 40 * MIN }),
        ev({ kind: 'session-gap', time: 60 * MIN, from: 50 * MIN, to: 60 * MIN }),
        ev({ kind: 'session-end', time: 90 * MIN, sessionType: 'feature' }),
      ];
      const s = summarize(events, 500 * MIN);
      assert.equal(s.start, 0);
      assert.equal(s.end, 90 * MIN);
      assert.equal(s.elapsedMs, 90 * MIN);
      // Excluded: 10–20, 30–45 (pause 30–40 joined by idle 35–45), 50–60 = 35 min.
      assert.equal(s.activeMs, 55 * MIN);
      assert.equal(s.paused, false);
      assert.equal(s.focus, 'parser');
      assert.equal(s.sessionId, 's1');
    });

    it('measures an open session up to now and knows it is paused', () => {
      const s = summarize([start(0), ev({ kind: 'session-pause', time: 20 * MIN })], 30 * MIN);
      assert.equal(s.paused, true);
      assert.equal(s.end, undefined);
      assert.equal(s.elapsedMs, 30 * MIN);
      assert.equal(s.activeMs, 20 * MIN);
    });

    it('counts a pause left open at the end up to the end only', () => {
      const s = summarize([start(0), ev({ kind: 'session-pause', time: 20 * MIN }), ev({ kind: 'session-end', time: 25 * MIN, focus: 'final focus' })], 99 * MIN);
      assert.equal(s.paused, false);
      assert.equal(s.activeMs, 20 * MIN);
      assert.equal(s.focus, 'final focus');
    });

    it('counts commits, commands, saves, files and what the user wrote, after edits and deletes', () => {
      const events = [
        start(),
        ev({ kind: 'commit', time: 1, repo: '.', hash: 'a', subject: 's', authorTime: 1, operation: 'commit', files: [], added: 1, removed: 0 }),
        ev(commandDraft(2, 0)), ev(commandDraft(3, 1)), ev(commandDraft(4, null)),
        ev({ kind: 'saves', time: 5, start: 4, count: 3, files: [{ path: 'a.ts', count: 2 }, { path: 'b.ts', count: 1 }] }),
        ev({ kind: 'saves', time: 6, start: 6, count: 2, files: [{ path: 'a.ts', count: 1 }, { path: 'c.ts', count: 1 }] }),
        ev({ kind: 'task', time: 7, name: 'build', source: 'npm', start: 6, durationMs: 1, exitCode: 2 }),
        ev({ kind: 'task', time: 8, name: 'lint', source: 'npm', start: 7, durationMs: 1, exitCode: 0 }),
        ev({ kind: 'task', time: 9, name: 'watch', source: 'npm', start: 8, durationMs: 1, exitCode: null }),
        ev({ kind: 'friction', time: 10, title: 'a', category: 'tooling' }, 'fa'),
        ev({ kind: 'friction', time: 11, title: 'b', category: 'tooling' }),
        ev({ kind: 'note', time: 12, text: 'n' }),
        ev({ kind: 'lesson', time: 13, text: 'l' }),
        ev({ kind: 'delete', time: 14, targetId: 'fa' }),
      ];
      assert.deepEqual(summarize(events, 100).counts, {
        commits: 1, commands: 3, commandsFailed: 2, saves: 5, files: 3, friction: 1, notes: 1, lessons: 1, tasksFailed: 2,
      });
    });

    it('copes with a record that lost its start line or has no events', () => {
      const s = summarize([ev({ kind: 'note', time: 5 * MIN, text: 'x' })], 8 * MIN);
      assert.equal(s.start, 5 * MIN);
      assert.equal(s.elapsedMs, 3 * MIN);
      const empty = summarize([], 1000);
      assert.equal(empty.elapsedMs, 0);
      assert.equal(empty.activeMs, 0);
      assert.equal(empty.sessionId, '');
    });

    it('agrees with a minute-by-minute count of active time (property)', () => {
      const span = fc.tuple(fc.integer({ min: -10, max: 130 }), fc.integer({ min: 0, max: 60 }));
      fc.assert(fc.property(fc.array(span, { maxLength: 8 }), fc.array(span, { maxLength: 4 }), (idles, pauses) => {
        const events: JournalEvent[] = [start(0)];
        for (const [from, len] of idles) events.push(ev({ kind: 'idle', time: from + len, from: from * MIN, to: (from + len) * MIN }));
        for (const [at, len] of pauses) {
          events.push(ev({ kind: 'session-pause', time: at * MIN }), ev({ kind: 'session-resume', time: (at + len) * MIN }));
        }
        events.push(ev({ kind: 'session-end', time: 120 * MIN }));
        const s = summarize(events, 0);
        // Rebuild the pause stretches the way the reducer documents: time order, a pause opens, a resume closes.
        const marks = pauses.flatMap(([at, len]) => [{ t: at, p: true }, { t: at + len, p: false }]).sort((a, b) => a.t - b.t);
        const paused: [number, number][] = [];
        let open: number | undefined;
        for (const m of marks) {
          if (m.p && open === undefined) open = m.t;
          else if (!m.p && open !== undefined) { paused.push([open, m.t]); open = undefined; }
        }
        if (open !== undefined) paused.push([open, 120]);
        let active = 0;
        for (let minute = 0; minute < 120; minute++) {
          const inside = (iv: [number, number]): boolean => minute >= iv[0] && minute < iv[1];
          if (!idles.some(([f, l]) => inside([f, f + l])) && !paused.some(inside)) active++;
        }
        assert.equal(s.activeMs, active * MIN);
        assert.ok(s.activeMs <= s.elapsedMs);
      }), { numRuns: 300 });
    });
  });
});
