import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FoundRepository } from '../../src/core/git/repositoryFinder';
import { findRepositories, findRepositoriesAsync } from '../../src/core/git/repositoryFinder';

function sorted(repos: readonly FoundRepository[]): FoundRepository[] {
  return [...repos].sort((a, b) => a.gitDir.localeCompare(b.gitDir));
}

/** The walk taken while the user works finds what the walk at start finds, no more, no less. */
describe('findRepositoriesAsync', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-find-'));
    const dir = (...parts: string[]): string => {
      const p = path.join(root, ...parts);
      fs.mkdirSync(p, { recursive: true });
      return p;
    };
    dir('app', '.git');
    dir('app', 'packages', 'lib', '.git');
    // A worktree: `.git` is a file naming its git dir.
    dir('app', '.git', 'worktrees', 'topic');
    fs.writeFileSync(path.join(dir('topic'), '.git'), `gitdir: ${path.join(root, 'app', '.git', 'worktrees', 'topic')}\n`);
    dir('app', 'node_modules', 'dep', '.git'); // skipped: a dependency
    dir('a', 'b', 'c', 'd', '.git'); // depth 4 below the folder: found
    dir('a', 'b', 'c', 'd', 'e', '.git'); // depth 5: too deep
    fs.symlinkSync(path.join(root, 'app'), path.join(root, 'link-to-app')); // a link is not walked
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the same repositories as the synchronous walk: nested, worktrees, depth limit, skipped folders', async () => {
    const expected = sorted(findRepositories([root], 4));
    assert.deepEqual(expected.map((r) => path.relative(root, r.root)).sort(), ['a/b/c/d', 'app', 'app/packages/lib', 'topic']);
    const { repositories, foldersRead } = await findRepositoriesAsync([root], 4);
    assert.deepEqual(sorted(repositories), expected);
    // root, a, a/b, a/b/c, a/b/c/d, app, app/packages, app/packages/lib, topic: node_modules, .git, links and depth 5 are not read.
    assert.equal(foldersRead, 9);
  });

  it('finds nothing in a folder that is gone, without failing', async () => {
    assert.deepEqual(await findRepositoriesAsync([path.join(root, 'missing')]), { repositories: [], foldersRead: 0 });
  });
});
