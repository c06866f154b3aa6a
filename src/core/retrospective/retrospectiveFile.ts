/**
 * What the Finish step does to a retrospective file the user has edited: drop the hint comments
 * that are left, refresh the generated Metrics rows from the record (never the user's own text),
 * and pick a file name that never overwrites an earlier retrospective.
 */
import type { RetrospectiveModel } from './model';
import { localClockCompact, localDate } from './localTime';
import { metricsRows, renderMetricsTable } from './renderMetrics';
import { blocksIn, mainSectionOf, parseDocument, sectionOf } from '../validator/document';
import type { Block, ParsedDoc, SectionInfo } from '../validator/document';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import { sectionTitle } from '../template/headings';
import type { RetrospectiveTemplate, SectionKey } from '../template/types';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits Markdown into alternating prose and fenced-code chunks (prose first), so edits to the
 * prose never reach into code blocks a user pasted (which may well show `<!-- hint: -->`).
 */
function splitFences(markdown: string): { text: string; code: boolean }[] {
  const chunks: { text: string; code: boolean }[] = [];
  let current = '';
  let open: string | undefined;
  for (const line of markdown.split(/(?<=\n)/)) {
    const m = FENCE.exec(line);
    if (open === undefined && m) {
      chunks.push({ text: current, code: false });
      current = line;
      open = m[1];
    } else if (open !== undefined && m && m[1][0] === open[0] && m[1].length >= open.length && line.trim() === m[1]) {
      chunks.push({ text: current + line, code: true });
      current = '';
      open = undefined;
    } else {
      current += line;
    }
  }
  chunks.push({ text: current, code: open !== undefined });
  return chunks;
}

const HINT_LINE = /^[ \t]*<!--[ \t]*hint:[\s\S]*?-->[ \t]*(?:\r?\n|$)/gm;
const HINT_INLINE = /[ \t]*<!--[ \t]*hint:[\s\S]*?-->/g;

/**
 * Removes `<!-- hint: ... -->` comments, and the line they stood on when they stood alone.
 * Other HTML comments and anything inside fenced code stay as written.
 */
export function stripHints(markdown: string): string {
  return splitFences(markdown)
    .map((c) => {
      if (c.code) return c.text;
      const stripped = c.text.replace(HINT_LINE, '').replace(HINT_INLINE, '');
      // A removed hint between two blank lines leaves three line breaks; fold them back to one blank line.
      return stripped === c.text ? c.text : stripped.replace(/(\r?\n)(?:[ \t]*\r?\n){2,}/g, '$1$1');
    })
    .join('');
}

/** One line of the file and the break that ended it ('' for the last line), so edits keep every other byte. */
interface SourceLine {
  text: string;
  end: string;
}

/** Splits at the same breaks parseDocument uses (\r\n, \r, \n), so its line numbers index this array. */
function splitSourceLines(markdown: string): SourceLine[] {
  const parts = markdown.split(/(\r\n|\r|\n)/);
  const lines: SourceLine[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ text: parts[i], end: parts[i + 1] ?? '' });
  return lines;
}

function joinSourceLines(lines: readonly SourceLine[]): string {
  return lines.map((l) => l.text + l.end).join('');
}

/** Inserts lines after `index`, ending them with that line's break; a last line without a break stays last without one. */
function insertAfter(lines: SourceLine[], index: number, texts: readonly string[], eol: string): void {
  if (texts.length === 0) return;
  const anchor = lines[index];
  const lineBreak = anchor.end || eol;
  const added = texts.map((text, i) => ({ text, end: i === texts.length - 1 ? anchor.end : lineBreak }));
  anchor.end = lineBreak;
  lines.splice(index + 1, 0, ...added);
}

interface CellSpan {
  readonly start: number;
  readonly end: number;
}

/** Where each cell's content lies in a table row: between unescaped pipes, outer pipes optional (GFM). */
function cellSpans(line: string): CellSpan[] {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes.push(i);
  }
  const first = line.length - line.trimStart().length;
  const last = line.trimEnd().length - 1;
  const edges = pipes[0] === first ? pipes : [-1, ...pipes];
  if (edges.length < 2 || edges[edges.length - 1] !== last) edges.push(line.length);
  return edges.slice(1).map((end, i) => ({ start: edges[i] + 1, end }));
}

/** A cell reduced for comparison: "**Commits**" and "commits" name the same metric. */
function metricName(cell: string): string {
  return cell.replace(/\\(.)/g, '$1').replace(/[*_`]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

interface MetricRow {
  readonly name: string;
  readonly value: string;
}

/** The rows the generator writes, read back from its own table so names and values stay its own. */
function generatedRows(model: RetrospectiveModel): MetricRow[] {
  return metricsRows(model.metrics).map(([name, value]) => ({ name, value }));
}

/** Read from the line itself rather than the token, so a table is edited only where its header really stands. */
function startsGeneratedTable(doc: ParsedDoc, block: Block): boolean {
  const header = doc.lines[block.line - 1] ?? '';
  const names = cellSpans(header).map((c) => metricName(header.slice(c.start, c.end)));
  return names[0] === 'metric' && names[1] === 'value';
}

/**
 * The `| Metric | Value |` table the generator wrote: the first one in the section's own text
 * before any subheading, since a table under a user's `###` is theirs even with the same header.
 */
function generatedTable(doc: ParsedDoc, section: SectionInfo): Block | undefined {
  const blocks = blocksIn(doc, section);
  const subheading = blocks.find((b) => b.token.type === 'heading');
  return blocks.find((b) => b.token.type === 'table' && (subheading === undefined || b.line < subheading.line) && startsGeneratedTable(doc, b));
}

/** The row with its value cell replaced, every other character as the user wrote it. */
function withValue(text: string, spans: readonly CellSpan[], row: MetricRow): string {
  if (spans.length < 2) return `| ${row.name} | ${row.value} |`;
  return `${text.slice(0, spans[1].start)} ${row.value} ${text.slice(spans[1].end)}`;
}

/**
 * Updates the generated table in place: rows naming a generated metric get the fresh value, rows
 * the user added stay where they are, and generated rows the table lacks are appended to it.
 */
function refreshTable(lines: SourceLine[], doc: ParsedDoc, table: Block, fresh: readonly MetricRow[], eol: string): void {
  const byName = new Map(fresh.map((row) => [metricName(row.name), row] as const));
  const present = new Set<string>();
  // Line 1 of a table is its header and line 2 its delimiter; each later line is one row.
  for (let index = table.line + 1; index < table.endLine; index++) {
    const source = lines[index].text;
    // The parsed line has HTML comments blanked (same length), so a pipe inside a comment is no cell edge.
    const parsed = doc.lines[index];
    const spans = cellSpans(parsed.length === source.length ? parsed : source);
    const name = metricName(spans.length > 0 ? source.slice(spans[0].start, spans[0].end) : source);
    const row = byName.get(name);
    if (row === undefined) continue;
    present.add(name);
    lines[index].text = withValue(source, spans, row);
  }
  const missing = fresh.filter((row) => !present.has(metricName(row.name)));
  insertAfter(lines, table.endLine - 1, missing.map((row) => `| ${row.name} | ${row.value} |`), eol);
}

/** Puts a fresh table first in a Metrics section that has none, leaving the section's text after it. */
function addTableToSection(lines: SourceLine[], section: SectionInfo, table: readonly string[], eol: string): void {
  const headingIndex = section.bodyStartLine - 2;
  const next = lines[headingIndex + 1];
  const separator = next !== undefined && next.text.trim() !== '' ? [''] : [];
  insertAfter(lines, headingIndex, ['', ...table, ...separator], eol);
}

/**
 * The level-2 section the template puts right before Metrics (Next Steps in the session layout),
 * skipping sections nested at level 3.
 */
function sectionBeforeMetrics(template: RetrospectiveTemplate): SectionKey | undefined {
  const top = template.sections.filter((s) => s.level === 2);
  const at = top.findIndex((s) => s.key === 'metrics');
  return at > 0 ? top[at - 1].key : undefined;
}

/**
 * Index of the line a new Metrics section goes before: after the level-2 section the template
 * puts before it and before the validator's checklist, as the format orders them; at the end when
 * neither exists.
 */
function metricsInsertionIndex(doc: ParsedDoc, lineCount: number, template: RetrospectiveTemplate): number {
  const previousKey = sectionBeforeMetrics(template);
  const previous = previousKey === undefined ? undefined : sectionOf(doc, previousKey);
  const checklist = sectionOf(doc, 'validation');
  if (previous !== undefined && previous.level === 2 && (checklist === undefined || previous.line < checklist.line)) {
    return previous.bodyEndLine;
  }
  return checklist !== undefined ? checklist.line - 1 : lineCount;
}

/**
 * A new `## Metrics` section before line `at`, set off by one blank line on each side. The file
 * keeps ending with a line break, or without one, as it did.
 */
function addMetricsSection(lines: SourceLine[], at: number, table: readonly string[], eol: string, heading: string): SourceLine[] {
  const before = lines.slice(0, at);
  const after = lines.slice(at);
  const endedWithBreak = lines.length > 1 && lines[lines.length - 1].text === '';
  while (before.length > 0 && before[before.length - 1].text.trim() === '') before.pop();
  const lastBefore = before.pop();
  if (lastBefore !== undefined) before.push({ ...lastBefore, end: lastBefore.end || eol });
  const texts = [...(before.length > 0 ? [''] : []), heading, '', ...table, ...(after.length > 0 ? [''] : [])];
  const finalBreak = after.length > 0 || endedWithBreak ? eol : '';
  const block = texts.map((text, i) => ({ text, end: i === texts.length - 1 ? finalBreak : eol }));
  return [...before, ...block, ...after];
}

/**
 * Refreshes the numbers in the Metrics section the validator checks (parseDocument and
 * mainSectionOf, so a user's `### Stats` subsection is never taken for the format's
 * `## Metrics`). Only the generated `| Metric | Value |` table changes, row by row; the user's rows, prose, other tables and
 * subsections stay as written. Without a Metrics section one is added where the format puts it.
 */
export function replaceMetricsSection(markdown: string, model: RetrospectiveModel, template: RetrospectiveTemplate = SESSION_TEMPLATE): string {
  const eol = /\r\n|\r|\n/.exec(markdown)?.[0] ?? '\n';
  const doc = parseDocument(markdown, Number.MAX_SAFE_INTEGER, template);
  const lines = splitSourceLines(markdown);
  const freshTable = renderMetricsTable(model.metrics).split('\n');
  const section = mainSectionOf(doc, 'metrics');
  if (section === undefined) {
    const at = metricsInsertionIndex(doc, lines.length, template);
    return joinSourceLines(addMetricsSection(lines, at, freshTable, eol, `## ${sectionTitle(template, 'metrics')}`));
  }
  const table = generatedTable(doc, section);
  if (table === undefined) addTableToSection(lines, section, freshTable, eol);
  else refreshTable(lines, doc, table, generatedRows(model), eol);
  return joinSourceLines(lines);
}

const MAX_SLUG = 40;

/** `Fix the Login Flow!` → `fix-the-login-flow`: lower-case ASCII and dashes, `session` when nothing is left. */
export function slugify(text: string | undefined): string {
  const ascii = (text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.slice(0, MAX_SLUG).replace(/-+$/, '');
  return cut || 'session';
}

/** `YYYY-MM-DD_HHMM_<slug>.md` in the session's local time, so files sort by when the session began. */
export function retrospectiveFileName(start: number, utcOffsetMinutes: number, focus?: string): string {
  return `${localDate(start, utcOffsetMinutes)}_${localClockCompact(start, utcOffsetMinutes)}_${slugify(focus)}.md`;
}

/** Tries this many suffixes before giving up, so a broken `exists` cannot loop forever. */
const MAX_SUFFIX = 10_000;

/**
 * `name`, or `name-2.md`, `name-3.md`, … : the first that does not exist, so an existing
 * retrospective is never overwritten silently.
 */
export function uniqueFileName(name: string, exists: (n: string) => boolean): string {
  if (!exists(name)) return name;
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; n <= MAX_SUFFIX; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!exists(candidate)) return candidate;
  }
  throw new Error(`No free file name for ${name} after ${MAX_SUFFIX} tries`);
}
