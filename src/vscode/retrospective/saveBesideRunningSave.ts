/**
 * Saves a document that Finish has just edited, and tells a save that VS Code turned down because
 * another save of the same document was running apart from a save that really failed.
 *
 * While a save runs its save participants (onWillSaveTextDocument listeners, trim whitespace...),
 * VS Code answers any other save of that document with false without trying it
 * (TextFileEditorModel.doSave: "refusing to save() recursively from save participant"). The web
 * workbench (code-server, vscode.dev) auto-saves 1 s after an edit by default, so a Finish right
 * after an edit can meet one. That running save writes the document as it is once its participants
 * end, Finish's edit included, so the refusal is no failure: once the running save is over, the
 * next save either finds the document saved (true) or writes it itself.
 *
 * A save that VS Code does try (and that fails: a write-protected file, a folder that cannot be
 * written) runs its participants first, so its own will-save event shows here: that answer is final.
 * So is a turned-down save of a document that is not dirty: a running save only matters while
 * the edit waits to be written (a file VS Code holds read-only turns saves down, edits unapplied).
 */
import * as vscode from 'vscode';
import type { Log } from '../log';

/**
 * How often a turned-down save is tried again when the running save ends without a did-save
 * event (it failed, or its progress was cancelled). A turned-down save costs one round trip to
 * the workbench and writes nothing.
 */
const RECHECK_MS = 250;
/** VS Code's own default for `files.participants.timeout`. */
const DEFAULT_PARTICIPANTS_TIMEOUT_MS = 60_000;

/** The longest the workbench lets a save's participants run: past that, a refusal is not about them. */
function participantsTimeoutMs(doc: vscode.TextDocument): number {
  const configured = vscode.workspace.getConfiguration('files', doc.uri).get<number>('participants.timeout');
  return typeof configured === 'number' && configured > 0 ? configured : DEFAULT_PARTICIPANTS_TIMEOUT_MS;
}

/** One save of `doc`, and whether VS Code tried it (ran its participants) or turned it down at once. */
async function saveOnce(doc: vscode.TextDocument): Promise<{ saved: boolean; tried: boolean }> {
  const uri = doc.uri.toString();
  let tried = false;
  const listener = vscode.workspace.onWillSaveTextDocument((e) => {
    if (e.document.uri.toString() === uri && e.reason === vscode.TextDocumentSaveReason.Manual) tried = true;
  });
  try {
    const saved = await doc.save();
    return { saved, tried };
  } finally {
    listener.dispose();
  }
}

/** Resolves when `doc` is saved (by any save) or after `ms`, whichever comes first. */
function savedOrAfter(doc: vscode.TextDocument, ms: number): { readonly done: Promise<void>; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listener: vscode.Disposable | undefined;
  const done = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    listener = vscode.workspace.onDidSaveTextDocument((d) => { if (d.uri.toString() === doc.uri.toString()) resolve(); });
  });
  return { done, dispose: () => { clearTimeout(timer); listener?.dispose(); } };
}

/**
 * Saves `doc`; true once its text is on disk. A save turned down while another save of the
 * document runs is tried again when that one ends (its did-save event) or every RECHECK_MS,
 * for at most `files.participants.timeout`.
 */
export async function saveBesideRunningSave(doc: vscode.TextDocument, log: Log): Promise<boolean> {
  const deadline = Date.now() + participantsTimeoutMs(doc);
  let turnedDown = 0;
  for (;;) {
    // Listening before the save: the running save can end before VS Code's answer arrives here.
    const wait = savedOrAfter(doc, RECHECK_MS);
    try {
      const { saved, tried } = await saveOnce(doc);
      // Not dirty: nothing of Finish's waits to be written, so no running save can write it (a
      // file VS Code holds read-only turns every save down and keeps no edit).
      if (saved || tried || !doc.isDirty || Date.now() > deadline) {
        if (turnedDown > 0) log.info(`Saving ${doc.uri.fsPath} was turned down ${turnedDown} time(s) while another save of it ran; then it answered ${saved}.`);
        return saved;
      }
      if (turnedDown++ === 0) log.info(`VS Code turned down saving ${doc.uri.fsPath} without trying: another save of it (an auto save) is running; saving again once it ends.`);
      await wait.done;
    } finally {
      wait.dispose();
    }
  }
}
