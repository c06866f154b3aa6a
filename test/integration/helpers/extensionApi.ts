import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../../src/extension';
import type { JournalEvent } from '../../../src/core/journal/events';

/** The extension's id in package.json (`publisher.name`). */
export const EXTENSION_ID = 'session-journal.session-journal';

/**
 * The API the real extension exports from activate(): tests drive it through commands and
 * read what it recorded through this object, never through a mock.
 */
export async function getApi(): Promise<SessionJournalApi> {
  const ext = vscode.extensions.getExtension<SessionJournalApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.ready;
  return api;
}

/** The workspace folder the runner opened: a real git repository made by scripts/sampleWorkspace.mjs. */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration suite needs a workspace folder');
  return folder.uri.fsPath;
}

/** Starts a fresh session through the real command (ending one a previous test left open). */
export async function startSession(api: SessionJournalApi, focus: string): Promise<void> {
  if (api.controller.active) await api.controller.end({});
  await vscode.commands.executeCommand('sessionJournal.startSession', focus);
  if (!api.controller.active) throw new Error('sessionJournal.startSession did not start a session');
}

/** Ends the session a describe block started, so no state leaks into the next file. */
export async function endSession(api: SessionJournalApi): Promise<void> {
  if (api.controller.active) await api.controller.end({});
}

/** Events of one kind recorded in the active session, narrowed. */
export function eventsOf<K extends JournalEvent['kind']>(api: SessionJournalApi, kind: K): Extract<JournalEvent, { kind: K }>[] {
  return api.controller.events().filter((e): e is Extract<JournalEvent, { kind: K }> => e.kind === kind);
}
