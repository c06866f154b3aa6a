/**
 * Renders the retrospective model as GitHub-flavoured Markdown in the product's default
 * retrospective layout: header block, the sections the record can fill, and hint comments
 * where only the user can write. Captured strings are always escaped; times always use the
 * session's UTC offset, never the machine's time zone.
 */
import { formatDuration } from '../timeline/describeEvent';
import { DEFAULT_VALIDATOR_CONFIG } from '../validator/config';
import type { ValidatorConfig } from '../validator/config';
import { formatUtcOffset, localClock, localDate } from './localTime';
import { escapeMarkdown } from './markdownEscape';
import type { EarlierSession, FrictionSummary, RetrospectiveModel } from './model';
import { hint } from './hints';
import { renderMetricsTable } from './renderMetrics';
import { renderTechnicalDetails } from './renderTechnicalDetails';
import { renderTimeline } from './renderTimeline';


/**
 * The validator thresholds the hints quote, so a hint asks for what Finish will demand; a whole
 * ValidatorConfig can be passed. Missing or invalid values fall back to the validator's defaults.
 */
export type RenderOptions = Partial<Pick<ValidatorConfig, 'minFrictionPoints' | 'minDiaryWords' | 'minFeedbackWords'>>;

type HintThresholds = Required<RenderOptions>;

function threshold(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : fallback;
}

function hintThresholds(options: RenderOptions): HintThresholds {
  const d = DEFAULT_VALIDATOR_CONFIG;
  return {
    minFrictionPoints: threshold(options.minFrictionPoints, d.minFrictionPoints),
    minDiaryWords: threshold(options.minDiaryWords, d.minDiaryWords),
    minFeedbackWords: threshold(options.minFeedbackWords, d.minFeedbackWords),
  };
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
  ];
  // A blank line between the lines keeps each on its own line when rendered, without trailing spaces.
  return lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]));
}

function frictionItem(f: FrictionSummary, n: number): string {
  const detail = f.detail?.trim() ? ` — ${escapeMarkdown(f.detail)}` : '';
  const trigger = f.trigger?.trim() ? ` (${escapeMarkdown(f.trigger)})` : '';
  const ask = detail ? '' : ` ${hint('one sentence: what dragged and what it cost')}`;
  return `${n}. **${escapeMarkdown(f.title) || 'Untitled'}**${detail}${trigger}${ask}`;
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

function honestFeedback(m: RetrospectiveModel, t: HintThresholds): string[] {
  const out = [hint(`a candid paragraph (${t.minFeedbackWords}+ words with the friction points): what slowed you down, what you would tell a teammate`)];
  if (m.recurringFriction.length > 0) {
    out.push('', '**Recurring friction** (also in earlier sessions):', '');
    for (const r of m.recurringFriction) {
      const n = r.earlierSessions.length;
      const names = r.earlierSessions.map((s) => earlierSessionName(s, m.utcOffsetMinutes)).join(', ');
      out.push(`- ${escapeMarkdown(r.theme)}: ${n} earlier session${n === 1 ? '' : 's'} (${names})`);
    }
  }
  out.push('', '### Friction Points', '');
  m.friction.forEach((f, i) => out.push(frictionItem(f, i + 1)));
  if (m.friction.length < t.minFrictionPoints) {
    const missing = t.minFrictionPoints - m.friction.length;
    if (m.friction.length > 0) out.push('');
    out.push(hint(`add ${missing} more friction point${missing === 1 ? '' : 's'} as "N. **Title** — what dragged and what it cost"`));
  }
  return out;
}

function lessons(m: RetrospectiveModel): string[] {
  if (m.lessons.length === 0) return [hint('bullets, each a rule someone could apply on another project')];
  return m.lessons.map((l) => `- ${escapeMarkdown(l.text)}`);
}

function section(title: string, body: readonly string[]): string[] {
  return [`## ${title}`, '', ...body, ''];
}

/** The whole retrospective; the validator appends its own "Retrospective Validation" section later. */
export function renderRetrospective(m: RetrospectiveModel, options: RenderOptions = {}): string {
  const t = hintThresholds(options);
  const lines = [
    '# Session Retrospective',
    '',
    ...header(m),
    '',
    ...section('Session Summary', [hint('a short paragraph: the goal, what got done, where it stands')]),
    ...section('Timeline', renderTimeline(m)),
    ...section('Technical Details', renderTechnicalDetails(m)),
    ...section(m.author === 'agent' ? 'AI Diary' : 'Session Diary', [
      hint(`${t.minDiaryWords}+ words in the first person: what you set out to do, what happened, what you would do differently`),
    ]),
    ...section('What Went Well', [hint('bullets')]),
    ...section('What Could Improve', [hint('bullets')]),
    ...section('Honest Feedback', honestFeedback(m, t)),
    ...section('Lessons Learned', lessons(m)),
    ...section('Next Steps', [hint('task items "- [ ] ..." specific enough to act on without a follow-up question')]),
    ...section('Metrics', [renderMetricsTable(m.metrics)]),
  ];
  return lines.join('\n');
}
