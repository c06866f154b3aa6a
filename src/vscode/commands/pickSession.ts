import * as vscode from 'vscode';
import type { SessionSummary } from '../../core/journal/journalStore';
import { formatDuration } from '../../core/timeline/describeEvent';
import { pickOne } from '../prompts';

/** A quick pick over past sessions, newest first. */
export async function pickSession(sessions: readonly SessionSummary[], title: string): Promise<SessionSummary | undefined> {
  if (sessions.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No sessions have been recorded in this workspace yet.'));
    return undefined;
  }
  const picked = await pickOne(
    sessions.map((s) => ({
      label: s.end === undefined ? vscode.l10n.t('{0} (open)', new Date(s.start).toLocaleString()) : new Date(s.start).toLocaleString(),
      description: s.focus ?? '',
      detail: [
        vscode.l10n.t('{0} events', s.eventCount),
        ...(s.end !== undefined ? [formatDuration(s.end - s.start)] : []),
        ...(s.problems ? [vscode.l10n.t('{0} unreadable line(s) skipped', s.problems)] : []),
      ].join(', '),
      session: s,
    })),
    { title, matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked?.session;
}
