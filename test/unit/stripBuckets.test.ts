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
});
