import * as vscode from 'vscode';
import type { JournalEvent } from '../../core/journal/events';
import { ofKind } from '../../core/journal/events';
import type { RecurringFriction, SessionFriction } from '../../core/friction/recurringFriction';
import { loadRecentSessions } from '../../core/journal/journalStore';
import { effectiveEvents } from '../../core/journal/sessionState';
import { retrospectiveKit } from '../lazy/loadRetrospectiveKit';

/** Sessions looked at for recurring friction (the rule's window). */
const WINDOW = 7;

/** The session being recorded, read from memory (its last lines may still be on their way to disk). */
export interface CurrentSession {
  readonly id: string;
  readonly start: number;
  readonly events: readonly JournalEvent[];
}

/**
 * The friction of this workspace's recent sessions, read from disk once per session and kept,
 * so the panel can flag a recurring theme every time a friction point is logged without
 * reading journals again.
 */
export class FrictionHistory {
  private past: SessionFriction[] = [];
  private loadedFor: string | undefined;
  private loading: { id: string; promise: Promise<void> } | undefined;

  constructor(private readonly storageDir: string) {}

  /** Reads the friction of the sessions before `currentId` (once per current session). */
  load(currentId: string): Promise<void> {
    if (this.loadedFor === currentId) return Promise.resolve();
    // Two asks close together (start, then a friction point) share one read.
    if (this.loading?.id !== currentId) this.loading = { id: currentId, promise: this.read(currentId) };
    return this.loading.promise;
  }

  private async read(currentId: string): Promise<void> {
    // Each journal is read once: the recent list already holds its events.
    const recent = (await loadRecentSessions(this.storageDir, WINDOW)).filter((s) => s.summary.id !== currentId).slice(0, WINDOW - 1);
    this.past = recent.map(({ summary, events }) => ({ id: summary.id, start: summary.start, friction: ofKind(effectiveEvents(events), 'friction') }));
    this.loadedFor = currentId;
  }

  /** Themes recurring in at least 3 of the last 7 sessions, this one included. */
  recurring(current: CurrentSession): RecurringFriction[] {
    const sessions: SessionFriction[] = [
      { id: current.id, start: current.start, friction: ofKind(effectiveEvents(current.events), 'friction') },
      ...(this.loadedFor === current.id ? this.past : []),
    ];
    return retrospectiveKit().findRecurringFriction(sessions);
  }

  /** When each known session started, to name sessions by date. */
  startOf(id: string): number | undefined {
    return this.past.find((s) => s.id === id)?.start;
  }
}

/** "\"flaky test\" recurs in 3 of your last 7 sessions (Nov 20, Nov 21 and this one)." */
export function describeRecurring(theme: RecurringFriction, currentId: string, startOf: (id: string) => number | undefined): string {
  const names = theme.sessionIds.map((id) => {
    if (id === currentId) return vscode.l10n.t('this one');
    const start = startOf(id);
    return start === undefined ? id : new Date(start).toLocaleDateString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  });
  const list = names.length > 1 ? vscode.l10n.t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1] ?? '') : names[0] ?? '';
  return vscode.l10n.t('Recurring friction: "{0}" came up in {1} of your last {2} sessions ({3}).', theme.theme, theme.sessionIds.length, WINDOW, list);
}
