import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import { askText } from '../entryInput';

/** Add Lesson: a rule learned the hard way; it is prefilled into the retrospective's Lessons Learned. */
export function addLessonCommand(controller: SessionController): Command {
  return {
    id: CommandIds.addLesson,
    async execute() {
      if (!controller.active) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Start a session first: lessons belong to a session.'));
        return;
      }
      const related = controller.latestEvent();
      const text = await askText({
        title: vscode.l10n.t('Add Lesson'),
        prompt: vscode.l10n.t('A rule someone could apply on another project'),
        placeHolder: vscode.l10n.t('e.g. Run the migrations before the integration tests, not after'),
      });
      if (!text) return;
      controller.record({ kind: 'lesson', time: controller.now(), text, ...(related ? { relatedEventId: related.id } : {}) });
    },
  };
}
