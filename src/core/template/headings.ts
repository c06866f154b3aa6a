/**
 * Recognising a template's sections by their heading. Retrospectives written by people and other
 * tools number, decorate and rename headings, so a heading is reduced to a normal form and looked
 * up among the template's titles and synonyms instead of being compared literally.
 */
import type { RetrospectiveTemplate, SectionKey, TemplateSection } from './types';
import { VALIDATION_SECTION } from './validationSection';

const MAX_HEADING_CHARS = 200;

/**
 * Reduces heading text to the form the synonym lists use: "## 🎯 Part 2: What Didn’t Go Well:"
 * becomes "what didnt go well", "3.1 Risks & Blockers (Mandatory)" becomes "risks and blockers".
 */
export function normalizeHeading(text: string): string {
  let s = text.slice(0, MAX_HEADING_CHARS).toLowerCase();
  s = s.replace(/[*_`~]/g, '').replace(/['’‘]/g, '').replace(/\s*&\s*/g, ' and ');
  // Trailing asides: "The Golden Path (If It Existed)", "Task Status (Mandatory):".
  s = s.replace(/(?:\s*\([^()]*\)[\s:.]*)+$/, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Leading numbering: "2", "2 1", "part 2", "section ii", "step 3".
  s = s.replace(/^(?:(?:part|section|step|chapter)\s+(?:\d+|[ivxlc]+)\s+)/, '');
  s = s.replace(/^(?:\d+\s+)+/, '');
  return s;
}

/** The template's sections with the validator's checklist, which every layout ends with. */
export function sectionsOf(template: RetrospectiveTemplate): readonly TemplateSection[] {
  return template.sections.some((s) => s.key === 'validation') ? template.sections : [...template.sections, VALIDATION_SECTION];
}

const lookups = new WeakMap<RetrospectiveTemplate, ReadonlyMap<string, SectionKey>>();

function lookupOf(template: RetrospectiveTemplate): ReadonlyMap<string, SectionKey> {
  const cached = lookups.get(template);
  if (cached) return cached;
  const map = new Map<string, SectionKey>();
  for (const section of sectionsOf(template)) {
    const names = [section.title, ...(section.agentTitle ? [section.agentTitle] : [])].map(normalizeHeading);
    for (const name of [...section.synonyms, ...names]) if (!map.has(name)) map.set(name, section.key);
  }
  lookups.set(template, map);
  return map;
}

/** The section of `template` a heading names, or undefined when it names none. */
export function sectionKeyIn(template: RetrospectiveTemplate, heading: string): SectionKey | undefined {
  return lookupOf(template).get(normalizeHeading(heading));
}

/** The template's section with this key (the validator's checklist included). */
export function templateSection(template: RetrospectiveTemplate, key: SectionKey): TemplateSection | undefined {
  return sectionsOf(template).find((s) => s.key === key);
}

/**
 * The heading the template writes for a section. A key the template lacks (a rule naming a section
 * another layout has) is named by its key, which still tells the reader what is missing.
 */
export function sectionTitle(template: RetrospectiveTemplate, key: SectionKey): string {
  return templateSection(template, key)?.title ?? key;
}

/**
 * A numbered subsection ("1.1 Tests caught the regression", "2.3. Timeline drift"): people number
 * the points inside What Went Well and its kin this way, and such a heading is a point of its
 * parent section even when its words happen to name a section.
 */
export function isNumberedSubsection(text: string): boolean {
  return /^\s*[*_]{0,2}\d+\.\d+(?:\.\d+)*\.?[*_]{0,2}(?:\s|$|[:)—–-])/.test(text);
}
