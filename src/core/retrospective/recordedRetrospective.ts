/**
 * The retrospective model as End Session, Finish and any later rebuild make it: from the
 * journal's own record only. The draft and every Finish build from the same recorded inputs,
 * so Finish refreshes the numbers the draft showed instead of computing different ones.
 *
 * Two inputs are deliberately taken from the journal rather than from the caller:
 * - the uncommitted changes End Session stored on the `session-end` event (Finish runs later,
 *   when the working tree has moved on);
 * - no `idleMinutes` silence rule: this extension's journals carry the idle detector's `idle`
 *   events, and typing or reading writes no events, so a long silence between events is not
 *   idle time (90 minutes of steady editing must not come out as seconds of active time).
 */
import type { FileChange, JournalEvent } from '../journal/events';
import { countFrictionPoints } from '../validator/frictionCount';
import { buildRetrospective } from './buildRetrospective';
import { uncommittedDuringSession } from './uncommittedDelta';
import type { RecurringFriction, RetrospectiveAuthor, RetrospectiveModel } from './model';
import type { RetrospectiveTemplate } from '../template/types';

/** What the caller knows that the journal does not (yet) hold. */
export interface RecordedBuildOptions {
  /** Epoch ms used as the end of a session that has not ended. */
  readonly now: number;
  /** Used only when the journal lacks a session-start, which records the session's offset. */
  readonly fallbackUtcOffsetMinutes: number;
  readonly author?: RetrospectiveAuthor;
  /** Answers End Session just collected; the session-end event holds them for later rebuilds. */
  readonly focus?: string;
  readonly sessionType?: string;
  readonly recurringFriction?: readonly RecurringFriction[];
  /** Start times of earlier sessions by id, so recurring friction names them by date. */
  readonly sessionStarts?: ReadonlyMap<string, number>;
}

function isCount(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
}

/** The journal reader does not check this optional field, and a hand-edited journal may hold anything. */
function isFileChange(value: unknown): value is FileChange {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.path === 'string' && c.path.length > 0 && isCount(c.added) && isCount(c.removed);
}

/**
 * The uncommitted changes recorded when the session ended (on the last `session-end` event), or
 * an empty list for a session that has not ended, had none, or was recorded before they were kept.
 */
export function uncommittedAtEnd(events: readonly JournalEvent[]): FileChange[] {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.kind !== 'session-end') continue;
    const recorded: unknown = e.uncommitted;
    return Array.isArray(recorded) ? recorded.filter(isFileChange) : [];
  }
  return [];
}

/** The uncommitted changes recorded when the session started (work already in progress). */
export function uncommittedAtStart(events: readonly JournalEvent[]): FileChange[] {
  const start = events.find((e) => e.kind === 'session-start');
  const recorded: unknown = start?.kind === 'session-start' ? start.uncommittedAtStart : undefined;
  return Array.isArray(recorded) ? recorded.filter(isFileChange) : [];
}

function utcOffsetOf(events: readonly JournalEvent[], fallback: number): number {
  const start = events.find((e) => e.kind === 'session-start');
  return start?.kind === 'session-start' ? start.utcOffsetMinutes : fallback;
}

/** Builds the retrospective model of a session from its journal (edits and deletes are applied by the builder). */
export function buildRecordedRetrospective(events: readonly JournalEvent[], options: RecordedBuildOptions): RetrospectiveModel {
  return buildRetrospective(events, {
    now: options.now,
    utcOffsetMinutes: utcOffsetOf(events, options.fallbackUtcOffsetMinutes),
    author: options.author,
    focus: options.focus,
    sessionType: options.sessionType,
    recurringFriction: options.recurringFriction,
    sessionStarts: options.sessionStarts,
    uncommitted: uncommittedDuringSession(uncommittedAtStart(events), uncommittedAtEnd(events)),
  });
}

/**
 * The model with the number of friction points the finished document lists (what the user
 * wrote as well as what was captured), counted as the `friction-count` rule counts them, for
 * the Metrics table and the metrics log. The captured count stays when the document has no
 * Friction Points section the validator recognises.
 */
export function withDocumentedFriction(model: RetrospectiveModel, markdown: string, template?: RetrospectiveTemplate): RetrospectiveModel {
  const documented = countFrictionPoints(markdown, template);
  if (documented === undefined) return model;
  return { ...model, metrics: { ...model.metrics, frictionPoints: documented } };
}
