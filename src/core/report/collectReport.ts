/**
 * From the files under the report's folders to the report: every Markdown file is either a
 * metrics log, a retrospective, or neither (READMEs, notes), and is sorted into its place.
 * Reading the files is the caller's (the CLI reads the disk, the extension the workspace).
 */
import { isMetricsLog, readMetricsLog } from './metricsLogRows';
import type { MetricsLogEntry } from './metricsLogRows';
import { scanRetrospective } from './scanRetrospective';
import type { RetrospectiveFacts } from './scanRetrospective';
import { buildTeamReport } from './teamReport';
import type { TeamReport } from './teamReport';

/** A Markdown file found under one of the folders. */
export interface ReportFile {
  /** The path to show. */
  readonly file: string;
  /** The folder it was found under: a person's clone, a repository. */
  readonly source: string;
  readonly text: string;
}

/** Sorts the files into retrospectives and metrics-log rows, and builds the report. */
export function reportFromFiles(files: readonly ReportFile[], since?: string): TeamReport {
  const retrospectives: RetrospectiveFacts[] = [];
  const metrics: MetricsLogEntry[] = [];
  for (const f of files) {
    if (isMetricsLog(f.text)) {
      metrics.push(...readMetricsLog(f.source, f.text));
      continue;
    }
    const facts = scanRetrospective(f.file, f.source, f.text);
    if (facts) retrospectives.push(facts);
  }
  return buildTeamReport(retrospectives, metrics, since);
}

/** A `--since` value: a real YYYY-MM-DD day. */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === text;
}
