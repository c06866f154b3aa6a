import assert from 'node:assert/strict';
import { FOCUS_WALK_COST_FACTOR, focusMayWalk } from '../../src/core/git/focusWalk';

describe('focusMayWalk: what a window focus may spend looking for repositories', () => {
  it('walks at the first focus, before any walk', () => {
    assert.equal(focusMayWalk(1_000, { ms: 0, end: 0 }), true);
  });

  it('walks a small workspace at every focus', () => {
    assert.equal(focusMayWalk(10_100, { ms: 5, end: 10_000 }), true, '100 ms after a 5 ms walk');
  });

  it('waits 20 times the last walk after it ended, so walking takes at most 1/20 of the time', () => {
    const last = { ms: 300, end: 50_000 };
    assert.equal(FOCUS_WALK_COST_FACTOR, 20);
    assert.equal(focusMayWalk(50_000 + 5_999, last), false);
    assert.equal(focusMayWalk(50_000 + 6_000, last), true);
  });
});
