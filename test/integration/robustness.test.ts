import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import { describeEvent } from '../../src/core/timeline/describeEvent';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { git, head, uniqueName, writeLines } from './helpers/gitRepo';
import { runAcceptingPrompts } from './helpers/quickInput';
import { nextStart, openIntegratedTerminal, runInTerminal } from './helpers/terminal';
import { editAndSave } from './helpers/saves';
import { findLogLine } from './helpers/extensionLog';
import { waitFor } from './helpers/wait';

/** The journal's cap on a command line (MAX_COMMAND_LINE in src/core/capture/commandRecord.ts), as the spec says it. */
const MAX_COMMAND_LINE = 4000;
/** Five times the cap, short enough for bash's line editor (slow on long lines, over a minute for 100k characters on a loaded machine) to take in a second or two. 1 MB lines are covered by the redaction unit tests. */
const LONG_LINE_LENGTH = Number(process.env.SJ_LONG_LINE || 20_000);

describe('robustness (huge inputs, unwritable folders, excluded files)', function () {
  let api: SessionJournalApi;
  let root: string;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
  });

  afterEach(async function () {
    if (api) await endSession(api);
  });

  after(async function () {
    await vscode.workspace.getConfiguration('sessionJournal').update('retrospective.folder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('stores a very long terminal command line shortened, with its original length, and says its end was not reported', async function () {
    this.timeout(90_000);
    await startSession(api, 'long command line');
    const term = await openIntegratedTerminal('robust-long', root);
    // Type at a prompt, as a person does. Shell integration is reported while bash still reads
    // its rc files; a line sent then goes through the tty's canonical mode, which keeps 4095
    // characters, and bash runs the cut line. The end of a first short command means the prompt is up.
    assert.equal(await runInTerminal(term, 'true'), 0, 'the prompt is up');
    // It runs for ten minutes, so the test never waits for its end: the person closes the terminal.
    const line = `sleep 600; echo ${'x'.repeat(LONG_LINE_LENGTH)} > /dev/null`;
    const started = nextStart(term, (l) => l.startsWith('sleep 600; echo xxxx'), 30_000);
    term.terminal.sendText(line, true);
    const reported = (await started).commandLine.value;
    assert.equal(reported.length, line.length, 'the shell received the whole line');
    const closed = new Promise<void>((resolve) => {
      const listener = vscode.window.onDidCloseTerminal((t) => { if (t === term.terminal) { listener.dispose(); resolve(); } });
    });
    term.terminal.dispose();
    await closed;

    const command = await waitFor(() => eventsOf(api, 'command').find((e) => e.commandLine.startsWith('sleep 600; echo xxxx')), 10_000, 'the long command event');
    assert.ok(command.commandLine.length <= MAX_COMMAND_LINE, `stored ${command.commandLine.length} characters`);
    assert.ok(command.commandLine.endsWith('…'), 'the cut is marked');
    assert.equal(command.originalLength, line.length);
    assert.equal(command.endNotReported, 'terminal-closed');
    assert.equal(command.exitCode, null, 'an end not reported is never a success');
    assert.match(describeEvent(command).title, /end not reported \(terminal closed\) after /, 'the Timeline says so');
    await api.controller.flush();
    const journal = fs.readFileSync(path.join(api.controller.journalDir, 'sessions', `${command.sessionId}.jsonl`), 'utf8');
    const longest = Math.max(...journal.split('\n').map((l) => l.length));
    assert.ok(longest < MAX_COMMAND_LINE + 2000, `no journal line holds the whole command (longest ${longest})`);
  });

  it('keeps a 600-file commit to 500 listed files with true totals', async function () {
    this.timeout(60_000);
    await startSession(api, 'huge commit');
    const dir = `bulk/${uniqueName('many')}`;
    for (let i = 0; i < 600; i++) writeLines(root, `${dir}/f${String(i).padStart(3, '0')}.txt`, [`line ${i}`]);
    git(root, 'add', dir);
    git(root, 'commit', '-q', '-m', 'Add 600 generated files');
    const hash = head(root);
    const commit = await waitFor(() => eventsOf(api, 'commit').find((e) => e.hash === hash), 20_000, 'the 600-file commit');
    assert.equal(commit.files.length, 500);
    assert.equal(commit.filesTruncated, 100);
    assert.equal(commit.added, 600, 'totals count every file, listed or not');
    assert.equal(commit.removed, 0);
  });

  it('does not record saves of files excluded by default (.env)', async function () {
    await startSession(api, 'excluded paths');
    const env = path.join(root, 'scratch', '.env');
    const plain = path.join(root, 'scratch', `${uniqueName('plain')}.txt`);
    // Through VS Code's file service, so the first save never looks like a conflict with the disk.
    await vscode.workspace.fs.writeFile(vscode.Uri.file(env), Buffer.from('API_KEY=abc\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.file(plain), Buffer.from('plain\n'));
    for (const file of [env, plain]) {
      const doc = await vscode.workspace.openTextDocument(file);
      assert.equal((await editAndSave(doc, 1)).length, 1, `${file} was saved`);
    }
    await api.flushCapture();
    const saved = await waitFor(() => {
      const paths = eventsOf(api, 'saves').flatMap((e) => e.files.map((f) => f.path));
      return paths.length ? paths : undefined;
    }, 5000, 'a saves event');
    assert.deepEqual(saved, [path.relative(root, plain)], '.env is left out, the plain file is in');
  });

  it('writes the draft into the extension storage when the retrospectives folder cannot be written', async function () {
    this.timeout(90_000);
    // README.md is a file, so README.md/sub can never be created, even by root (chmod would not stop root).
    await vscode.workspace.getConfiguration('sessionJournal').update('retrospective.folder', 'README.md/sub', vscode.ConfigurationTarget.Workspace);
    await startSession(api, 'unwritable folder');
    writeLines(root, `notes/${uniqueName('unwritable')}.txt`, ['kept']);
    git(root, 'add', 'notes');
    git(root, 'commit', '-q', '-m', 'Commit before an unwritable export');
    const hash = head(root);
    await waitFor(() => eventsOf(api, 'commit').find((e) => e.hash === hash), 15_000, 'the commit event');
    const sessionId = api.controller.events()[0]?.sessionId;
    assert.ok(sessionId);

    await runAcceptingPrompts('sessionJournal.endSession', [], 3, 30_000);
    assert.equal(api.controller.active, false, 'the session ended despite the unwritable folder');
    const fallback = path.join(api.controller.journalDir, 'retrospectives');
    const editor = await waitFor(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.startsWith(fallback + path.sep)),
      15_000, `a draft editor under ${fallback}`);
    const file = editor.document.uri.fsPath;
    assert.ok(fs.existsSync(file), 'the draft is on disk in the extension storage');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith(`<!-- session-journal:session ${sessionId} -->`));
    assert.match(text, new RegExp(`Commit ${hash.slice(0, 7)}: \`Commit before an unwritable export\``), 'nothing captured is lost');
    assert.ok(fs.statSync(path.join(root, 'README.md')).isFile(), 'README.md is untouched');
    assert.ok(fs.existsSync(path.join(api.controller.journalDir, 'sessions', `${sessionId}.jsonl`)), 'the journal itself is kept');
    // The user is told through a warning notification (not readable through the API) and the log.
    const logged = await waitFor(() => findLogLine(api.controller.journalDir, /Could not write to README\.md\/sub/), 5000, 'the fallback to be logged');
    assert.match(logged, /warn/i);
  });
});
