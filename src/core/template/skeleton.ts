/**
 * The text a template asks the author for: hints in the draft and the skeleton the "insert the
 * missing section" quick fix writes, both read from the template's sections.
 */
import { templateSection } from './headings';
import type { RetrospectiveTemplate, RuleThresholds, SectionKey } from './types';

/** A hint with `{minDiaryWords}` and the other threshold names replaced by their values. */
export function fillThresholds(text: string, thresholds: RuleThresholds): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(thresholds, name) ? String(thresholds[name as keyof RuleThresholds]) : whole);
}

/**
 * The Markdown of a missing section, ready to insert: its heading and an example kept in an HTML
 * comment, so the example never renders and never counts as content. Empty for a key the
 * template does not have.
 */
export function sectionSkeleton(template: RetrospectiveTemplate, key: SectionKey): string {
  const section = templateSection(template, key);
  if (!section) return '';
  const example = fillThresholds(section.example, template.thresholds);
  const body = example === '' ? '' : `<!-- hint: ${example.replace(/-->/g, '-- >')} -->\n`;
  return `${'#'.repeat(section.level)} ${section.title}\n\n${body}`;
}
