/**
 * Renders the retrospective model as GitHub-flavoured Markdown in a template's layout (the
 * session layout unless another is given): the title, the header block, then each section of the
 * template in order, filled from the record where the record knows it and holding the section's
 * hint comment where only the author can write. Captured strings are always escaped; times
 * always use the session's UTC offset, never the machine's time zone.
 */
import { formatDuration } from '../timeline/describeEvent';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import { fillThresholds } from '../template/skeleton';
import type { RetrospectiveTemplate, RuleThresholds, SectionKey, TemplateSection } from '../template/types';
import { formatUtcOffset, localClock, localDate } from './localTime';
import { escapeMarkdown } from './markdownEscape';
import type { EarlierSession, FrictionSummary, RetrospectiveModel } from './model';
import { hint } from './hints';
import { renderMetricsTable } from './renderMetrics';
import { renderTechnicalDetails } from './renderTechnicalDetails';
import { renderTimeline } from './renderTimeline';


/**
 * The validator thresholds the hints quote, so a hint asks for what Finish will demand; a whole
 * ValidatorConfig can be passed. Missing or invalid values fall back to the template's own.
 */
export type RenderOptions = Partial<RuleThresholds>;

function threshold(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : fallback;
}

function hintThresholds(options: RenderOptions, template: RetrospectiveTemplate): RuleThresholds {
  const out: Record<string, number> = {};
  for (const [name, fallback] of Object.entries(template.thresholds)) {
    out[name] = threshold(options[name as keyof RuleThresholds], fallback);
  }
  return out as unknown as RuleThresholds;
}

const SESSION_TYPES = 'feature, bug fix, research, refactoring, infrastructure and tooling, documentation, other';

function header(m: RetrospectiveModel): string[] {
  const off = m.utcOffsetMinutes;
  const zone = formatUtcOffset(off);
  const startDate = localDate(m.start, off);
  const endDate = localDate(m.end, off);
  const endSuffix = endDate !== startDate ? ` on ${endDate}` : '';
  const running = m.ended ? '' : ' (still running)';
  const lines = [
    `**Date**: ${startDate}`,
    `**Start Time**: ${localClock(m.start, off)} (${zone})`,
    `**End Time**: ${localClock(m.end, off)} (${zone})${endSuffix}${running}`,
    `**Duration**: ${formatDuration(m.durationMs)} (active ${formatDuration(m.activeMs)})`,
    `**Primary Focus**: ${m.focus?.trim() ? escapeMarkdown(m.focus) : hint('what this session was about, in one line')}`,
    `**Session Type**: ${m.sessionType?.trim() ? escapeMarkdown(m.sessionType) : hint(SESSION_TYPES)}`,
    ...agentLine(m),
  ];
  // A blank line between the lines keeps each on its own line when rendered, without trailing spaces.
  return lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]));
}

/** `**Agent**: Claude Code (claude-sonnet-4-5)` when an agent worked in the session. */
function agentLine(m: RetrospectiveModel): string[] {
  const a = m.metrics.agent;
  if (a === undefined) return [];
  const models = a.models.length > 0 ? ` (${a.models.map(escapeMarkdown).join(', ')})` : '';
  return [`**Agent**: ${a.agents.join(', ')}${models}`];
}

/** What a record-filled part needs besides the model. */
interface PartContext {
  readonly section: TemplateSection;
  readonly thresholds: RuleThresholds;
  /** The section's hint with its thresholds filled in. */
  readonly hint: string;
}

function frictionItem(f: FrictionSummary, n: number, ask: string): string {
  const detail = f.detail?.trim() ? ` — ${escapeMarkdown(f.detail)}` : '';
  const trigger = f.trigger?.trim() ? ` (${escapeMarkdown(f.trigger)})` : '';
  const more = detail ? '' : ` ${hint(ask)}`;
  return `${n}. **${escapeMarkdown(f.title) || 'Untitled'}**${detail}${trigger}${more}`;
}

/**
 * An earlier session by its start on the local clock, which a reader recognises; the raw id only
 * when the start is unknown. Earlier sessions' own offsets are not known here, so this session's
 * offset is used, like every other time in the file.
 */
function earlierSessionName(s: EarlierSession, utcOffsetMinutes: number): string {
  if (s.start === undefined) return escapeMarkdown(s.id);
  return `${localDate(s.start, utcOffsetMinutes)} ${localClock(s.start, utcOffsetMinutes)}`;
}

function honestFeedback(m: RetrospectiveModel, c: PartContext): string[] {
  const out = [hint(c.hint)];
  if (m.recurringFriction.length > 0) {
    out.push('', '**Recurring friction** (also in earlier sessions):', '');
    for (const r of m.recurringFriction) {
      const n = r.earlierSessions.length;
      const names = r.earlierSessions.map((s) => earlierSessionName(s, m.utcOffsetMinutes)).join(', ');
      out.push(`- ${escapeMarkdown(r.theme)}: ${n} earlier session${n === 1 ? '' : 's'} (${names})`);
    }
  }
  return out;
}

function frictionPoints(m: RetrospectiveModel, c: PartContext): string[] {
  const out: string[] = [];
  m.friction.forEach((f, i) => out.push(frictionItem(f, i + 1, c.hint)));
  const min = c.thresholds.minFrictionPoints;
  if (m.friction.length < min) {
    const missing = min - m.friction.length;
    if (m.friction.length > 0) out.push('');
    out.push(hint(`add ${missing} more friction point${missing === 1 ? '' : 's'} as "N. **Title** — what dragged and what it cost"`));
  }
  return out;
}

function lessons(m: RetrospectiveModel, c: PartContext): string[] {
  if (m.lessons.length === 0) return [hint(c.hint)];
  return m.lessons.map((l) => `- ${escapeMarkdown(l.text)}`);
}

/**
 * The sections the record can fill, by role. A template section filled by the record (or by
 * both) whose role has no part here gets its hint, like a section only the author writes.
 */
const RECORD_PARTS: Partial<Record<SectionKey, (m: RetrospectiveModel, c: PartContext) => string[]>> = {
  timeline: (m) => renderTimeline(m),
  technicalDetails: (m) => renderTechnicalDetails(m),
  honestFeedback,
  frictionPoints,
  lessons,
  metrics: (m) => [renderMetricsTable(m.metrics)],
};

function sectionBody(m: RetrospectiveModel, c: PartContext): string[] {
  const part = c.section.fill === 'record' || c.section.fill === 'both' ? RECORD_PARTS[c.section.key] : undefined;
  return part ? part(m, c) : [hint(c.hint)];
}

function renderSection(m: RetrospectiveModel, section: TemplateSection, thresholds: RuleThresholds): string[] {
  const title = m.author === 'agent' && section.agentTitle ? section.agentTitle : section.title;
  const c: PartContext = { section, thresholds, hint: fillThresholds(section.hint ?? section.example, thresholds) };
  return [`${'#'.repeat(section.level)} ${title}`, '', ...sectionBody(m, c), ''];
}

/**
 * The whole retrospective in `template`'s layout; the validator appends its own checklist
 * section later, when Finish runs.
 */
export function renderRetrospective(m: RetrospectiveModel, options: RenderOptions = {}, template: RetrospectiveTemplate = SESSION_TEMPLATE): string {
  const thresholds = hintThresholds(options, template);
  const sections = template.sections.filter((s) => s.fill !== 'validator');
  const lines = [
    `# ${template.title}`,
    '',
    ...(template.header ? [...header(m), ''] : []),
    ...sections.flatMap((s) => renderSection(m, s, thresholds)),
  ];
  return lines.join('\n');
}
