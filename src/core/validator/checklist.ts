/**
 * The Retrospective Validation section: the validator's verdict written into the document,
 * so a reader sees which checks passed without running anything.
 */
import type { ValidationResult } from './types';
import { parseDocument } from './document';
import { adoptEarlierChecklist } from './earlierChecklist';
import { VALIDATION_SECTION } from '../template/validationSection';

/** The body of the `## Retrospective Validation` section: one checkbox line per rule. */
export function renderValidationChecklist(result: ValidationResult): string {
  const lines = result.rules.map((outcome) => {
    if (outcome.passed) return `- [x] ${outcome.title}${outcome.disabled ? ' (check disabled)' : ''}`;
    const errors = result.findings.filter((f) => f.rule === outcome.rule && f.severity === 'error');
    const why = errors.length === 0 ? 'failed' : oneLine(errors[0].message) + (errors.length > 1 ? ` (and ${errors.length - 1} more)` : '');
    return `- [ ] ${outcome.title} — ${why}`;
  });
  return lines.join('\n') + '\n';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/<!--/g, '< !--').trim();
}

/** Offsets where each line of the original text starts (any of \n, \r\n, \r ends a line). */
function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Writes the checklist into a retrospective: replaces the body of the section the validator owns
 * (a level-2 "Retrospective Validation" heading, numbered or decorated; see parseDocument) or
 * appends a new section at the end. A checklist under an earlier heading ("## Validation
 * Checklist") is taken over rather than duplicated (see earlierChecklist.ts). Every other byte of
 * the document stays as it was, so a section the user headed "Validation" keeps what they wrote.
 */
export function upsertValidationChecklist(original: string, result: ValidationResult): string {
  const markdown = adoptEarlierChecklist(original);
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const body = renderValidationChecklist(result).replace(/\n/g, eol);
  const section = parseDocument(markdown, Number.MAX_SAFE_INTEGER).sections.find((s) => s.key === 'validation');
  const endsWithBreak = /[\r\n]$/.test(markdown);
  if (!section) {
    let gap = '';
    if (markdown.length > 0) {
      if (!endsWithBreak) gap = eol + eol;
      else if (!/(?:\r\n|\r|\n)(?:\r\n|\r|\n)$/.test(markdown)) gap = eol;
    }
    return `${markdown}${gap}## ${VALIDATION_SECTION.title}${eol}${eol}${body}`;
  }
  // parseDocument's lines match these starts one to one (a final line break opens an empty last line).
  const starts = lineOffsets(markdown);
  const from = section.bodyStartLine - 1 < starts.length ? starts[section.bodyStartLine - 1] : markdown.length;
  const hasNext = section.bodyEndLine < starts.length;
  const to = hasNext ? starts[section.bodyEndLine] : markdown.length;
  const prefix = from === markdown.length && !endsWithBreak ? eol : '';
  return markdown.slice(0, from) + prefix + eol + body + (hasNext ? eol : '') + markdown.slice(to);
}
