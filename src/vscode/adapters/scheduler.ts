import type { Scheduler } from '../../core/burstCoalescer';

/** The real-timer Scheduler the core coalescers take (core code never touches timers itself). */
export const realScheduler: Scheduler = (ms, fn) => {
  const handle = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(handle) };
};
