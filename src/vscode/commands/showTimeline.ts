import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';

/**
 * Reveals the Timeline view and puts the keyboard on its rows (the status bar item runs this).
 * VS Code's `.focus` command shows the view and focuses its page; the rows are the page's to focus.
 */
export function showTimelineCommand(timeline: { focusList(): void }): Command {
  return {
    id: CommandIds.showTimeline,
    async execute() {
      await vscode.commands.executeCommand('sessionJournal.timeline.focus');
      timeline.focusList();
    },
  };
}
