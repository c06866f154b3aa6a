import type { JournalEvent } from '../../core/events';
import { ofKind } from '../../core/events';
import { findRecurringFriction } from '../../core/friction/recurringFriction';
import type { RecurringFriction } from '../../core/friction/recurringFriction';
import { listSessions, loadSession } from '../../core/journalStore';
import { effectiveEvents } from '../../core/sessionState';

/** Sessions looked at for recurring friction (the rule's window). */
const WINDOW = 7;

/**
 * Friction themes that recur across this workspace's recent sessions (the current one
 * included, from memory, since its last lines may still be on their way to disk).
 */
export async function recurringFrictionFor(storageDir: string, current: { id: string; start: number; events: readonly JournalEvent[] }): Promise<RecurringFriction[]> {
  const summaries = (await listSessions(storageDir)).filter((s) => s.id !== current.id).slice(0, WINDOW - 1);
  const sessions = [{ id: current.id, start: current.start, friction: ofKind(current.events, 'friction') }];
  for (const summary of summaries) {
    const loaded = await loadSession(storageDir, summary.id);
    if (loaded) sessions.push({ id: summary.id, start: summary.start, friction: ofKind(effectiveEvents(loaded.events), 'friction') });
  }
  return findRecurringFriction(sessions);
}
