import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import { askLine } from '../prompts';

/** Start Session: asks for an optional focus line, then records. */
export function startSessionCommand(controller: SessionController): Command {
  return {
    id: CommandIds.startSession,
    async execute(focusArg?: unknown) {
      if (controller.active) {
        void vscode.window.showInformationMessage(vscode.l10n.t('A session is already recording. End it before starting another.'));
        return;
      }
      let focus = typeof focusArg === 'string' ? focusArg : undefined;
      if (focus === undefined) {
        focus = await askLine({
          title: vscode.l10n.t('Start Session'),
          prompt: vscode.l10n.t('What is this session about? (optional, you can change it when you end the session)'),
          placeHolder: vscode.l10n.t('e.g. Fix the flaky login test'),
          ignoreFocusOut: true,
        });
        if (focus === undefined) return; // Escape cancels the start
      }
      await controller.start(focus.trim() || undefined);
    },
  };
}
