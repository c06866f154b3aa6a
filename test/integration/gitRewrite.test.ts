import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SessionJournalApi } from '../../src/extension';
import type { CommitEvent } from '../../src/core/journal/events';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { excludeFromStatus, git, gitWithEnv, head, initRepo, uniqueName, writeLines } from './helpers/gitRepo';
import { delay, waitFor } from './helpers/wait';

/** Files the suite creates live here; .git/info/exclude keeps them out of the sample repo's status. */
const SCRATCH = 'scratch';

/** Runs git with a committer date in the past, so its reflog entries are old enough to expire. */
function backdatedGit(cwd: string, date: string, ...args: string[]): void {
  gitWithEnv(cwd, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, ...args);
}

/**
 * Writes loose objects whose names start with 17: `gc --auto` estimates the loose objects from
 * that one folder, so a few there make the next `git commit` run gc (and its reflog expire).
 */
function writeObjectsThatTriggerGc(repo: string, count: number): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-gc-objects-'));
  const files: string[] = [];
  for (let i = 0; files.length < count; i++) {
    const content = `gc trigger ${i}\n`;
    const name = createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
    if (!name.startsWith('17')) continue;
    const file = path.join(dir, `o${i}`);
    fs.writeFileSync(file, content);
    files.push(file);
  }
  git(repo, 'hash-object', '-w', ...files);
  fs.rmSync(dir, { recursive: true, force: true });
}

describe('capture: a commit whose gc --auto rewrites the reflog (real git)', function () {
  let api: SessionJournalApi;
  let rel: string;
  let repo: string;

  before(async function () {
    api = await getApi();
    const root = workspaceRoot();
    excludeFromStatus(root, SCRATCH);
    rel = `${SCRATCH}/${uniqueName('gc')}`;
    repo = path.join(root, rel);
    fs.mkdirSync(repo, { recursive: true });
    initRepo(repo);
    git(repo, 'config', 'gc.auto', '0');
    // Amended commits from years ago: their reflog entries are unreachable and past gc.reflogExpireUnreachable.
    for (let day = 1; day <= 6; day++) {
      const date = `2020-01-0${day}T10:00:00Z`;
      backdatedGit(repo, date, 'commit', '-q', '--allow-empty', '-m', `old ${day}`);
      backdatedGit(repo, date, 'commit', '-q', '--amend', '--allow-empty', '-m', `old ${day} amended`);
    }
    // The repository is there when the session starts, which looks for repositories at once. Made
    // mid-session, it would be found only when VS Code's file watcher reports its folder, which a
    // freshly opened window on a loaded machine may not do for many seconds: not this test's subject.
    await startSession(api, 'reflog rewrite');
  });

  after(async function () {
    if (api) await endSession(api);
  });

  it('records the commit although reflog expire replaced logs/HEAD right after it', async () => {
    await waitFor(() => api.git()?.repositories.some((d) => path.resolve(d) === path.join(repo, '.git')), 15_000, 'the repository to be followed');
    await api.git()?.settle();

    // The next commit runs gc --auto in the foreground, so its reflog expire is done when git returns.
    git(repo, 'config', 'gc.auto', '1');
    git(repo, 'config', 'gc.autoDetach', 'false');
    writeObjectsThatTriggerGc(repo, 3);
    const reflog = path.join(repo, '.git', 'logs', 'HEAD');
    const before = fs.statSync(reflog);
    writeLines(repo, 'work.txt', ['one', 'two', 'three']);
    git(repo, 'add', 'work.txt');
    git(repo, 'commit', '-q', '-m', 'Work that triggers gc');
    const after = fs.statSync(reflog);
    assert.ok(after.ino !== before.ino && after.size < before.size,
      `git rewrote logs/HEAD (size ${before.size} -> ${after.size}, inode ${before.ino} -> ${after.ino}); without the rewrite this test proves nothing`);

    const hash = head(repo);
    const commit = await waitFor<CommitEvent | undefined>(() => eventsOf(api, 'commit').find((e) => e.hash === hash), 15_000, `a commit event for ${hash.slice(0, 7)}`).catch(async (err: Error) => {
      // What the watcher had to go by, for the next time this fails (seen once in 50+ full runs).
      const now = fs.statSync(reflog);
      const followed = api.git()?.repositories.some((d) => path.resolve(d) === path.join(repo, '.git'));
      // A read now (what a window focus does) tells a missed file event (the commit comes now) from
      // a line the watcher dropped (it never does), and a lookup stuck behind another (still busy).
      const settled = await Promise.race([api.git()?.settle().then(() => 'settled'), delay(20_000).then(() => 'still busy after 20 s')]);
      const afterRead = eventsOf(api, 'commit').some((e) => e.hash === hash);
      const recorded = eventsOf(api, 'commit').filter((e) => e.repo === rel).map((e) => [e.hash.slice(0, 7), e.subject]);
      throw new Error(`${err.message}; logs/HEAD now (inode ${now.ino}, ${now.size} bytes): ${JSON.stringify(fs.readFileSync(reflog, 'utf8').split('\n').slice(-3))}; repository still followed: ${String(followed)}; a read now: ${settled}, commit recorded ${afterRead ? 'then' : 'still not'}; commits recorded in this repository: ${JSON.stringify(recorded)}; notices: ${JSON.stringify(eventsOf(api, 'notice').slice(-3))}`);
    });
    assert.equal(commit?.repo, rel);
    assert.equal(commit?.subject, 'Work that triggers gc');
    assert.deepEqual(commit?.files, [{ path: 'work.txt', added: 3, removed: 0 }]);
    assert.equal(eventsOf(api, 'commit').filter((e) => e.hash === hash).length, 1, 'recorded once');
    assert.equal(eventsOf(api, 'commit').filter((e) => e.subject.startsWith('old ')).length, 0, 'the years-old entries are not recorded');
  });
});
