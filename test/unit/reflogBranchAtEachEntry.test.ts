import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { branchAfter, ReflogBranchTracker } from '../../src/core/git/reflogBranch';
import { parseReflog } from '../../src/core/git/reflogParser';
import { B, reflogEntry } from './reflogFixtures';
import { isLocalBranch } from '../../src/core/git/repositoryFinder';

const entry = reflogEntry;

const LOCAL_BRANCHES = new Set(['main', 'feature', 'topic/x']);
const isLocal = (name: string): boolean => LOCAL_BRANCHES.has(name);

describe('branch at each reflog entry', () => {
  it('a commit keeps the branch it was made on', () => {
    assert.equal(branchAfter(entry('commit: Feature work'), 'feature', isLocal), 'feature');
    assert.equal(branchAfter(entry('commit (amend): Feature work'), 'feature', isLocal), 'feature');
  });

  it('a checkout to a local branch moves to it', () => {
    assert.equal(branchAfter(entry('checkout: moving from feature to main'), 'feature', isLocal), 'main');
    assert.equal(branchAfter(entry('checkout: moving from main to topic/x'), 'main', isLocal), 'topic/x');
  });

  it('a checkout to a commit, a tag, a remote branch or a revision detaches', () => {
    for (const target of [B, 'v1.0', 'origin/main', 'HEAD~2']) {
      assert.equal(branchAfter(entry(`checkout: moving from main to ${target}`), 'main', isLocal), undefined, target);
    }
  });

  it('a checkout from a branch to itself keeps it', () => {
    assert.equal(branchAfter(entry('checkout: moving from main to main'), 'main', isLocal), 'main');
  });

  it('a rebase keeps the branch being rebased for its picks and returns to its branch at the end', () => {
    assert.equal(branchAfter(entry('rebase (start): checkout main'), 'feature', isLocal), 'feature');
    assert.equal(branchAfter(entry('rebase -i (start): checkout HEAD~3'), 'feature', isLocal), 'feature');
    assert.equal(branchAfter(entry('pull --rebase (start): checkout ' + B), 'main', isLocal), 'main');
    assert.equal(branchAfter(entry('rebase (pick): fe'), 'feature', isLocal), 'feature');
    // `git rebase main feature` run on main: the start checks out the current branch as the base.
    assert.equal(branchAfter(entry('rebase (start): checkout main'), 'main', isLocal), undefined);
    assert.equal(branchAfter(entry('rebase (start): checkout ' + B), undefined, isLocal), undefined, 'detached HEAD');
    assert.equal(branchAfter(entry('rebase (finish): returning to refs/heads/feature'), undefined, isLocal), 'feature');
    assert.equal(branchAfter(entry('rebase (abort): returning to refs/heads/topic/x'), undefined, isLocal), 'topic/x');
    assert.equal(branchAfter(entry('pull --rebase (finish): returning to refs/heads/main'), undefined, isLocal), 'main');
    assert.equal(branchAfter(entry(`rebase finished: refs/heads/feature onto ${B}`), undefined, isLocal), 'feature');
  });

  it('renaming the current branch follows the new name; renaming another one does not', () => {
    const rename = entry('Branch: renamed refs/heads/feature to refs/heads/feature-2');
    assert.equal(branchAfter(rename, 'feature', isLocal), 'feature-2');
    assert.equal(branchAfter(rename, 'main', isLocal), 'main');
  });

  it('git commit && git switch main: the commit is stamped with the branch it was made on', () => {
    const tracker = new ReflogBranchTracker('main', isLocal);
    const stamped = ['checkout: moving from main to feature', 'commit: Feature work', 'checkout: moving from feature to main', 'commit: On main']
      .map((message) => ({ message, branch: tracker.follow(entry(message)) }));
    assert.deepEqual(stamped.map((s) => s.branch), ['feature', 'feature', 'main', 'main']);
  });
});

describe('branch at each reflog entry, on a real repository', function () {
  let dir: string;
  const git = (...args: string[]): string => execFileSync('git', args, {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' },
  });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-branch-'));
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'one');
    git('tag', 'v1');
    git('switch', '-q', '-c', 'feature');
    git('commit', '-q', '--allow-empty', '-m', 'Feature work');
    git('switch', '-q', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'On main');
    git('checkout', '-q', 'v1');
    git('commit', '-q', '--allow-empty', '-m', 'Detached work');
    git('switch', '-q', 'feature');
    git('rebase', '-q', 'main');
    git('pack-refs', '--all'); // the branches now live in packed-refs only
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('isLocalBranch tells packed local branches from tags and revisions', () => {
    const gitDir = path.join(dir, '.git');
    assert.equal(isLocalBranch(gitDir, 'main'), true);
    assert.equal(isLocalBranch(gitDir, 'feature'), true);
    assert.equal(isLocalBranch(gitDir, 'v1'), false);
    assert.equal(isLocalBranch(gitDir, 'HEAD~1'), false);
  });

  it('stamps every commit of the real reflog with the branch it was made on', () => {
    const gitDir = path.join(dir, '.git');
    const entries = parseReflog(fs.readFileSync(path.join(gitDir, 'logs', 'HEAD'), 'utf8'));
    const tracker = new ReflogBranchTracker('main', (name) => isLocalBranch(gitDir, name));
    const stamped = entries.map((e) => ({ message: e.message, branch: tracker.follow(e) }));
    const commits = stamped.filter((s) => /^commit|^rebase \(pick\)/.test(s.message));
    assert.deepEqual(commits.map((c) => [c.message, c.branch]), [
      ['commit (initial): one', 'main'],
      ['commit: Feature work', 'feature'],
      ['commit: On main', 'main'],
      ['commit: Detached work', undefined],
      ['rebase (pick): Feature work', 'feature'],
    ]);
    assert.equal(stamped[stamped.length - 1].branch, 'feature', 'back on feature after the rebase');
  });
});
