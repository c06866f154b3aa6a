/**
 * Rules of the report, phase and handoff layouts: what those layouts promise a reader beyond
 * having their sections (an Immediate action, recommendations for each horizon, a status for
 * every task, times that are times).
 */
import type { Tokens } from 'marked';
import { blocksIn, mainSectionOf } from './document';
import type { Block, ParsedDoc, SectionInfo } from './document';
import { sectionTitle } from '../template/headings';
import type { SectionKey } from '../template/types';
import type { RuleContext } from './sectionRules';
import type { Finding, RuleId } from './types';
import { itemOwnText, listItems } from './text';

function finding(rule: RuleId, line: number, message: string, section?: SectionKey): Finding {
  return section === undefined ? { rule, message, line, severity: 'error' } : { rule, message, line, severity: 'error', section };
}

/** Words that put an action item in the first horizon: "Immediate", "P0", "Today", "Now". */
const IMMEDIATE = /\b(?:p0|immediate(?:ly)?|today|urgent|now)\b/i;

/** The section's own blocks and those of every subsection nested in it. */
function allBlocksIn(doc: ParsedDoc, section: SectionInfo): Block[] {
  return doc.blocks.filter((b) => b.line >= section.bodyStartLine && b.line <= section.bodyEndLine);
}

function headingText(b: Block): string | undefined {
  return b.token.type === 'heading' ? (b.token as Tokens.Heading).text : undefined;
}

/** A label written as a line of its own: "**Immediate (today)**", "Near-term:". */
function labelText(b: Block): string | undefined {
  if (b.token.type !== 'paragraph') return undefined;
  const text = (b.token as Tokens.Paragraph).text.trim();
  return text.length <= 80 && !text.includes('\n') && /^(?:\*\*|__).*(?:\*\*|__):?$|:$/.test(text) ? text : undefined;
}

/** action-items-priority: the action items hold at least N items in the Immediate / P0 horizon. */
export function checkImmediateActions(ctx: RuleContext): Finding[] {
  const section = mainSectionOf(ctx.doc, 'nextSteps');
  const name = sectionTitle(ctx.template, 'nextSteps');
  if (!section) return [finding('action-items-priority', 1, `There is no ${name} section.`, 'nextSteps')];
  let inImmediate = false;
  let count = 0;
  for (const b of allBlocksIn(ctx.doc, section)) {
    const label = headingText(b) ?? labelText(b);
    if (label !== undefined) {
      inImmediate = IMMEDIATE.test(label);
      continue;
    }
    for (const { item } of listItems(b)) if (inImmediate || IMMEDIATE.test(itemOwnText(item))) count++;
  }
  const min = ctx.config.minImmediateActions;
  if (count >= min) return [];
  return [finding('action-items-priority', section.line,
    `${name} has ${count} item${count === 1 ? '' : 's'} marked Immediate or P0; at least ${min} ${min === 1 ? 'is' : 'are'} needed (a "### Immediate (P0, today)" group, or "P0" in the item).`, 'nextSteps')];
}

const HORIZONS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Immediate', pattern: /\b(?:immediate|next session|now|today)\b/i },
  { name: 'Near-Term', pattern: /\b(?:near|short|mid|medium)[\s-]?term\b|\bnext phase\b/i },
  { name: 'Strategic', pattern: /\b(?:strategic|long[\s-]?term)\b/i },
];

/** recommendations-by-horizon: the recommendations name each horizon (Immediate, Near-Term, Strategic). */
export function checkRecommendationHorizons(ctx: RuleContext): Finding[] {
  const section = mainSectionOf(ctx.doc, 'recommendations');
  const name = sectionTitle(ctx.template, 'recommendations');
  if (!section) return [finding('recommendations-by-horizon', 1, `There is no ${name} section.`, 'recommendations')];
  const labels = allBlocksIn(ctx.doc, section).map((b) => headingText(b) ?? labelText(b)).filter((t): t is string => t !== undefined);
  const missing = HORIZONS.filter((h) => !labels.some((l) => h.pattern.test(l))).map((h) => h.name);
  if (missing.length === 0) return [];
  return [finding('recommendations-by-horizon', section.line,
    `${name} has no ${missing.join(', ')} group: give each horizon (Immediate, Near-Term, Strategic) its own "###" heading.`, 'recommendations')];
}

/** Status cells that say nothing: empty, a dash, a question mark, a placeholder word. */
const NO_STATUS = /^(?:|-+|—|–|\?+|tbd|tba|todo|n\/?a|unknown|\.{2,}|…)$/i;

/** task-status: the task table has a Status column and every task has a status. */
export function checkTaskStatus(ctx: RuleContext): Finding[] {
  const section = mainSectionOf(ctx.doc, 'taskStatus');
  const name = sectionTitle(ctx.template, 'taskStatus');
  if (!section) return [finding('task-status', 1, `There is no ${name} section.`, 'taskStatus')];
  const tables = blocksIn(ctx.doc, section).filter((b) => b.token.type === 'table');
  if (tables.length === 0) return [finding('task-status', section.line, `${name} has no table: list the tasks as "| Task | Status |" rows.`, 'taskStatus')];
  const out: Finding[] = [];
  for (const block of tables) {
    const table = block.token as Tokens.Table;
    const col = table.header.findIndex((h) => /\b(?:status|state)\b/i.test(h.text));
    if (col < 0) {
      out.push(finding('task-status', block.line, `The table in ${name} has no Status column.`, 'taskStatus'));
      continue;
    }
    table.rows.forEach((row, i) => {
      const status = (row[col]?.text ?? '').replace(/[*_`]/g, '').trim();
      if (NO_STATUS.test(status)) {
        const task = (row.find((_, c) => c !== col)?.text ?? '').replace(/[*_`]/g, '').trim().slice(0, 60);
        out.push(finding('task-status', block.line + 2 + i, `The task "${task}" has no status.`, 'taskStatus'));
      }
    });
  }
  return out;
}

/** "HH:MM", "hh:mm", "XX:XX", "??:??": a time nobody filled in. */
const TIME_PLACEHOLDER = /\b(?:HH|hh|XX|xx)\s?:\s?(?:MM|mm|XX|xx|SS|ss)\b|\?\?:\?\?/;
/** A clock time "14:05" or "14:05:30", not part of a longer run of digits and colons. */
const CLOCK = /(?<![\d:.])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/g;

/**
 * times-real: every time the document shows is a real time, not a slot or "14:75". Hours above
 * 24 are left alone: "45:30" is as likely a duration in minutes and seconds as a wrong clock.
 */
export function checkRealTimes(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  ctx.doc.plain.forEach((line, i) => {
    if (out.length >= 20 || line.trim() === '') return;
    const slot = TIME_PLACEHOLDER.exec(line);
    if (slot) {
      out.push(finding('times-real', i + 1, `"${slot[0]}" is a time nobody filled in: write the real time.`));
      return;
    }
    for (const m of line.matchAll(CLOCK)) {
      const [hours, minutes, seconds] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
      if (minutes > 59 || seconds > 59 || (hours === 24 && minutes + seconds > 0)) {
        out.push(finding('times-real', i + 1, `"${m[0]}" is not a clock time.`));
        break;
      }
    }
  });
  return out;
}
