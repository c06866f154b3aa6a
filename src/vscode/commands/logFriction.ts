import * as vscode from 'vscode';
import type { FrictionCategory, FrictionTrigger } from '../../core/journal/events';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import { askCategory, askText, triggerOf } from '../entryInput';

/** Options when the friction prompt (not the palette) opens Log Friction. */
export interface LogFrictionArgs {
  readonly eventId?: string;
  readonly title?: string;
  readonly category?: FrictionCategory;
  readonly trigger?: FrictionTrigger;
}

function isArgs(value: unknown): value is LogFrictionArgs {
  return typeof value === 'object' && value !== null;
}

/**
 * Log Friction Point: a title (prefilled with a suggestion), an optional category, linked to
 * the event it is about (by default the latest one).
 */
export function logFrictionCommand(controller: SessionController): Command {
  return {
    id: CommandIds.logFriction,
    async execute(arg?: unknown) {
      if (!controller.active) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Start a session first: friction points belong to a session.'));
        return;
      }
      const args: LogFrictionArgs = typeof arg === 'string' ? { eventId: arg } : isArgs(arg) ? arg : {};
      const related = args.eventId ? controller.findEvent(args.eventId) : controller.latestEvent();
      const title = await askText({
        title: vscode.l10n.t('Log Friction Point'),
        prompt: vscode.l10n.t('What got in the way? One line; you can add detail in the retrospective.'),
        value: args.title,
        placeHolder: vscode.l10n.t('e.g. The test database needed a manual reset'),
      });
      if (!title) return;
      const category = await askCategory(args.category);
      const trigger = args.trigger ?? triggerOf(related);
      controller.record({ kind: 'friction', time: controller.now(), title, category, ...(trigger ? { trigger } : {}) });
    },
  };
}
