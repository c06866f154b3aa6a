import * as vscode from 'vscode';
import { delay } from './wait';

/**
 * Edits and saves a document the way a person does, with the times VS Code reported each save.
 * Under heavy load the workbench occasionally answers a save with false (a save participant or
 * the disk check timed out); such a save is retried, because the suite tests the recorder, not
 * the workbench's save pipeline, and it counts only the saves VS Code says happened.
 */
/** Saves `doc`, again when the workbench answers false under load (see editAndSave); throws after four refusals. */
export async function saveDocument(doc: vscode.TextDocument): Promise<void> {
  let ok = await doc.save();
  for (let attempt = 1; !ok && attempt < 4; attempt++) {
    await delay(300);
    ok = await doc.save();
  }
  if (!ok) throw new Error(`saving ${doc.uri.fsPath} failed four times`);
}

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
