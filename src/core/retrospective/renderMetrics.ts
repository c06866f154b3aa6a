/**
 * The Metrics table, on its own because the Finish step rewrites just this table in a file the
 * user has edited: the numbers must match the record even when the prose was written by hand.
 */
import { formatDuration } from '../describeEvent';
import type { RetrospectiveMetrics } from './model';

/** `| Metric | Value |` rows in a fixed order; the validator reads the `Commits` row. */
export function renderMetricsTable(m: RetrospectiveMetrics): string {
  const rows: [string, string][] = [
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
  ];
  return ['| Metric | Value |', '| --- | ---: |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
