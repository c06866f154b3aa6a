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

/**
 * Per-second counts of a session's events by lane. The strip never keeps one element (or one
 * entry) per event: 50,000 events of an 8-hour day are at most 28,800 small arrays, in practice
 * the seconds that saw an event, and a column of the strip sums the seconds it covers. Adding
 * events is O(events), drawing O(seconds with events).
 * Edits and deletes are not subtracted: a deleted note leaves its tick, which a glance forgives.
 */
export class StripCounts {
  private readonly slots = new Map<number, Uint32Array>();

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
  }

  /** `columns` equal slices of [start, end), each with the sums of the seconds that start inside it. */
  buckets(start: number, end: number, columns: number): StripBucket[] {
    const span = Math.max(MINUTE, end - start);
    const width = span / columns;
    const sums = Array.from({ length: columns }, () => new Uint32Array(FAILED + 1));
    for (const [slot, counts] of this.slots) {
      const at = slot * SLOT_MS;
      if (at + SLOT_MS <= start || at >= start + span) continue;
      const column = Math.min(columns - 1, Math.max(0, Math.floor((at - start) / width)));
      const sum = sums[column]!;
      for (let i = 0; i <= FAILED; i++) sum[i]! += counts[i]!;
    }
    return sums.map((sum, i) => ({
      from: start + i * width,
      to: start + (i + 1) * width,
      counts: Object.fromEntries(STRIP_LANES.map((lane, l) => [lane, sum[l]!])) as Record<StripLane, number>,
      failed: sum[FAILED]!,
    }));
  }

  /** Whether any event fell in a lane; empty lanes (agent, for most people) are not drawn. */
  has(lane: StripLane): boolean {
    const l = STRIP_LANES.indexOf(lane);
    for (const counts of this.slots.values()) if (counts[l]) return true;
    return false;
  }

  private bump(slot: number, index: number): void {
    let counts = this.slots.get(slot);
    if (!counts) this.slots.set(slot, (counts = new Uint32Array(FAILED + 1)));
    counts[index]!++;
  }
}

/** The lane an event is drawn in, by the same category as its filter chip; session and other rows have none. */
function laneOf(e: JournalEvent): StripLane | undefined {
  const category = categoryOf(e);
  return category === 'other' ? undefined : category;
}
