import type { Scheduler } from '../../core/capture/burstCoalescer';

/** The real-timer Scheduler the core coalescers take (core code never touches timers itself). */
export const realScheduler: Scheduler = (ms, fn) => {
  const handle = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(handle) };
};

/**
 * The timers that end save and file-operation bursts. Real timers, unless a test takes them
 * over (the extension API's `useBurstScheduler`) to decide itself when a quiet period has passed.
 */
export class SwitchableScheduler {
  private current: Scheduler = realScheduler;

  readonly schedule: Scheduler = (ms, fn) => this.current(ms, fn);

  /** Timers from now on come from `next`; undefined: real timers again. */
  use(next: Scheduler | undefined): void {
    this.current = next ?? realScheduler;
  }
}
