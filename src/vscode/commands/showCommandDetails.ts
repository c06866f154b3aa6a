import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import { formatDuration } from '../../core/timeline/describeEvent';

/** Opens a command's recorded details (from a click in the Timeline) in a read-only editor. */
export function showCommandDetailsCommand(controller: SessionController): Command {
  return {
    id: CommandIds.showCommandDetails,
    async execute(eventId?: unknown) {
      const e = typeof eventId === 'string' ? controller.findEvent(eventId) : undefined;
      if (!e || e.kind !== 'command') {
        void vscode.window.showInformationMessage(vscode.l10n.t('That command is no longer in the current session.'));
        return;
      }
      const unknown = vscode.l10n.t('unknown');
      const lines = [
        vscode.l10n.t('Command:     {0}', e.commandLine),
        vscode.l10n.t('Exit code:   {0}', e.exitCode === null ? unknown : e.exitCode),
        ...(e.endNotReported ? [e.endNotReported === 'terminal-closed'
          ? vscode.l10n.t('Ended:       not reported by the shell (the terminal was closed while it ran)')
          : vscode.l10n.t('Ended:       not reported by the shell (recording stopped while it ran)')] : []),
        vscode.l10n.t('Started:     {0}', new Date(e.start).toLocaleString()),
        vscode.l10n.t('Duration:    {0}', formatDuration(e.durationMs)),
        vscode.l10n.t('Directory:   {0}', e.cwd ?? unknown),
        vscode.l10n.t('Terminal:    {0}', e.terminal),
        vscode.l10n.t('Confidence:  {0} (how sure shell integration is of the command line)', e.confidence),
        ...(e.originalLength ? [vscode.l10n.t('Shortened:   the original was {0} characters', e.originalLength)] : []),
        '',
        vscode.l10n.t('Output is not recorded. Secrets in the command line were redacted before it was stored.'),
      ];
      const doc = await vscode.workspace.openTextDocument({ content: lines.join('\n'), language: 'plaintext' });
      await vscode.window.showTextDocument(doc, { preview: true });
    },
  };
}
