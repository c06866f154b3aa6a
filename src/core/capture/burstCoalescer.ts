/** A timer handle as the glue's `setTimeout` wrapper returns it; tests pass a fake clock. */
export interface ScheduledTask {
  cancel(): void;
}

/** Schedules `fn` after `ms`; injected so core code stays free of real timers. */
export type Scheduler = (ms: number, fn: () => void) => ScheduledTask;

/** When a burst ends. */
export interface BurstTiming {
  /** A burst ends after this long without a new item. */
  readonly quietMs: number;
  /** A burst never spans more than this, so an endless stream of saves still shows up on the timeline. */
  readonly maxBurstMs: number;
  readonly schedule: Scheduler;
}

/**
 * The timing shared by save and file-operation coalescing: items close together in time
 * become one burst, closed after a quiet period, when it has lasted too long, or on flush.
 * Subclasses only accumulate items and build the event; `add` costs O(1) plus `collect`.
 */
export abstract class BurstCoalescer<T extends { readonly time: number }> {
  private start: number | undefined;
  private last = 0;
  private timer: ScheduledTask | undefined;

  protected constructor(private readonly timing: BurstTiming) {}

  /** Adds one item, closing the current burst first when it has already lasted maxBurstMs. */
  add(item: T): void {
    if (this.start !== undefined && item.time - this.start >= this.timing.maxBurstMs) this.flush();
    if (this.start === undefined) {
      this.start = item.time;
      this.last = item.time;
    } else {
      // Sources report slightly out of order now and then; the burst spans all of them.
      if (item.time < this.start) this.start = item.time;
      if (item.time > this.last) this.last = item.time;
    }
    this.collect(item);
    this.timer?.cancel();
    this.timer = this.timing.schedule(this.timing.quietMs, () => {
      this.timer = undefined;
      this.flush();
    });
  }

  /** Emits the pending burst now (session end, deactivate); does nothing when there is none. */
  flush(): void {
    if (this.start === undefined) return;
    this.timer?.cancel();
    this.timer = undefined;
    const start = this.start;
    this.start = undefined;
    this.close(start, this.last);
  }

  /** Whether a burst is being collected. */
  get pending(): boolean {
    return this.start !== undefined;
  }

  /** Time of the first item of the pending burst, for ordering several coalescers. */
  get pendingStart(): number | undefined {
    return this.start;
  }

  /** Accumulates one item into the pending burst. */
  protected abstract collect(item: T): void;

  /** Emits the burst from `start` to `end` and clears the accumulated state. */
  protected abstract close(start: number, end: number): void;
}
