// The same summary as bench/stats.ts, for the plain-JavaScript measurements (Chromium and the
// extension host), which run outside tsx.

/** Nearest-rank quantile of sorted samples. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Median, min, max, p10, p90, p99 and the number of runs. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => quantile(sorted, q);
  return {
    median: at(0.5), min: sorted.length ? sorted[0] : Number.NaN, max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    p10: at(0.1), p90: at(0.9), p99: at(0.99), runs: sorted.length,
  };
}
