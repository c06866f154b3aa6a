/**
 * Summaries of repeated measurements: a benchmark figure is a median with its spread, never a
 * single run, because one run on a shared two-core machine says more about the neighbours.
 */

/** Median and spread of a set of samples, in the samples' unit. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p10: number;
  readonly p90: number;
  readonly p99: number;
  readonly runs: number;
}

/** The value below which `q` (0..1) of the sorted samples lie, by nearest rank. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Summarises samples (any order); NaN everywhere when there are none. */
export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  return {
    median: quantile(sorted, 0.5),
    min: sorted.length > 0 ? sorted[0] : Number.NaN,
    max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    runs: sorted.length,
  };
}

/** Runs `fn` `runs` times after `warmup` unrecorded runs and summarises what it returns (e.g. ms). */
export async function repeat(runs: number, fn: () => Promise<number> | number, warmup = 1): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  return summarize(samples);
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`), with sub-microsecond precision. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
