/**
 * Where a reader finds a section that has no heading of its own: friction points listed inside
 * Honest Feedback, a Metric | Value table under the summary. required-sections and the section's
 * own rule both ask here, so a section is either there for both or missing for both.
 */
import type { Tokens } from 'marked';
import { blocksIn, mainSectionOf } from './document';
import type { ParsedDoc, SectionInfo } from './document';
import { listedFrictionIn } from './frictionCount';
import type { SectionKey } from '../template/types';

/** A table whose first header cell says it holds metrics ("Metric", "Stat", "Measure"). */
function isMetricsTable(token: Tokens.Generic): boolean {
  if (token.type !== 'table') return false;
  const first = (token as Tokens.Table).header[0]?.text ?? '';
  return /^\W*(?:metrics?|stats?|statistics|measures?|figures?)\b/i.test(first);
}

/** The Metrics section, or a summary or overview section that holds the metrics table. */
export function metricsSectionOf(doc: ParsedDoc): SectionInfo | undefined {
  const own = mainSectionOf(doc, 'metrics');
  if (own) return own;
  return doc.sections.find((s) => s.key === 'summary' && blocksIn(doc, s).some((b) => isMetricsTable(b.token)));
}

/** Whether a reader finds the section, with or without its own heading. */
export function sectionPresent(doc: ParsedDoc, key: SectionKey): boolean {
  if (doc.sections.some((s) => s.key === key)) return true;
  if (key === 'frictionPoints') return listedFrictionIn(doc) !== undefined;
  if (key === 'metrics') return metricsSectionOf(doc) !== undefined;
  return false;
}
