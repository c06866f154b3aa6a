import assert from 'node:assert/strict';
import type { EventDraft, IdleEvent } from '../../src/core/journal/events';
import { IdleDetector } from '../../src/core/capture/idleDetector';

function setup(idleMs = 5 * 60_000): { detector: IdleDetector; emitted: EventDraft<IdleEvent>[] } {
  const emitted: EventDraft<IdleEvent>[] = [];
  return { detector: new IdleDetector({ idleMs, emit: (d) => emitted.push(d) }), emitted };
}

describe('IdleDetector', () => {
  const MIN = 60_000;

  it('emits nothing while activities are close together', () => {
    const { detector, emitted } = setup();
    for (let t = 0; t <= 60 * MIN; t += 4 * MIN) detector.activity(t);
    assert.deepEqual(emitted, []);
  });

  it('emits one idle stretch from the last activity to the resuming one', () => {
    const { detector, emitted } = setup();
    detector.activity(1_000);
    detector.activity(2_000);
    detector.activity(2_000 + 20 * MIN);
    assert.deepEqual(emitted, [{ kind: 'idle', time: 2_000 + 20 * MIN, from: 2_000, to: 2_000 + 20 * MIN }]);
  });

  it('keeps a stretch under way when the threshold changes, and judges it by the new one', () => {
    const { detector, emitted } = setup(15 * MIN);
    detector.activity(0);
    detector.setIdleMs(5 * MIN); // the user lowers idleMinutes ten minutes into a quiet spell
    assert.equal(detector.isIdle(10 * MIN), true);
    detector.activity(12 * MIN);
    assert.deepEqual(emitted, [{ kind: 'idle', time: 12 * MIN, from: 0, to: 12 * MIN }]);
    detector.setIdleMs(30 * MIN);
    detector.activity(32 * MIN);
    assert.equal(emitted.length, 1, 'a 20-minute gap is not idle under a 30-minute threshold');
  });

  it('does not count a gap of exactly idleMs as idle', () => {
    const { detector, emitted } = setup(1000);
    detector.activity(0);
    detector.activity(1000);
    assert.equal(emitted.length, 0);
    detector.activity(2001);
    assert.equal(emitted.length, 1);
  });

  it('check reports idleness without emitting until activity resumes', () => {
    const { detector, emitted } = setup(1000);
    assert.equal(detector.check(50_000), false, 'no activity yet: not idle');
    detector.activity(0);
    assert.equal(detector.check(500), false);
    assert.equal(detector.check(5_000), true);
    assert.equal(detector.check(9_000), true);
    assert.equal(emitted.length, 0);
    detector.activity(10_000);
    assert.deepEqual(emitted, [{ kind: 'idle', time: 10_000, from: 0, to: 10_000 }]);
    assert.equal(detector.check(10_100), false);
  });

  it('ignores out-of-order older activity', () => {
    const { detector, emitted } = setup(1000);
    detector.activity(10_000);
    detector.activity(3_000);
    assert.equal(detector.lastActivityTime, 10_000);
    detector.activity(10_500);
    assert.equal(emitted.length, 0);
  });

  it('reset forgets the last activity so a pause is not reported as idle', () => {
    const { detector, emitted } = setup(1000);
    detector.activity(0);
    detector.reset();
    detector.activity(100_000);
    assert.equal(emitted.length, 0);
    assert.equal(detector.lastActivityTime, 100_000);
  });

  it('emits several stretches in order', () => {
    const { detector, emitted } = setup(1000);
    [0, 5_000, 5_500, 9_000].forEach((t) => detector.activity(t));
    assert.deepEqual(emitted.map((e) => [e.from, e.to]), [[0, 5_000], [5_500, 9_000]]);
  });

  it('counts a running task as active: a 30-minute build is not idle', () => {
    const { detector, emitted } = setup(15 * MIN);
    const run = {};
    detector.activity(0);
    detector.spanStarted(run, 2 * MIN);
    assert.equal(detector.isIdle(25 * MIN), false, 'not idle while the command runs');
    detector.spanEnded(run, 32 * MIN);
    detector.activity(33 * MIN);
    assert.deepEqual(emitted, []);
  });

  it('stops counting a span after spanActiveMs (a dev server left running over lunch)', () => {
    const emitted: EventDraft<IdleEvent>[] = [];
    const detector = new IdleDetector({ idleMs: 15 * MIN, spanActiveMs: 60 * MIN, emit: (d) => emitted.push(d) });
    detector.spanStarted('server', 0);
    assert.equal(detector.isIdle(70 * MIN), false, '60 min active plus 10 min quiet is under the threshold');
    assert.equal(detector.isIdle(80 * MIN), true);
    detector.activity(120 * MIN);
    assert.deepEqual(emitted, [{ kind: 'idle', time: 120 * MIN, from: 60 * MIN, to: 120 * MIN }]);
  });

  it('a span ending for an unknown key is plain activity', () => {
    const { detector, emitted } = setup(10 * MIN);
    detector.activity(0);
    detector.spanEnded('never started', 30 * MIN);
    assert.deepEqual(emitted, [{ kind: 'idle', time: 30 * MIN, from: 0, to: 30 * MIN }]);
  });

  it('close emits the quiet spell under way at a pause or the end of the session, then forgets', () => {
    const { detector, emitted } = setup(15 * MIN);
    detector.activity(0);
    detector.close(5 * MIN);
    assert.deepEqual(emitted, [], 'five quiet minutes are not idle');
    detector.activity(10 * MIN);
    detector.close(70 * MIN);
    assert.deepEqual(emitted, [{ kind: 'idle', time: 70 * MIN, from: 10 * MIN, to: 70 * MIN }]);
    assert.equal(detector.lastActivityTime, undefined);
    detector.close(200 * MIN);
    assert.equal(emitted.length, 1, 'nothing more after a close');
  });
});
