import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';

/** The Timeline view as Show Timeline needs it: something that puts the keyboard on its rows. */
export interface TimelineFocus {
  focusList(): void;
}

/**
 * Reveals the Timeline view and puts the keyboard on its rows (the status bar item runs this).
 * VS Code's `.focus` command shows the view and focuses its page; the rows are the page's to focus.
 */
export function showTimelineCommand(timeline: TimelineFocus): Command {
  return {
    id: CommandIds.showTimeline,
    async execute() {
      await vscode.commands.executeCommand('sessionJournal.timeline.focus');
      timeline.focusList();
    },
  };
}
