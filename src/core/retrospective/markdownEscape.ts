/**
 * Escaping captured text for Markdown. Commit subjects, command lines, file names and notes come
 * from the outside world and end up in a file that GitHub, VS Code's preview and the webview
 * render: a `<script>` in a commit message must stay text, a `|` must not split a table cell,
 * a `*` must not start emphasis. Everything captured passes through here.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Characters with inline meaning in CommonMark/GFM; a backslash makes each literal. */
const INLINE_SPECIAL = /[\\`*_[\]|~]/g;

/**
 * Escapes text for use inside a Markdown paragraph, list item or table cell: inline syntax,
 * HTML, and line breaks (which would end the cell or the list item). The result reads as the
 * original text when rendered.
 */
export function escapeMarkdown(text: string): string {
  let out = text
    .trim()
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(INLINE_SPECIAL, (c) => `\\${c}`);
  // At the start of a line these open a block (list item, heading, quote, thematic break).
  out = out.replace(/^(\s*)([-+=#])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

/** A code span for text known to be safe as code (e.g. a hex hash), else escaped text. */
export function codeOrEscaped(text: string): string {
  return /^[0-9A-Za-z._-]+$/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}

/**
 * Captured text (a commit subject, a command line, a path) as an inline code span for a table
 * cell. A code span shows it verbatim, and it marks it as data: the validator skips code spans,
 * so a subject "TODO: wire X" is not read as the author's unfinished prose. A pipe is escaped
 * (GFM splits cells before it parses code spans). Two kinds of text stay escaped text instead:
 * a backslash before a pipe, because renderers disagree on how `\\|` splits a cell, and an HTML
 * comment marker, because tools reading the raw file (stripHints, the validator) would take
 * `<!--` in a code span for the start of a comment.
 */
export function tableCodeSpan(text: string): string {
  const oneLine = text.trim().replace(/\r\n?|\n/g, ' ');
  if (oneLine === '') return '';
  if (oneLine.includes('\\|') || oneLine.includes('<!--') || oneLine.includes('-->')) return escapeMarkdown(oneLine);
  const body = oneLine.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a backtick at either end out of the fence; renderers drop it.
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
