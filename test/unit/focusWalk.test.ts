import assert from 'node:assert/strict';
import { FOCUS_WALK_MS_PER_FOLDER, focusMayWalk } from '../../src/core/git/focusWalk';

describe('focusMayWalk: what a window focus may spend looking for repositories', () => {
  it('walks at the first focus, before any walk', () => {
    assert.equal(focusMayWalk(1_000, { folders: 0, end: 0 }), true);
  });

  it('walks a small workspace at every focus that follows a moment away', () => {
    assert.equal(focusMayWalk(10_100, { folders: 60, end: 10_000 }), true, '100 ms after a walk of 60 folders');
  });

  it('waits 1 ms per folder the last walk read, after it ended', () => {
    const last = { folders: 6_800, end: 50_000 };
    assert.equal(FOCUS_WALK_MS_PER_FOLDER, 1);
    assert.equal(focusMayWalk(50_000 + 6_799, last), false);
    assert.equal(focusMayWalk(50_000 + 6_800, last), true);
  });
});
