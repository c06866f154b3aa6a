/**
 * What a session's record amounts to, computed from its events alone: the events after the
 * user's edits and deletes, and the times and counts every view and the retrospective show.
 * Pure functions, so the sidebar, the retrospective and the CLI agree on every number.
 */
import { commitLedger, commitTotals } from '../git/commitLedger';
import { commandFailed } from './events';
import type { DeleteEvent, EditEvent, FrictionEvent, JournalEvent } from './events';
import { FRICTION_CATEGORIES } from './events';
import { isLifecycleKind, isUserEntry } from './eventKinds';

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

type Interval = [number, number];

/** Total length of the union of intervals, each clipped to [lo, hi]. */
function coveredMs(intervals: Interval[], lo: number, hi: number): number {
  const clipped = intervals
    .map(([a, b]): Interval => [Math.max(a, lo), Math.min(b, hi)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const [a, b] of clipped) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else if (b > curEnd) {
      curEnd = b;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/**
 * Times and counts of a session from its events (edits and deletes applied). `now` stands in
 * for the end of a session that has not ended; pass the last event's time to measure a session
 * that will not continue (e.g. one left open by a crash).
 */
export function summarize(events: readonly JournalEvent[], now: number): SessionSnapshot {
  const effective = effectiveEvents(events);
  let sessionId = '';
  let start: number | undefined;
  let end: number | undefined;
  let startFocus: string | undefined;
  let endFocus: string | undefined;
  let firstTime = Number.POSITIVE_INFINITY;
  const excluded: Interval[] = [];
  const pauseMarks: { time: number; pause: boolean }[] = [];
  let commands = 0, commandsFailed = 0, saves = 0, friction = 0, notes = 0, lessons = 0, tasksFailed = 0;
  const files = new Set<string>();

  for (const e of effective) {
    if (e.time < firstTime) firstTime = e.time;
    switch (e.kind) {
      case 'session-start':
        if (start === undefined) {
          start = e.time;
          sessionId = e.sessionId;
          startFocus = e.focus;
        }
        break;
      case 'session-end':
        end = e.time;
        endFocus = e.focus;
        break;
      case 'session-pause': pauseMarks.push({ time: e.time, pause: true }); break;
      case 'session-resume': pauseMarks.push({ time: e.time, pause: false }); break;
      case 'session-gap':
      case 'idle':
        excluded.push([e.from, e.to]);
        break;
      case 'command':
        commands++;
        if (commandFailed(e)) commandsFailed++;
        break;
      case 'saves':
        saves += e.count;
        for (const f of e.files) files.add(f.path);
        break;
      case 'task': if (commandFailed(e)) tasksFailed++; break;
      case 'friction': friction++; break;
      case 'note': notes++; break;
      case 'lesson': lessons++; break;
      default: break;
    }
  }

  const begin = start ?? (Number.isFinite(firstTime) ? firstTime : now);
  const finish = end ?? Math.max(now, begin);
  pauseMarks.sort((a, b) => a.time - b.time);
  let pausedAt: number | undefined;
  for (const m of pauseMarks) {
    if (m.pause && pausedAt === undefined) pausedAt = m.time;
    else if (!m.pause && pausedAt !== undefined) {
      excluded.push([pausedAt, m.time]);
      pausedAt = undefined;
    }
  }
  if (pausedAt !== undefined) excluded.push([pausedAt, finish]);

  // Amends, rebases and merges are commit events too; the ledger counts each surviving commit once.
  const commits = commitTotals(commitLedger(effective)).commits;
  const elapsedMs = Math.max(0, finish - begin);
  const focus = nonEmpty(endFocus) ?? nonEmpty(startFocus);
  return {
    sessionId: sessionId || (effective[0]?.sessionId ?? ''),
    ...(focus !== undefined ? { focus } : {}),
    start: begin,
    ...(end !== undefined ? { end } : {}),
    paused: pausedAt !== undefined && end === undefined,
    elapsedMs,
    activeMs: Math.max(0, elapsedMs - coveredMs(excluded, begin, finish)),
    counts: { commits, commands, commandsFailed, saves, files: files.size, friction, notes, lessons, tasksFailed },
  };
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim().length > 0 ? s : undefined;
}

/** The latest event a note or friction could be about: not an idle stretch, a notice, an edit or a delete. */
export function latestEntryTarget(events: readonly JournalEvent[]): JournalEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && e.kind !== 'idle' && e.kind !== 'edit' && e.kind !== 'delete' && e.kind !== 'notice') return e;
  }
  return undefined;
}
