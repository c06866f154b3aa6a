/**
 * The team report as Markdown: tables a reader can scan and Mermaid charts GitHub and VS Code's
 * preview draw (xychart-beta for the weekly and per-session figures, a pie for validation).
 */
import { escapeMarkdown } from '../retrospective/markdownEscape';
import { formatDuration } from '../timeline/describeEvent';
import type { SessionRef, TeamReport } from './teamReport';

/** At most this many sessions in the friction chart (the latest), so its axis stays readable. */
export const MAX_CHART_SESSIONS = 60;
const MAX_THEMES = 10;
const MAX_THEME_SESSIONS = 12;

const minutes = (n: number) => (n > 0 ? formatDuration(n * 60_000) : '0 min');
const hours = (n: number) => Math.round((n / 60) * 10) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
/** A chart label Mermaid reads as one quoted string. */
const label = (text: string) => `"${text.replace(/[^\p{L}\p{N} .:/_-]+/gu, ' ').trim()}"`;

function xyChart(title: string, labels: readonly string[], yTitle: string, kind: 'bar' | 'line', values: readonly number[]): string[] {
  return ['```mermaid', 'xychart-beta', `    title ${label(title)}`, `    x-axis [${labels.map(label).join(', ')}]`, `    y-axis ${label(yTitle)}`, `    ${kind} [${values.join(', ')}]`, '```'];
}

function sessionLine(s: SessionRef, title?: string): string {
  return `- ${s.day ?? 'undated'}, ${escapeMarkdown(s.source)}: \`${s.file.replace(/`/g, "'")}\`${title !== undefined ? ` (${escapeMarkdown(title)})` : ''}`;
}

function weeksSection(r: TeamReport): string[] {
  const out = ['## Sessions and active time per week', ''];
  if (r.weeks.length === 0) return [...out, 'No dated session.', ''];
  out.push('| Week of | Sessions | Active time | Commits | Friction points |', '| --- | ---: | ---: | ---: | ---: |');
  for (const w of r.weeks) out.push(`| ${w.week} | ${w.sessions} | ${minutes(w.activeMinutes)} | ${w.commits} | ${w.friction} |`);
  out.push('', ...xyChart('Sessions per week', r.weeks.map((w) => w.week), 'Sessions', 'bar', r.weeks.map((w) => w.sessions)));
  out.push('', ...xyChart('Active hours per week', r.weeks.map((w) => w.week), 'Hours', 'bar', r.weeks.map((w) => hours(w.activeMinutes))), '');
  return out;
}

function frictionSection(r: TeamReport): string[] {
  const out = ['## Friction per session over time', ''];
  const all = r.frictionPerSession;
  if (all.length === 0) return [...out, 'No dated session.', ''];
  const shown = all.slice(-MAX_CHART_SESSIONS);
  const total = all.reduce((n, s) => n + s.friction, 0);
  out.push(`${total} friction points in ${all.length} sessions: ${(total / all.length).toFixed(1)} per session.`);
  if (shown.length < all.length) out.push(`The chart shows the latest ${shown.length} sessions.`);
  out.push('', ...xyChart('Friction points per session', shown.map((s) => s.day ?? ''), 'Friction points', 'line', shown.map((s) => s.friction)), '');
  return out;
}

function themesSection(r: TeamReport): string[] {
  const out = ['## Recurring friction themes', ''];
  if (r.themes.length === 0) return [...out, 'No friction point came back in a second session.', ''];
  for (const t of r.themes.slice(0, MAX_THEMES)) {
    out.push(`### ${escapeMarkdown(t.theme)}`, '', `${t.sessions.length} sessions, from ${t.sources.map(escapeMarkdown).join(', ')}.`, '');
    if (t.titles.length > 1) out.push(`Written as: ${t.titles.map((x) => `“${escapeMarkdown(x)}”`).join(', ')}.`, '');
    for (const s of t.sessions.slice(0, MAX_THEME_SESSIONS)) out.push(sessionLine(s));
    if (t.sessions.length > MAX_THEME_SESSIONS) out.push(`- and ${t.sessions.length - MAX_THEME_SESSIONS} more`);
    out.push('');
  }
  if (r.themes.length > MAX_THEMES) out.push(`${r.themes.length - MAX_THEMES} more themes recur in fewer sessions.`, '');
  return out;
}

function validationSection(r: TeamReport): string[] {
  const v = r.validation;
  const out = ['## Validation', ''];
  if (v.total === 0) return [...out, 'No retrospective to validate.', ''];
  out.push(`${v.passed} of ${v.total} retrospectives pass (${percent(v.passed, v.total)}): ${v.fromChecklist} by the checklist Finish wrote into them, ${v.validatedNow} validated now because they have none.`);
  out.push('', '```mermaid', `pie title ${label('Validation')}`, `    "Pass" : ${v.passed}`, `    "Fail" : ${v.total - v.passed}`, '```', '');
  return out;
}

function carriedOverSection(r: TeamReport): string[] {
  const c = r.carriedOver;
  const out = ['## Carried-over next steps', ''];
  if (c.retrospectives === 0) return [...out, '0 of 0: no retrospective has a Carried Over section.', ''];
  return [...out, `${c.done} of ${c.total} next steps carried over from an earlier session were done (${percent(c.done, c.total)}), in ${c.retrospectives} retrospectives.`, ''];
}

/** The report as a Markdown document. */
export function renderTeamReport(r: TeamReport): string {
  const span = r.first !== undefined ? `, ${r.first} to ${r.last}` : '';
  const intro = [`${r.retrospectives} retrospective${r.retrospectives === 1 ? '' : 's'} from ${r.sources.length === 0 ? 'no folder' : r.sources.map(escapeMarkdown).join(', ')}${span}.`];
  if (r.since !== undefined) intro.push(`Sessions since ${r.since}.`);
  if (r.undated > 0) intro.push(`${r.undated} without a date are counted but in no week.`);
  if (r.metricsLog.rows > 0) intro.push(`The metrics logs list ${r.metricsLog.rows} sessions; ${r.metricsLog.withoutRetrospective} of them ${r.metricsLog.withoutRetrospective === 1 ? 'has' : 'have'} no retrospective among these files.`);
  return [
    '# Team Session Report', '', intro.join(' '), '',
    ...weeksSection(r), ...frictionSection(r), ...themesSection(r), ...validationSection(r), ...carriedOverSection(r),
  ].join('\n').replace(/\n+$/, '\n');
}
