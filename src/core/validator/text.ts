/**
 * Small text helpers the rules share: counting words, reading clock times, locating list
 * items. Every regular expression here is linear in its input, because the validator must
 * stay fast on any document it is given.
 */
import type { Token, Tokens } from 'marked';
import type { Block, ParsedDoc, SectionInfo } from './document';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

/**
 * Scripts written without spaces between words (Thai, Lao, Khmer, Myanmar, Chinese, Japanese).
 * Text in them is split the way `Intl.Segmenter` splits it; other text by the faster WORD
 * expression, which agrees with the segmenter on space-separated scripts.
 */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * Visits the words of a text in order until `visit` returns false. Segmenting Thai or Japanese
 * costs far more than lexing it, so the rules stop as soon as they know the answer (a diary
 * past its minimum length, a feedback past its minimum). `skipLine`, asked before each line, lets
 * a caller leave out lines it knows hold no word it still needs; their words are not visited.
 */
export function scanWords(text: string, visit: (word: string) => boolean, skipLine?: (line: string) => boolean): void {
  if (UNSPACED.test(text)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    // One line at a time: each step of Node 20's segment iterator costs in proportion to the
    // whole input (70 KB of Thai took 30 s in one piece), and a line break is a word boundary
    // on both sides (UAX #29 WB3a, WB3b), so the words are the same as the whole text's.
    let from = 0;
    while (from <= text.length) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      if (to > from) {
        const line = text.slice(from, to);
        if (!skipLine?.(line) && !visitSegmentedWords(segmenter.segment(line), line.length, visit)) return;
      }
      from = to + 1;
    }
    return;
  }
  const re = new RegExp(WORD.source, WORD.flags);
  if (skipLine === undefined) {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) if (!visit(m[0])) return;
    return;
  }
  // A word never spans a line break (WORD has no space in it), so lines can be skipped here too.
  for (const line of text.split('\n')) {
    if (skipLine(line)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) if (!visit(m[0])) return;
  }
}

/**
 * Walks segments with `containing` from one segment's end to the next, which gives the segments
 * the iterator gives (each starts at the previous one's end) without the iterator: creating one
 * copies ICU's break iterator, a fixed cost that dominated the short list items the rules count.
 * Returns false when `visit` stopped.
 */
function visitSegmentedWords(segments: Intl.Segments, length: number, visit: (word: string) => boolean): boolean {
  for (let at = 0; at < length;) {
    const s = segments.containing(at);
    if (s === undefined) return true;
    if (s.isWordLike && !visit(s.segment)) return false;
    at = s.index + s.segment.length;
  }
  return true;
}

/** The words of a text (letters and digits; Markdown punctuation is not a word), at most `limit` of them. */
export function wordsOf(text: string, limit = Infinity): string[] {
  if (!UNSPACED.test(text) && limit === Infinity) return text.match(WORD) ?? [];
  const out: string[] = [];
  if (limit > 0) scanWords(text, (w) => out.push(w) < limit);
  return out;
}

const ONE_WORD = /[\p{L}\p{N}]/u;

/** How many words a text has, counting no further than `limit` (the rules mostly only compare with a minimum). */
export function countWords(text: string, limit = Infinity): number {
  if (UNSPACED.test(text)) {
    let n = 0;
    if (limit > 0) scanWords(text, () => ++n < limit);
    return n;
  }
  WORD.lastIndex = 0;
  let n = 0;
  while (n < limit && WORD.exec(text) !== null) n++;
  return n;
}

/** Whether a text has any word at all. */
export function hasWord(text: string): boolean {
  return ONE_WORD.test(text);
}

/** 1-based lines holding a heading, so section texts can leave headings out of their counts. */
export function headingLines(doc: ParsedDoc): Set<number> {
  const lines = new Set<number>();
  for (const b of doc.blocks) {
    if (b.token.type === 'heading') for (let l = b.line; l <= b.endLine; l++) lines.add(l);
  }
  return lines;
}

/**
 * The prose of a section's own content (headings, comments, code and the checklist left out);
 * with `withSubsections`, the prose of nested recognised sections too.
 */
export function sectionProse(doc: ParsedDoc, section: SectionInfo, headings: Set<number>, withSubsections = false): string {
  const parts: string[] = [];
  const last = withSubsections ? section.bodyEndLine : section.ownEndLine;
  for (let l = section.bodyStartLine; l <= last; l++) {
    if (!headings.has(l)) parts.push(doc.prose[l - 1] ?? '');
  }
  return parts.join('\n');
}

const FIRST_PERSON = new Set([
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves',
  // Thai, Japanese and Chinese, as Intl.Segmenter cuts them ("私たち" is "私" + "たち").
  'ผม', 'ฉัน', 'เรา', 'ดิฉัน', 'พวกเรา', 'ข้าพเจ้า', 'กระผม',
  '私', 'わたし', '僕', 'ぼく', '俺', 'おれ', '我々', '私たち', '僕ら', '僕たち',
  '我', '我们', '我們',
]);

/**
 * Whether a line may hold a first-person pronoun: one of them, in any case, as part of it. A word
 * is a pronoun when its lower case, up to an apostrophe, is one (isFirstPerson), and a word is part
 * of its line, so a line without one can hold none; the ASCII pronouns match only ASCII letters
 * here, as only ASCII letters lower-case to them (İ lower-cases to two characters).
 */
export const MAY_HOLD_FIRST_PERSON = new RegExp([...FIRST_PERSON].join('|'), 'i');

/** Whether a word is a first-person pronoun ("I'm" and "we've" are). */
export function isFirstPerson(word: string): boolean {
  // A word with no apostrophe and nothing lower-casing changes is its own key (most words of
  // unspaced text): the lower-casing and the split are left for the words they could change.
  if (!MAY_CHANGE_KEY.test(word)) return FIRST_PERSON.has(word);
  return FIRST_PERSON.has(word.toLowerCase().split(/['’]/)[0]);
}

/** A character `toLowerCase` changes (Unicode's Changes_When_Lowercased), or an apostrophe. */
const MAY_CHANGE_KEY = /[\p{Changes_When_Lowercased}'’]/u;

/** How many first-person pronouns a text uses. */
export function firstPersonCount(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (isFirstPerson(w)) n++;
  return n;
}

/** A clock time found at the start of a text. */
export type LeadingTime =
  | { readonly ok: true; /** Seconds since midnight. */ readonly seconds: number; readonly text: string }
  | { readonly ok: false; readonly text: string };

const LEADING_DECORATION = /^[\s*_`[(~]{0,12}/;
const CLOCK = /^(\d{1,3}):(\d{1,3})(?::(\d{1,3}))?(?!\d)(\s{0,2}[ap]\.?m\.?(?![a-z]))?/i;

/**
 * Reads the time a timeline entry starts with ("09:14", "**9:14**", "[09:14:05]", "9:14 pm").
 * Returns undefined when the text does not start with anything clock-like, and `ok: false`
 * for clock-like text that is not a valid time ("25:61").
 */
export function readLeadingTime(text: string): LeadingTime | undefined {
  const rest = text.slice(0, 200).replace(LEADING_DECORATION, '');
  const m = CLOCK.exec(rest);
  if (!m) return undefined;
  const [whole, hs, ms, ss, ampm] = m;
  let h = Number(hs);
  const min = Number(ms);
  const sec = ss === undefined ? 0 : Number(ss);
  let ok = hs.length <= 2 && ms.length === 2 && (ss === undefined || ss.length === 2) && min <= 59 && sec <= 59;
  if (ampm !== undefined) {
    ok = ok && h >= 1 && h <= 12;
    const pm = /p/i.test(ampm);
    h = (h % 12) + (pm ? 12 : 0);
  }
  ok = ok && h <= 23;
  const shown = whole.trim();
  return ok ? { ok: true, seconds: h * 3600 + min * 60 + sec, text: shown } : { ok: false, text: shown };
}

/** Finds a clock time anywhere in a header value ("09:12 (UTC+01:00)", "2026-11-22 09:12"). */
export function findTime(text: string): number | undefined {
  const m = /(?:^|[^\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/.exec(text.slice(0, 200));
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || min > 59 || sec > 59) return undefined;
  let seconds = h * 3600 + min * 60 + sec;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
  const ampm = /^\s{0,2}([ap])\.?m\b/i.exec(after);
  if (ampm && h >= 1 && h <= 12) seconds = ((h % 12) + (ampm[1].toLowerCase() === 'p' ? 12 : 0)) * 3600 + min * 60 + sec;
  return seconds;
}

/** Days since the epoch of an ISO date (YYYY-MM-DD) found in a text. */
export function findIsoDay(text: string): number | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(text.slice(0, 200));
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / 86_400_000) : undefined;
}

/**
 * `text.startsWith(part, at)`, which V8 runs a character at a time: on a 50 KB document the
 * block and list-item checks took longer than the word counts. Comparing a slice is a string
 * comparison V8 does in bulk, with the same answer (a slice past the end is shorter than `part`).
 */
export function occursAt(text: string, part: string, at: number): boolean {
  return text.slice(at, at + part.length) === part;
}

/** A list item with the 1-based line it starts on. */
export interface LocatedItem {
  readonly item: Tokens.ListItem;
  readonly line: number;
}

/** The items of a top-level list block with their lines, from the offsets of their raw text. */
export function listItems(block: Block): LocatedItem[] {
  if (block.token.type !== 'list') return [];
  const list = block.token as Tokens.List;
  const out: LocatedItem[] = [];
  let offset = 0;
  let line = block.line;
  for (const item of list.items) {
    const at = occursAt(list.raw, item.raw, offset) ? offset : list.raw.indexOf(item.raw, offset);
    if (at >= 0) {
      line += countNewlines(list.raw, offset, at);
      offset = at;
    }
    out.push({ item, line });
    if (at >= 0) {
      line += countNewlines(list.raw, at, at + item.raw.length);
      offset = at + item.raw.length;
    }
  }
  return out;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The item's own text, without nested lists (their items are separate entries). */
export function itemOwnText(item: Tokens.ListItem): string {
  const tokens: readonly Token[] = Array.isArray(item.tokens) ? item.tokens : [];
  const own = tokens.filter((t) => t.type !== 'list').map((t) => (typeof t.raw === 'string' ? t.raw : ''));
  return own.length > 0 ? own.join('') : item.text;
}
