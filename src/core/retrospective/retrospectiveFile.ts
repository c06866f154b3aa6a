/**
 * What the Finish step does to a retrospective file the user has edited: drop the hint comments
 * that are left, refresh the Metrics table from the record, and pick a file name that never
 * overwrites an earlier retrospective.
 */
import type { RetrospectiveModel } from './model';
import { localClockCompact, localDate } from './localTime';
import { renderMetricsTable } from './renderMetrics';

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

const METRICS_HEADING = /^##[ \t]+(?:.*\W)?metrics\W*$/i;
const TOP_HEADING = /^#{1,2}[ \t]/;

/**
 * Replaces the body of the `## Metrics` section with the model's metrics table, leaving every
 * other line untouched. Without a Metrics section one is added before "Retrospective
 * Validation" (which the validator keeps last), or at the end.
 */
export function replaceMetricsSection(markdown: string, model: RetrospectiveModel): string {
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const lines = markdown.split(/\r?\n/);
  const table = renderMetricsTable(model.metrics).split('\n');
  let heading = -1;
  let inFence: string | undefined;
  let bodyEnd = lines.length;
  let validation = -1;
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]);
    if (inFence !== undefined) {
      if (fence && fence[1][0] === inFence[0] && fence[1].length >= inFence.length && lines[i].trim() === fence[1]) inFence = undefined;
      continue;
    }
    if (fence) {
      inFence = fence[1];
      continue;
    }
    if (heading < 0 && METRICS_HEADING.test(lines[i]) && !/session-metrics/i.test(lines[i])) {
      heading = i;
    } else if (heading >= 0 && bodyEnd === lines.length && TOP_HEADING.test(lines[i])) {
      bodyEnd = i;
    }
    if (validation < 0 && /^##[ \t]+.*retrospective validation/i.test(lines[i])) validation = i;
  }
  if (heading >= 0) {
    return [...lines.slice(0, heading + 1), '', ...table, '', ...lines.slice(bodyEnd)].join(eol);
  }
  const insertAt = validation >= 0 ? validation : lines.length;
  const before = lines.slice(0, insertAt);
  while (before.length > 0 && before[before.length - 1].trim() === '') before.pop();
  const block = ['', '## Metrics', '', ...table, ''];
  const after = lines.slice(insertAt);
  return [...before, ...block, ...(after.length > 0 ? after : [''])].join(eol);
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
