/**
 * A team's own template: a Markdown skeleton in the workspace
 * (`.session-journal/templates/<name>.md`) whose headings are the sections and whose front matter
 * states the rules. Pure: the caller reads the file; a bad file gives errors that carry its line.
 *
 *     ---
 *     title: Sprint Retrospective
 *     required: [Summary, Next Steps]
 *     rules: [required-sections, next-steps-specific, no-placeholders]
 *     minNextSteps: 2
 *     ---
 *     ## Summary
 *     Two sentences about the sprint.      <- the hint End Session shows
 *     ## Next Steps
 *     ## Metrics                           <- empty: the record fills it
 */
import { RULE_IDS } from '../validator/types';
import type { RuleId } from '../validator/types';
import { normalizeHeading, sectionKeyIn } from './headings';
import { SESSION_TEMPLATE } from './sessionTemplate';
import { BUILT_IN_TEMPLATES, TEMPLATE_NAME } from './templates';
import type { RetrospectiveTemplate, RuleThresholds, SectionKey, TemplateSection } from './types';

/** A problem in a template file, at a 1-based line. */
export interface TemplateError {
  readonly line: number;
  readonly message: string;
}

export type TeamTemplateResult =
  | { readonly template: RetrospectiveTemplate; readonly errors?: undefined }
  | { readonly template?: undefined; readonly errors: readonly TemplateError[] };

/** The folder of a workspace that holds its templates, one `<name>.md` each. */
export const TEAM_TEMPLATE_DIR = '.session-journal/templates';

/** Sections the record writes when the skeleton leaves them empty. */
const RECORD_FILLED: ReadonlySet<SectionKey> = new Set<SectionKey>(['timeline', 'technicalDetails', 'metrics', 'commits', 'artifacts', 'filesForReview']);

/** The section each rule reads: naming the rule without the section is a mistake in the file. */
const RULE_SECTION: Partial<Record<RuleId, SectionKey>> = {
  'timeline-times': 'timeline', 'friction-count': 'frictionPoints', 'diary-length': 'diary',
  'feedback-length': 'honestFeedback', 'lessons-actionable': 'lessons', 'next-steps-specific': 'nextSteps',
  'metrics-present': 'metrics', 'action-items-priority': 'nextSteps', 'recommendations-by-horizon': 'recommendations',
  'task-status': 'taskStatus',
};

const DEFAULT_RULES: readonly RuleId[] = ['required-sections', 'no-placeholders'];
const THRESHOLD_NAMES = Object.keys(SESSION_TEMPLATE.thresholds) as (keyof RuleThresholds)[];
const KEYS = ['title', 'description', 'header', 'required', 'optional', 'rules', ...THRESHOLD_NAMES] as const;

interface Field {
  readonly line: number;
  readonly value: string | string[];
}

/** Reads `key: value`, `key: [a, b]` and `key:` followed by `  - item` lines. */
function readFrontMatter(lines: readonly string[], errors: TemplateError[]): { fields: Map<string, Field>; bodyStart: number } {
  const fields = new Map<string, Field>();
  if (lines[0]?.trim() !== '---') return { fields, bodyStart: 0 };
  let open: { key: string; line: number; items: string[] } | undefined;
  const close = (): void => {
    if (open) fields.set(open.key, { line: open.line, value: open.items });
    open = undefined;
  };
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '---') {
      close();
      return { fields, bodyStart: i + 1 };
    }
    if (line.trim() === '') continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && open) {
      open.items.push(unquote(item[1]));
      continue;
    }
    close();
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      errors.push({ line: i + 1, message: `Expected "key: value" in the front matter, found "${raw.trim().slice(0, 60)}".` });
      continue;
    }
    const [, key, value] = m;
    if (!(KEYS as readonly string[]).includes(key)) {
      errors.push({ line: i + 1, message: `Unknown front matter key "${key}" (known: ${KEYS.join(', ')}).` });
      continue;
    }
    if (fields.has(key)) errors.push({ line: i + 1, message: `"${key}" is given twice.` });
    if (value.trim() === '') open = { key, line: i + 1, items: [] };
    else if (/^\[.*\]$/.test(value.trim())) fields.set(key, { line: i + 1, value: value.trim().slice(1, -1).split(',').map(unquote).filter((v) => v !== '') });
    else if (value.trim().startsWith('[')) errors.push({ line: i + 1, message: `The list of "${key}" is not closed with "]".` });
    else fields.set(key, { line: i + 1, value: unquote(value) });
  }
  errors.push({ line: 1, message: 'The front matter opened with "---" is never closed by a "---" line.' });
  // Read the headings anyway, so the other problems of the file are reported in the same pass.
  return { fields, bodyStart: 1 };
}

function unquote(text: string): string {
  const t = text.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** The role a heading names in any built-in layout, else a custom key no rule reads. */
function roleOf(heading: string): { key: SectionKey; known?: TemplateSection } {
  for (const t of BUILT_IN_TEMPLATES) {
    const key = sectionKeyIn(t, heading);
    if (key !== undefined && key !== 'validation') return { key, known: t.sections.find((s) => s.key === key) };
  }
  return { key: `custom:${normalizeHeading(heading)}` };
}

/** The hint of a skeleton section: its text with comments unwrapped and lines joined. */
function hintOf(body: readonly string[]): string {
  return body.join('\n').replace(/<!--\s*(?:hint:)?\s*([\s\S]*?)\s*-->/g, '$1').replace(/\s+/g, ' ').trim();
}

interface Heading {
  readonly line: number;
  readonly level: 2 | 3;
  readonly text: string;
  readonly body: string[];
}

function readHeadings(lines: readonly string[], from: number, errors: TemplateError[]): { title?: string; headings: Heading[] } {
  let title: string | undefined;
  const headings: Heading[] = [];
  let fence = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s{0,3}(?:```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) {
      headings.at(-1)?.body.push(line);
      continue;
    }
    const depth = m[1].length;
    if (depth === 1) {
      if (title !== undefined || headings.length > 0) errors.push({ line: i + 1, message: 'Only one "#" title is allowed, before the sections.' });
      title = m[2];
    } else if (depth <= 3) {
      if (m[2] === '') errors.push({ line: i + 1, message: 'A heading without text.' });
      else headings.push({ line: i + 1, level: depth as 2 | 3, text: m[2], body: [] });
    } else {
      headings.at(-1)?.body.push(line);
    }
  }
  return { title, headings };
}

function listField(fields: Map<string, Field>, key: string, errors: TemplateError[]): { line: number; items: string[] } | undefined {
  const f = fields.get(key);
  if (!f) return undefined;
  if (typeof f.value === 'string') {
    errors.push({ line: f.line, message: `"${key}" must be a list: ${key}: [a, b].` });
    return undefined;
  }
  return { line: f.line, items: f.value };
}

/** Parses a team's template file; `name` is its file name without `.md`, `source` its path. */
export function parseTeamTemplate(name: string, text: string, source?: string): TeamTemplateResult {
  const errors: TemplateError[] = [];
  if (!TEMPLATE_NAME.test(name)) errors.push({ line: 1, message: `"${name}" is not a template name: use letters, digits, "-" and "_".` });
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { fields, bodyStart } = readFrontMatter(lines, errors);
  const { title, headings } = readHeadings(lines, bodyStart, errors);
  if (headings.length === 0) errors.push({ line: Math.min(lines.length, bodyStart + 1), message: 'The template has no "##" section headings.' });

  const sections: TemplateSection[] = [];
  const byName = new Map<string, SectionKey>();
  for (const h of headings) {
    const { key, known } = roleOf(h.text);
    const normal = normalizeHeading(h.text);
    if (key === 'validation' || normal === 'retrospective validation') {
      errors.push({ line: h.line, message: '"Retrospective Validation" is written by the validator; leave it out.' });
      continue;
    }
    if (sections.some((s) => s.key === key)) {
      errors.push({ line: h.line, message: `"${h.text}" names the same section as an earlier heading.` });
      continue;
    }
    const hint = hintOf(h.body);
    const fill = hint === '' && RECORD_FILLED.has(key) ? 'record' : 'author';
    sections.push({
      key, title: h.text, level: h.level, fill, required: true,
      synonyms: [...new Set([normal, ...(known?.synonyms ?? [])])],
      ...(fill === 'author' ? { hint: hint || `what belongs under ${h.text}` } : {}),
      example: hint || known?.example || '',
    });
    byName.set(normal, key);
    if (known) byName.set(known.key, key);
  }

  const resolve = (entry: string): SectionKey | undefined => byName.get(entry) ?? byName.get(normalizeHeading(entry));
  const required = listField(fields, 'required', errors);
  const optional = listField(fields, 'optional', errors);
  if (required && optional) errors.push({ line: optional.line, message: 'Give "required" or "optional", not both.' });
  const requiredKeys = new Set<SectionKey>(sections.map((s) => s.key));
  for (const [list, isRequired] of [[required, true], [optional, false]] as const) {
    if (!list) continue;
    if (isRequired) requiredKeys.clear();
    for (const entry of list.items) {
      const key = resolve(entry);
      if (key === undefined) errors.push({ line: list.line, message: `"${entry}" is not one of the template's headings.` });
      else if (isRequired) requiredKeys.add(key);
      else requiredKeys.delete(key);
    }
  }

  const rulesField = listField(fields, 'rules', errors);
  const rules: RuleId[] = [];
  for (const entry of rulesField?.items ?? DEFAULT_RULES) {
    if (!(RULE_IDS as readonly string[]).includes(entry) || entry === 'known-template') {
      errors.push({ line: rulesField?.line ?? 1, message: `Unknown rule "${entry}" (known: ${RULE_IDS.filter((r) => r !== 'known-template').join(', ')}).` });
      continue;
    }
    const rule = entry as RuleId;
    const needs = RULE_SECTION[rule];
    if (needs !== undefined && !sections.some((s) => s.key === needs)) {
      errors.push({ line: rulesField?.line ?? 1, message: `The rule "${rule}" reads the ${needs} section, which the template has no heading for.` });
    }
    if (!rules.includes(rule)) rules.push(rule);
  }

  const header = fields.get('header');
  let hasHeader = false;
  if (header) {
    if (header.value === 'true' || header.value === 'false') hasHeader = header.value === 'true';
    else errors.push({ line: header.line, message: '"header" must be true or false.' });
  }
  if (rules.includes('header-fields') && !hasHeader) errors.push({ line: rulesField?.line ?? 1, message: 'The rule "header-fields" needs "header: true".' });

  const thresholds: Record<string, number> = { ...SESSION_TEMPLATE.thresholds };
  for (const t of THRESHOLD_NAMES) {
    const f = fields.get(t);
    if (!f) continue;
    if (typeof f.value === 'string' && /^\d{1,6}$/.test(f.value)) thresholds[t] = Number(f.value);
    else errors.push({ line: f.line, message: `"${t}" must be a whole number of 0 or more.` });
  }
  const scalar = (key: string): string | undefined => {
    const f = fields.get(key);
    if (f && typeof f.value !== 'string') errors.push({ line: f.line, message: `"${key}" must be text, not a list.` });
    return f && typeof f.value === 'string' ? f.value : undefined;
  };
  const frontTitle = scalar('title');
  const description = scalar('description');

  if (errors.length > 0) return { errors: errors.sort((a, b) => a.line - b.line) };
  return {
    template: {
      name,
      title: frontTitle ?? title ?? name,
      header: hasHeader,
      sections: sections.map((s) => ({ ...s, required: requiredKeys.has(s.key) })),
      rules,
      thresholds: thresholds as unknown as RuleThresholds,
      ...(description === undefined ? {} : { description }),
      ...(source === undefined ? {} : { source }),
    },
  };
}

/** "file:line: message" lines for a bad template file. */
export function formatTemplateErrors(file: string, errors: readonly TemplateError[]): string {
  return errors.map((e) => `${file}:${e.line}: ${e.message}`).join('\n');
}

/** The template name of a file in the templates folder ("sprint.md" → "sprint"), or undefined for other files. */
export function templateNameOfFile(fileName: string): string | undefined {
  const m = /^(.+)\.md$/i.exec(fileName);
  return m ? m[1] : undefined;
}
