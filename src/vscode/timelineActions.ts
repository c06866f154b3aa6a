import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WebviewToHostMessage } from '../shared/protocol';
import { CommandIds } from './commands/commandIds';
import { deleteEntry, editEntry } from './commands/editEntry';
import type { SessionController } from './sessionController';
import type { Log } from './log';
import type { GitRunner } from '../core/git/gitRunner';

/** The Get Started walkthrough: `<publisher>.<name>#<id>` of package.json's contributes.walkthroughs. */
const WALKTHROUGH_ID = 'session-journal.session-journal#getStarted';

/** Resolves a workspace-relative path from the journal (multi-root paths start with the folder name). */
export function resolveWorkspacePath(relative: string): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0 || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) return undefined;
  if (folders.length === 1 && folders[0]) return vscode.Uri.joinPath(folders[0].uri, relative);
  const [first, ...rest] = relative.split('/');
  const folder = folders.find((f) => f.name === first);
  return folder ? vscode.Uri.joinPath(folder.uri, ...rest) : undefined;
}

/**
 * What a click in the Timeline does. Messages arrive already validated by the protocol's
 * guard; paths are still checked to stay inside the workspace.
 */
export async function handleTimelineMessage(message: WebviewToHostMessage, controller: SessionController, log: Log, git: () => GitRunner | undefined): Promise<void> {
  switch (message.type) {
    case 'ready':
      return;
    case 'startSession':
      await vscode.commands.executeCommand(CommandIds.startSession);
      return;
    case 'openWalkthrough':
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
      return;
    case 'endSession':
      await vscode.commands.executeCommand(CommandIds.endSession);
      return;
    case 'pauseSession':
      controller.pause();
      return;
    case 'resumeSession':
      controller.resume();
      return;
    case 'openFile': {
      const uri = resolveWorkspacePath(message.path);
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not in this workspace.', message.path));
        return;
      }
      try {
        await vscode.window.showTextDocument(uri, { preview: true });
      } catch (err) {
        log.warn(`Could not open ${message.path}: ${String(err)}`);
        void vscode.window.showInformationMessage(vscode.l10n.t('Could not open "{0}": it may have been moved or deleted.', message.path));
      }
      return;
    }
    case 'showCommit':
      await showCommit(message.repo, message.hash, git());
      return;
    case 'showCommand':
      await vscode.commands.executeCommand(CommandIds.showCommandDetails, message.eventId);
      return;
    case 'logFriction':
      await vscode.commands.executeCommand(CommandIds.logFriction, message.eventId);
      return;
    case 'addNote':
      await vscode.commands.executeCommand(CommandIds.addNote, message.eventId);
      return;
    case 'editEntry':
      await editEntry(controller, message.eventId);
      return;
    case 'deleteEntry':
      await deleteEntry(controller, message.eventId);
      return;
    case 'tickCarriedOver':
      return; // CarriedOverService records it (it holds the checklist)
  }
}

/** Shows a commit's changes: through the built-in git extension when it is there, else `git show` text. */
async function showCommit(repo: string, hash: string, git: GitRunner | undefined): Promise<void> {
  if (!/^[0-9a-f]{7,64}$/i.test(hash)) return;
  if (!vscode.workspace.isTrusted || !git) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Commits cannot be shown in an untrusted workspace (git is not run there).'));
    return;
  }
  const root = repo === '.' ? vscode.workspace.workspaceFolders?.[0]?.uri : resolveWorkspacePath(repo);
  if (!root) return;
  try {
    const text = await git.showPatch(root.fsPath, hash);
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'diff' });
    await vscode.window.showTextDocument(doc, { preview: true });
  } catch (err) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not show commit {0}: {1}', hash.slice(0, 7), err instanceof Error ? err.message : String(err)));
  }
}
