/**
 * The running `retrospectives/session-metrics.md`: one table row per session, so a team sees
 * across sessions how long they ran, how much landed and which friction keeps coming back.
 */
import { escapeMarkdown } from './markdownEscape';

/** One session's line in the metrics log. */
export interface MetricsLogRow {
  /** Local date (and time) of the session, e.g. `2026-11-22 09:12`. */
  readonly date: string;
  /** Human duration, e.g. `2 h 28 min`. */
  readonly duration: string;
  readonly commits: number;
  /** Number of friction points. */
  readonly friction: number;
  readonly biggestWin?: string;
  readonly mainFriction?: string;
}

export const METRICS_LOG_TITLE = '# Session Metrics';
const HEADER = '| Date | Duration | Commits | Friction | Biggest Win | Main Friction |';
const DIVIDER = '| --- | --- | ---: | ---: | --- | --- |';

function cell(text: string | undefined): string {
  return text?.trim() ? escapeMarkdown(text) : '—';
}

function rowLine(row: MetricsLogRow): string {
  return `| ${cell(row.date)} | ${cell(row.duration)} | ${row.commits} | ${row.friction} | ${cell(row.biggestWin)} | ${cell(row.mainFriction)} |`;
}

/**
 * Returns the metrics log with `row` appended to its table. A missing or empty file gets the
 * title and table header; a file whose table was lost (edited by hand) gets a new table at the
 * end. Text around the table is kept as it is.
 */
export function appendMetricsRow(existing: string | undefined, row: MetricsLogRow): string {
  const line = rowLine(row);
  if (existing === undefined || existing.trim() === '') return [METRICS_LOG_TITLE, '', HEADER, DIVIDER, line, ''].join('\n');

  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lines = existing.split(/\r?\n/);
  const head = lines.findIndex((l) => /^\|\s*Date\s*\|/i.test(l.trim()));
  if (head < 0) {
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    return [...lines, '', HEADER, DIVIDER, line, ''].join(eol);
  }
  let last = head;
  while (last + 1 < lines.length && lines[last + 1].trim().startsWith('|')) last++;
  const out = [...lines.slice(0, last + 1), line, ...lines.slice(last + 1)];
  if (out[out.length - 1] !== '') out.push('');
  return out.join(eol);
}
