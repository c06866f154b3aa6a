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

/** Where a page lies in the session: events [start, end), and how many older ones come after it. */
export interface PageRange {
  readonly start: number;
  readonly end: number;
  /** Events still to come after this page; 0 on the last. */
  readonly remaining: number;
}

export interface PageRanges {
  /** Where the first window starts; it runs to the end of the session. */
  readonly firstStart: number;
  /** The older pages, newest first. */
  readonly older: readonly PageRange[];
}

/**
 * The split of {@link pageEvents} as index ranges of a session of `total` events: the host
 * computes this when it sends an `init` (a few objects per thousand events) and copies each
 * page's events only when it posts the page.
 */
export function pageRanges(total: number, firstWindow = FIRST_WINDOW_EVENTS, pageSize = OLDER_PAGE_EVENTS): PageRanges {
  if (firstWindow < 1 || pageSize < 1) throw new RangeError('window and page sizes must be at least 1');
  const firstStart = Math.max(0, total - firstWindow);
  const older: PageRange[] = [];
  for (let end = firstStart; end > 0; end -= pageSize) {
    const start = Math.max(0, end - pageSize);
    older.push({ start, end, remaining: start });
  }
  return { firstStart, older };
}

/** Splits a session (journal order, oldest first) into the first window and the older pages. */
export function pageEvents(events: readonly JournalEvent[], firstWindow = FIRST_WINDOW_EVENTS, pageSize = OLDER_PAGE_EVENTS): EventPages {
  const ranges = pageRanges(events.length, firstWindow, pageSize);
  return { first: events.slice(ranges.firstStart), older: ranges.older.map((r) => events.slice(r.start, r.end)) };
}
