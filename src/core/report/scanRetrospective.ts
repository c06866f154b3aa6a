/**
 * What the team report needs from one retrospective, read line by line. A team report reads
 * hundreds of files, so this scanner does not build the validator's full parse (marked's tokens
 * for every block): it finds headings outside code fences, the header's key/value lines (with the
 * validator's own field reader and heading synonyms, so both agree on what is what), and the list
 * items of the few sections the report counts.
 */
import { parseFieldLine } from '../validator/header';
import { normalizeHeading, sectionKeyIn } from '../template/headings';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import type { SectionKey } from '../template/types';
import { validateRetrospective } from '../validator/validate';

/** Done and total of a list of tasks. */
export interface Tally {
  readonly done: number;
  readonly total: number;
}

/** One retrospective as the team report sees it. */
export interface RetrospectiveFacts {
  /** Path as given (relative to the folder it was found under, prefixed with that folder). */
  readonly file: string;
  /** Who or which repository it comes from: the folder the report was asked to read it under. */
  readonly source: string;
  /** Session day, YYYY-MM-DD, when the header gives one. */
  readonly day?: string;
  /** Start time of day, HH:MM, when the header gives one. */
  readonly start?: string;
  readonly durationMinutes?: number;
  /** Active minutes ("(active 50 min)"); the duration when the header names no active time. */
  readonly activeMinutes?: number;
  /** Titles of the documented friction points. */
  readonly friction: readonly string[];
  /** The checklist Finish wrote (## Retrospective Validation), when there is one. */
  readonly checklist?: Tally;
  /** Whether it passes: every check of its checklist ticked, or, without one, the validator's verdict now. */
  readonly passed: boolean;
  readonly verdictFrom: 'checklist' | 'validator';
  /** Items of a Carried Over section, when there is one. */
  readonly carriedOver?: Tally;
}

/** Sections that make a Markdown file a retrospective (with a date), when it has no checklist. */
const MIN_SECTIONS = 3;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** A top-level list item: nested items (two or more spaces in) belong to the item above. */
const ITEM = /^\s?(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
const TASK = /^\[([ xX])\]\s*(.*)$/;
const CARRIED_OVER = /^(?:carried over|carry over|carried forward|carryover)\b/;
const MAX_TITLE = 80;

/** "1 h 30 min", "2h 15m", "54 minutes", "1.5 h" → minutes; undefined when no amount is named. */
export function parseMinutes(text: string): number | undefined {
  const hours = /(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?(?![a-z])/i.exec(text);
  const minutes = /(\d+)\s*m(?:in(?:utes?|s)?)?(?![a-z])/i.exec(text);
  if (!hours && !minutes) return undefined;
  return Math.round((hours ? Number(hours[1].replace(',', '.')) * 60 : 0) + (minutes ? Number(minutes[1]) : 0));
}

/** "1 h 30 min (active 50 min)" and "2h 15m (1h 58m active)" → total and active minutes. */
function durations(value: string): { durationMinutes?: number; activeMinutes?: number } {
  const paren = /\(([^)]*)\)/.exec(value);
  const total = parseMinutes(paren ? value.slice(0, paren.index) : value);
  const active = paren && /active/i.test(paren[1]) ? parseMinutes(paren[1]) : undefined;
  return {
    ...(total !== undefined ? { durationMinutes: total } : {}),
    ...(active ?? total) !== undefined ? { activeMinutes: active ?? total } : {},
  };
}

/** A friction point's title: its bold lead ("**Fixture path**: …"), else its first clause. */
export function frictionTitle(item: string): string {
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(item);
  const raw = bold ? bold[1] : item.split(/\s[—–-]\s|:\s|\.\s/, 1)[0] ?? item;
  const title = raw.replace(/[*_`]/g, '').replace(/[\s:.—–-]+$/, '').trim();
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).trimEnd()}…` : title;
}

/** A task line counts as done when ticked or marked "(done …)" / ✓, as Carried Over lines are. */
function isDone(item: string): boolean {
  const task = TASK.exec(item);
  if (task && task[1] !== ' ') return true;
  return /\(done\b|✅|✔|✓/i.test(item);
}

interface Section {
  key: SectionKey | 'carriedOver' | undefined;
  items: string[];
}

/**
 * The facts of a retrospective, or undefined when the text is not one: it needs the checklist
 * Finish writes, or a date and at least three of the template's sections.
 */
export function scanRetrospective(file: string, source: string, text: string): RetrospectiveFacts | undefined {
  const lines = text.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  const header: Partial<Record<'date' | 'start' | 'duration', string>> = {};
  const sections: Section[] = [];
  let current: Section | undefined;
  let fence: string | undefined;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      if (heading[1].length === 1) continue;
      const key = sectionKeyIn(SESSION_TEMPLATE, heading[2]) ?? (CARRIED_OVER.test(normalizeHeading(heading[2])) ? 'carriedOver' : undefined);
      current = { key, items: [] };
      sections.push(current);
      continue;
    }
    if (current === undefined) {
      const field = parseFieldLine(line);
      if (field && (field.field === 'date' || field.field === 'start' || field.field === 'duration') && header[field.field] === undefined) header[field.field] = field.value;
      continue;
    }
    const item = ITEM.exec(line);
    if (item && current.key !== undefined) current.items.push(item[1].trim());
  }

  const keys = new Set(sections.map((s) => s.key).filter((k) => k !== undefined));
  const itemsOf = (key: Section['key']) => sections.filter((s) => s.key === key).flatMap((s) => s.items);
  const day = /\d{4}-\d{2}-\d{2}/.exec(header.date ?? header.start ?? '')?.[0];
  if (!keys.has('validation') && (day === undefined || keys.size < MIN_SECTIONS)) return undefined;

  const tally = (items: readonly string[]): Tally => ({ done: items.filter(isDone).length, total: items.length });
  const checks = itemsOf('validation').filter((i) => TASK.test(i));
  const checklist = checks.length > 0 ? tally(checks) : undefined;
  // The checklist is the verdict Finish recorded; only a file without one pays for a full validation.
  const passed = checklist ? checklist.done === checklist.total : validateRetrospective(text).passed;
  const start = /\b(\d{1,2}):(\d{2})\b/.exec(header.start ?? '');
  return {
    file,
    source,
    ...(day !== undefined ? { day } : {}),
    ...(start ? { start: `${start[1].padStart(2, '0')}:${start[2]}` } : {}),
    ...(header.duration !== undefined ? durations(header.duration) : {}),
    friction: itemsOf('frictionPoints').map(frictionTitle).filter((t) => t !== ''),
    ...(checklist ? { checklist } : {}),
    passed,
    verdictFrom: checklist ? 'checklist' : 'validator',
    ...(keys.has('carriedOver') ? { carriedOver: tally(itemsOf('carriedOver')) } : {}),
  };
}
