import { prependInPlace } from './arrays';
import type { HourRow, TimelineRow } from './timelineModel';

/**
 * The Timeline's flat rows in display order, grown at either end without touching the rest: live
 * events join the newest end, pages of older events the oldest end. Each row's index is found by
 * key in O(1) through positions that only ever grow outward from where the list started (index =
 * position - base), so adding 1 row to 50,000 does not renumber 50,000. A change in the middle
 * (a filter, a deletion, an expanded burst) rebuilds it with {@link reset}.
 */
export class RowList {
  private rows: TimelineRow[] = [];
  private base = 0;
  private readonly position = new Map<string, number>();
  private events = 0;

  get length(): number {
    return this.rows.length;
  }

  /** How many event rows there are (hour headers and burst files not counted). */
  get eventCount(): number {
    return this.events;
  }

  at(index: number): TimelineRow | undefined {
    return this.rows[index];
  }

  indexOf(key: string): number {
    const p = this.position.get(key);
    return p === undefined ? -1 : p - this.base;
  }

  /** Replaces every row. */
  reset(rows: TimelineRow[]): void {
    this.rows = rows;
    this.base = 0;
    this.position.clear();
    this.events = 0;
    rows.forEach((row, i) => this.track(row, i));
  }

  /**
   * Puts `block` (rows in display order, starting with an hour header) before every row. When
   * its last hour is the hour the list starts with, the two headers become one with both counts.
   */
  prepend(block: readonly TimelineRow[]): void {
    if (block.length === 0) return;
    const head = this.rows[0];
    const seam = lastHourIndex(block);
    const merge = head?.kind === 'hour' && seam >= 0 && (block[seam] as HourRow).hour === head.hour;
    const added = merge ? withCount(block, seam, (block[seam] as HourRow).count + head.count) : block;
    if (merge) {
      this.position.delete(head.key);
      this.rows.shift();
    }
    this.base += (merge ? 1 : 0) - added.length;
    added.forEach((row, i) => this.track(row, this.base + i));
    prependInPlace(this.rows, added);
  }

  /** Puts `block` (display order, starting with an hour header) after every row, joining the last hour if it continues it. */
  append(block: readonly TimelineRow[]): void {
    if (block.length === 0) return;
    const first = block[0];
    const tailHeader = this.headerIndexOf(this.rows.length - 1);
    const tail = this.rows[tailHeader];
    let start = 0;
    if (first?.kind === 'hour' && tail?.kind === 'hour' && tail.hour === first.hour) {
      this.rows[tailHeader] = { ...tail, count: tail.count + first.count };
      start = 1;
    }
    for (let i = start; i < block.length; i++) {
      const row = block[i] as TimelineRow;
      this.track(row, this.base + this.rows.length);
      this.rows.push(row);
    }
  }

  /** Puts a new version of a row where the row with its key is; false when there is none. */
  replace(row: TimelineRow): boolean {
    const i = this.indexOf(row.key);
    if (i < 0) return false;
    this.rows[i] = row;
    return true;
  }

  /** The index of the hour header the row at `index` sits under (-1 when there is none). */
  headerIndexOf(index: number): number {
    const row = this.rows[index];
    if (row === undefined) return -1;
    if (row.kind === 'hour') return index;
    if (row.kind === 'event') return this.indexOf(`h:${row.entry.hour}`);
    // Files of a burst and lines of an agent's turn sit under the event row that opened them.
    const parent = row.kind === 'agent-text' ? row.turnId : row.burstId;
    const burst = this.rows[this.indexOf(`e:${parent}`)];
    return burst?.kind === 'event' ? this.indexOf(`h:${burst.entry.hour}`) : -1;
  }

  private track(row: TimelineRow, position: number): void {
    this.position.set(row.key, position);
    if (row.kind === 'event') this.events++;
  }
}

function lastHourIndex(rows: readonly TimelineRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.kind === 'hour') return i;
  return -1;
}

function withCount(rows: readonly TimelineRow[], index: number, count: number): TimelineRow[] {
  const copy = rows.slice();
  copy[index] = { ...(rows[index] as HourRow), count };
  return copy;
}
