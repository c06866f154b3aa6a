import assert from 'node:assert/strict';
import { uncommittedDuringSession } from '../../src/core/retrospective/uncommittedDelta';

describe('uncommittedDuringSession (work in progress at Start is not the session\'s)', () => {
  it('counts a file that was clean at the start in full', () => {
    assert.deepEqual(uncommittedDuringSession([], [{ path: 'a.ts', added: 40, removed: 5 }]), [{ path: 'a.ts', added: 40, removed: 5 }]);
  });

  it('leaves out a file whose uncommitted lines did not move during the session', () => {
    const wip = { path: 'wip.ts', added: 12, removed: 3 };
    assert.deepEqual(uncommittedDuringSession([wip], [{ ...wip }, { path: 'b.ts', added: 1, removed: 0 }]), [{ path: 'b.ts', added: 1, removed: 0 }]);
  });

  it('counts only the lines added to or removed from work already in progress', () => {
    assert.deepEqual(
      uncommittedDuringSession([{ path: 'wip.ts', added: 12, removed: 3 }], [{ path: 'wip.ts', added: 20, removed: 3 }]),
      [{ path: 'wip.ts', added: 8, removed: 0 }],
    );
  });

  it('never counts below zero, and drops a file whose work in progress only shrank', () => {
    assert.deepEqual(uncommittedDuringSession([{ path: 'wip.ts', added: 12, removed: 3 }], [{ path: 'wip.ts', added: 4, removed: 1 }]), []);
  });

  it('lists a binary file that changed, without line counts', () => {
    assert.deepEqual(uncommittedDuringSession([{ path: 'logo.png' }], [{ path: 'logo.png', added: 2, removed: 0 }]), [{ path: 'logo.png' }]);
    assert.deepEqual(uncommittedDuringSession([{ path: 'logo.png' }], [{ path: 'logo.png' }]), [], 'unchanged binary: left out');
  });

  it('ignores files that were dirty at the start and are clean (committed or reverted) at the end', () => {
    assert.deepEqual(uncommittedDuringSession([{ path: 'done.ts', added: 9, removed: 9 }], []), []);
  });
});
