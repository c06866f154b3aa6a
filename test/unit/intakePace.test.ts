import assert from 'node:assert/strict';
import { IntakePace } from '../../src/webview/intakePace';

// The Timeline takes older events in as many at a time as its budget holds at the cost it last
// measured (src/webview/intakePace.ts): the count must follow the measured cost, rise slowly after
// a fast intake, fall at once after a slow one, and never stop the stream.

describe('IntakePace (older events per intake, from the measured cost)', () => {
  it('allows what the budget holds at the assumed cost before anything was measured', () => {
    assert.equal(new IntakePace(4, 0.025, 50).allowance(), 160);
  });

  it('follows a measured cost: a slower intake counts at once', () => {
    const pace = new IntakePace(4, 0.01, 10);
    pace.record(100, 4); // 40 µs an event: four times the assumed cost
    assert.equal(pace.allowance(), 100);
  });

  it('believes a faster intake only halfway each time, so one lucky frame does not double the next', () => {
    const pace = new IntakePace(4, 0.04, 10);
    pace.record(100, 0); // timed as free: believed as 1 µs an event
    assert.equal(pace.allowance(), Math.floor(4 / ((0.04 + 0.001) / 2)));
    pace.record(100, 0.2); // 2 µs an event
    assert.equal(pace.allowance(), Math.floor(4 / ((0.0205 + 0.002) / 2)));
  });

  it('gives less time less: the idle time left before a frame bounds the count, never above the pace\'s own budget', () => {
    const pace = new IntakePace(4, 0.01, 10);
    assert.equal(pace.allowance(1), 100);
    assert.equal(pace.allowance(50), 400);
  });

  it('allows at least the least count, however slow the last intake or short the time', () => {
    const pace = new IntakePace(4, 0.01, 50);
    pace.record(10, 1000);
    assert.equal(pace.allowance(), 50);
    assert.equal(pace.allowance(0), 50);
  });

  it('ignores an empty or unmeasurable intake, and refuses settings that would stop the stream', () => {
    const pace = new IntakePace(4, 0.01, 10);
    pace.record(0, 5);
    pace.record(10, Number.NaN);
    assert.equal(pace.allowance(), 400);
    assert.throws(() => new IntakePace(0, 0.01, 10), RangeError);
    assert.throws(() => new IntakePace(4, 0, 10), RangeError);
    assert.throws(() => new IntakePace(4, 0.01, 0), RangeError);
  });
});
