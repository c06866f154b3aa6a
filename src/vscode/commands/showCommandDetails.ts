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
        void vscode.window.showInformationMessage('That command is no longer in the current session.');
        return;
      }
      const lines = [
        `Command:     ${e.commandLine}`,
        `Exit code:   ${e.exitCode === null ? 'unknown' : e.exitCode}`,
        ...(e.endNotReported ? [`Ended:       not reported by the shell (${e.endNotReported === 'terminal-closed' ? 'the terminal was closed' : 'recording stopped'} while it ran)`] : []),
        `Started:     ${new Date(e.start).toLocaleString()}`,
        `Duration:    ${formatDuration(e.durationMs)}`,
        `Directory:   ${e.cwd ?? 'unknown'}`,
        `Terminal:    ${e.terminal}`,
        `Confidence:  ${e.confidence} (how sure shell integration is of the command line)`,
        ...(e.originalLength ? [`Shortened:   the original was ${e.originalLength} characters`] : []),
        '',
        'Output is not recorded. Secrets in the command line were redacted before it was stored.',
      ];
      const doc = await vscode.workspace.openTextDocument({ content: lines.join('\n'), language: 'plaintext' });
      await vscode.window.showTextDocument(doc, { preview: true });
    },
  };
}
