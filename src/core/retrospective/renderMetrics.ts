/**
 * The Metrics table, on its own because the Finish step rewrites just this table in a file the
 * user has edited: the numbers must match the record even when the prose was written by hand.
 */
import { formatDuration } from '../timeline/describeEvent';
import type { RetrospectiveMetrics } from './model';

/** The Metrics table's rows as (name, value) pairs, in a fixed order; the validator reads the `Commits` row. */
export function metricsRows(m: RetrospectiveMetrics): [string, string][] {
  return [
    ['Duration', formatDuration(m.durationMs)],
    ['Active Time', formatDuration(m.activeMs)],
    ['Commits', String(m.commits)],
    ['Files Changed', String(m.filesChanged)],
    ['Lines Added', String(m.linesAdded)],
    ['Lines Removed', String(m.linesRemoved)],
    ['Saves', String(m.saves)],
    ['Commands Run', String(m.commandsRun)],
    ['Commands Failed', String(m.commandsFailed)],
    ['Friction Points', String(m.frictionPoints)],
    ['Notes', String(m.notes)],
    ['Lessons', String(m.lessons)],
    // Only when the session started with a carried-over checklist: "0 of 0 done" says nothing.
    ...(m.carriedOver && m.carriedOver.total > 0 ? [['Carried Over', `${m.carriedOver.done} of ${m.carriedOver.total} done`] as [string, string]] : []),
  ];
}

/** `| Metric | Value |` table of {@link metricsRows}. */
export function renderMetricsTable(m: RetrospectiveMetrics): string {
  return ['| Metric | Value |', '| --- | ---: |', ...metricsRows(m).map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
