import type { FileChange } from '../journal/events';

/**
 * The uncommitted changes a session made: what `git diff HEAD` showed at its end, less what it
 * already showed at its start. Someone who starts a session with work in progress must not see
 * that work counted as the session's own lines.
 *
 * Line counts are per file, so this is a per-file difference: a file whose counts did not move
 * is left out, one that moved counts by how much (never below zero), and a file that was clean
 * at the start counts in full. Binary files (no counts) count when they are new or their
 * presence changed.
 */
export function uncommittedDuringSession(atStart: readonly FileChange[], atEnd: readonly FileChange[]): FileChange[] {
  const before = new Map(atStart.map((c) => [c.path, c]));
  const out: FileChange[] = [];
  for (const end of atEnd) {
    const start = before.get(end.path);
    if (start === undefined) {
      out.push(end);
      continue;
    }
    if (start.added === end.added && start.removed === end.removed) continue;
    if (end.added === undefined || end.removed === undefined || start.added === undefined || start.removed === undefined) {
      // Binary now or then: no lines to subtract; it changed, so it is listed without counts.
      out.push({ path: end.path });
      continue;
    }
    const added = Math.max(0, end.added - start.added);
    const removed = Math.max(0, end.removed - start.removed);
    if (added > 0 || removed > 0) out.push({ path: end.path, added, removed });
  }
  return out;
}
