import assert from 'node:assert/strict';
import { ReflogBranchTracker } from '../../src/core/git/reflogBranch';
import { B, reflogEntry } from './reflogFixtures';

const entry = reflogEntry;

/** An isLocalBranch over a fixed set of branches that counts how often it is asked. */
function countingBranches(names: readonly string[]): { isLocal: (name: string) => boolean; calls: () => number } {
  const local = new Set(names);
  let calls = 0;
  return { isLocal: (name) => { calls++; return local.has(name); }, calls: () => calls };
}

/**
 * The branch the session's first entry gets after `history`, followed as history (shape only)
 * and, for comparison, entry by entry with isLocalBranch.
 */
function afterHistory(history: readonly string[], inSession: string, branches: readonly string[]): { cheap: string | undefined; full: string | undefined } {
  const cheap = new ReflogBranchTracker('main', countingBranches(branches).isLocal);
  const full = new ReflogBranchTracker('main', countingBranches(branches).isLocal);
  for (const message of history) {
    cheap.followBeforeSession(entry(message));
    full.follow(entry(message));
  }
  return { cheap: cheap.follow(entry(inSession)), full: full.follow(entry(inSession)) };
}

describe('branch tracking over reflog history from before the session', () => {
  it('3,000 historical checkouts ask isLocalBranch once, for the branch the history ends on', () => {
    const topics = Array.from({ length: 300 }, (_, i) => `topic-${i}`);
    const branches = countingBranches(['main', ...topics]);
    const tracker = new ReflogBranchTracker('main', branches.isLocal);
    for (let i = 0; i < 3000; i++) tracker.followBeforeSession(entry(`checkout: moving from main to topic-${i % 300}`));
    assert.equal(branches.calls(), 0, 'history asks nothing');

    assert.equal(tracker.follow(entry('commit: In the session')), 'topic-299');
    assert.equal(branches.calls(), 1);
    tracker.follow(entry('commit: Another one'));
    assert.equal(branches.calls(), 1, 'the history is checked only once');
  });

  it('history ending on a tag or a remote branch leaves HEAD detached', () => {
    for (const target of ['v1.0', 'origin/main']) {
      assert.deepEqual(afterHistory([`checkout: moving from main to ${target}`], 'commit: Work', ['main']), { cheap: undefined, full: undefined }, target);
    }
  });

  it('history ending on a revision or a commit leaves HEAD detached without asking isLocalBranch', () => {
    for (const target of ['HEAD~2', 'main^', '@{-1}', B]) {
      const branches = countingBranches(['main']);
      const tracker = new ReflogBranchTracker('main', branches.isLocal);
      tracker.followBeforeSession(entry(`checkout: moving from main to ${target}`));
      assert.equal(tracker.follow(entry('commit: Work')), undefined, target);
      assert.equal(branches.calls(), 0, target);
    }
  });

  it('a rebase finish or a rename in the history names the branch without asking isLocalBranch', () => {
    const branches = countingBranches(['main', 'feature', 'feature-2']);
    const tracker = new ReflogBranchTracker('main', branches.isLocal);
    for (const message of ['checkout: moving from main to v1.0', 'rebase (start): checkout main', 'rebase (pick): Work', 'rebase (finish): returning to refs/heads/feature', 'Branch: renamed refs/heads/feature to refs/heads/feature-2']) {
      tracker.followBeforeSession(entry(message));
    }
    assert.equal(tracker.follow(entry('commit: Work')), 'feature-2');
    assert.equal(branches.calls(), 0);
  });

  it('commits after the last checkout keep it, and it is still checked', () => {
    const result = afterHistory(['checkout: moving from main to v2', 'commit: Detached work', 'commit: More'], 'commit: In session', ['main']);
    assert.deepEqual(result, { cheap: undefined, full: undefined });
    const onBranch = afterHistory(['checkout: moving from main to feature', 'commit: Work', 'checkout: moving from feature to feature'], 'commit: In session', ['main', 'feature']);
    assert.deepEqual(onBranch, { cheap: 'feature', full: 'feature' });
  });

  it('ends on the same branch as following every entry with isLocalBranch', () => {
    const messages = [
      'checkout: moving from main to feature', 'commit: a', 'checkout: moving from feature to v1.0', 'commit: b',
      'checkout: moving from v1.0 to main', 'rebase (start): checkout feature', 'rebase (pick): c',
      'rebase (finish): returning to refs/heads/main', 'checkout: moving from main to origin/x', 'checkout: moving from origin/x to topic/y',
      'reset: moving to HEAD~1', 'checkout: moving from topic/y to ' + B,
    ];
    // Every prefix of the history, so each kind of entry is the last one once.
    for (let n = 1; n <= messages.length; n++) {
      const { cheap, full } = afterHistory(messages.slice(0, n), 'commit: In session', ['main', 'feature', 'topic/y']);
      assert.equal(cheap, full, messages[n - 1]);
    }
  });
});
