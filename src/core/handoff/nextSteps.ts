/**
 * The next steps a retrospective hands to the next session. Layouts name them differently ("Next
 * Steps", "Action Items" grouped by priority, "Next Session Recommendations", "Handoff Notes"),
 * so the section is found by its heading in normal form, as the validator finds sections.
 */
import { normalizeHeading } from '../template/headings';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import { itemKey, markdownLines } from './markdownItems';

/** Headings whose section holds next steps, in normal form, besides the session template's own. */
const HANDOFF_HEADINGS = [
  'next steps', 'action items', 'next session recommendations', 'recommendations for next session',
  'recommendations for the next session', 'handoff notes', 'handoff', 'next session', 'next session todo',
];

/** A heading that starts with one of these names a next-steps section too ("Action Items by Priority"). */
const HANDOFF_PREFIXES = ['next steps ', 'action items ', 'next session recommendations ', 'handoff notes '];

function nextStepNames(): ReadonlySet<string> {
  const own = SESSION_TEMPLATE.sections.find((s) => s.key === 'nextSteps');
  return new Set([...HANDOFF_HEADINGS, ...(own ? [normalizeHeading(own.title), ...own.synonyms] : [])]);
}

const NAMES = nextStepNames();

/** Whether a heading names a section of next steps, however it is numbered, decorated or cased. */
export function isNextStepsHeading(text: string): boolean {
  const name = normalizeHeading(text);
  return NAMES.has(name) || HANDOFF_PREFIXES.some((p) => name.startsWith(p));
}

/** Top-level items are indented less than this; deeper ones are details of the item above. */
const NESTED_INDENT = 2;

/**
 * The open next steps of a retrospective, in document order, each once: the top-level list items
 * (task items not yet ticked, and plain items) of every next-steps section and its subsections
 * ("### P0 — today" under "## Action Items"). Ticked items were done already; nested items are
 * details of their parent; a line continuing an item joins its text.
 */
export function nextStepsOf(markdown: string): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  let sectionLevel: number | undefined;
  let current: { text: string } | undefined;
  let lastWasItemText = false;
  const finish = (): void => {
    if (current && current.text && !seen.has(itemKey(current.text))) {
      seen.add(itemKey(current.text));
      items.push(current.text);
    }
    current = undefined;
  };
  for (const line of markdownLines(markdown)) {
    if (line.type === 'heading') {
      finish();
      if (sectionLevel !== undefined && line.heading.level <= sectionLevel) sectionLevel = undefined;
      if (sectionLevel === undefined && isNextStepsHeading(line.heading.text)) sectionLevel = line.heading.level;
      lastWasItemText = false;
      continue;
    }
    if (sectionLevel === undefined) continue;
    switch (line.type) {
      case 'item':
        if (line.item.indent >= NESTED_INDENT) {
          // A nested item ends its parent's text: what follows it belongs to the nested item.
          if (current) finish();
          lastWasItemText = false;
          break;
        }
        finish();
        current = line.item.checked === true ? undefined : { text: line.item.text };
        lastWasItemText = true;
        break;
      case 'text':
        // A paragraph line right under an item, or indented under it, continues the item.
        if (current && (lastWasItemText || line.indent >= NESTED_INDENT)) current.text = `${current.text} ${line.text}`.trim();
        else finish();
        lastWasItemText = current !== undefined;
        break;
      case 'blank':
        lastWasItemText = false;
        break;
    }
  }
  finish();
  return items;
}
