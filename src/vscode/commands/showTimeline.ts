import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';

/** Reveals the Timeline view (the status bar item runs this). */
export function showTimelineCommand(): Command {
  return { id: CommandIds.showTimeline, execute: () => vscode.commands.executeCommand('sessionJournal.timeline.focus') };
}
