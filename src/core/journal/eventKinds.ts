/**
 * The one table every event kind must appear in. Its type is `Record<EventKind, …>`, so adding
 * a kind to the `JournalEvent` union does not compile until the kind is given a role here; the
 * journal's rules (who may write it, whether it survives a pause, whether it can be edited or
 * deleted) all follow from that role instead of from sets that would silently leave it out.
 */
import type { EventKind, JournalEvent } from './events';

/**
 * - `lifecycle`: the session's own time line (start, end, pause, resume, gap); only the recorder
 *   writes these, and they can never be deleted.
 * - `capture`: what the editor, terminal and git observed; dropped while recording is paused.
 * - `user-entry`: the user's own words (friction, note, lesson); kept while paused, editable.
 * - `user-change`: a change the user makes to what is recorded (an edit or delete of a user
 *   entry, a carried-over item ticked); kept while paused.
 */
export type EventRole = 'lifecycle' | 'capture' | 'user-entry' | 'user-change';

export const EVENT_ROLES: Readonly<Record<EventKind, EventRole>> = {
  'session-start': 'lifecycle',
  'session-end': 'lifecycle',
  'session-pause': 'lifecycle',
  'session-resume': 'lifecycle',
  'session-gap': 'lifecycle',
  commit: 'capture',
  'git-op': 'capture',
  command: 'capture',
  saves: 'capture',
  'file-op': 'capture',
  task: 'capture',
  debug: 'capture',
  idle: 'capture',
  notice: 'capture',
  agent: 'capture',
  friction: 'user-entry',
  note: 'user-entry',
  lesson: 'user-entry',
  edit: 'user-change',
  delete: 'user-change',
  'carried-over': 'capture',
  'carried-over-tick': 'user-change',
};

/** Every kind, in the table's order (the journal reader refuses any other). */
export const EVENT_KINDS: readonly EventKind[] = Object.keys(EVENT_ROLES) as EventKind[];

/** Lifecycle events change what the recorder is doing, so only its own methods write them. */
export function isLifecycleKind(kind: EventKind): boolean {
  return EVENT_ROLES[kind] === 'lifecycle';
}

/** What the user writes down, and their edits and deletes of it, is kept even while capture is paused. */
export function isKeptWhilePaused(kind: EventKind): boolean {
  const role = EVENT_ROLES[kind];
  return role === 'user-entry' || role === 'user-change';
}

/** Friction, notes and lessons are the user's own words, so only they can be edited or deleted by the user. */
export function isUserEntry(e: Pick<JournalEvent, 'kind'>): boolean {
  return EVENT_ROLES[e.kind] === 'user-entry';
}
