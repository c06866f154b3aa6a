import type { JournalEvent } from '../core/journal/events';
import { categoryOf, styleOf } from './eventStyle';

/** The strip's lanes, top to bottom; `idle` is drawn from idle stretches, the others from counts. */
export const STRIP_LANES = ['commits', 'commands', 'saves', 'notes', 'agent', 'idle'] as const;
export type StripLane = (typeof STRIP_LANES)[number];

/** What one column of the strip shows: its time span and, per lane, how many events fell in it. */
export interface StripBucket {
  readonly from: number;
  readonly to: number;
  readonly counts: Readonly<Record<StripLane, number>>;
  /** Failed commands, tasks and agent tool calls among `commands` and `agent`. */
  readonly failed: number;
}

/**
 * The strip's resolution: counts are kept per second, so a column of a short session (96 columns
 * over two minutes is about a second each) still holds its own events, and a click lands on them.
 */
export const SLOT_MS = 1000;
const MINUTE = 60_000;
const FAILED = STRIP_LANES.length;
/** Numbers kept per second: one per lane, then the failures. */
const WIDTH = FAILED + 1;

/**
 * Per-second counts of a session's events by lane. The strip never keeps one element (or one
 * entry) per event: 50,000 events of an 8-hour day are at most 28,800 small arrays, in practice
 * the seconds that saw an event, and a column of the strip sums the seconds it covers. Adding
 * events is O(events), drawing O(columns × log seconds).
 * Edits and deletes are not subtracted: a deleted note leaves its tick, which a glance forgives.
 */
export class StripCounts {
  private readonly slots = new Map<number, Uint32Array>();
  /**
   * The slots in time order and the running sums of their counts (row k holds the sums of the
   * first k slots, {@link WIDTH} numbers a row), so a column's sums are a difference of two rows
   * found by binary search: drawing costs O(columns × log seconds), not O(seconds), 60 times a
   * second while events stream in. Live events extend both at the end; an older page (or a
   * late event) leaves them to be rebuilt once, at the next draw.
   */
  private order: number[] = [];
  private sums = new Float64Array(WIDTH * 64);
  /** Rows of {@link sums} in use: one more than the seconds in {@link order}. */
  private rows = 1;
  /** Seconds first seen before the latest one (older pages, late events): merged in at the next draw. */
  private late: number[] = [];
  /** A count changed in a second before the latest: the sums are rebuilt at the next draw. */
  private stale = false;
  private readonly totals = new Array<number>(WIDTH).fill(0);

  add(events: readonly JournalEvent[]): void {
    for (const e of events) {
      if (e.kind === 'idle') {
        // Idle is shaded by the minute: a count of idle minutes reads better than of seconds.
        for (let m = Math.floor(e.from / MINUTE); m < Math.ceil(e.to / MINUTE); m++) this.bump((m * MINUTE) / SLOT_MS, STRIP_LANES.indexOf('idle'));
        continue;
      }
      const lane = laneOf(e);
      if (lane === undefined) continue;
      const slot = Math.floor(e.time / SLOT_MS);
      this.bump(slot, STRIP_LANES.indexOf(lane));
      if (styleOf(e).tone === 'failed') this.bump(slot, FAILED);
    }
  }

  clear(): void {
    this.slots.clear();
    this.order = [];
    this.sums = new Float64Array(WIDTH * 64);
    this.rows = 1;
    this.late = [];
    this.stale = false;
    this.totals.fill(0);
  }

  /** `columns` equal slices of [start, end), each with the sums of the seconds that start inside it. */
  buckets(start: number, end: number, columns: number): StripBucket[] {
    const span = Math.max(MINUTE, end - start);
    const width = span / columns;
    const order = this.ordered();
    const columnOf = (slot: number): number => Math.min(columns - 1, Math.max(0, Math.floor((slot * SLOT_MS - start) / width)));
    // The seconds that overlap [start, start + span); the others belong to no column.
    const first = lowerBound(order.length, (k) => (order[k] as number) * SLOT_MS + SLOT_MS > start);
    const last = lowerBound(order.length, (k) => (order[k] as number) * SLOT_MS >= start + span);
    const buckets: StripBucket[] = [];
    let from = first;
    for (let c = 0; c < columns; c++) {
      // Columns grow with time, so the column's seconds end where the next column's begin.
      const to = c === columns - 1 ? last : Math.max(from, lowerBound(last, (k) => columnOf(order[k] as number) > c, from));
      const sum = (l: number): number => (this.sums[to * WIDTH + l] as number) - (this.sums[from * WIDTH + l] as number);
      buckets.push({
        from: start + c * width,
        to: start + (c + 1) * width,
        counts: Object.fromEntries(STRIP_LANES.map((lane, l) => [lane, sum(l)])) as Record<StripLane, number>,
        failed: sum(FAILED),
      });
      from = to;
    }
    return buckets;
  }

  /** Whether any event fell in a lane; empty lanes (agent, for most people) are not drawn. */
  has(lane: StripLane): boolean {
    return (this.totals[STRIP_LANES.indexOf(lane)] as number) > 0;
  }

  private bump(slot: number, index: number): void {
    let counts = this.slots.get(slot);
    const fresh = !counts;
    if (!counts) this.slots.set(slot, (counts = new Uint32Array(WIDTH)));
    counts[index]!++;
    this.totals[index]!++;
    const latest = this.order[this.order.length - 1];
    const current = !this.stale && this.late.length === 0;
    if (fresh && (latest === undefined || slot > latest)) {
      this.order.push(slot);
      // A new latest second: one more row of sums, the previous row plus this count.
      if (current) {
        this.grow(this.rows + 1);
        const row = (this.rows - 1) * WIDTH;
        this.sums.copyWithin(row + WIDTH, row, row + WIDTH);
        this.sums[row + WIDTH + index]!++;
        this.rows++;
      } else {
        this.stale = true;
      }
    } else if (fresh) {
      this.late.push(slot);
    } else if (slot === latest && current) {
      this.sums[(this.rows - 1) * WIDTH + index]!++;
    } else {
      this.stale = true;
    }
  }

  /** The seconds in time order, with the late ones merged in and the running sums rebuilt if needed: O(seconds), no sort of them all. */
  private ordered(): number[] {
    if (this.late.length > 0) {
      this.order = mergeSorted(this.order, this.late.sort((a, b) => a - b));
      this.late = [];
      this.stale = true;
    }
    if (this.stale) {
      this.grow(this.order.length + 1);
      const sums = this.sums;
      sums.fill(0, 0, WIDTH);
      let row = 0;
      for (const slot of this.order) {
        const counts = this.slots.get(slot) as Uint32Array;
        for (let l = 0; l < WIDTH; l++) sums[row + WIDTH + l] = (sums[row + l] as number) + (counts[l] as number);
        row += WIDTH;
      }
      this.rows = this.order.length + 1;
      this.stale = false;
    }
    return this.order;
  }

  /** Room for `rows` rows of sums, doubling so that live seconds cost O(1) each on average. */
  private grow(rows: number): void {
    if (rows * WIDTH <= this.sums.length) return;
    const bigger = new Float64Array(Math.max(rows, (this.sums.length / WIDTH) * 2) * WIDTH);
    bigger.set(this.sums);
    this.sums = bigger;
  }
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) out.push(a[i++] as number);
    else out.push(b[j++] as number);
  }
  return out;
}

/** The first k in [from, end) for which `past(k)` holds (`past` is false then true along k), or `end`. */
function lowerBound(end: number, past: (k: number) => boolean, from = 0): number {
  let lo = from;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The lane an event is drawn in, by the same category as its filter chip; session and other rows have none. */
function laneOf(e: JournalEvent): StripLane | undefined {
  const category = categoryOf(e);
  return category === 'other' ? undefined : category;
}
