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
  /**
   * The session the row is about. Written as a trailing HTML comment so a later Finish finds
   * and replaces this row instead of adding a second one or keeping a stale one.
   */
  readonly sessionId?: string;
}

export const METRICS_LOG_TITLE = '# Session Metrics';
const HEADER = '| Date | Duration | Commits | Friction | Biggest Win | Main Friction |';
const DIVIDER = '| --- | --- | ---: | ---: | --- | --- |';

function cell(text: string | undefined): string {
  return text?.trim() ? escapeMarkdown(text) : '—';
}

/** Session ids as the journal writes them; anything else could close the comment early, so it is left out. */
const SAFE_SESSION_ID = /^[\w-]{1,64}$/;
const SESSION_MARKER = /<!--\s*session:([\w-]{1,64})\s*-->\s*$/;

/**
 * After the last pipe, so GFM and markdown-it treat it as an excess cell and drop it: the table
 * keeps its six columns and the comment never shows.
 */
function sessionMarker(sessionId: string | undefined): string {
  return sessionId !== undefined && SAFE_SESSION_ID.test(sessionId) ? ` <!-- session:${sessionId} -->` : '';
}

function rowLine(row: MetricsLogRow): string {
  const cells = `| ${cell(row.date)} | ${cell(row.duration)} | ${row.commits} | ${row.friction} | ${cell(row.biggestWin)} | ${cell(row.mainFriction)} |`;
  return cells + sessionMarker(row.sessionId);
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

/** The session id a row carries, or undefined for rows written before rows carried one. */
export function sessionIdOfRow(line: string): string | undefined {
  return SESSION_MARKER.exec(line)?.[1];
}

/**
 * Index of the line holding this session's row: the one carrying its id, else (for logs written
 * before rows carried ids) a row without an id whose date cell matches, as earlier versions
 * matched it. -1 when there is none.
 */
function rowIndexOf(lines: readonly string[], row: MetricsLogRow): number {
  const isTableRow = (line: string): boolean => line.trim().startsWith('|');
  const wanted = row.sessionId !== undefined && SAFE_SESSION_ID.test(row.sessionId) ? row.sessionId : undefined;
  if (wanted !== undefined) {
    const byId = lines.findIndex((l) => isTableRow(l) && sessionIdOfRow(l) === wanted);
    if (byId >= 0) return byId;
  }
  const datePrefix = `| ${cell(row.date)} |`;
  return lines.findIndex((l) => l.startsWith(datePrefix) && sessionIdOfRow(l) === undefined);
}

/**
 * Returns the metrics log with this session's row written: an existing row for the session is
 * replaced in place (a second Finish after more edits updates the numbers and the user's
 * answers), any other session's rows are left alone, and a session without a row gets one
 * appended as `appendMetricsRow` does. Line endings of the file are kept.
 */
export function upsertMetricsRow(existing: string | undefined, row: MetricsLogRow): string {
  if (existing === undefined || existing.trim() === '') return appendMetricsRow(existing, row);
  const lines = existing.split(/\r?\n/);
  const at = rowIndexOf(lines, row);
  if (at < 0) return appendMetricsRow(existing, row);
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  return [...lines.slice(0, at), rowLine(row), ...lines.slice(at + 1)].join(eol);
}
