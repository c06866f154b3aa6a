import type { JournalEvent } from '../core/journal/events';
import { categoryOf, styleOf } from './eventStyle';
import { SlotSums } from './slotSums';

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
/** Seconds counted aside (see StripCounts.aside) before the running sums are rebuilt: each costs a little at every draw. */
const MAX_ASIDE = 256;

/**
 * Per-second counts of a session's events by lane. The strip never keeps one element (or one
 * entry) per event: 50,000 events of an 8-hour day are at most 28,800 small arrays, in practice
 * the seconds that saw an event, and a column of the strip sums the seconds it covers. Adding
 * events is O(events), drawing O(columns × log seconds).
 * Edits and deletes are not subtracted: a deleted note leaves its tick, which a glance forgives.
 */
export class StripCounts {
  /**
   * Where each second's counts are in {@link pool}. One typed array per second cost ~200 bytes
   * of heap objects per second that lived on, copied by the minor garbage collections that ran
   * while older pages arrived; in one shared array a second costs its counts and its map entry.
   */
  private readonly offsets = new Map<number, number>();
  /** The counts of every second held, {@link WIDTH} numbers each, in the order the seconds were first seen. */
  private pool = new Uint32Array(WIDTH * 1024);
  private used = 0;
  /** One second's counts handed to the sums, which read them at once. */
  private readonly scratch = new Uint32Array(WIDTH);
  /**
   * The seconds in time order with running sums of their counts, so a column's sums are a
   * difference of two rows found by binary search: drawing costs O(columns × log seconds), not
   * O(seconds), 60 times a second while events stream in. Live seconds join the newest end and
   * the seconds of older pages the oldest end, each in O(1) (src/webview/slotSums.ts).
   */
  private readonly sums = new SlotSums(WIDTH);
  /** Seconds first seen before the oldest held (older pages), until the events being added are all counted. */
  private early: number[] = [];
  /** Seconds first seen between held ones (a late event, an idle stretch's minutes): merged into the sums at the next rebuild. */
  private late: number[] = [];
  /**
   * Counts added inside the held range since the sums were last rebuilt, by second: added to their
   * columns at each draw, so a late event costs O(1) and the sums are rebuilt (O(seconds)) only
   * once {@link MAX_ASIDE} seconds have gathered here.
   */
  private readonly aside = new Map<number, Uint32Array>();
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
    // Put in front now, not at the next draw: the seconds of a page of older events cost their
    // time in the frame that takes the page in, which measures and paces it (src/webview/intakePace.ts).
    this.putEarlyInFront();
  }

  clear(): void {
    this.offsets.clear();
    this.pool.fill(0, 0, this.used);
    this.used = 0;
    this.sums.reset([], () => []);
    this.early = [];
    this.late = [];
    this.aside.clear();
    this.totals.fill(0);
  }

  /** `columns` equal slices of [start, end), each with the sums of the seconds that start inside it. */
  buckets(start: number, end: number, columns: number): StripBucket[] {
    const span = Math.max(MINUTE, end - start);
    const width = span / columns;
    const sums = this.ordered();
    const columnOf = (slot: number): number => Math.min(columns - 1, Math.max(0, Math.floor((slot * SLOT_MS - start) / width)));
    // The seconds that overlap [start, start + span); the others belong to no column.
    const within = (slot: number): boolean => slot * SLOT_MS + SLOT_MS > start && slot * SLOT_MS < start + span;
    const first = lowerBound(sums.length, (k) => sums.slot(k) * SLOT_MS + SLOT_MS > start);
    const last = lowerBound(sums.length, (k) => sums.slot(k) * SLOT_MS >= start + span);
    const totals: number[][] = [];
    let from = first;
    for (let c = 0; c < columns; c++) {
      // Columns grow with time, so the column's seconds end where the next column's begin.
      const to = c === columns - 1 ? last : Math.max(from, lowerBound(last, (k) => columnOf(sums.slot(k)) > c, from));
      totals.push(Array.from({ length: WIDTH }, (_, l) => sums.between(from, to, l)));
      from = to;
    }
    for (const [slot, counts] of this.aside) {
      if (!within(slot)) continue;
      const column = totals[columnOf(slot)] as number[];
      for (let l = 0; l < WIDTH; l++) column[l]! += counts[l] as number;
    }
    return totals.map((sum, c) => ({
      from: start + c * width,
      to: start + (c + 1) * width,
      counts: Object.fromEntries(STRIP_LANES.map((lane, l) => [lane, sum[l]])) as Record<StripLane, number>,
      failed: sum[FAILED] as number,
    }));
  }

  /** Whether any event fell in a lane; empty lanes (agent, for most people) are not drawn. */
  has(lane: StripLane): boolean {
    return (this.totals[STRIP_LANES.indexOf(lane)] as number) > 0;
  }

  private bump(slot: number, index: number): void {
    let at = this.offsets.get(slot);
    const fresh = at === undefined;
    if (at === undefined) this.offsets.set(slot, (at = this.allocate()));
    this.pool[at + index]!++;
    this.totals[index]!++;
    const held = this.sums.length;
    const oldest = held > 0 ? this.sums.slot(0) : Number.NaN;
    const latest = held > 0 ? this.sums.slot(held - 1) : Number.NaN;
    if (fresh && (held === 0 || slot > latest)) {
      // A new latest second: one more row of sums, the previous row plus this count.
      this.sums.pushBack(slot, this.countsAt(at));
    } else if (slot < oldest) {
      // Read at the next draw, when it goes in front with all its page's counts.
      if (fresh) this.early.push(slot);
    } else if (slot === latest) {
      this.sums.bumpLast(index);
    } else if (slot === oldest) {
      this.sums.bumpFirst(index);
    } else {
      if (fresh) this.late.push(slot);
      let aside = this.aside.get(slot);
      if (!aside) this.aside.set(slot, (aside = new Uint32Array(WIDTH)));
      aside[index]!++;
    }
  }

  /** Room in the pool for one more second's counts (zeros); returns where. */
  private allocate(): number {
    if (this.used + WIDTH > this.pool.length) {
      const grown = new Uint32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    const at = this.used;
    this.used += WIDTH;
    return at;
  }

  /** A copy of the counts at `at` in the pool, valid until the next call. */
  private countsAt(at: number): Uint32Array {
    for (let l = 0; l < WIDTH; l++) this.scratch[l] = this.pool[at + l] as number;
    return this.scratch;
  }

  /**
   * The sums brought up to date: older seconds put in front (O(page)), or, once many counts went
   * aside, rebuilt (O(seconds), no sort of them all).
   */
  private ordered(): SlotSums {
    if (this.aside.size > MAX_ASIDE) {
      const pending = this.late.sort((a, b) => a - b);
      this.sums.reset(mergeSorted(this.sums.all(), pending), (slot) => this.countsOf(slot));
      this.late = [];
      this.aside.clear();
    }
    return this.sums;
  }

  /** The seconds older than every held one, newest first, each in front with its counts (O(seconds added)). */
  private putEarlyInFront(): void {
    if (this.early.length === 0) return;
    this.early.sort((a, b) => b - a);
    for (const slot of this.early) this.sums.pushFront(slot, this.countsOf(slot));
    this.early = [];
  }

  private countsOf(slot: number): Uint32Array {
    return this.countsAt(this.offsets.get(slot) as number);
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
