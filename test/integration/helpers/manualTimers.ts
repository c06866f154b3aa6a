import type { Scheduler } from '../../../src/core/capture/burstCoalescer';

interface Timer {
  readonly ms: number;
  readonly fn: () => void;
  live: boolean;
}

/**
 * Timers that fire only when the test says their time has passed. Handed to the extension's
 * `useBurstScheduler`, they put the save coalescer's quiet period under the test's control:
 * saves stay "close together" however slowly a loaded machine makes them.
 */
export class ManualTimers {
  private timers: Timer[] = [];

  readonly schedule: Scheduler = (ms, fn) => {
    const timer: Timer = { ms, fn, live: true };
    this.timers.push(timer);
    return { cancel: () => { timer.live = false; } };
  };

  /** The delays of the timers still waiting, in the order they were set. */
  get waiting(): number[] {
    return this.timers.filter((t) => t.live).map((t) => t.ms);
  }

  /** Lets the time of every waiting timer pass: each fires once. */
  elapse(): void {
    const due = this.timers.filter((t) => t.live);
    this.timers = [];
    for (const timer of due) {
      timer.live = false;
      timer.fn();
    }
  }
}
