import * as vscode from 'vscode';
import { listSessions, loadSession } from '../../core/journal/journalStore';
import { effectiveEvents } from '../../core/journal/sessionState';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import type { Log } from '../log';
import type { Settings } from '../settings';
import { pickSession } from './pickSession';
import { retrospectiveKit } from '../lazy/loadRetrospectiveKit';

/**
 * Open Past Session: a read-only view of a session's record (its retrospective as the record
 * alone would write it), without touching the journal.
 */
export function showPastSessionsCommand(controller: SessionController, log: Log, settings: () => Settings): Command {
  return {
    id: CommandIds.showPastSessions,
    async execute() {
      await controller.flush();
      const picked = await pickSession(await listSessions(controller.journalDir), vscode.l10n.t('Open which session?'));
      if (!picked) return;
      const loaded = await loadSession(controller.journalDir, picked.id);
      if (!loaded) return;
      for (const p of loaded.problems) log.warn(`Session ${picked.id}, line ${p.line}: ${p.reason}`);
      const events = effectiveEvents(loaded.events);
      // Built as End Session and Finish build it, so the same session shows the same numbers.
      const { buildRecordedRetrospective, renderRetrospective } = retrospectiveKit();
      const model = buildRecordedRetrospective(events, { now: picked.end ?? Date.now(), fallbackUtcOffsetMinutes: -new Date().getTimezoneOffset() });
      const header = `<!-- Read-only view of session ${picked.id}, rebuilt from its journal${loaded.problems.length ? `; ${loaded.problems.length} unreadable line(s) were skipped (see the Session Journal log)` : ''}. -->\n`;
      const doc = await vscode.workspace.openTextDocument({ content: header + renderRetrospective(model, settings().validation), language: 'markdown' });
      await vscode.window.showTextDocument(doc, { preview: true });
    },
  };
}
