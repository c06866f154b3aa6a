/**
 * What a session's record amounts to, computed from its events alone: the events after the
 * user's edits and deletes, and the times and counts every view and the retrospective show.
 * Pure functions, so the sidebar, the retrospective and the CLI agree on every number.
 */
import type { DeleteEvent, EditEvent, FrictionEvent, JournalEvent } from './events';
import { FRICTION_CATEGORIES } from './events';
import { isLifecycleKind, isUserEntry } from './eventKinds';
import { SummaryAccumulator } from './summaryAccumulator';

/** Counts shown in the status view and the retrospective's metrics. */
export interface SessionCounts {
  readonly commits: number;
  readonly commands: number;
  /** Commands whose exit code is not 0 or unknown. */
  readonly commandsFailed: number;
  /** Saves in total (a burst of 12 saves counts 12). */
  readonly saves: number;
  /** Distinct saved paths. */
  readonly files: number;
  readonly friction: number;
  readonly notes: number;
  readonly lessons: number;
  /** Tasks whose exit code is not 0 or unknown. */
  readonly tasksFailed: number;
}

/** A session at a moment: times and counts after edits and deletes. */
export interface SessionSnapshot {
  readonly sessionId: string;
  /** The focus given at the end, else the one given at the start. */
  readonly focus?: string;
  readonly start: number;
  readonly end?: number;
  /** Paused right now (a pause without a resume, and not ended). */
  readonly paused: boolean;
  /** Wall-clock time from start to end (or to `now` while open). */
  readonly elapsedMs: number;
  /** Elapsed time without idle stretches, pauses and gaps (a closed window, a crash). */
  readonly activeMs: number;
  readonly counts: SessionCounts;
}

const CATEGORIES: ReadonlySet<string> = new Set(FRICTION_CATEGORIES);

/** Applies one `edit` to the friction, note or lesson it targets (the panel and the record agree). */
export function applyEdit(target: JournalEvent, edit: EditEvent): JournalEvent {
  switch (target.kind) {
    case 'friction': {
      const title = edit.title !== undefined && edit.title.trim().length > 0 ? edit.title : target.title;
      const category = edit.category !== undefined && CATEGORIES.has(edit.category) ? edit.category : target.category;
      const next = { ...target, title, category };
      if (edit.detail !== undefined) {
        // An empty detail is how the user clears it.
        if (edit.detail.length > 0) return { ...next, detail: edit.detail };
        const cleared: { -readonly [K in keyof FrictionEvent]: FrictionEvent[K] } = { ...next };
        delete cleared.detail;
        return cleared;
      }
      return next;
    }
    case 'note':
    case 'lesson':
      return edit.text !== undefined && edit.text.trim().length > 0 ? { ...target, text: edit.text } : target;
    default:
      return target;
  }
}

/**
 * The events as the user means them: edits applied in journal order to friction, notes and
 * lessons, deleted events removed (session start, end, pause, resume and gaps cannot be
 * deleted), and the edit and delete events themselves left out. An edit or delete whose
 * target is unknown is ignored; one written before its target still applies.
 */
export function effectiveEvents(events: readonly JournalEvent[]): JournalEvent[] {
  const kept: (JournalEvent | undefined)[] = [];
  const indexOf = new Map<string, number>();
  const changes: (EditEvent | DeleteEvent)[] = [];
  for (const e of events) {
    if (e.kind === 'edit' || e.kind === 'delete') {
      changes.push(e);
    } else if (!indexOf.has(e.id)) {
      indexOf.set(e.id, kept.length);
      kept.push(e);
    }
  }
  if (changes.length === 0) return kept as JournalEvent[];
  for (const change of changes) {
    const i = indexOf.get(change.targetId);
    if (i === undefined) continue;
    const target = kept[i];
    if (target === undefined) continue;
    if (change.kind === 'delete') {
      // Lifecycle events carry the session's time line; deleting one would make its times meaningless.
      if (!isLifecycleKind(target.kind)) kept[i] = undefined;
    } else if (isUserEntry(target)) {
      kept[i] = applyEdit(target, change);
    }
  }
  return kept.filter((e): e is JournalEvent => e !== undefined);
}

/**
 * Times and counts of a session from its events (edits and deletes applied). `now` stands in
 * for the end of a session that has not ended; pass the last event's time to measure a session
 * that will not continue (e.g. one left open by a crash).
 */
export function summarize(events: readonly JournalEvent[], now: number): SessionSnapshot {
  const summary = new SummaryAccumulator();
  for (const e of effectiveEvents(events)) summary.add(e);
  return summary.finish(now);
}

/** The latest event a note or friction could be about: not an idle stretch, a notice, an edit or a delete. */
export function latestEntryTarget(events: readonly JournalEvent[]): JournalEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && e.kind !== 'idle' && e.kind !== 'edit' && e.kind !== 'delete' && e.kind !== 'notice') return e;
  }
  return undefined;
}
