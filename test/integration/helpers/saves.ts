import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { delay } from './wait';

/**
 * Saves `doc` once, as Ctrl+S does, and fails with what VS Code and the disk said if the save is
 * refused. No second try: a refused save is a finding, not noise.
 *
 * The one refusal seen under load had a cause in the profile, not in the save: the web workbench
 * (code-server) auto-saves 1 s after an edit by default, and while that auto save runs its save
 * participants (an extension-host round trip, up to 1.75 s on a loaded machine) VS Code answers
 * any other save of the document with false, as a "recursive" save (TextFileEditorModel.doSave).
 * scripts/runIntegrationTests.mjs therefore turns auto save off, as desktop VS Code has it; this
 * checks that, so a profile that turns it back on fails here, by name, not as a flake.
 */
export async function saveDocument(doc: vscode.TextDocument): Promise<void> {
  const autoSave = vscode.workspace.getConfiguration('files', doc.uri).get<string>('autoSave');
  if (autoSave !== 'off') {
    throw new Error(`files.autoSave is "${autoSave}" for ${doc.uri.fsPath}: an auto save running alongside makes VS Code refuse this save; the suite's profile turns it off`);
  }
  // Which saves VS Code ran meanwhile, and why: an auto save shows up here as AfterDelay.
  const reasons: string[] = [];
  const listener = vscode.workspace.onWillSaveTextDocument((e) => {
    if (e.document.uri.toString() === doc.uri.toString()) reasons.push(vscode.TextDocumentSaveReason[e.reason]);
  });
  try {
    if (await doc.save()) return;
    const refused = describe(doc, reasons);
    // Only to say more about the refusal: the test fails whatever this answers.
    await delay(2000);
    const second = await doc.save();
    throw new Error(`VS Code refused to save ${doc.uri.fsPath}: ${refused}; 2 s later a second save answered ${second} (${describe(doc, reasons)})`);
  } finally {
    listener.dispose();
  }
}

/** The document's state beside the file's on disk, and the saves VS Code started. */
function describe(doc: vscode.TextDocument, reasons: readonly string[]): string {
  let disk: string;
  try {
    const stat = fs.statSync(doc.uri.fsPath);
    const same = fs.readFileSync(doc.uri.fsPath, 'utf8') === doc.getText();
    disk = `on disk ${stat.size} bytes, modified ${new Date(stat.mtimeMs).toISOString()}, ${same ? 'the same as' : 'not'} the document's text`;
  } catch (err) {
    disk = `on disk: ${err instanceof Error ? err.message : String(err)}`;
  }
  return `document version ${doc.version}, ${doc.isDirty ? 'dirty' : 'not dirty'}${doc.isClosed ? ', closed' : ''}; ${disk}; will-save events: ${reasons.join(', ') || 'none'}`;
}

/** Edits and saves a document the way a person does, with the times VS Code reported each save. */
export async function editAndSave(doc: vscode.TextDocument, times: number): Promise<number[]> {
  const saved: number[] = [];
  const listener = vscode.workspace.onDidSaveTextDocument((d) => {
    if (d.uri.toString() === doc.uri.toString()) saved.push(Date.now());
  });
  try {
    for (let i = 0; i < times; i++) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), `// edit ${i}\n`);
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`edit ${i} of ${doc.uri.fsPath} was not applied`);
      await saveDocument(doc);
    }
    // onDidSaveTextDocument reaches the extension host just after save() resolves.
    for (let wait = 0; saved.length < times && wait < 40; wait++) await delay(50);
    return saved;
  } finally {
    listener.dispose();
  }
}
