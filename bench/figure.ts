/**
 * One line of the benchmark table, as the measuring processes hand it to scripts/bench.mjs:
 * plain JSON, so the TypeScript groups, the Chromium and the extension-host measurements all
 * report the same way and the table and results.json are built in one place.
 */
import type { Summary } from './stats';

/** A target the figure is judged against: `median < value` (or the chosen statistic). */
export interface Target {
  readonly op: '<' | '<=' | '>=' | '==';
  readonly value: number;
  /** Which statistic is judged; the median unless said otherwise. */
  readonly stat?: 'median' | 'p99' | 'max';
}

/** A measured figure with its spread over runs. */
export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly summary: Summary;
  /** How the spread is shown: min–max over runs, or p10–p90 over many samples. */
  readonly spread: 'min-max' | 'p10-p90';
  readonly target?: Target;
  readonly note?: string;
}

/** Builds a figure; keeps the call sites short. */
export function figure(id: string, label: string, unit: string, summary: Summary, options: Partial<Pick<Figure, 'spread' | 'target' | 'note'>> = {}): Figure {
  return { id, label, unit, summary, spread: options.spread ?? 'min-max', ...(options.target ? { target: options.target } : {}), ...(options.note ? { note: options.note } : {}) };
}
