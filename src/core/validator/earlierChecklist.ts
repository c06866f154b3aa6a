/**
 * Checklists written under another heading. Earlier versions of Session Journal and other tools
 * headed the validator's checklist "Validation Checklist", "Checklist" or "✅ Validation"; Finish
 * did not recognise those and appended a second checklist. Here such a section is recognised by
 * its heading *and* its body: a level-2 heading from a short list of checklist names over nothing
 * but task items ("- [x] …"). The body test is what keeps a user's "## Validation" section about
 * how they tested their work out of it, which is why the template (template/validationSection.ts) does not list these names.
 */
import type { Token, Tokens } from 'marked';
import { parseDocument } from './document';
import { normalizeHeading } from '../template/headings';
import { VALIDATION_SECTION } from '../template/validationSection';

/** Checklist headings, in normal form (see normalizeHeading). */
const CHECKLIST_HEADINGS: ReadonlySet<string> = new Set([
  'validation checklist', 'checklist', 'validation', 'retrospective checklist', 'retrospective validation checklist',
  'validation results', 'validation status', 'quality checklist', 'completion checklist', 'self check',
]);

/** Whether a heading's text names a checklist (the validator's own heading included). */
export function isChecklistHeading(text: string): boolean {
  const name = normalizeHeading(text);
  return CHECKLIST_HEADINGS.has(name) || name === normalizeHeading(VALIDATION_SECTION.title);
}

/** A section, as 1-based inclusive lines: its heading through the line before the next `#`/`##`. */
export interface LineRange {
  readonly line: number;
  readonly endLine: number;
}

/** Only task items (and blank lines or HTML comments): what a generated checklist is made of. */
function isTaskListBody(tokens: readonly Token[]): boolean {
  let items = 0;
  for (const t of tokens) {
    if (t.type === 'space' || (t.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(t.raw))) continue;
    if (t.type !== 'list') return false;
    const list = t as Tokens.List;
    if (!list.items.every((item) => item.task)) return false;
    items += list.items.length;
  }
  return items > 0;
}

/**
 * Level-2 sections that hold a checklist under a heading other than "Retrospective Validation",
 * in document order.
 */
export function earlierChecklists(markdown: string): LineRange[] {
  const doc = parseDocument(markdown, Number.MAX_SAFE_INTEGER);
  const current = new Set(doc.sections.filter((s) => s.key === 'validation').map((s) => s.line));
  const out: LineRange[] = [];
  doc.blocks.forEach((block, i) => {
    const heading = block.token as Tokens.Heading;
    if (heading.type !== 'heading' || heading.depth !== 2 || current.has(block.line) || !isChecklistHeading(heading.text)) return;
    const body: Token[] = [];
    let endLine = doc.lines.length;
    for (const next of doc.blocks.slice(i + 1)) {
      if (next.token.type === 'heading' && (next.token as Tokens.Heading).depth <= 2) {
        endLine = next.line - 1;
        break;
      }
      body.push(next.token);
    }
    if (isTaskListBody(body)) out.push({ line: block.line, endLine });
  });
  return out;
}

/**
 * Makes an earlier checklist the validator's own: the first one gets the "Retrospective
 * Validation" heading, so Finish replaces its body instead of appending a second checklist;
 * further ones, or all of them when the document already has that section (a file an older Finish
 * appended to), are stale copies and go. Every other byte stays as it was.
 */
export function adoptEarlierChecklist(markdown: string): string {
  const found = earlierChecklists(markdown);
  if (found.length === 0) return markdown;
  const hasCurrent = parseDocument(markdown, Number.MAX_SAFE_INTEGER).sections.some((s) => s.key === 'validation');
  // Text and line breaks alternate, so a line's break stays with it and CRLF files stay CRLF.
  const parts = markdown.split(/(\r\n|\r|\n)/);
  const lineText = (line: number): number => (line - 1) * 2;
  const adopted = hasCurrent ? undefined : found[0];
  const stale = hasCurrent ? found : found.slice(1);
  for (const range of [...stale].reverse()) {
    const from = lineText(range.line);
    const to = Math.min(parts.length, lineText(range.endLine) + 2);
    parts.splice(from, to - from);
  }
  if (adopted) parts[lineText(adopted.line)] = `## ${VALIDATION_SECTION.title}`;
  return parts.join('');
}
