import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import type { CommitEvent, JournalEvent } from '../../src/core/journal/events';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { excludeFromStatus, git, head, initRepo, uniqueName, writeLines } from './helpers/gitRepo';
import type { IntegratedTerminal } from './helpers/terminal';
import { openIntegratedTerminal, runInTerminal } from './helpers/terminal';
import { editAndSave } from './helpers/saves';
import { ManualTimers } from './helpers/manualTimers';
import { waitFor } from './helpers/wait';

/** Files the suite creates live here; .git/info/exclude keeps them out of the sample repo's status. */
const SCRATCH = 'scratch';

function commitWithHash(api: SessionJournalApi, hash: string): CommitEvent | undefined {
  return eventsOf(api, 'commit').find((e) => e.hash === hash);
}

/** Milliseconds from the first to the last of `times`. */
function span(times: readonly number[]): number {
  return times.length ? Math.max(...times) - Math.min(...times) : 0;
}

function waitForCommit(api: SessionJournalApi, hash: string, timeoutMs = 15_000): Promise<CommitEvent> {
  return waitFor(() => commitWithHash(api, hash), timeoutMs, `a commit event for ${hash.slice(0, 7)}`);
}

describe('capture (real workspace repository, real terminal)', function () {
  let api: SessionJournalApi;
  let root: string;
  let term: IntegratedTerminal;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    excludeFromStatus(root, SCRATCH);
    await startSession(api, 'integration focus');
    term = await openIntegratedTerminal('it', root);
  });

  after(async function () {
    term?.terminal.dispose();
    if (root && git(root, 'rev-parse', '--abbrev-ref', 'HEAD') !== 'main') git(root, 'checkout', '-q', 'main');
    if (api) await endSession(api);
  });

  it('started the session with the focus passed to the command', () => {
    const start = eventsOf(api, 'session-start')[0];
    assert.ok(start, 'a session-start event is recorded');
    assert.equal(start.focus, 'integration focus');
    assert.equal(start.trusted, true);
    assert.deepEqual(start.folders, [path.basename(root)]);
  });

  it('records a commit made by a child process with its hash, subject, files and line counts', async () => {
    const file = `notes/${uniqueName('child')}.txt`;
    writeLines(root, file, ['one', 'two', 'three', 'four', 'five']);
    // One line changed in a tracked file: +1 -1.
    const greet = path.join(root, 'src', 'greet.js');
    fs.writeFileSync(greet, fs.readFileSync(greet, 'utf8').replace('Hello', 'Hi'));
    git(root, 'add', file, 'src/greet.js');
    git(root, 'commit', '-q', '-m', 'Add notes from a child process');
    const hash = head(root);

    const commit = await waitForCommit(api, hash);
    assert.equal(commit.subject, 'Add notes from a child process');
    assert.equal(commit.operation, 'commit');
    assert.equal(commit.repo, '.');
    assert.equal(commit.branch, 'main');
    const files = [...commit.files].sort((a, b) => a.path.localeCompare(b.path));
    assert.deepEqual(files, [
      { path: file, added: 5, removed: 0 },
      { path: 'src/greet.js', added: 1, removed: 1 },
    ]);
    assert.equal(commit.added, 6);
    assert.equal(commit.removed, 1);
    const authorSeconds = Number(git(root, 'log', '-1', '--format=%at'));
    assert.equal(commit.authorTime, authorSeconds * 1000);
  });

  it('records a commit made in the integrated terminal as a command and as a commit', async () => {
    fs.appendFileSync(path.join(root, 'README.md'), `\nA line from the terminal test ${uniqueName('t')}.\n`);
    const exit = await runInTerminal(term, 'git commit -qam "from terminal"');
    assert.equal(exit, 0, 'git commit succeeded in the terminal');
    const hash = head(root);

    const command = await waitFor(
      () => eventsOf(api, 'command').find((e) => e.commandLine === 'git commit -qam "from terminal"'),
      10_000, 'the git commit command event');
    assert.equal(command.exitCode, 0);
    assert.equal(command.terminal, 'it');
    // The first command of a new terminal: VS Code has not reported the execution's cwd yet,
    // but the terminal's shell integration knows it.
    assert.equal(command.cwd, '.', 'the first command of a fresh terminal records its cwd');
    const commit = await waitForCommit(api, hash);
    assert.equal(commit.subject, 'from terminal');
    assert.deepEqual(commit.files.map((f) => f.path), ['README.md']);
    assert.equal(commit.added, 2);
  });

  it('records a failing command with its exit code, cwd, duration and terminal', async () => {
    const before = Date.now();
    const exit = await runInTerminal(term, 'bash -c "exit 3"');
    assert.equal(exit, 3);
    const command = await waitFor(() => eventsOf(api, 'command').find((e) => e.commandLine === 'bash -c "exit 3"'), 10_000, 'the failing command event');
    assert.equal(command.exitCode, 3);
    assert.equal(command.cwd, '.', 'the terminal was opened at the workspace root (code-server reports it as a vscode-local: URI)');
    assert.equal(command.terminal, 'it');
    assert.ok(command.durationMs >= 0, `durationMs ${command.durationMs}`);
    assert.ok(command.start >= before - 1000 && command.start <= command.time, 'start lies before the end, after the test began');
    assert.equal(command.time - command.start, command.durationMs);
  });

  it('coalesces saves within the quiet period into one saves event; saves after it make a second', async () => {
    // The test fires the coalescer's timers itself: however slowly this machine saves, no quiet
    // period passes until the test says so, and then it has passed for certain.
    const timers = new ManualTimers();
    api.useBurstScheduler(timers.schedule);
    try {
      const rel = `${SCRATCH}/${uniqueName('saved')}.js`;
      // Through VS Code's file service, not fs: a file written behind the editor's back right
      // before it is opened can make the first save look like a conflict with the disk.
      const uri = vscode.Uri.file(path.join(root, rel));
      await vscode.workspace.fs.writeFile(uri, Buffer.from('// saved by the integration suite\n'));
      const doc = await vscode.workspace.openTextDocument(uri);
      const bursts = () => eventsOf(api, 'saves').filter((e) => e.files.some((f) => f.path === rel));

      const first = await editAndSave(doc, 4);
      assert.equal(first.length, 4, 'VS Code reported every save');
      assert.deepEqual(bursts(), [], 'nothing is emitted while the burst gathers');
      assert.deepEqual(timers.waiting, [1500], 'one timer waits: the 1.5 s quiet period after the last save');
      timers.elapse();
      const one = bursts();
      // A burst is also capped at 10 s of real time: only a machine taking that long for 4 saves splits it.
      assert.equal(one.length, 1, `one saves event for 4 saves made within ${span(first)} ms: ${JSON.stringify(one)}`);
      assert.equal(one[0]?.count, 4);
      assert.deepEqual(one[0]?.files, [{ path: rel, languageId: 'javascript', count: 4 }]);

      const second = await editAndSave(doc, 2);
      assert.equal(second.length, 2, 'VS Code reported every save');
      assert.equal(bursts().length, 1, 'the second burst gathers');
      timers.elapse();
      const two = bursts();
      assert.equal(two.length, 2, `a quiet period between the saves: two saves events, ${JSON.stringify(two)}`);
      assert.deepEqual(two.map((b) => b.count), [4, 2]);
      assert.ok((two[0]?.time ?? 0) < (two[1]?.start ?? 0), 'the second burst begins after the first ended');
    } finally {
      api.useBurstScheduler(undefined);
    }
  });

  it('records an amend as operation "amend", a checkout and a hard reset as git-op events', async () => {
    writeLines(root, 'notes/amend.txt', ['first']);
    git(root, 'add', 'notes/amend.txt');
    git(root, 'commit', '-q', '-m', 'Before amend');
    await waitForCommit(api, head(root));
    git(root, 'commit', '-q', '--amend', '-m', 'After amend');
    const amended = await waitForCommit(api, head(root));
    assert.equal(amended.operation, 'amend');
    assert.equal(amended.subject, 'After amend');

    const branch = uniqueName('other');
    const seen = eventsOf(api, 'git-op').length;
    git(root, 'checkout', '-q', '-b', branch);
    const checkout = await waitFor(() => eventsOf(api, 'git-op').slice(seen).find((e) => e.op === 'checkout'), 15_000, 'a checkout git-op');
    assert.equal(checkout.repo, '.');
    assert.ok(checkout.message.includes(branch), checkout.message);
    assert.equal(checkout.to, branch);

    const target = git(root, 'rev-parse', 'HEAD~1');
    const commitsBefore = eventsOf(api, 'commit').length;
    git(root, 'reset', '-q', '--hard', 'HEAD~1');
    const reset = await waitFor(() => eventsOf(api, 'git-op').slice(seen).find((e) => e.op === 'reset'), 15_000, 'a reset git-op');
    assert.equal(reset.branch, branch);
    assert.ok(reset.message.includes('HEAD~1'), reset.message);
    assert.equal(head(root), target);
    // A reset moves HEAD without making a commit: no commit event for the target.
    assert.equal(eventsOf(api, 'commit').length, commitsBefore);
    git(root, 'checkout', '-q', 'main');
  });

  it('follows a nested repository created during the session', async () => {
    const rel = `${SCRATCH}/${uniqueName('nested')}`;
    const nested = path.join(root, rel);
    fs.mkdirSync(nested, { recursive: true });
    initRepo(nested);
    await waitFor(() => api.git()?.repositories.some((d) => path.resolve(d) === path.join(nested, '.git')), 15_000, 'the nested repository to be followed');
    writeLines(nested, 'inner.txt', ['a', 'b']);
    git(nested, 'add', 'inner.txt');
    git(nested, 'commit', '-q', '-m', 'Nested first commit');
    const commit = await waitForCommit(api, head(nested));
    assert.equal(commit.repo, rel);
    assert.equal(commit.subject, 'Nested first commit');
    assert.deepEqual(commit.files, [{ path: 'inner.txt', added: 2, removed: 0 }]);
  });

  it('records the first commit of a repository created and committed in one go (git init && git commit)', async () => {
    // What `git init && git add . && git commit -m init` does: no pause for the file watcher.
    const rel = `${SCRATCH}/${uniqueName('quick')}`;
    const nested = path.join(root, rel);
    fs.mkdirSync(nested, { recursive: true });
    initRepo(nested);
    writeLines(nested, 'first.txt', ['x']);
    git(nested, 'add', 'first.txt');
    git(nested, 'commit', '-q', '-m', 'Quick first commit');
    const commit = await waitForCommit(api, head(nested), 10_000);
    assert.equal(commit.repo, rel);
    assert.equal(commit.subject, 'Quick first commit');
  });

  it('stores a token typed in the terminal redacted, in memory and in the journal file', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const token = `ghp_${Array.from({ length: 36 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')}`;
    const exit = await runInTerminal(term, `export GITHUB_TOKEN=${token}`);
    assert.equal(exit, 0);
    const command = await waitFor(() => eventsOf(api, 'command').find((e) => e.commandLine.startsWith('export GITHUB_TOKEN=')), 10_000, 'the export command event');
    assert.ok(!command.commandLine.includes(token), `stored as ${command.commandLine}`);
    assert.ok(!command.commandLine.includes(token.slice(4)), 'no part of the token body survives');
    assert.ok(!JSON.stringify(api.controller.events()).includes(token.slice(4)), 'no event holds the token');

    await api.controller.flush();
    const dir = path.join(api.controller.journalDir, 'sessions');
    const sessionId = command.sessionId;
    const journals = fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
    assert.ok(journals.includes(`${sessionId}.jsonl`), `the session's journal is in ${dir}`);
    const own = fs.readFileSync(path.join(dir, `${sessionId}.jsonl`), 'utf8');
    assert.ok(own.includes('export GITHUB_TOKEN='), 'the command itself was written to disk');
    for (const name of journals) {
      assert.ok(!fs.readFileSync(path.join(dir, name), 'utf8').includes(token.slice(4)), `${name} holds no part of the token`);
    }
  });

  it('keeps a save made just before Pause, while its burst was still gathering', async () => {
    const rel = `${SCRATCH}/${uniqueName('before-pause')}.js`;
    const uri = vscode.Uri.file(path.join(root, rel));
    await vscode.workspace.fs.writeFile(uri, Buffer.from('// saved right before a pause\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    // The quiet period never passes on its own: the burst is still gathering when Pause comes.
    const timers = new ManualTimers();
    api.useBurstScheduler(timers.schedule);
    try {
      await editAndSave(doc, 1);
      const burstOf = (events: readonly JournalEvent[]) => events.findIndex((e) => e.kind === 'saves' && e.files.some((f) => f.path === rel));
      assert.equal(burstOf(api.controller.events()), -1, 'the burst has not been emitted yet');
      await vscode.commands.executeCommand('sessionJournal.pauseSession');
      assert.equal(api.controller.paused, true);
      // Pause itself emits the burst (no timer has fired), so it lands before the pause event,
      // in the journal's order as in time.
      const events = api.controller.events();
      const pause = events.map((e) => e.kind).lastIndexOf('session-pause');
      const burst = burstOf(events);
      assert.ok(burst !== -1, 'the save is on the timeline as soon as the session pauses');
      assert.ok(burst < pause, `the saves event comes before the pause event (${burst} < ${pause})`);
      assert.ok((events[burst]?.time ?? Infinity) <= (events[pause]?.time ?? -Infinity), 'and it happened before the pause');
    } finally {
      api.useBurstScheduler(undefined);
      await vscode.commands.executeCommand('sessionJournal.resumeSession');
    }
  });

  it('records nothing while paused and records again after resume', async () => {
    await vscode.commands.executeCommand('sessionJournal.pauseSession');
    assert.equal(api.controller.paused, true);
    writeLines(root, 'notes/paused.txt', ['while paused']);
    git(root, 'add', 'notes/paused.txt');
    git(root, 'commit', '-q', '-m', 'Made while paused');
    const pausedHash = head(root);
    // Let the reflog watcher see the line and the lookup queue drain while still paused.
    await api.flushCapture();
    await api.flushCapture();
    assert.equal(commitWithHash(api, pausedHash), undefined, 'a commit made while paused is not recorded');

    await vscode.commands.executeCommand('sessionJournal.resumeSession');
    assert.equal(api.controller.paused, false);
    writeLines(root, 'notes/resumed.txt', ['after resume']);
    git(root, 'add', 'notes/resumed.txt');
    git(root, 'commit', '-q', '-m', 'Made after resume');
    const resumed = await waitForCommit(api, head(root));
    assert.equal(resumed.subject, 'Made after resume');
    assert.equal(commitWithHash(api, pausedHash), undefined, 'the paused commit stays unrecorded after resume');
    const kinds = api.controller.events().map((e) => e.kind);
    assert.ok(kinds.lastIndexOf('session-pause') < kinds.lastIndexOf('session-resume'));
  });
});
