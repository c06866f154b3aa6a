/**
 * The retrospective validator: one pass of marked's lexer, then each rule over the parsed
 * document. It never throws and bounds its work, because it runs on every keystroke in the
 * editor and on whatever files a CI job hands the command line.
 */
import { MAX_LINE_CHARS, parseDocument } from './document';
import type { ParsedDoc } from './document';
import { resolveConfig } from './config';
import { sectionTitle } from '../template/headings';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import type { RetrospectiveTemplate, SectionKey } from '../template/types';
import type { ValidatorConfig } from './config';
import { readHeader } from './header';
import type { Header } from './header';
import { checkHeader } from './headerRule';
import { checkTimeline } from './timelineRule';
import {
  checkDiary, checkFeedback, checkFrictionCount, checkLessons, checkMetrics, checkNextSteps, checkRequiredSections,
} from './sectionRules';
import { MISSING_SECTION_PREFIX } from './sectionRules';
import type { RuleContext } from './sectionRules';
import { checkPlaceholders } from './placeholderRule';
import { checkImmediateActions, checkRealTimes, checkRecommendationHorizons, checkTaskStatus } from './templateRules';
import { headingLines } from './text';
import { RULE_IDS } from './types';
import type { Finding, RecordFacts, RuleId, RuleOutcome, ValidationResult } from './types';

type Check = (ctx: RuleContext, header: Header) => Finding[];

const CHECKS: Readonly<Record<RuleId, Check>> = {
  'header-fields': (ctx, header) => checkHeader(header, ctx.config, ctx.record),
  'required-sections': (ctx) => checkRequiredSections(ctx),
  'timeline-times': (ctx, header) => checkTimeline(ctx.doc, header, ctx.config, sectionTitle(ctx.template, 'timeline')),
  'friction-count': (ctx) => checkFrictionCount(ctx),
  'diary-length': (ctx) => checkDiary(ctx),
  'feedback-length': (ctx) => checkFeedback(ctx),
  'lessons-actionable': (ctx) => checkLessons(ctx),
  'next-steps-specific': (ctx) => checkNextSteps(ctx),
  'no-placeholders': (ctx) => checkPlaceholders(ctx),
  'metrics-present': (ctx) => checkMetrics(ctx),
  'action-items-priority': (ctx) => checkImmediateActions(ctx),
  'recommendations-by-horizon': (ctx) => checkRecommendationHorizons(ctx),
  'task-status': (ctx) => checkTaskStatus(ctx),
  'times-real': (ctx) => checkRealTimes(ctx),
  'known-template': (ctx) => (ctx.unknownTemplate === undefined ? [] : [failed('known-template',
    `This retrospective names the template "${ctx.unknownTemplate}", which is neither built in nor in the workspace's .session-journal/templates; it was checked against "${ctx.template.name}".`)]),
};

/**
 * The checklist title of each rule; thresholds come from the config and section names from the
 * template, so the title tells the truth about the layout being checked.
 */
export function ruleTitle(rule: RuleId, config: ValidatorConfig, template: RetrospectiveTemplate = SESSION_TEMPLATE): string {
  const title = (key: SectionKey): string => sectionTitle(template, key);
  switch (rule) {
    case 'header-fields': return 'Header gives date, start and end time, and duration';
    case 'required-sections': return 'All required sections present';
    case 'timeline-times': return `${title('timeline')} has valid times, in order, within the session`;
    case 'friction-count': return `At least ${config.minFrictionPoints} friction points documented`;
    case 'diary-length': return `Diary is a first-person narrative of at least ${config.minDiaryWords} words`;
    case 'feedback-length': return `${title('honestFeedback')} has at least ${config.minFeedbackWords} words`;
    case 'lessons-actionable': return `${title('lessons')} are actionable rules`;
    case 'next-steps-specific': return `${title('nextSteps')} are specific task-list items`;
    case 'no-placeholders': return 'No placeholders or empty sections left';
    case 'metrics-present': return `${title('metrics')} present and consistent with the record`;
    case 'action-items-priority': return `${title('nextSteps')} include at least ${config.minImmediateActions} Immediate / P0 item${config.minImmediateActions === 1 ? '' : 's'}`;
    case 'recommendations-by-horizon': return `${title('recommendations')} cover the Immediate, Near-Term and Strategic horizons`;
    case 'task-status': return `Every task in ${title('taskStatus')} has a status`;
    case 'times-real': return 'Times are real times, not placeholders';
    case 'known-template': return 'The template the retrospective names is known';
  }
}

/**
 * One finding per cause: a section's own rule that reports the section missing is folded into
 * required-sections' finding for it (its rule named in alsoFails, so it still fails).
 */
function foldMissingSections(findings: readonly Finding[]): Finding[] {
  const required = new Map<string, Finding>();
  for (const f of findings) if (f.rule === 'required-sections' && f.section !== undefined) required.set(f.section, f);
  if (required.size === 0) return [...findings];
  const also = new Map<Finding, RuleId[]>();
  const rest: Finding[] = [];
  for (const f of findings) {
    const owner = f.section === undefined || f.rule === 'required-sections' || !f.message.startsWith(MISSING_SECTION_PREFIX) ? undefined : required.get(f.section);
    if (owner === undefined) {
      rest.push(f);
      continue;
    }
    const rules = also.get(owner) ?? [];
    rules.push(f.rule);
    also.set(owner, rules);
  }
  return rest.map((f) => {
    const rules = also.get(f);
    return rules === undefined ? f : { ...f, alsoFails: rules, message: `${f.message} Until it is written, ${rules.join(' and ')} fail${rules.length === 1 ? 's' : ''} too.` };
  });
}

/** Whether `f` makes `rule` fail. */
function failsRule(f: Finding, rule: RuleId): boolean {
  return f.severity === 'error' && (f.rule === rule || (f.alsoFails?.includes(rule) ?? false));
}

function failed(rule: RuleId, message: string): Finding {
  return { rule, message, line: 1, severity: 'error' };
}

/**
 * Validates a retrospective against the rules of its template (the session layout unless another
 * is given), with the template's thresholds unless `options` override them. `record` holds facts
 * from the captured session the document must agree with. `unknownTemplate` is the name a
 * retrospective's marker gave when no template has it: the known-template rule then fails.
 */
export function validateRetrospective(
  markdown: string, options?: Partial<ValidatorConfig>, record?: RecordFacts, template: RetrospectiveTemplate = SESSION_TEMPLATE,
  unknownTemplate?: string,
): ValidationResult {
  let config: ValidatorConfig;
  try {
    config = resolveConfig(options, template);
  } catch {
    config = resolveConfig(undefined, template);
  }
  // Only the template's rules run and are reported; the order stays RULE_IDS' for every layout.
  const ruleIds = RULE_IDS.filter((rule) => template.rules.includes(rule) || (rule === 'known-template' && unknownTemplate !== undefined));
  const findings: Finding[] = [];
  let doc: ParsedDoc | undefined;
  let header: Header | undefined;
  try {
    doc = parseDocument(typeof markdown === 'string' ? markdown : '', config.maxDocumentChars, template);
    header = readHeader(doc);
  } catch (error) {
    findings.push(failed('required-sections', `The document could not be read: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (doc?.parseError !== undefined) findings.push(failed('required-sections', `The Markdown could not be parsed: ${doc.parseError}`));
  if (doc?.truncatedAt !== undefined) {
    findings.push({
      rule: 'required-sections', line: doc.lines.length, severity: 'warning',
      message: `The document is larger than ${config.maxDocumentChars} characters; only the first ${doc.truncatedAt} were checked.`,
    });
  }
  for (const line of doc?.longLines ?? []) {
    findings.push({ rule: 'no-placeholders', line, severity: 'warning', message: `Line ${line} is longer than ${MAX_LINE_CHARS} characters; only its start was checked.` });
  }
  const disabled = new Set(config.disabledRules);
  if (doc && header) {
    const ctx: RuleContext = { doc, config, headings: headingLines(doc), record, template, ...(unknownTemplate === undefined ? {} : { unknownTemplate }) };
    for (const rule of ruleIds) {
      if (disabled.has(rule)) continue;
      try {
        findings.push(...CHECKS[rule](ctx, header));
      } catch (error) {
        findings.push(failed(rule, `The check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
  }
  const kept = foldMissingSections(findings.filter((f) => !disabled.has(f.rule) && ruleIds.includes(f.rule)));
  kept.sort((a, b) => a.line - b.line || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule));
  const rules: RuleOutcome[] = ruleIds.map((rule) => {
    const title = ruleTitle(rule, config, template);
    if (disabled.has(rule)) return { rule, title, passed: true, disabled: true };
    const passed = (doc !== undefined && header !== undefined) && !kept.some((f) => failsRule(f, rule));
    return { rule, title, passed };
  });
  return { passed: rules.every((r) => r.passed), findings: kept, rules };
}
