import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import type { Log } from '../log';
import { describeError } from '../log';

/** One palette command, one file (as the markdown extension's commandManager does). */
export interface Command {
  readonly id: CommandId;
  execute(...args: unknown[]): unknown;
}

/** Registers commands so that a failure is shown to the user and logged, never swallowed. */
export function registerCommands(commands: readonly Command[], log: Log): vscode.Disposable {
  const registrations = commands.map((command) =>
    vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.execute(...args);
      } catch (err) {
        log.error(`${command.id} failed`, err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Session Journal: {0}', describeError(err)));
        return undefined;
      }
    }),
  );
  return vscode.Disposable.from(...registrations);
}
