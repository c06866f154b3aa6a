/**
 * How many friction points a retrospective documents, counted the way the `friction-count`
 * rule counts them (see checkFrictionCount in sectionRules.ts), so the Metrics table and the
 * metrics log agree with the list the user sees and the validator checked, not only with the
 * friction captured during the session.
 */
import type { Tokens } from 'marked';
import { blocksIn, parseDocument, sectionOf } from './document';
import type { Block, ParsedDoc } from './document';
import { countWords, hasWord, itemOwnText, listItems } from './text';
import type { RetrospectiveTemplate } from '../template/types';

/** Friction points found inside Honest Feedback, listed without their own heading. */
export interface ListedFriction {
  readonly count: number;
  /** The label or first item, where a reader would add one more. */
  readonly line: number;
}

/** Words that say a label, a lead-in or a bold title is about friction. */
const FRICTION_WORD = /friction|frustrat|pain ?points?|annoy|dragged|drag(?:ged)? (?:the|us|me)|slowed|blockers?|obstacles?|went wrong|struggl|ติดขัด|ปัญหา|困った|摩擦/i;

function paragraphText(block: Block): string {
  return block.token.type === 'paragraph' ? (block.token as Tokens.Paragraph).raw.trim() : '';
}

/** A paragraph opening with a bold title: "**Slow feedback.** A six-minute suite ...". */
function boldTitled(block: Block): boolean {
  return /^(?:\*\*|__)[^*_\n]{2,200}?(?:\*\*|__)/.test(paragraphText(block));
}

/** A short paragraph that announces friction: "**What was frustrating:**", "Three things dragged the session down." */
function frictionLabel(block: Block): boolean {
  const text = paragraphText(block);
  return text !== '' && FRICTION_WORD.test(text) && countWords(text, 26) <= 25;
}

function boldItems(block: Block): number {
  const items = listItems(block).filter(({ item }) => hasWord(itemOwnText(item)));
  return items.length > 0 && items.every(({ item }) => /^(?:\*\*|__)/.test(item.text.trim())) ? items.length : 0;
}

/**
 * Friction written inside Honest Feedback without a Friction Points heading, in the shapes people
 * use: `**Friction 1: ...**` paragraphs; a label that says so ("**What was frustrating:**",
 * "Three things dragged ...") followed by a list or by bold-titled paragraphs; a numbered list
 * of bold sentences. Undefined when Honest Feedback lists none of these.
 */
export function listedFrictionIn(doc: ParsedDoc): ListedFriction | undefined {
  const feedback = sectionOf(doc, 'honestFeedback');
  if (!feedback) return undefined;
  const blocks = blocksIn(doc, feedback).filter((b) => b.token.type !== 'space');
  let count = 0;
  let line: number | undefined;
  const add = (n: number, at: number): void => {
    count += n;
    line ??= at;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (boldTitled(block) && /^(?:\*\*|__)[^*_\n]{0,40}friction/i.test(paragraphText(block))) {
      add(1, block.line);
    } else if (frictionLabel(block)) {
      const next = blocks[i + 1];
      if (next?.token.type === 'list') {
        add(listItems(next).filter(({ item }) => hasWord(itemOwnText(item))).length, block.line);
        i++;
      } else {
        let j = i + 1;
        while (j < blocks.length && boldTitled(blocks[j])) j++;
        if (j > i + 1) add(j - i - 1, block.line);
        i = j - 1;
      }
    } else if (block.token.type === 'list' && (block.token as Tokens.List).ordered) {
      const n = boldItems(block);
      if (n > 0) add(n, block.line);
    }
  }
  return line === undefined ? undefined : { count, line };
}

/**
 * List items with words in them; when the section has none, its subheadings (some people write
 * one `####` per friction point). Without a Friction Points section, the friction listed inside
 * Honest Feedback. Undefined when there is neither.
 */
export function frictionPointsIn(doc: ParsedDoc): number | undefined {
  const section = sectionOf(doc, 'frictionPoints');
  if (!section) return listedFrictionIn(doc)?.count;
  const blocks = blocksIn(doc, section);
  const items = blocks.flatMap((b) => listItems(b)).filter(({ item }) => hasWord(itemOwnText(item)));
  if (items.length > 0) return items.length;
  return blocks.filter((b) => b.token.type === 'heading' && (b.token as Tokens.Heading).depth > section.level).length;
}

/**
 * `frictionPointsIn` for Markdown text in a template's layout (the session layout by default);
 * hint comments and code are ignored, as the validator ignores them.
 */
export function countFrictionPoints(markdown: string, template?: RetrospectiveTemplate): number | undefined {
  return frictionPointsIn(parseDocument(markdown, undefined, template));
}
