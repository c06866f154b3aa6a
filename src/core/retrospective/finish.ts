/**
 * The pure part of Finish Retrospective: what happens to the text of a retrospective the author
 * has edited, and what the metrics log and the user are told. The file writing, the questions and
 * the preview live in the VS Code layer (src/vscode/retrospective/finishService.ts).
 *
 * Every section is found through the template, with its synonyms, so Finish agrees with the
 * validator on which heading is which: a "What worked" heading is What Went Well for both.
 */
import { formatDuration } from '../timeline/describeEvent';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import type { RetrospectiveTemplate, SectionKey } from '../template/types';
import { upsertValidationChecklist } from '../validator/checklist';
import type { ValidatorConfig } from '../validator/config';
import { parseDocument, sectionOf } from '../validator/document';
import { adoptEarlierChecklist } from '../validator/earlierChecklist';
import type { RecordFacts, ValidationResult } from '../validator/types';
import { validateRetrospective } from '../validator/validate';
import { localClock, localDate } from './localTime';
import type { MetricsLogRow } from './metricsLog';
import type { RetrospectiveModel } from './model';
import { withDocumentedFriction } from './recordedRetrospective';
import { replaceMetricsSection, stripHints } from './retrospectiveFile';

/** The finished text, the verdict written into it, and the model its metrics came from. */
export interface FinishedText {
  readonly text: string;
  readonly result: ValidationResult;
  /** The recorded model with the friction count the document lists; undefined without a record. */
  readonly model?: RetrospectiveModel;
}

/**
 * Removes the hints, takes over an earlier checklist, refreshes the metrics from the record (when
 * the draft has one), validates, and writes the checklist. `recorded` is the session's model
 * rebuilt from its journal, as End Session built the draft.
 */
export function finishText(
  original: string, recorded: RetrospectiveModel | undefined, options?: Partial<ValidatorConfig>,
  template: RetrospectiveTemplate = SESSION_TEMPLATE,
): FinishedText {
  // An older file's "## Validation Checklist" becomes the validator's section before validating,
  // so its checkbox lines are not read as prose and the checklist is replaced, not doubled.
  let text = adoptEarlierChecklist(stripHints(original));
  const model = recorded && withDocumentedFriction(recorded, text, template);
  if (model) text = replaceMetricsSection(text, model, template);
  const facts: RecordFacts | undefined = model ? { commits: model.metrics.commits, start: model.start, end: model.end } : undefined;
  const result = validateRetrospective(text, options, facts, template);
  return { text: upsertValidationChecklist(text, result), result, model };
}

/** A list or task item; an item with no visible text (only a comment, blanked by the parser) is skipped. */
const ITEM = /^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?(\S.*)$/;
const MAX_ITEM_CHARS = 80;

/**
 * The first list item the author wrote in a section of the template, found by any of its
 * headings, without bold markers and cut to a table cell's length; undefined when the section is
 * missing or has no item before the next heading.
 */
export function firstItemOf(markdown: string, key: SectionKey, template: RetrospectiveTemplate = SESSION_TEMPLATE): string | undefined {
  const doc = parseDocument(markdown, Number.MAX_SAFE_INTEGER, template);
  const section = sectionOf(doc, key);
  if (!section) return undefined;
  for (let line = section.bodyStartLine; line <= section.bodyEndLine; line++) {
    const text = doc.lines[line - 1] ?? '';
    if (/^#{1,3}\s/.test(text)) return undefined;
    const m = ITEM.exec(text);
    if (m?.[1]) return m[1].replace(/\*\*/g, '').slice(0, MAX_ITEM_CHARS);
  }
  return undefined;
}

/** This session's row of the metrics log: "biggest win" and "main friction" are the first items the author wrote. */
export function metricsLogRow(
  sessionId: string, model: RetrospectiveModel, markdown: string, template: RetrospectiveTemplate = SESSION_TEMPLATE,
): MetricsLogRow {
  return {
    date: `${localDate(model.start, model.utcOffsetMinutes)} ${localClock(model.start, model.utcOffsetMinutes)}`,
    duration: formatDuration(model.durationMs),
    commits: model.metrics.commits,
    friction: model.metrics.frictionPoints,
    biggestWin: firstItemOf(markdown, 'wentWell', template),
    mainFriction: firstItemOf(markdown, 'frictionPoints', template),
    sessionId,
  };
}

/** What the user is told; a draft says when its metrics-log row will be written. */
export function finishMessage(result: ValidationResult, final: boolean, metricsLog: boolean): string {
  const total = result.rules.length;
  if (final) return `Retrospective finished: all ${total} checks pass.`;
  const logged = metricsLog ? ' The metrics log gets its row when you finish it without "Finish as Draft".' : '';
  if (result.passed) return `Retrospective saved as a draft; all ${total} checks now pass, so Finish again to complete it.${logged}`;
  const passing = result.rules.filter((r) => r.passed).length;
  return `Retrospective finished as a draft: ${passing} of ${total} checks pass; the checklist shows the rest.${logged}`;
}
