/**
 * Reads the rows back out of `retrospectives/session-metrics.md` (written by metricsLog.ts): the
 * team report counts commits per week from it, and the sessions whose retrospective is not among
 * the files it read.
 */
import { parseMinutes } from './scanRetrospective';
import { sessionIdOfRow } from '../retrospective/metricsLog';

/** One session's row of a metrics log. */
export interface MetricsLogEntry {
  readonly source: string;
  /** YYYY-MM-DD. */
  readonly day: string;
  /** HH:MM, when the date cell has a time. */
  readonly start?: string;
  readonly durationMinutes?: number;
  readonly commits: number;
  readonly friction: number;
  readonly mainFriction?: string;
  readonly sessionId?: string;
}

/** A metrics log is known by its title or its table header. */
export function isMetricsLog(text: string): boolean {
  return /^# Session Metrics\s*$/m.test(text) || /^\|\s*Date\s*\|\s*Duration\s*\|\s*Commits\s*\|\s*Friction\s*\|/im.test(text);
}

/** Cells of a table row; escaped pipes (`\|`) stay inside their cell, backslash escapes are undone. */
function cells(line: string): string[] {
  const body = line.trim().replace(/<!--.*?-->\s*$/, '').replace(/^\|/, '').replace(/\|\s*$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\(.)/g, '$1'));
}

/** Every dated row of the log's table, in file order. */
export function readMetricsLog(source: string, text: string): MetricsLogEntry[] {
  const out: MetricsLogEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim().startsWith('|')) continue;
    const [date = '', duration = '', commits = '', friction = '', , mainFriction = ''] = cells(line);
    const when = /^(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}:\d{2}))?/.exec(date);
    if (!when) continue;
    const minutes = parseMinutes(duration);
    const sessionId = sessionIdOfRow(line);
    out.push({
      source,
      day: when[1],
      ...(when[2] !== undefined ? { start: when[2].padStart(5, '0') } : {}),
      ...(minutes !== undefined ? { durationMinutes: minutes } : {}),
      commits: Number.parseInt(commits, 10) || 0,
      friction: Number.parseInt(friction, 10) || 0,
      ...(mainFriction !== '' && mainFriction !== '—' ? { mainFriction } : {}),
      ...(sessionId !== undefined ? { sessionId } : {}),
    });
  }
  return out;
}
