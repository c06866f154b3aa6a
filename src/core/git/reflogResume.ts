import { parseReflogLine } from './reflogParser';

/**
 * Git rewrites `.git/logs/HEAD` whole (the `reflog expire` that `git commit` runs through
 * `gc --auto`, `git reflog delete`), writing HEAD.lock and renaming it over the file, often
 * milliseconds after appending the commit just made. A byte offset into the old file means
 * nothing in the new one, so the watcher re-reads it and uses what it remembers of the
 * entries it already passed on to pick out only the new ones.
 */

/** Enough passed-on lines to recognise every entry of the last few seconds after a rewrite. */
const REMEMBERED_LINES = 256;

/** What the watcher remembers of the reflog lines it has passed on. */
export interface ReflogCursor {
  /** The last complete line passed on (or already in the file when following began). */
  readonly lastLine?: string;
  /** Its time (epoch ms): the fallback when a rewrite dropped that very line. */
  readonly lastTime?: number;
  /** The latest lines passed on, oldest first: none of them is ever passed on again. */
  readonly recent: readonly string[];
}

/** Nothing passed on yet and nothing in the file before: every line to come is new. */
export const EMPTY_CURSOR: ReflogCursor = { recent: [] };

/** A cursor for a file whose last line could not be read: only entries from `time` on are new. */
export function cursorFromTime(time: number): ReflogCursor {
  // Reflog times have whole seconds: an entry made in the same second as `time` must count.
  return { lastTime: Math.floor(time / 1000) * 1000, recent: [] };
}

/** The cursor once `lines` (complete, in file order) have been passed on. */
export function cursorAfter(cursor: ReflogCursor, lines: readonly string[]): ReflogCursor {
  if (lines.length === 0) return cursor;
  return {
    lastLine: lines[lines.length - 1],
    lastTime: lastParsedTime(lines) ?? cursor.lastTime,
    recent: [...cursor.recent, ...lines].slice(-REMEMBERED_LINES),
  };
}

function lastParsedTime(lines: readonly string[]): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const entry = parseReflogLine(lines[i]);
    if (entry) return entry.time;
  }
  return undefined;
}

/**
 * The lines of a rewritten reflog (`lines`: its complete lines, in order) that were never
 * passed on. They follow the last line passed on when the rewrite kept it; when it did not,
 * they are the entries from that line's time on. A line already passed on never comes back.
 */
export function linesAfterRewrite(cursor: ReflogCursor, lines: readonly string[]): string[] {
  const passedOn = new Set(cursor.recent);
  const notPassedOn = (line: string): boolean => !passedOn.has(line);
  const at = cursor.lastLine === undefined ? -1 : lines.lastIndexOf(cursor.lastLine);
  if (at >= 0) return lines.slice(at + 1).filter(notPassedOn);
  const since = cursor.lastTime;
  if (since === undefined) return lines.filter(notPassedOn);
  // Without the anchor only a parsed time tells new from old; an unreadable line cannot be placed.
  return lines.filter((line) => notPassedOn(line) && (parseReflogLine(line)?.time ?? -Infinity) >= since);
}

/** What the watcher knows of the reflog file after its last read. */
export interface ReflogFileState {
  /** Bytes read so far (a torn last line included). */
  readonly offset: number;
  /** The file's inode; 0 or undefined where the platform gives none. */
  readonly inode?: number;
  readonly mtimeMs?: number;
}

/** The reflog file as `fstat` sees it now. */
export interface ReflogFileStat {
  readonly size: number;
  readonly inode?: number;
  readonly mtimeMs?: number;
}

/** How the file changed since the last read: read on from the offset, or read it all again. */
export type ReflogFileChange = 'none' | 'appended' | 'rewritten';

export function reflogFileChange(known: ReflogFileState, now: ReflogFileStat): ReflogFileChange {
  // Git rewrites through a lock file renamed over the old one: a new inode, whatever the size.
  if (known.inode && now.inode && known.inode !== now.inode) return 'rewritten';
  if (now.size < known.offset) return 'rewritten';
  if (now.size > known.offset) return 'appended';
  // Same size but written since: rewritten in place (an append always changes the size).
  const writtenSince = known.mtimeMs !== undefined && now.mtimeMs !== undefined && now.mtimeMs !== known.mtimeMs;
  return writtenSince && now.size > 0 ? 'rewritten' : 'none';
}

/**
 * The last complete line of `tail`, the end of a file that ends at a line boundary or inside
 * a line still being written. Unless `startsFile`, the first piece of `tail` may be the cut
 * end of a longer line and is never returned.
 */
export function lastCompleteLine(tail: string, startsFile: boolean): string | undefined {
  const pieces = tail.split('\n');
  pieces.pop(); // after the last newline: empty, or a line still being written
  const whole = startsFile ? pieces : pieces.slice(1);
  for (let i = whole.length - 1; i >= 0; i--) {
    const line = whole[i].endsWith('\r') ? whole[i].slice(0, -1) : whole[i];
    if (line.length > 0) return line;
  }
  return undefined;
}
