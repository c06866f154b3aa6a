/**
 * Rules about the content of single sections: enough friction, a real diary, candid feedback,
 * lessons someone can apply, next steps someone can act on, metrics that match the record.
 */
import type { Tokens } from 'marked';
import type { ParsedDoc, SectionInfo } from './document';
import { blocksIn, sectionOf } from './document';
import { frictionPointsIn, listedFrictionIn } from './frictionCount';
import { metricsSectionOf, sectionPresent } from './presence';
import type { ValidatorConfig } from './config';
import { sectionTitle } from '../template/headings';
import type { RetrospectiveTemplate, SectionKey } from '../template/types';
import type { Finding, RecordFacts, RuleId } from './types';
import { MAY_HOLD_FIRST_PERSON, countWords, isFirstPerson, itemOwnText, listItems, scanWords, sectionProse, wordsOf } from './text';
import type { LocatedItem } from './text';

/** What every section rule gets. */
export interface RuleContext {
  readonly doc: ParsedDoc;
  readonly config: ValidatorConfig;
  readonly headings: Set<number>;
  readonly record?: RecordFacts;
  /** The layout being validated: its sections' names go into the messages. */
  readonly template: RetrospectiveTemplate;
  /** The template name the document's marker gave when nobody knows it (known-template). */
  readonly unknownTemplate?: string;
}

function finding(rule: RuleId, line: number, message: string, section?: SectionKey, severity: 'error' | 'warning' = 'error'): Finding {
  return section === undefined ? { rule, message, line, severity } : { rule, message, line, severity, section };
}

/** A section rule's finding when its section is absent; folded into required-sections' finding when that reports it. */
export const MISSING_SECTION_PREFIX = 'There is no ';

function missing(ctx: RuleContext, rule: RuleId, key: SectionKey): Finding {
  return finding(rule, 1, `${MISSING_SECTION_PREFIX}${sectionTitle(ctx.template, key)} section.`, key);
}

function itemsIn(doc: ParsedDoc, section: SectionInfo): LocatedItem[] {
  return blocksIn(doc, section).flatMap((b) => listItems(b));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** required-sections: every configured section has a heading. */
export function checkRequiredSections(ctx: RuleContext): Finding[] {
  return ctx.config.requiredSections
    .filter((key) => !sectionPresent(ctx.doc, key))
    .map((key) => finding('required-sections', 1, `The required section "${sectionTitle(ctx.template, key)}" is missing.`, key));
}

/** friction-count: enough friction points listed (list items, or subheadings when written that way). */
export function checkFrictionCount(ctx: RuleContext): Finding[] {
  const count = frictionPointsIn(ctx.doc);
  const line = sectionOf(ctx.doc, 'frictionPoints')?.line ?? listedFrictionIn(ctx.doc)?.line;
  if (line === undefined || count === undefined) return [missing(ctx, 'friction-count', 'frictionPoints')];
  const min = ctx.config.minFrictionPoints;
  if (count >= min) return [];
  return [finding('friction-count', line, `Only ${plural(count, 'friction point')} documented; at least ${min} are needed.`, 'frictionPoints')];
}

/** diary-length: a first-person narrative of at least the configured length. */
export function checkDiary(ctx: RuleContext): Finding[] {
  const section = sectionOf(ctx.doc, 'diary');
  if (!section) return [missing(ctx, 'diary-length', 'diary')];
  const out: Finding[] = [];
  const { minDiaryWords, minFirstPersonWords } = ctx.config;
  // Both counts stop once both minimums are met; a failing count is therefore exact. Once the
  // words are enough, only pronouns are still counted, and a line without one as part of it is
  // not segmented at all (a diary with too few pronouns is otherwise read to its end).
  let count = 0;
  let firstPerson = 0;
  scanWords(sectionProse(ctx.doc, section, ctx.headings), (word) => {
    count++;
    if (isFirstPerson(word)) firstPerson++;
    return count < minDiaryWords || firstPerson < minFirstPersonWords;
  }, (line) => count >= minDiaryWords && !MAY_HOLD_FIRST_PERSON.test(line));
  if (count < minDiaryWords) {
    out.push(finding('diary-length', section.line, `The diary has ${plural(count, 'word')}; at least ${minDiaryWords} are needed.`, 'diary'));
  }
  if (firstPerson < minFirstPersonWords) {
    out.push(finding('diary-length', section.line,
      `The diary should be written in the first person (I, my, we, our): found ${firstPerson}, need at least ${minFirstPersonWords}.`, 'diary'));
  }
  return out;
}

/** feedback-length: Honest Feedback, counting its Friction Points, is long enough to be candid. */
export function checkFeedback(ctx: RuleContext): Finding[] {
  const section = sectionOf(ctx.doc, 'honestFeedback');
  if (!section) return [missing(ctx, 'feedback-length', 'honestFeedback')];
  const min = ctx.config.minFeedbackWords;
  let count = countWords(sectionProse(ctx.doc, section, ctx.headings), min);
  const friction = sectionOf(ctx.doc, 'frictionPoints');
  if (friction && count < min) count += countWords(sectionProse(ctx.doc, friction, ctx.headings), min - count);
  if (count >= min) return [];
  return [finding('feedback-length', section.line, `${sectionTitle(ctx.template, 'honestFeedback')} has ${plural(count, 'word')} (friction points included); at least ${min} are needed.`, 'honestFeedback')];
}

const VAGUE = new Set([
  'communication', 'testing', 'tests', 'planning', 'documentation', 'docs', 'patience', 'focus', 'teamwork',
  'debugging', 'refactoring', 'preparation', 'consistency', 'simplicity', 'none', 'nothing', 'n/a', 'more',
]);

/**
 * Words that make a sentence guidance rather than an observation: a modal, a condition, or an
 * imperative a reader can follow.
 */
const GUIDANCE = /\b(?:should|must|always|never|don'?t|do not|avoid|prefer|use|when|whenever|if|before|after|instead|rather|check|ask|keep|make|write|run|add|start|stop|try|test|read|put|treat|need|needs|let)\b/i;
/** "The molt metaphor is real", "AppleScript + Electron apps = tricky": a verdict, not a rule. */
const VERDICT = /(?:\s=\s|\b(?:is|are|was|were)\s+(?:real|tricky|hard|important|key|everything|great|good|bad|fun|interesting|weird|annoying|painful|powerful|underrated|overrated)\s*[.!]?$)/i;

/** Whether a lesson reads as a verdict rather than guidance; with at most 8 words, it is an observation. */
function verdictShaped(text: string): boolean {
  return !GUIDANCE.test(text) && VERDICT.test(text.replace(/[*_`]/g, '').trim());
}

/** The lessons: list items, or, when there are none, one `### Pattern: ...` subheading each with its paragraph. */
function lessonsIn(doc: ParsedDoc, section: SectionInfo): { text: string; line: number }[] {
  const items = itemsIn(doc, section).map(({ item, line }) => ({ text: itemOwnText(item), line }));
  if (items.length > 0) return items;
  const blocks = blocksIn(doc, section).filter((b) => b.token.type !== 'space');
  const out: { text: string; line: number }[] = [];
  blocks.forEach((b, i) => {
    if (b.token.type !== 'heading' || (b.token as Tokens.Heading).depth <= section.level) return;
    const next = blocks[i + 1];
    const body = next && next.token.type === 'paragraph' ? (next.token as Tokens.Paragraph).text : '';
    out.push({ text: `${(b.token as Tokens.Heading).text}. ${body}`, line: b.line });
  });
  return out;
}

/** lessons-actionable: enough lessons, each a rule rather than a vague word or a verdict. */
export function checkLessons(ctx: RuleContext): Finding[] {
  const section = sectionOf(ctx.doc, 'lessons');
  if (!section) return [missing(ctx, 'lessons-actionable', 'lessons')];
  const lessons = lessonsIn(ctx.doc, section);
  const out: Finding[] = [];
  const { minLessons, minLessonWords } = ctx.config;
  if (lessons.length < minLessons) {
    out.push(finding('lessons-actionable', section.line, `${sectionTitle(ctx.template, 'lessons')} lists ${plural(lessons.length, 'item')}; at least ${minLessons} are needed.`, 'lessons'));
  }
  for (const { text, line } of lessons) {
    // Enough words to tell a one-word lesson, a short one and a short verdict apart. Nine only
    // when the lesson is shaped like a verdict: counting words is what costs in Thai, Japanese
    // and Chinese, and the count is only compared with 1, the minimum and 8.
    const verdict = verdictShaped(text);
    const words = wordsOf(text, Math.max(minLessonWords, verdict ? 9 : 2));
    if (words.length === 1 && VAGUE.has(words[0].toLowerCase())) {
      out.push(finding('lessons-actionable', line, `"${words[0]}" is too vague to apply: phrase the lesson as a rule.`, 'lessons'));
    } else if (words.length < minLessonWords) {
      out.push(finding('lessons-actionable', line, `This lesson has ${plural(words.length, 'word')}; phrase it as a rule of at least ${minLessonWords} words.`, 'lessons'));
    } else if (verdict && words.length <= 8) {
      out.push(finding('lessons-actionable', line, 'This lesson is an observation, not a rule: say what to do differently (when ..., always ..., never ...).', 'lessons'));
    }
  }
  return out;
}

const STEP_PLACEHOLDERS = /^(?:tbd|tba|todo|continue|continue work(?:ing)?|more|etc|misc|n\/?a|none|\.{2,}|…|various|keep going|finish|fix bugs|more work)$/i;

/** next-steps-specific: task-list items someone could act on without asking. */
export function checkNextSteps(ctx: RuleContext): Finding[] {
  const section = sectionOf(ctx.doc, 'nextSteps');
  if (!section) return [missing(ctx, 'next-steps-specific', 'nextSteps')];
  const items = itemsIn(ctx.doc, section);
  const tasks = items.filter(({ item }) => item.task);
  const out: Finding[] = [];
  const { minNextSteps, minNextStepWords } = ctx.config;
  // Plain bullets where task-list items belong are one cause: one finding, not one per bullet.
  const plainOnly = tasks.length === 0 && items.length > 0;
  if (tasks.length < minNextSteps) {
    out.push(finding('next-steps-specific', section.line, plainOnly
      ? `${sectionTitle(ctx.template, 'nextSteps')} lists ${plural(items.length, 'item')} but no task-list item: write them as "- [ ] ..." so they can be ticked off.`
      : `${sectionTitle(ctx.template, 'nextSteps')} has ${plural(tasks.length, 'task-list item')} ("- [ ] ..."); at least ${minNextSteps} are needed.`, 'nextSteps'));
  }
  for (const { item, line } of items) {
    if (!item.task) {
      if (plainOnly && tasks.length < minNextSteps) continue;
      out.push(finding('next-steps-specific', line, 'Write next steps as task-list items ("- [ ] ...") so they can be ticked off.', 'nextSteps', 'warning'));
      continue;
    }
    const text = itemOwnText(item).replace(/^\s*\[[ xX]\]\s*/, '').replace(/[*_`]/g, '').trim().replace(/[.!:;,]+$/, '');
    const words = wordsOf(text, Math.max(1, minNextStepWords));
    if (STEP_PLACEHOLDERS.test(text) || /^(?:\.{2,}|…)$/.test(text) || words.length === 0) {
      out.push(finding('next-steps-specific', line, `"${text.slice(0, 40)}" is a placeholder, not a next step.`, 'nextSteps'));
    } else if (words.length < minNextStepWords) {
      out.push(finding('next-steps-specific', line, `This next step has ${plural(words.length, 'word')}; make it specific (at least ${minNextStepWords}).`, 'nextSteps'));
    }
  }
  return out;
}

function firstNumber(text: string): number | undefined {
  const m = /\d[\d,]{0,15}/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : undefined;
}

function statedCommits(ctx: RuleContext, section: SectionInfo): { value: number; line: number } | undefined {
  for (const block of blocksIn(ctx.doc, section)) {
    if (block.token.type === 'table') {
      const table = block.token as Tokens.Table;
      const col = table.header.findIndex((h) => /commit/i.test(h.text));
      if (col >= 0 && table.rows.length > 0) {
        const value = firstNumber(table.rows[0][col]?.text ?? '');
        if (value !== undefined) return { value, line: block.line + 2 };
      }
      for (let i = 0; i < table.rows.length; i++) {
        const row = table.rows[i];
        const label = row.findIndex((c) => /commit/i.test(c.text));
        if (label < 0) continue;
        const rest = row.slice(label + 1).map((c) => c.text).join(' ');
        const value = firstNumber(rest);
        if (value !== undefined) return { value, line: block.line + 2 + i };
      }
    } else if (block.token.type === 'list') {
      for (const { item, line } of listItems(block)) {
        const text = itemOwnText(item);
        const at = text.search(/commit/i);
        if (at < 0) continue;
        const value = firstNumber(text.slice(at)) ?? firstNumber(text);
        if (value !== undefined) return { value, line };
      }
    }
  }
  return undefined;
}

/** metrics-present: a metrics table or list, agreeing with the record when there is one. */
export function checkMetrics(ctx: RuleContext): Finding[] {
  const section = metricsSectionOf(ctx.doc);
  if (!section) return [missing(ctx, 'metrics-present', 'metrics')];
  const hasData = blocksIn(ctx.doc, section).some((b) => b.token.type === 'table' || b.token.type === 'list');
  if (!hasData) return [finding('metrics-present', section.line, `The ${sectionTitle(ctx.template, 'metrics')} section has no table or list of figures.`, 'metrics')];
  const commits = ctx.record?.commits;
  if (commits === undefined) return [];
  const stated = statedCommits(ctx, section);
  if (!stated) {
    return [finding('metrics-present', section.line, `The metrics do not state the number of commits (the record has ${commits}).`, 'metrics')];
  }
  if (stated.value !== commits) {
    return [finding('metrics-present', stated.line, `The metrics say ${plural(stated.value, 'commit')} but the record has ${commits}.`, 'metrics')];
  }
  return [];
}
