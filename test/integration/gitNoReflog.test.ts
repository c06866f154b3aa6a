import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SessionJournalApi } from '../../src/extension';
import type { CommitEvent } from '../../src/core/journal/events';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { excludeFromStatus, git, gitWithEnv, head, uniqueName, writeLines } from './helpers/gitRepo';
import { waitFor } from './helpers/wait';

/** Files the suite creates live here; .git/info/exclude keeps them out of the sample repo's status. */
const SCRATCH = 'scratch';

function commitsWithHash(api: SessionJournalApi, hash: string): CommitEvent[] {
  return eventsOf(api, 'commit').filter((e) => e.hash === hash);
}

function waitForCommit(api: SessionJournalApi, hash: string): Promise<CommitEvent> {
  return waitFor(() => commitsWithHash(api, hash)[0], 15_000, `a commit event for ${hash.slice(0, 7)}`);
}

/** Commits `lines` new lines in `file` with `subject`, and returns the new HEAD. */
function commitLines(repo: string, file: string, lines: number, subject: string): string {
  writeLines(repo, file, Array.from({ length: lines }, (_, i) => `${subject} ${i}`));
  git(repo, 'add', file);
  git(repo, 'commit', '-q', '-m', subject);
  return head(repo);
}

describe('capture: a repository without a reflog (core.logAllRefUpdates=false, real git)', function () {
  let api: SessionJournalApi;
  let root: string;

  let rel: string;
  let repo: string;
  let earlier: string;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    excludeFromStatus(root, SCRATCH);
    // The repository is there when the session starts, which looks for repositories at once.
    rel = `${SCRATCH}/${uniqueName('noreflog')}`;
    repo = path.join(root, rel);
    fs.mkdirSync(repo, { recursive: true });
    git(repo, '-c', 'core.logAllRefUpdates=false', 'init', '-q', '-b', 'main');
    git(repo, 'config', 'core.logAllRefUpdates', 'false');
    git(repo, 'config', 'user.name', 'Sample Dev');
    git(repo, 'config', 'user.email', 'dev@example.com');
    writeLines(repo, 'earlier.txt', ['made before the session']);
    git(repo, 'add', 'earlier.txt');
    const yesterday = `@${Math.floor(Date.now() / 1000) - 86_400} +0000`;
    gitWithEnv(repo, { GIT_AUTHOR_DATE: yesterday, GIT_COMMITTER_DATE: yesterday }, 'commit', '-q', '-m', 'Earlier work');
    earlier = head(repo);
    await startSession(api, 'no reflog');
  });

  after(async function () {
    if (api) await endSession(api);
  });

  it('records each commit made mid-session once, from the refs, and says so on the timeline', async () => {
    await waitFor(() => api.git()?.repositories.some((d) => path.resolve(d) === path.join(repo, '.git')), 15_000, 'the repository to be followed');
    const notice = await waitFor(() => eventsOf(api, 'notice').find((e) => e.code === 'no-reflog' && e.message.includes(rel)), 15_000, 'the notice that commits are read from the refs');
    assert.match(notice.message, /captured from its refs/);
    assert.match(notice.message, /core\.logAllRefUpdates=false/);
    const first = commitLines(repo, 'first.txt', 2, 'First');
    await waitForCommit(api, first);

    const second = commitLines(repo, 'src/second.txt', 3, 'Second');
    await waitForCommit(api, second);
    git(repo, 'checkout', '-q', '-b', 'topic/refs');
    const third = commitLines(repo, 'third.txt', 4, 'Third on a branch');
    await waitForCommit(api, third);
    // Two commits in quick succession: both are recorded, in order.
    const fourth = commitLines(repo, 'fourth.txt', 1, 'Fourth');
    const fifth = commitLines(repo, 'fifth.txt', 5, 'Fifth');
    await waitForCommit(api, fifth);
    await api.git()?.settle();

    assert.equal(fs.existsSync(path.join(repo, '.git', 'logs')), false, 'git kept no reflog, so the capture could not have used one');
    const expected: [string, string, string, string, number][] = [
      [first, 'First', 'main', 'first.txt', 2],
      [second, 'Second', 'main', 'src/second.txt', 3],
      [third, 'Third on a branch', 'topic/refs', 'third.txt', 4],
      [fourth, 'Fourth', 'topic/refs', 'fourth.txt', 1],
      [fifth, 'Fifth', 'topic/refs', 'fifth.txt', 5],
    ];
    for (const [hash, subject, branch, file, lines] of expected) {
      const found = commitsWithHash(api, hash);
      assert.equal(found.length, 1, `${subject} is recorded exactly once`);
      const c = found[0];
      assert.deepEqual([c.subject, c.repo, c.branch, c.files, c.added, c.removed], [subject, rel, branch, [{ path: file, added: lines, removed: 0 }], lines, 0]);
      assert.equal(c.authorTime, Number(git(repo, 'log', '-1', '--format=%at', hash)) * 1000);
    }
    assert.equal(commitsWithHash(api, earlier).length, 0, 'the commit made before the session is not recorded');
    const inRepo = eventsOf(api, 'commit').filter((e) => e.repo === rel).map((e) => e.hash);
    assert.deepEqual(inRepo, expected.map(([hash]) => hash), 'the repository\'s commits, in the order they were made, and no others');
    assert.equal(eventsOf(api, 'notice').filter((e) => e.code === 'no-reflog' && e.message.includes(rel)).length, 1, 'the notice is shown once');
  });
});
