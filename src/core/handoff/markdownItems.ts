/**
 * The small piece of Markdown reading the handoff loop needs: ATX headings, fenced code (skipped)
 * and list items with an optional task checkbox, one line at a time. Items are what people tick,
 * so only their text matters, cleaned of hint comments and emphasis markers.
 */

/** A `#` heading: its level and its text. */
export interface HeadingLine {
  readonly level: number;
  readonly text: string;
}

/** A list item: how far it is indented, its checkbox state (undefined for a plain item) and its text. */
export interface ItemLine {
  readonly indent: number;
  readonly checked: boolean | undefined;
  readonly text: string;
}

export type MarkdownLine =
  | { readonly type: 'heading'; readonly heading: HeadingLine }
  | { readonly type: 'item'; readonly item: ItemLine }
  | { readonly type: 'text'; readonly indent: number; readonly text: string }
  | { readonly type: 'blank' };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const CHECKBOX = /^\[([ xX])\](?:[ \t]+(.*))?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Longer items are cut: an item is a line of a checklist, not a document. */
export const MAX_ITEM_CHARS = 300;

function indentOf(whitespace: string): number {
  let n = 0;
  for (const c of whitespace) n += c === '\t' ? 4 : 1;
  return n;
}

/** An item's visible text: no HTML comments (the draft's hints), no bold or italic markers, one line. */
export function cleanItemText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_ITEM_CHARS);
}

/** The lines of a Markdown text outside fenced code, each classified. */
export function markdownLines(markdown: string): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  let fence: string | undefined;
  // Comments can span lines (a hint over two lines): blanked first so their text is never an item.
  const text = markdown.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\r\n]/g, ' '));
  for (const line of text.split(/\r\n|\r|\n/)) {
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f?.[1] && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f?.[1]) {
      fence = f[1];
      continue;
    }
    if (line.trim() === '') {
      out.push({ type: 'blank' });
      continue;
    }
    const h = HEADING.exec(line);
    if (h?.[1]) {
      out.push({ type: 'heading', heading: { level: h[1].length, text: h[2] ?? '' } });
      continue;
    }
    const m = ITEM.exec(line);
    if (m) {
      const rest = m[2] ?? '';
      const box = CHECKBOX.exec(rest);
      out.push({
        type: 'item',
        item: { indent: indentOf(m[1] ?? ''), checked: box ? box[1] !== ' ' : undefined, text: cleanItemText(box ? box[2] ?? '' : rest) },
      });
      continue;
    }
    out.push({ type: 'text', indent: indentOf(/^[ \t]*/.exec(line)?.[0] ?? ''), text: cleanItemText(line) });
  }
  return out;
}

/** The key two items are matched by: case, spacing and emphasis do not make another item. */
export function itemKey(text: string): string {
  return cleanItemText(text).replace(/[`*_~]/g, '').toLowerCase();
}
