import type { TimelineRow } from './timelineModel';
import type { RowSource } from './virtualList';

/**
 * Which row a click on the session strip brings into view: the newest event row at or before a
 * time, found by binary search, since the list's top-level event rows are in time order (oldest
 * or newest first). Hour headers, the files of an open burst and the lines and steps of an open
 * agent turn sit between them and are stepped over: a turn is reached through its prompt's row.
 * Reads O(log rows) rows (plus the children of an open burst or turn), not all 50,000.
 */
export function rowAtOrBefore(rows: RowSource<TimelineRow>, time: number, newestFirst: boolean): number {
  const n = rows.length;
  // The first top-level event row at or after `i` (n when there is none), and its time.
  const eventFrom = (i: number): number => {
    while (i < n && !isTopLevelEvent(rows.at(i))) i++;
    return i;
  };
  const timeAt = (i: number): number => {
    const row = rows.at(i);
    return row?.kind === 'event' ? row.entry.event.time : Number.NaN;
  };
  if (newestFirst) {
    // Times fall down the list: the first event row at or before `time` is the newest one.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = eventFrom(mid);
      if (at < n && timeAt(at) > time) lo = at + 1;
      else hi = mid;
    }
    const found = eventFrom(lo);
    return found < n ? found : -1;
  }
  // Times rise down the list: the last event row at or before `time`.
  let lo = 0;
  let hi = n;
  let best = -1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = eventFrom(mid);
    if (at < n && timeAt(at) <= time) {
      best = at;
      lo = at + 1;
    } else {
      hi = mid;
    }
  }
  return best;
}

function isTopLevelEvent(row: TimelineRow | undefined): boolean {
  return row?.kind === 'event' && row.nested !== true;
}
