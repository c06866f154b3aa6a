/**
 * How many friction points a retrospective documents, counted the way the `friction-count`
 * rule counts them (see checkFrictionCount in sectionRules.ts), so the Metrics table and the
 * metrics log agree with the list the user sees and the validator checked, not only with the
 * friction captured during the session.
 */
import type { Tokens } from 'marked';
import { blocksIn, parseDocument, sectionOf } from './document';
import type { ParsedDoc } from './document';
import { hasWord, itemOwnText, listItems } from './text';

/**
 * List items with words in them; when the section has none, its subheadings (some people write
 * one `####` per friction point). Undefined when there is no Friction Points section.
 */
export function frictionPointsIn(doc: ParsedDoc): number | undefined {
  const section = sectionOf(doc, 'frictionPoints');
  if (!section) return undefined;
  const blocks = blocksIn(doc, section);
  const items = blocks.flatMap((b) => listItems(b)).filter(({ item }) => hasWord(itemOwnText(item)));
  if (items.length > 0) return items.length;
  return blocks.filter((b) => b.token.type === 'heading' && (b.token as Tokens.Heading).depth > section.level).length;
}

/** `frictionPointsIn` for Markdown text (hint comments and code are ignored, as the validator ignores them). */
export function countFrictionPoints(markdown: string): number | undefined {
  return frictionPointsIn(parseDocument(markdown));
}
