/**
 * The no-placeholders rule: a template hint, "TODO" or "<your name>" left in a retrospective
 * means nobody finished it. HTML comments (where Session Journal's drafts keep their hints),
 * code and the validation checklist are never searched.
 *
 * Only placeholder-shaped text counts. A marker word such as TODO or FIXME is a placeholder when
 * it stands in for content: alone in a cell, item, sentence or header value ("TBD", "[TODO]"), as
 * a label opening a sentence ("TODO: write this", "TBD - ask Sam"), or as the value after a label
 * ("Result: TBD"), or in capitals opening a sentence, item or cell before the words it stands in
 * for ("TODO write this section", "TBD later"). Used as an ordinary word ("Resolve FIXME in the
 * retry loop", "TODO.md", "turn every TODO comment into an issue") it is captured history or
 * prose, and passes. Phrases that only promise content ("Fill in later", "To be written") fail too.
 */
import type { Finding } from './types';
import type { RuleContext } from './sectionRules';
import { sectionTitle } from '../template/headings';
import { hasWord, sectionProse } from './text';
import { PENDING_NOTE } from './bracketNote';

/** A marker word on its own (after emphasis, brackets and punctuation are stripped). */
const BARE_MARKER = /^(?:todo|tbd|tba|fixme|xxx)$/i;
/**
 * A marker opening a sentence or clause as a label: "TODO: …", "**TBD** — …", "checked it, TODO:
 * add …". Upper case only for TODO, FIXME and XXX, because "Todo:" can head a real task; TBD and
 * TBA are never ordinary words.
 */
const LABEL_MARKER = /^[*_~([{\s]{0,12}(?:TODO|FIXME|XXX|[Tt][Bb][DdAa])[*_~)\]}\s]{0,12}(?::|[-–—](?:\s|$))/;
/**
 * A marker in capitals opening a sentence or clause before a word: "TODO write this section",
 * "- FIXME add numbers", "XXX fill in the timeline". Capitals only: "Todo" in mixed case can open
 * a real task ("Todo app: add the login page"), and lower-case "todo" is an ordinary word. A few
 * nouns after the marker make it an ordinary word again ("TODO comments pile up"), because there
 * the marker names something rather than stands in for text.
 */
const OPENING_MARKER =
  /^[*_~([{\s]{0,12}(?:TODO|FIXME|XXX|TBD|TBA)[*_~)\]}]{0,12}\s+(?!(?:comments?|markers?|items?|lists?|tags?|entries|entry|notes?|counts?|files?)\b)[\p{L}\p{N}]/u;
/** A marker filling a bracket, a template slot anywhere in a line: "(TBD)", "[TODO]", "{FIXME}". */
const BRACKETED_MARKER = /(?<!\\)[[({]\s{0,3}(?:todo|tbd|tba|fixme|xxx)\s{0,3}[)\]}](?!\()/i;
/** Where a clause starts inside a sentence, so a label after a comma is still a label. */
const CLAUSE_BREAK = /(?<=[,;(])\s*/;
/** What follows the last label separator of a sentence ("Result: TBD", "Owner — TBD"). */
const LABEL_SEPARATOR = /:\s|\s[-–—]\s/g;
const LOREM = /lorem ipsum/i;
const INSERT = /\[\s{0,3}(?:insert|fill in|enter|placeholder|your)\b[^\]\n]{0,100}\](?!\()/i;
const ANGLE = /<([^<>\n]{1,80})>/g;
/** A whole sentence that is nothing but a template word or a promise of content to come. */
const WHOLE = new RegExp(
  '^(?:\\.{2,}|…|pending|todo|tbd|tba|placeholder|fill in|fill me in|xxx|lorem ipsum'
  + '|(?:fill (?:this |it )?in|add|write|finish|complete|tbd|tba|todo|(?:add|write) (?:this|more|it)) later'
  + '|to be (?:written|done|added|filled in|completed|decided|determined|confirmed)|coming soon)$',
  'i',
);

// Real HTML that retrospectives use; anything else in angle brackets reads as a template slot.
const HTML_TAGS = new Set([
  'a', 'abbr', 'b', 'br', 'code', 'details', 'div', 'em', 'hr', 'i', 'img', 'kbd', 'li', 'mark', 'ol', 'p', 'pre',
  'q', 's', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'u',
  'ul', 'del', 'ins', 'picture', 'source', 'video', 'blockquote', 'center', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

function anglePlaceholder(line: string): string | undefined {
  if (!line.includes('<')) return undefined;
  ANGLE.lastIndex = 0;
  for (let m = ANGLE.exec(line); m !== null; m = ANGLE.exec(line)) {
    const inner = m[1].trim();
    if (inner === '' || /[=:@"'/\\]/.test(inner.replace(/^\//, '').replace(/\/$/, ''))) continue;
    if (inner.startsWith('/') || inner.startsWith('!')) continue;
    if (/^[\d\s.,<>=+-]+$/.test(inner)) continue; // "a < 3 > b" is maths, not a slot.
    const tag = inner.replace(/\/$/, '').trim().split(/\s/)[0].toLowerCase();
    if (HTML_TAGS.has(tag) && !/\s/.test(inner.replace(/\/$/, '').trim())) continue;
    return m[0];
  }
  return undefined;
}

/** The parts of a line a placeholder could fill on its own: table cells, list item text, a header value. */
function contents(line: string): string[] {
  const t = line.trim();
  if (t.startsWith('|')) return t.split('|').map((c) => c.trim()).filter((c) => c !== '' && !/^:?-+:?$/.test(c));
  const item = t.replace(/^(?:#{1,6}\s+)?(?:>\s?)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/, '');
  const value = /^(?:\*\*|__)?[A-Za-z][A-Za-z ]{0,30}?(?::\s?(?:\*\*|__)|(?:\*\*|__)\s?:)\s*(.*)$/.exec(item);
  return value ? [item, value[1]] : [item];
}

/** The sentences of a part, so "It hung. TODO: measure it." is read as two. */
function sentencesOf(part: string): string[] {
  return part.split(/(?<=[.!?;])\s+/);
}

const LEADING_NOISE = new Set(['(', '[', '{', ' ', '\t']);
const TRAILING_NOISE = new Set([')', ']', '}', ' ', '\t', '.', ':', ';', ',', '!', '?']);

/**
 * The text without emphasis, surrounding brackets and trailing punctuation. Trimmed by index
 * rather than by a `[…]+$` expression, which is quadratic on a long run of punctuation.
 */
function bare(text: string): string {
  const t = text.replace(/[*_~]/g, '');
  let from = 0;
  let to = t.length;
  while (from < to && LEADING_NOISE.has(t[from])) from++;
  while (to > from && TRAILING_NOISE.has(t[to - 1])) to--;
  return t.slice(from, to).trim();
}

/** The text after a sentence's last label separator, or undefined when it has none. */
function labelValue(sentence: string): string | undefined {
  let last = -1;
  LABEL_SEPARATOR.lastIndex = 0;
  for (let m = LABEL_SEPARATOR.exec(sentence); m !== null; m = LABEL_SEPARATOR.exec(sentence)) {
    last = m.index + m[0].length;
  }
  return last < 0 ? undefined : sentence.slice(last);
}

/** The marker, when a sentence is nothing but one, has one as a clause's label, or ends on one as a label's value. */
function markerInSentence(sentence: string): string | undefined {
  const whole = bare(sentence);
  if (BARE_MARKER.test(whole) || WHOLE.test(whole)) return whole;
  for (const clause of sentence.split(CLAUSE_BREAK)) {
    const label = LABEL_MARKER.exec(clause);
    if (label) return label[0].trim();
    // The whole clause is quoted, since the marker alone would not say which leftover it is.
    if (OPENING_MARKER.test(clause)) return clause.trim();
  }
  const value = labelValue(sentence);
  const valueBare = value === undefined ? '' : bare(value);
  return BARE_MARKER.test(valueBare) ? valueBare : undefined;
}

/**
 * Every word `wholePlaceholder` can report contains one of these; one scan rules out the
 * ordinary line (nearly all of them) before it is cut into cells and sentences.
 */
const MAY_HOLD_PLACEHOLDER = /todo|tb[ad]|fixme|xxx|pending|placeholder|fill|lorem|later|to be |soon|\.\.|…/i;

function wholePlaceholder(line: string): string | undefined {
  if (!MAY_HOLD_PLACEHOLDER.test(line)) return undefined;
  for (const part of contents(line)) {
    if (bare(part) === '' && /^(?:\.{2,}|…)/.test(part.replace(/[*_~\s]/g, ''))) return part.trim();
    for (const sentence of sentencesOf(part)) {
      const found = markerInSentence(sentence);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function placeholderIn(line: string): string | undefined {
  if (line.length > 100_000) return undefined;
  // Three of the four slot shapes contain a bracket; a line without one skips them (each is a
  // case-insensitive pass over the line, and most lines have no bracket).
  const square = line.includes('[');
  const slot = (square || line.includes('(') || line.includes('{') ? BRACKETED_MARKER.exec(line) : null)
    ?? LOREM.exec(line) ?? (square ? INSERT.exec(line) ?? PENDING_NOTE.exec(line) : null);
  if (slot) return slot[0];
  return anglePlaceholder(line) ?? wholePlaceholder(line);
}

const MAX_FINDINGS = 50;

/** no-placeholders: no template text anywhere, and no required section left empty. */
export function checkPlaceholders(ctx: RuleContext): Finding[] {
  const { doc, config, headings } = ctx;
  const out: Finding[] = [];
  const sectionHeadings = new Set(doc.sections.map((s) => s.line));
  for (let i = 0; i < doc.plain.length && out.length < MAX_FINDINGS; i++) {
    const line = doc.plain[i];
    if (line.trim() === '' || sectionHeadings.has(i + 1)) continue;
    const found = placeholderIn(line);
    if (found !== undefined) {
      out.push({ rule: 'no-placeholders', message: `Placeholder left in the text: "${found.slice(0, 60)}".`, line: i + 1, severity: 'error' });
    }
  }
  const required = new Set(config.requiredSections);
  for (const section of doc.sections) {
    if (!required.has(section.key)) continue;
    if (!hasWord(sectionProse(doc, section, headings, true))) {
      out.push({
        rule: 'no-placeholders', message: `The ${sectionTitle(ctx.template, section.key)} section is empty.`,
        line: section.line, severity: 'error', section: section.key,
      });
    }
  }
  return out;
}
