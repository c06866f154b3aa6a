import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import { EXTENSION_ID, getApi, workspaceRoot } from './helpers/extensionApi';
import { findLogLine } from './helpers/extensionLog';
import { uniqueName } from './helpers/gitRepo';
import { waitFor } from './helpers/wait';

/**
 * How long the test holds an auto save in its save participants. The extension host gives an
 * onWillSaveTextDocument listener 1.5 s before it drops the listener's wait and counts an error,
 * and the workbench stops waiting for the extension host after 1.75 s: a listener can hold a save
 * open for about that long, no longer, whatever the test wants.
 */
const HOLD_MS = 1400;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A finished-looking retrospective under scratch/ (or a folder of it), opened in an editor. */
async function openRetrospective(root: string, prefix: string, folder = ''): Promise<vscode.TextDocument> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const good = fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'retrospectives', 'good.md'), 'utf8');
  const file = path.join(root, 'scratch', folder, `${uniqueName(prefix)}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, good);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Appends a line to `doc` as a person types it. */
async function typeLine(doc: vscode.TextDocument, line: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), `\n${line}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit), `typed "${line}"`);
}

/**
 * Waits for what a person waits for before typing: the Markdown support VS Code starts for the
 * file (in this same extension host; seconds on a loaded machine), and one edit auto-saved. A held
 * auto save lasts at most HOLD_MS, so Finish must not share the host with a start-up meanwhile.
 */
async function settle(doc: vscode.TextDocument): Promise<void> {
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  const saved = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidSaveTextDocument((d) => { if (d.uri.toString() === doc.uri.toString()) { listener.dispose(); resolve(); } });
  });
  await typeLine(doc, 'A first thought, auto-saved.');
  await saved;
}

/**
 * Holds the next auto save of `doc` in its save participants, as a slow onWillSave listener of
 * another extension does, until `release()` or for HOLD_MS. `held` settles once it holds.
 */
function holdNextAutoSave(doc: vscode.TextDocument): { held: Promise<void>; release(): void; dispose(): void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  let listener: vscode.Disposable | undefined;
  const held = new Promise<void>((resolve) => {
    listener = vscode.workspace.onWillSaveTextDocument((e) => {
      if (e.document.uri.toString() !== doc.uri.toString() || e.reason !== vscode.TextDocumentSaveReason.AfterDelay) return;
      listener?.dispose();
      e.waitUntil(Promise.race([released, new Promise<void>((r) => setTimeout(r, HOLD_MS))]));
      resolve();
    });
  });
  return { held, release, dispose: () => { release(); listener?.dispose(); } };
}

describe('Finish beside an auto save (the web workbench default)', function () {
  let api: SessionJournalApi;
  let root: string;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    // The suite's profile turns auto save off; these tests turn it back on as code-server ships it, with a short delay.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Workspace);
    await files.update('autoSaveDelay', 50, vscode.ConfigurationTarget.Workspace);
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'afterDelay');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    await files.update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('finishes while an auto save holds the retrospective in its save participants: no "read-only?" error, the finished text on disk', async function () {
    this.timeout(60_000);
    const doc = await openRetrospective(root, 'autosaved');
    const file = doc.uri.fsPath;
    await settle(doc);
    const hold = holdNextAutoSave(doc);
    try {
      // The person's last edit, just before Finish: its auto save starts 50 ms later and is held.
      await typeLine(doc, 'One last line typed before Finish.');
      await hold.held;

      // Finish's save meets the held auto save: the fix waits for it to end; without the fix Finish gives up at once.
      const started = Date.now();
      await Promise.resolve(vscode.commands.executeCommand('sessionJournal.finishRetrospective', doc.uri, { asDraft: true })).finally(() => hold.release());
      const took = Date.now() - started;

      const turnedDown = new RegExp(`turned down saving ${escapeRegExp(file)}`);
      const failed = new RegExp(`Finish could not apply or save its edit to ${escapeRegExp(file)}`);
      // VS Code writes the log file on its own schedule: the lines are waited for, after the fact.
      await waitFor(() => findLogLine(api.controller.journalDir, turnedDown) ?? findLogLine(api.controller.journalDir, failed), 10_000,
        `Finish to meet the held auto save (the race this test is about; Finish took ${took} ms, the hold lasts ${HOLD_MS} ms)`);
      assert.equal(findLogLine(api.controller.journalDir, failed), undefined, 'Finish showed no "could not be saved (…): is the file read-only?" error');
      const preview = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(path.basename(file))), 10_000, 'the preview Finish opens after saving');
      assert.ok(preview);
      const onDisk = fs.readFileSync(file, 'utf8');
      assert.equal(doc.isDirty, false, 'the document is saved');
      assert.equal(onDisk, doc.getText(), 'the file on disk is the finished text');
      assert.match(onDisk, /^## Retrospective Validation/m, 'Finish wrote its checklist');
      assert.match(onDisk, /One last line typed before Finish\./, 'the edit made before Finish is kept');
    } finally {
      hold.dispose();
    }
  });

  it('still says a retrospective whose folder cannot be written could not be saved, at once, and keeps the finished text in the editor', async function () {
    this.timeout(60_000);
    const doc = await openRetrospective(root, 'unwritable', uniqueName('folder'));
    const file = doc.uri.fsPath;
    const folder = path.dirname(file);
    const before = fs.readFileSync(file, 'utf8');
    // The folder becomes a file: no save can write there, even as root (chmod would not stop root).
    fs.renameSync(folder, `${folder}.moved`);
    fs.writeFileSync(folder, 'not a folder\n');
    try {
      const started = Date.now();
      await vscode.commands.executeCommand('sessionJournal.finishRetrospective', doc.uri, { asDraft: true });
      const took = Date.now() - started;
      assert.ok(fs.statSync(folder).isFile(), 'nothing was written where the folder was');
      assert.equal(fs.readFileSync(path.join(`${folder}.moved`, path.basename(file)), 'utf8'), before, 'the retrospective as it was is untouched');
      assert.ok(doc.isDirty, 'the finished text waits in the editor');
      assert.match(doc.getText(), /^## Retrospective Validation/m, 'nothing Finish wrote is lost');
      const failed = new RegExp(`Finish could not apply or save its edit to ${escapeRegExp(file)}`);
      await waitFor(() => findLogLine(api.controller.journalDir, failed), 10_000, 'the "could not be saved" error to be logged');
      // A save VS Code tried and that failed is final: Finish does not wait out files.participants.timeout (60 s).
      assert.ok(took < 20_000, `Finish answered in ${took} ms`);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(folder, { force: true });
      fs.rmSync(`${folder}.moved`, { recursive: true, force: true });
    }
  });

  it('still says a retrospective VS Code holds read-only (files.readonlyInclude) could not be saved, at once', async function () {
    this.timeout(60_000);
    const folder = uniqueName('readonly');
    const files = vscode.workspace.getConfiguration('files');
    await files.update('readonlyInclude', { [`**/${folder}/**`]: true }, vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await openRetrospective(root, 'held', folder);
      const file = doc.uri.fsPath;
      const before = fs.readFileSync(file, 'utf8');
      const started = Date.now();
      await vscode.commands.executeCommand('sessionJournal.finishRetrospective', doc.uri, { asDraft: true });
      const took = Date.now() - started;
      assert.equal(fs.readFileSync(file, 'utf8'), before, 'the file on disk is untouched');
      const failed = new RegExp(`Finish could not apply or save its edit to ${escapeRegExp(file)}`);
      await waitFor(() => findLogLine(api.controller.journalDir, failed), 10_000, 'the "could not be saved" error to be logged');
      // VS Code turns every save of it down without trying: Finish must not take that for a running save and wait 60 s.
      assert.ok(took < 20_000, `Finish answered in ${took} ms`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await files.update('readonlyInclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
