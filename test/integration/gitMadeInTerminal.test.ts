import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import type { CommitEvent } from '../../src/core/journal/events';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { excludeFromStatus, head, uniqueName } from './helpers/gitRepo';
import type { IntegratedTerminal } from './helpers/terminal';
import { openIntegratedTerminal, runInTerminal } from './helpers/terminal';
import { waitFor } from './helpers/wait';

/**
 * The folder the harness's workspace settings hide from VS Code's file watcher
 * (files.watcherExclude, scripts/sampleWorkspace.mjs `UNWATCHED_FOLDER`).
 */
const UNWATCHED = 'sj-unwatched';
/** Files the suite creates live here; .git/info/exclude keeps them out of the sample repo's status. */
const SCRATCH = 'scratch';

function waitForCommit(api: SessionJournalApi, hash: string): Promise<CommitEvent> {
  return waitFor(() => eventsOf(api, 'commit').find((e) => e.hash === hash), 15_000, `a commit event for ${hash.slice(0, 7)}`);
}

/** Quotes `text` as one word for bash. */
function sh(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

describe('capture: a repository made with git init in the terminal, where the file watcher cannot see it', function () {
  let api: SessionJournalApi;
  let root: string;
  let term: IntegratedTerminal;
  /** Every path VS Code's file watcher reported created, seen as the git adapter's own watcher sees them. */
  const created: string[] = [];
  let probe: vscode.FileSystemWatcher | undefined;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    excludeFromStatus(root, UNWATCHED);
    excludeFromStatus(root, SCRATCH);
    const excluded = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('watcherExclude') ?? {};
    assert.equal(excluded[`**/${UNWATCHED}/**`], true, `the test workspace's settings hide ${UNWATCHED} from the file watcher (files.watcherExclude: ${JSON.stringify(excluded)})`);
    probe = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
    probe.onDidCreate((uri) => created.push(uri.fsPath));
    await startSession(api, 'repository made in the terminal');
    term = await openIntegratedTerminal('repo-made', root);
  });

  after(async function () {
    probe?.dispose();
    term?.terminal.dispose();
    if (api) await endSession(api);
  });

  it('follows the repository when git init ends and records the commit made in it', async () => {
    const rel = `${UNWATCHED}/${uniqueName('made')}`;
    const repo = path.join(root, rel);
    // What a person types: make the repository, then commit in it (two commands, two ends).
    assert.equal(await runInTerminal(term, `mkdir -p ${sh(rel)} && git -C ${sh(rel)} init -q -b main`), 0, 'git init succeeded');
    const commitLine = `cd ${sh(repo)} && printf 'first\\n' > first.txt && git add first.txt && git -c user.name='Sample Dev' -c user.email=dev@example.com -c commit.gpgsign=false commit -q -m 'First commit of a repository made in the terminal'`;
    assert.equal(await runInTerminal(term, commitLine), 0, 'the commit succeeded');
    const hash = head(repo);
    const commit = await waitForCommit(api, hash);
    assert.equal(commit.repo, rel);
    assert.equal(commit.subject, 'First commit of a repository made in the terminal');
    assert.deepEqual(commit.files, [{ path: 'first.txt', added: 1, removed: 0 }]);

    // The watcher was blind to all of it: a file made in a watched folder afterwards is reported,
    // and nothing of the new repository was before it (the watcher reports in order).
    const control = path.join(root, SCRATCH, `${uniqueName('watched')}.txt`);
    fs.mkdirSync(path.dirname(control), { recursive: true });
    fs.writeFileSync(control, 'seen\n');
    // A watcher may report only the new folder of a new file (scratch/ made just now).
    const reported = (): boolean => created.some((p) => p === control || (control.startsWith(`${p}${path.sep}`) && p.startsWith(`${root}${path.sep}`)));
    await waitFor(reported, 15_000, `the file watcher to report ${path.relative(root, control)}, which tells whether it saw the repository`);
    assert.deepEqual(created.filter((p) => p.startsWith(repo)), [], 'the file watcher reported nothing of the repository: only the command end can have found it');
  });
});
