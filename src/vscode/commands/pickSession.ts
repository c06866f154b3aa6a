import * as vscode from 'vscode';
import type { SessionSummary } from '../../core/journal/journalStore';
import { formatDuration } from '../../core/timeline/describeEvent';

/** A quick pick over past sessions, newest first. */
export async function pickSession(sessions: readonly SessionSummary[], title: string): Promise<SessionSummary | undefined> {
  if (sessions.length === 0) {
    void vscode.window.showInformationMessage('No sessions have been recorded in this workspace yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    sessions.map((s) => ({
      label: `${new Date(s.start).toLocaleString()}${s.end === undefined ? ' (open)' : ''}`,
      description: s.focus ?? '',
      detail: `${s.eventCount} events${s.end !== undefined ? `, ${formatDuration(s.end - s.start)}` : ''}${s.problems ? `, ${s.problems} unreadable line(s) skipped` : ''}`,
      session: s,
    })),
    { title, matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked?.session;
}
