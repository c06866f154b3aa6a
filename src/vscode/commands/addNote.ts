import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import { askText } from '../entryInput';

/** Add Note: a line on the timeline, attached to the latest event unless another is given. */
export function addNoteCommand(controller: SessionController): Command {
  return {
    id: CommandIds.addNote,
    async execute(eventId?: unknown) {
      if (!controller.active) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Start a session first: notes belong to a session.'));
        return;
      }
      const related = typeof eventId === 'string' ? controller.findEvent(eventId) : controller.latestEvent();
      const text = await askText({ title: vscode.l10n.t('Add Note'), prompt: vscode.l10n.t('A note for the timeline'), placeHolder: vscode.l10n.t('e.g. Switched to the new API client') });
      if (!text) return;
      controller.record({ kind: 'note', time: controller.now(), text, ...(related ? { relatedEventId: related.id } : {}) });
    },
  };
}
