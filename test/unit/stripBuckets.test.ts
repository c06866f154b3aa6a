import * as assert from 'node:assert/strict';
import type { JournalEvent } from '../../src/core/journal/events';
import { StripCounts } from '../../src/webview/stripBuckets';

const base = { v: 1, sessionId: 's' };
const start = Date.UTC(2026, 11, 4, 9, 0);
const min = 60_000;
const command = (t: number, exitCode: number): JournalEvent => ({ ...base, id: `c${t}`, time: start + t, kind: 'command', commandLine: 'npm test', confidence: 'high', exitCode, start: start + t - 100, durationMs: 100, terminal: 'bash' });
const commit = (t: number): JournalEvent => ({ ...base, id: `k${t}`, time: start + t, kind: 'commit', repo: '.', hash: 'abc', subject: 's', authorTime: 0, operation: 'commit', files: [], added: 0, removed: 0 });

describe('StripCounts (the session-at-a-glance strip)', () => {
  it('sums events into equal columns over the session, per lane, with failures marked', () => {
    const counts = new StripCounts();
    counts.add([command(1 * min, 0), command(2 * min, 1), commit(2 * min + 5000), command(59 * min, 1)]);
    const buckets = counts.buckets(start, start + 60 * min, 6); // 10 minutes a column
    assert.equal(buckets.length, 6);
    assert.deepEqual(buckets.map((b) => b.counts.commands), [2, 0, 0, 0, 0, 1]);
    assert.deepEqual(buckets.map((b) => b.counts.commits), [1, 0, 0, 0, 0, 0]);
    assert.deepEqual(buckets.map((b) => b.failed), [1, 0, 0, 0, 0, 1]);
    assert.equal(buckets[1]!.from, start + 10 * min);
  });

  it('shades the minutes of an idle stretch, and leaves session rows out of every lane', () => {
    const counts = new StripCounts();
    counts.add([
      { ...base, id: 'i', time: start + 30 * min, kind: 'idle', from: start + 10 * min, to: start + 30 * min },
      { ...base, id: 'st', time: start, kind: 'session-start', focus: 'f', folders: [], trusted: true, utcOffsetMinutes: 0 } as JournalEvent,
    ]);
    const buckets = counts.buckets(start, start + 40 * min, 4);
    assert.deepEqual(buckets.map((b) => b.counts.idle), [0, 10, 10, 0]);
    assert.ok(buckets.every((b) => b.counts.commands + b.counts.commits + b.counts.saves + b.counts.notes === 0));
  });

  it('keeps per-second sums, not events: 50,000 events over 8 hours draw from their seconds in one pass', () => {
    const counts = new StripCounts();
    const events = Array.from({ length: 50_000 }, (_, i) => command(Math.floor((i / 50_000) * 480) * min, i % 7 ? 0 : 1));
    counts.add(events);
    const buckets = counts.buckets(start, start + 480 * min, 96);
    assert.equal(buckets.reduce((n, b) => n + b.counts.commands, 0), 50_000);
    assert.equal(buckets.reduce((n, b) => n + b.failed, 0), events.filter((e) => e.kind === 'command' && e.exitCode !== 0).length);
    assert.equal(counts.has('agent'), false);
    assert.equal(counts.has('commands'), true);
  });

  it('counts from zero after clear, in the seconds it held before (a new init)', () => {
    const counts = new StripCounts();
    const events = Array.from({ length: 3000 }, (_, i) => command(i * 1000, i % 3 ? 0 : 1));
    counts.add(events);
    counts.clear();
    counts.add(events.slice(0, 10));
    const buckets = counts.buckets(start, start + 60 * min, 6);
    assert.deepEqual(buckets.map((b) => b.counts.commands), [10, 0, 0, 0, 0, 0]);
    assert.deepEqual(buckets.map((b) => b.failed), [4, 0, 0, 0, 0, 0]);
  });
});

describe('StripCounts kept as running sums (drawn 60 times a second while events stream in)', () => {
  /** The column sums the plain way: every second with an event, put in its column. */
  function reference(events: readonly JournalEvent[], from: number, to: number, columns: number): number[][] {
    const perSecond = new Map<number, number[]>();
    for (const e of events) {
      const slot = Math.floor(e.time / 1000);
      const row = perSecond.get(slot) ?? [0, 0];
      if (e.kind === 'command') { row[0]!++; if (e.exitCode !== 0) row[1]!++; }
      perSecond.set(slot, row);
    }
    const span = Math.max(min, to - from);
    const out = Array.from({ length: columns }, () => [0, 0]);
    for (const [slot, [n, failed]] of perSecond) {
      const at = slot * 1000;
      if (at + 1000 <= from || at >= from + span) continue;
      const c = Math.min(columns - 1, Math.max(0, Math.floor((at - from) / (span / columns))));
      out[c]![0]! += n!;
      out[c]![1]! += failed!;
    }
    return out;
  }

  it('gives the same columns whether events came live (newest last), in older pages, or out of order', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const events = Array.from({ length: 3000 }, (_, i) => command(Math.floor(random() * 90 * min), i % 5 ? 0 : 1)).sort((a, b) => a.time - b.time);
    const live = new StripCounts();
    const paged = new StripCounts();
    const ranges: [number, number, number][] = [[start, start + 90 * min, 96], [start + 17_500, start + 40 * min + 300, 96], [start - min, start + 2 * min, 7]];
    for (let i = 0; i < events.length; i += 100) {
      live.add(events.slice(i, i + 100));
      // The same events newest page first, as the host streams a session's history.
      paged.add(events.slice(Math.max(0, events.length - i - 100), events.length - i));
      const [from, to, columns] = ranges[(i / 100) % ranges.length]!;
      const seen = reference(events.slice(0, i + 100), from, to, columns);
      assert.deepEqual(live.buckets(from, to, columns).map((b) => [b.counts.commands, b.failed]), seen, `live, after ${i + 100}`);
    }
    for (const [from, to, columns] of ranges) {
      assert.deepEqual(paged.buckets(from, to, columns).map((b) => [b.counts.commands, b.failed]), reference(events, from, to, columns));
    }
  });
  it('gives the same columns after every step while older pages come in front, drawn between pages, with live and late events meanwhile', () => {
    // Several events a second, so a page's newest second is often the oldest one already held.
    const events = Array.from({ length: 2400 }, (_, i) => command(Math.floor(i / 3) * 1700 + (i % 3) * 10, i % 4 ? 0 : 1));
    const first = events.slice(-200);
    const counts = new StripCounts();
    counts.add(first);
    const shown = [...first];
    const check = (what: string): void => {
      for (const [from, to, columns] of [[start, start + 24 * min, 96], [start + 5 * min + 500, start + 9 * min, 13]] as const) {
        assert.deepEqual(counts.buckets(from, to, columns).map((b) => [b.counts.commands, b.failed]), reference(shown, from, to, columns), what);
      }
    };
    check('the first window');
    let liveTime = events[events.length - 1]!.time - start;
    for (let end = events.length - 200, page = 0; end > 0; end -= 250, page++) {
      const older = events.slice(Math.max(0, end - 250), end);
      counts.add(older);
      shown.push(...older);
      // A live event in the newest second or a new one, and now and then one late, inside the range.
      liveTime += page % 2 ? 0 : 900;
      const live = [command(liveTime, page % 3 ? 0 : 1), ...(page % 4 === 3 ? [command(Math.floor(liveTime / 2) + 333, 1)] : [])];
      counts.add(live);
      shown.push(...live);
      check(`after older page ${page}`);
    }
    // Many late events in seconds of their own, more than are counted aside before a rebuild,
    // and again in seconds already held.
    for (let round = 0; round < 3; round++) {
      const late = Array.from({ length: 150 }, (_, i) => command((i * 7919 + round * 3001) % (20 * min), i % 3 ? 0 : 1));
      counts.add(late);
      shown.push(...late);
      check(`after late round ${round}`);
    }
  });
});
