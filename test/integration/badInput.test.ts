import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import type { CommitEvent, SaveBurstEvent } from '../../src/core/journal/events';
import { parseJournal } from '../../src/core/journal/journalCodec';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { excludeFromStatus, git, head, initRepo, uniqueName } from './helpers/gitRepo';
import { saveDocument } from './helpers/saves';
import { waitFor } from './helpers/wait';

/** Everything this file creates lives here; .git/info/exclude keeps it out of the sample repo's status. */
const AREA = 'bad-input';

function commitWithHash(api: SessionJournalApi, hash: string): CommitEvent | undefined {
  return eventsOf(api, 'commit').find((e) => e.hash === hash);
}

function waitForCommit(api: SessionJournalApi, hash: string, timeoutMs = 20_000): Promise<CommitEvent> {
  return waitFor(() => commitWithHash(api, hash), timeoutMs, `a commit event for ${hash.slice(0, 7)}`);
}

/** The saves event listing `rel`, once the save burst has been emitted. */
async function waitForSave(api: SessionJournalApi, rel: string): Promise<SaveBurstEvent> {
  return waitFor(async () => {
    await api.flushCapture();
    return eventsOf(api, 'saves').find((e) => e.files.some((f) => f.path === rel));
  }, 10_000, `a saves event for ${rel.slice(0, 60)}…`);
}

/** Opens a file as a text document, changes it and saves it, as an editor would. */
async function editAndSave(file: string, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
  await saveDocument(doc);
}

/** A nested repository that the git adapter follows (it is picked up from its .git/HEAD appearing). */
async function followed(api: SessionJournalApi, repoRoot: string): Promise<void> {
  const gitDir = path.join(repoRoot, '.git');
  await waitFor(() => api.git()?.repositories.some((d) => path.resolve(d) === gitDir), 20_000, `the repository ${path.basename(repoRoot)} to be followed`);
}

describe('bad input (binary, huge, odd names, huge commits, odd repositories, git missing)', function () {
  this.timeout(120_000);
  let api: SessionJournalApi;
  let root: string;
  let area: string;
  /** A branch of this file's own: its commits never reach main, where later files commit with -a. */
  let ownBranch: string;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    area = path.join(root, AREA);
    fs.mkdirSync(area, { recursive: true });
    excludeFromStatus(root, AREA);
    ownBranch = uniqueName('bad-input');
    git(root, 'checkout', '-q', '-b', ownBranch);
    await startSession(api, 'bad input');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api) {
      await api.controller.flush();
      const sessionId = api.controller.events()[0]?.sessionId;
      if (sessionId) {
        // Whatever was thrown at it, the journal still reads back without a single skipped line.
        const text = fs.readFileSync(path.join(api.controller.journalDir, 'sessions', `${sessionId}.jsonl`), 'utf8');
        const parsed = parseJournal(text);
        assert.deepEqual(parsed.problems, [], 'the journal reads back cleanly');
        assert.ok(parsed.events.length >= api.controller.events().length);
      }
      await endSession(api);
    }
    if (root) git(root, 'checkout', '-q', '-f', 'main');
    if (area) fs.rmSync(area, { recursive: true, force: true });
  });

  it('a binary file: its creation is recorded by path; VS Code will not open it as text, so there is no save to record', async () => {
    const rel = `${AREA}/${uniqueName('image')}.bin`;
    const file = path.join(root, rel);
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131) % 256;
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0], 0);
    const seen = api.controller.events().length;
    const since = () => api.controller.events().slice(seen);
    // Created the way the explorer or another extension creates a file: a workspace edit, which
    // VS Code reports as a file operation (a file written behind its back is not reported at all).
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(vscode.Uri.file(file), { contents: bytes });
    assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code created the file');
    const created = await waitFor(async () => {
      await api.flushCapture();
      return eventsOf(api, 'file-op').find((e) => e.op === 'create' && e.paths.includes(rel));
    }, 10_000, `a file-op create event for ${rel}`);
    assert.deepEqual(created.paths, [rel], 'the creation is recorded by its path');
    assert.ok(JSON.stringify(created).length < 500, 'the event holds the path, not the content');

    let opened = true;
    try {
      await editAndSave(file, 'x');
    } catch (err) {
      opened = false;
      // VS Code will not open binary content as a text document: there is no save.
      assert.match(String(err instanceof Error ? err.message : err), /binary/i);
      console.log(`      binary file not opened as text: ${err instanceof Error ? err.message.slice(0, 120) : String(err)}`);
    }
    await api.flushCapture();
    const saves = since().filter((e) => e.kind === 'saves' && e.files.some((f) => f.path === rel));
    if (opened) {
      assert.equal(saves.length, 1, 'the save is recorded');
      assert.ok(JSON.stringify(saves[0]).length < 1000, 'the save event holds the path, not the content');
    } else {
      assert.deepEqual(saves, [], 'no save happened, none is recorded');
      assert.deepEqual(fs.readFileSync(file), bytes, 'the file is as it was created');
    }

    // Nothing lost: capture goes on (a text save right after is recorded), no notice of a
    // problem was raised, and the creation reached the journal on disk.
    const next = `${AREA}/${uniqueName('after-binary')}.txt`;
    fs.writeFileSync(path.join(root, next), 'text\n');
    await editAndSave(path.join(root, next), 'more ');
    await waitForSave(api, next);
    assert.ok(api.controller.recording, 'still recording');
    assert.deepEqual(since().filter((e) => e.kind === 'notice'), [], 'no notice of a problem');
    await api.controller.flush();
    const journal = fs.readFileSync(path.join(api.controller.journalDir, 'sessions', `${created.sessionId}.jsonl`), 'utf8');
    assert.ok(parseJournal(journal).events.some((e) => e.id === created.id), 'the file-op event is in the journal file');
  });

  it('a 5 MB file: the save is recorded with its path, none of its content', async () => {
    const rel = `${AREA}/${uniqueName('big')}.txt`;
    const file = path.join(root, rel);
    const line = 'lorem ipsum dolor sit amet, a line of a five megabyte file\n';
    fs.writeFileSync(file, line.repeat(Math.ceil((5 * 1024 * 1024) / line.length)));
    assert.ok(fs.statSync(file).size >= 5 * 1024 * 1024);
    await editAndSave(file, 'edited\n');
    const burst = await waitForSave(api, rel);
    assert.equal(burst.files.find((f) => f.path === rel)?.count, 1);
    assert.ok(JSON.stringify(burst).length < 1000, 'the save event holds the path, not the content');
    assert.ok(!JSON.stringify(api.controller.events()).includes('lorem ipsum'), 'no content in any event');
  });

  it('a path of 200+ characters in deep folders: saved and recorded with the whole relative path', async () => {
    const segments = Array.from({ length: 12 }, (_, i) => `deeply-nested-folder-${i}`);
    const rel = [AREA, uniqueName('deep'), ...segments, 'a file with spaces and ünïcode.ts'].join('/');
    assert.ok(rel.length > 200, `path length ${rel.length}`);
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'export const x = 1;\n');
    await editAndSave(file, '// edited\n');
    const burst = await waitForSave(api, rel);
    assert.equal(burst.files.find((f) => f.path === rel)?.languageId, 'typescript');
  });

  it('a file name that is not UTF-8: VS Code cannot address it; a commit of it is still recorded', async () => {
    const dirRel = `${AREA}/${uniqueName('latin1')}`;
    const dir = path.join(root, dirRel);
    fs.mkdirSync(dir, { recursive: true });
    // "café.txt" in Latin-1: the é is the single byte 0xE9, which is not valid UTF-8.
    const rawName = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), rawName]), 'latin-1 name\n');
    // VS Code URIs are strings: the name comes back with U+FFFD, which maps to other bytes on disk.
    const listed = await vscode.workspace.fs.readDirectory(vscode.Uri.file(dir));
    const seen = listed.map(([name]) => name);
    assert.equal(seen.length, 1);
    const name = seen[0] ?? '';
    let opened = false;
    try {
      await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.Uri.file(dir), name));
      opened = true;
    } catch (err) {
      console.log(`      non-UTF-8 name listed as ${JSON.stringify(name)}; opening it fails: ${err instanceof Error ? err.message.slice(0, 100) : String(err)}`);
    }
    if (opened) console.log(`      non-UTF-8 name ${JSON.stringify(name)} opened as text`);

    git(root, 'add', '-f', dirRel);
    git(root, 'commit', '-q', '-m', 'Add a file with a Latin-1 name');
    const commit = await waitForCommit(api, head(root));
    assert.equal(commit.subject, 'Add a file with a Latin-1 name');
    assert.equal(commit.files.length, 1);
    const stored = commit.files[0]?.path ?? '';
    assert.ok(stored.startsWith(`${dirRel}/caf`) && stored.endsWith('.txt'), `stored as ${JSON.stringify(stored)}`);
    assert.equal(commit.added, 1);
  });

  it('a commit of 10,000 files: true totals, 500 files listed, filesTruncated the rest', async function () {
    this.timeout(240_000);
    const branch = uniqueName('huge');
    const dirRel = `${AREA}/${uniqueName('tenk')}`;
    const dir = path.join(root, dirRel);
    for (let d = 0; d < 100; d++) {
      fs.mkdirSync(path.join(dir, `d${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(dir, `d${d}`, `f${f}.txt`), `file ${d}/${f}\n`);
    }
    // On a branch of its own, so leaving it takes the 10,000 files away again.
    git(root, 'checkout', '-q', '-b', branch);
    try {
      git(root, 'add', '-f', dirRel);
      git(root, 'commit', '-q', '-m', 'Add 10,000 generated files');
      const commit = await waitForCommit(api, head(root), 120_000);
      assert.equal(commit.files.length, 500);
      assert.equal(commit.filesTruncated, 9500);
      assert.equal(commit.added, 10_000);
      assert.equal(commit.removed, 0);
      assert.equal(commit.branch, branch);
      await api.controller.flush();
      const journal = fs.readFileSync(path.join(api.controller.journalDir, 'sessions', `${commit.sessionId}.jsonl`), 'utf8');
      const line = journal.split('\n').find((l) => l.includes(commit.hash)) ?? '';
      assert.ok(line.length > 0 && line.length < 100_000, `the commit's journal line is ${line.length} characters`);
    } finally {
      git(root, 'checkout', '-q', '-f', ownBranch);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a commit on a detached HEAD: recorded without a branch', async () => {
    git(root, 'checkout', '-q', '--detach');
    try {
      git(root, 'commit', '-q', '--allow-empty', '-m', 'Commit on a detached HEAD');
      const commit = await waitForCommit(api, head(root));
      assert.equal(commit.subject, 'Commit on a detached HEAD');
      assert.equal(commit.branch, undefined);
      assert.equal(commit.operation, 'commit');
      assert.equal(commit.repo, '.');
    } finally {
      git(root, 'checkout', '-q', ownBranch);
    }
  });

  it('a shallow clone inside the workspace: its commits are recorded', async () => {
    const rel = `${AREA}/${uniqueName('shallow')}`;
    const clone = path.join(root, rel);
    git(area, 'clone', '-q', '--depth', '1', `file://${root}`, clone);
    assert.equal(git(clone, 'rev-parse', '--is-shallow-repository'), 'true');
    git(clone, 'config', 'user.name', 'Sample Dev');
    git(clone, 'config', 'user.email', 'dev@example.com');
    await followed(api, clone);
    fs.writeFileSync(path.join(clone, 'shallow.txt'), 'one\ntwo\n');
    git(clone, 'add', 'shallow.txt');
    git(clone, 'commit', '-q', '-m', 'Commit in a shallow clone');
    const commit = await waitForCommit(api, head(clone));
    assert.equal(commit.repo, rel);
    assert.equal(commit.subject, 'Commit in a shallow clone');
    assert.deepEqual(commit.files, [{ path: 'shallow.txt', added: 2, removed: 0 }]);
  });

  it('a repository with no commits: its first commit is recorded as operation "initial"', async () => {
    const rel = `${AREA}/${uniqueName('empty')}`;
    const repo = path.join(root, rel);
    fs.mkdirSync(repo, { recursive: true });
    initRepo(repo);
    await followed(api, repo);
    fs.writeFileSync(path.join(repo, 'first.txt'), 'first\n');
    git(repo, 'add', 'first.txt');
    git(repo, 'commit', '-q', '-m', 'The very first commit');
    const commit = await waitForCommit(api, head(repo));
    assert.equal(commit.operation, 'initial');
    assert.equal(commit.repo, rel);
    assert.equal(commit.branch, 'main');
    assert.deepEqual(commit.files, [{ path: 'first.txt', added: 1, removed: 0 }]);
  });

  it('git.path set to a missing binary: the commit is recorded from the reflog, without files, with a git-missing notice', async () => {
    const config = vscode.workspace.getConfiguration('git');
    await config.update('path', '/nonexistent/git', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => vscode.workspace.getConfiguration('git').get('path') === '/nonexistent/git', 5000, 'git.path to change');
      const rel = `${AREA}/${uniqueName('nogit')}.txt`;
      fs.writeFileSync(path.join(root, rel), 'a\nb\n');
      git(root, 'add', '-f', rel);
      git(root, 'commit', '-q', '-m', 'Committed while git.path is wrong');
      const commit = await waitForCommit(api, head(root));
      assert.equal(commit.subject, 'Committed while git.path is wrong');
      assert.deepEqual(commit.files, [], 'no files: git could not be asked');
      assert.equal(commit.added, 0);
      assert.equal(commit.branch, ownBranch);
      const notice = await waitFor(() => eventsOf(api, 'notice').find((e) => e.code === 'git-missing'), 10_000, 'a git-missing notice');
      assert.ok(notice.message.includes('git'), notice.message);
    } finally {
      await config.update('path', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
