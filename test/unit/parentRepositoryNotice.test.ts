import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findRepositories, unfollowedParentRepositories } from '../../src/core/git/repositoryFinder';

/** Which repositories above a workspace folder deserve the "not captured" notice. */
describe('parent repositories that are not followed', () => {
  let root: string;
  let app: string;
  let web: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-parent-'));
    app = path.join(root, 'app');
    web = path.join(app, 'packages', 'web');
    fs.mkdirSync(path.join(app, '.git'), { recursive: true });
    fs.mkdirSync(web, { recursive: true });
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a single folder inside a repository: its parent repository is not followed', () => {
    const folders = [web];
    const parents = unfollowedParentRepositories(folders, findRepositories(folders));
    assert.deepEqual(parents.map((p) => p.root), [app]);
  });

  it('multi-root: the parent repository is another workspace folder, so it is followed and not noticed', () => {
    const folders = [app, web];
    const repos = findRepositories(folders);
    assert.deepEqual(repos.map((r) => r.gitDir), [path.join(app, '.git')], 'the app folder brings its repository in');
    assert.deepEqual(unfollowedParentRepositories(folders, repos), []);
  });
});
