/**
 * Turns a retrospective into the one parsed form every rule reads: marked's block tokens with
 * their line numbers, the recognised sections, and masked copies of the lines where HTML
 * comments and code are blanked out. Blanking (rather than deleting) keeps every offset and
 * line number pointing at the user's original text.
 */
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { isNumberedSubsection, sectionKeyIn, templateSection } from '../template/headings';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import type { RetrospectiveTemplate, SectionKey } from '../template/types';
import { occursAt } from './text';

/** A recognised section of a retrospective. */
export interface SectionInfo {
  readonly key: SectionKey;
  /** Heading text as written (without the leading #s). */
  readonly heading: string;
  /** 2 for `##`, 3 for `###`. */
  readonly level: number;
  /** 1-based line of the heading. */
  readonly line: number;
  /** 1-based first line after the heading. */
  readonly bodyStartLine: number;
  /** 1-based last line of the body (inclusive), subsections included; smaller than bodyStartLine when the body is empty. */
  readonly bodyEndLine: number;
  /**
   * 1-based last line of the section's own content: like bodyEndLine, but stopping before a
   * recognised section nested inside it (Friction Points inside Honest Feedback).
   */
  readonly ownEndLine: number;
}

/** A top-level marked token and the lines it covers. */
export interface Block {
  readonly token: Token;
  /** 1-based line where the token's raw text starts. */
  readonly line: number;
  /** 1-based line where it ends (inclusive). */
  readonly endLine: number;
}

/** The parsed form of a retrospective, shared by all rules. */
export interface ParsedDoc {
  /** Lines of the document (line breaks normalised, HTML comments blanked). */
  readonly lines: readonly string[];
  /** Like {@link lines} with code blocks and the validation checklist blanked too: what counts as prose. */
  readonly prose: readonly string[];
  /** Like {@link prose} with inline code spans blanked as well: where placeholders are looked for. */
  readonly plain: readonly string[];
  readonly blocks: readonly Block[];
  readonly sections: readonly SectionInfo[];
  /** Set when the document was cut at the size cap. */
  readonly truncatedAt?: number;
  /** 1-based lines longer than MAX_LINE_CHARS, cut before parsing. */
  readonly longLines?: readonly number[];
  /** Set when marked failed on the document. */
  readonly parseError?: string;
}

/** Replaces each HTML comment by spaces, keeping its line breaks, in linear time. */
export function blankHtmlComments(src: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = src.indexOf('<!--', from);
    if (open < 0) break;
    const close = src.indexOf('-->', open + 4);
    if (close < 0) break; // An unclosed "<!--" is literal text.
    const end = close + 3;
    out += src.slice(from, open) + src.slice(open, end).replace(/[^\n]/g, ' ');
    from = end;
  }
  return from === 0 ? src : out + src.slice(from);
}

const BACKTICK = 0x60;

/**
 * Replaces inline code spans (`x`, ``x``) on one line by spaces: a span opens with a run of
 * backticks and closes at the next run of the same length. Only the spans are rebuilt, since
 * every line of a document goes through here.
 */
export function blankCodeSpans(line: string): string {
  let i = line.indexOf('`');
  if (i < 0) return line;
  let out = '';
  let kept = 0;
  while (i >= 0) {
    let run = 0;
    while (line.charCodeAt(i + run) === BACKTICK) run++;
    const fence = '`'.repeat(run);
    let search = i + run;
    let close = -1;
    while (search < line.length) {
      const at = line.indexOf(fence, search);
      if (at < 0) break;
      let len = 0;
      while (line.charCodeAt(at + len) === BACKTICK) len++;
      if (len === run) { close = at; break; }
      search = at + len;
    }
    if (close < 0) {
      i = line.indexOf('`', i + run);
      continue;
    }
    out += line.slice(kept, i) + ' '.repeat(close + run - i);
    kept = close + run;
    i = line.indexOf('`', kept);
  }
  return kept === 0 ? line : out + line.slice(kept);
}

/** Info strings of a fence that holds prose rather than code. */
const PROSE_FENCE = /^(?:|text|txt|plain|plaintext|markdown|md)$/i;

const FENCE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)]|>)[ \t]*)*(`{3,}|~{3,})/;

function blankFencedCode(lines: string[]): void {
  let open: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]);
    if (open === undefined) {
      if (m && !(m[1][0] === '`' && lines[i].slice(m.index + m[0].length).includes('`'))) {
        open = m[1];
        lines[i] = '';
      }
    } else {
      if (m && m[1][0] === open[0] && m[1].length >= open.length && lines[i].trim().length === m[0].trim().length) {
        open = undefined;
      }
      lines[i] = '';
    }
  }
}

function lineStarts(src: string): number[] {
  const starts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

function locateBlocks(src: string, tokens: readonly Token[]): Block[] {
  const starts = lineStarts(src);
  const blocks: Block[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const raw = typeof token.raw === 'string' ? token.raw : '';
    // Top-level raws concatenate to the source, so the token normally starts at the cursor;
    // the bounded search is a fallback that cannot turn quadratic.
    let found = -1;
    if (raw !== '') {
      if (occursAt(src, raw, cursor)) found = cursor;
      else {
        const near = src.slice(cursor, cursor + raw.length + 1000).indexOf(raw);
        found = near < 0 ? -1 : cursor + near;
      }
    }
    const at = found < 0 ? cursor : found;
    let len = raw.length;
    while (len > 0 && raw.charCodeAt(len - 1) === 10) len--;
    const trimmedEnd = at + len;
    blocks.push({ token, line: lineOfOffset(starts, at), endLine: lineOfOffset(starts, Math.max(at, trimmedEnd - 1)) });
    if (found >= 0) cursor = at + raw.length;
  }
  return blocks;
}

/**
 * The validator writes its checklist as a level-2 section; a level-3 heading of the same name is
 * the user's own text, which must neither be overwritten by Finish nor hidden from the rules.
 */
const VALIDATION_LEVEL = 2;

function computeSections(blocks: readonly Block[], lineCount: number, template: RetrospectiveTemplate): SectionInfo[] {
  const headings = blocks.filter((b) => b.token.type === 'heading');
  const sections: SectionInfo[] = [];
  headings.forEach((b, i) => {
    const token = b.token as Token & { depth: number; text: string };
    if (token.depth < 2 || token.depth > 3) return;
    const key = sectionKeyIn(template, token.text);
    // "### 1.2 Timeline discipline" under What Went Well is a point of it, not the Timeline; a
    // numbered "### 5.1 Friction Points" still is the section the template nests at level 3.
    if (key !== undefined && token.depth === 3 && isNumberedSubsection(token.text) && templateSection(template, key)?.level !== 3) return;
    if (key === undefined || (key === 'validation' && token.depth !== VALIDATION_LEVEL)) return;
    let end = lineCount;
    for (let j = i + 1; j < headings.length; j++) {
      const next = headings[j].token as Token & { depth: number };
      if (next.depth <= token.depth) { end = headings[j].line - 1; break; }
    }
    sections.push({ key, heading: token.text, level: token.depth, line: b.line, bodyStartLine: b.endLine + 1, bodyEndLine: end, ownEndLine: end });
  });
  return sections.map((s, i) => {
    const next = sections[i + 1];
    return next !== undefined && next.line <= s.bodyEndLine ? { ...s, ownEndLine: next.line - 1 } : s;
  });
}

/**
 * Longest line parsed as it is. No retrospective has a 20,000-character line, and marked's
 * cost on one pathological line (a megabyte of "[") is what bounds validation time.
 */
export const MAX_LINE_CHARS = 20_000;

/** Cuts over-long lines, keeping the line count (findings keep their line numbers). */
function cutLongLines(src: string): { src: string; longLines: number[] } {
  const longLines: number[] = [];
  let start = 0;
  let line = 1;
  while (start <= src.length) {
    const nl = src.indexOf('\n', start);
    const end = nl === -1 ? src.length : nl;
    if (end - start > MAX_LINE_CHARS) longLines.push(line);
    if (nl === -1) break;
    start = nl + 1;
    line++;
  }
  if (longLines.length === 0) return { src, longLines };
  const cut = new Set(longLines);
  return { src: src.split('\n').map((l, i) => (cut.has(i + 1) ? l.slice(0, MAX_LINE_CHARS) : l)).join('\n'), longLines };
}

/**
 * marked's block tokens without its inline pass. The rules read only block structure (types,
 * `raw`, `text`, depths, list items and their block tokens, table cells' `text`); the inline pass
 * only fills the `tokens` arrays of paragraphs, headings and cells, and it is about half of what
 * `Lexer.lex` costs. Every other field is what `Lexer.lex` gives (document.test.ts compares them).
 */
export function lexBlocks(src: string): Token[] {
  return new Lexer({ gfm: true }).blockTokens(src, []);
}

/** Default cap on the characters validated; beyond it the rest is ignored with a warning. */
export const DEFAULT_MAX_CHARS = 2_000_000;

/** Parses a retrospective for the rules, recognising the sections of `template`; never throws. */
export function parseDocument(markdown: string, maxChars: number = DEFAULT_MAX_CHARS, template: RetrospectiveTemplate = SESSION_TEMPLATE): ParsedDoc {
  let src = typeof markdown === 'string' ? markdown : String(markdown);
  let truncatedAt: number | undefined;
  if (src.length > maxChars) {
    const cut = src.lastIndexOf('\n', maxChars);
    src = src.slice(0, cut > 0 ? cut : maxChars);
    truncatedAt = src.length;
  }
  const long = cutLongLines(src.includes('\r') ? src.replace(/\r\n?/g, '\n') : src);
  src = blankHtmlComments(long.src);
  const lines = src.split('\n');
  let tokens: Token[] = [];
  let parseError: string | undefined;
  try {
    tokens = lexBlocks(src);
  } catch (error) {
    parseError = error instanceof Error ? error.message : String(error);
  }
  const blocks = locateBlocks(src, tokens);
  const sections = computeSections(blocks, lines.length, template);

  const prose = lines.slice();
  blankFencedCode(prose);
  for (const b of blocks) {
    if (b.token.type === 'code') for (let l = b.line; l <= b.endLine; l++) prose[l - 1] = '';
  }
  // A diary pasted inside a plain code fence is still the diary: a reader reads it as prose.
  for (const s of sections) {
    if (s.key !== 'diary') continue;
    for (const b of blocks) {
      if (b.token.type !== 'code' || b.line < s.bodyStartLine || b.line > s.ownEndLine || !PROSE_FENCE.test((b.token as Tokens.Code).lang ?? '')) continue;
      const fenced = /^\s{0,3}(?:`{3,}|~{3,})/.test(b.token.raw);
      for (let l = fenced ? b.line + 1 : b.line; l <= (fenced ? b.endLine - 1 : b.endLine); l++) prose[l - 1] = lines[l - 1];
    }
  }
  // Only the validator's own checklist (see VALIDATION_LEVEL and the synonym table) is blanked:
  // its lines quote rule messages, which are neither the user's prose nor placeholders.
  for (const s of sections) {
    if (s.key === 'validation') for (let l = s.bodyStartLine; l <= s.bodyEndLine; l++) prose[l - 1] = '';
  }
  const plain = prose.map(blankCodeSpans);
  return { lines, prose, plain, blocks, sections, truncatedAt, parseError, ...(long.longLines.length ? { longLines: long.longLines } : {}) };
}

/** The top-level blocks of a section's own content (recognised subsections left out). */
export function blocksIn(doc: ParsedDoc, section: SectionInfo): Block[] {
  return doc.blocks.filter((b) => b.line >= section.bodyStartLine && b.line <= section.ownEndLine);
}

/** The first section with this key (later duplicates are ignored by the rules). */
export function sectionOf(doc: ParsedDoc, key: SectionKey): SectionInfo | undefined {
  return doc.sections.find((s) => s.key === key);
}

/**
 * The first level-2 section with this key, or the first level-3 one when there is no level-2 one.
 * A user's `### Stats` under Technical Details is keyed like the format's `## Metrics`; Finish and
 * the validator both use this choice, so the table Finish refreshes is the one the rule checks.
 */
export function mainSectionOf(doc: ParsedDoc, key: SectionKey): SectionInfo | undefined {
  return doc.sections.find((s) => s.key === key && s.level === 2) ?? sectionOf(doc, key);
}
