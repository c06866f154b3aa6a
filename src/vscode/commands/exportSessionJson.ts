import * as vscode from 'vscode';
import { exportSessionJson, listSessions } from '../../core/journal/journalStore';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import { pickSession } from './pickSession';

/** Export Session as JSON: the raw record of one session, to a file the user picks. */
export function exportSessionJsonCommand(controller: SessionController): Command {
  return {
    id: CommandIds.exportSessionJson,
    async execute() {
      await controller.flush();
      const sessions = await listSessions(controller.journalDir);
      const picked = await pickSession(sessions, vscode.l10n.t('Export which session as JSON?'));
      if (!picked) return;
      const json = await exportSessionJson(controller.journalDir, picked.id);
      if (json === undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('That session could not be read.'));
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Session as JSON'),
        filters: { JSON: ['json'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `session-${picked.id}.json`) } : {}),
      });
      if (!target) return;
      try {
        await vscode.workspace.fs.writeFile(target, Buffer.from(json, 'utf8'));
        void vscode.window.showInformationMessage(vscode.l10n.t('Session exported to {0}.', target.fsPath));
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}. Nothing was lost: the journal is unchanged.', target.fsPath, err instanceof Error ? err.message : String(err)));
      }
    },
  };
}
