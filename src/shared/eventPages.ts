/**
 * How the host hands a session to the Timeline webview: the newest events first (enough for the
 * first screen and some scrolling), then the older ones in pages, newest page first. The first
 * frame then costs the same at 50,000 events as at 500, and the webview never has to take in a
 * whole session in one task. Pure: used by the view provider and by the standalone preview.
 */
import type { JournalEvent } from '../core/journal/events';

/**
 * Events in the `init` message: a screen is ~35 rows, so this leaves five screens of scrolling
 * before the next page matters. Each costs its description at the first frame (~0.05 ms cold).
 */
export const FIRST_WINDOW_EVENTS = 200;
/** Events per `older` message: small enough that the webview takes one in a few milliseconds, between frames. */
export const OLDER_PAGE_EVENTS = 1000;

export interface EventPages {
  /** The newest events, in journal order. */
  readonly first: readonly JournalEvent[];
  /** The rest, newest page first; each page in journal order. */
  readonly older: readonly (readonly JournalEvent[])[];
}

/** Splits a session (journal order, oldest first) into the first window and the older pages. */
export function pageEvents(events: readonly JournalEvent[], firstWindow = FIRST_WINDOW_EVENTS, pageSize = OLDER_PAGE_EVENTS): EventPages {
  if (firstWindow < 1 || pageSize < 1) throw new RangeError('window and page sizes must be at least 1');
  const split = Math.max(0, events.length - firstWindow);
  const older: JournalEvent[][] = [];
  for (let end = split; end > 0; end -= pageSize) older.push(events.slice(Math.max(0, end - pageSize), end));
  return { first: events.slice(split), older };
}
