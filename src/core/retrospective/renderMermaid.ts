/**
 * A Mermaid gantt chart of the session: when work happened, when commits landed and where things
 * failed. GitHub and VS Code's Markdown preview (with Mermaid support) draw it from a fenced
 * block, so it costs the reader nothing and shows the session's shape at a glance.
 *
 * Labels are reduced to characters Mermaid's gantt grammar accepts (`:` ends a label, `#` and
 * `;` confuse the parser, HTML would be interpreted), and the chart is capped so a long session
 * stays readable.
 */
import { localClock, localDate } from './localTime';
import type { Interval, RetrospectiveModel } from './model';

/** Upper bound on chart items (bars plus milestones). */
export const MAX_CHART_ITEMS = 40;
const MAX_ACTIVITY = 10;
const MAX_LABEL = 40;
/** Gantt keywords (the grammar is case-insensitive) that would turn a label into a directive. */
const KEYWORD_START = /^(?:title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|click|call|acc|weekday|weekend|inclusiveenddates|topaxis|displaymode)/i;

/** Keeps letters, digits, spaces and harmless punctuation; everything else becomes a space. */
export function mermaidLabel(text: string): string {
  const cleaned = text
    .replace(/[^\p{L}\p{N} .,'()/+=@!?_-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = cleaned.length > MAX_LABEL ? `${cleaned.slice(0, MAX_LABEL - 1).trimEnd()}…` : cleaned;
  if (!cut) return 'event';
  return KEYWORD_START.test(cut) ? `Event ${cut}` : cut;
}

function stamp(time: number, offset: number): string {
  return `${localDate(time, offset)} ${localClock(time, offset)}`;
}

/** Stretches of work: [start, end] minus the inactive intervals. */
function activeStretches(m: RetrospectiveModel): Interval[] {
  const out: Interval[] = [];
  let cursor = m.start;
  for (const i of m.inactive) {
    if (i.from > cursor) out.push({ from: cursor, to: i.from });
    cursor = Math.max(cursor, i.to);
  }
  if (m.end > cursor) out.push({ from: cursor, to: m.end });
  return out;
}

/** Keeps at most `max` items, spread evenly over the list so the chart still covers the session. */
function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(items[Math.floor((k * (items.length - 1)) / Math.max(1, max - 1))]);
  return out;
}

/**
 * The fenced ```mermaid block, or undefined for a session too short to chart (under a minute,
 * which gantt's minute resolution cannot show).
 */
export function renderMermaid(m: RetrospectiveModel): string | undefined {
  if (m.end - m.start < 60_000) return undefined;
  const off = m.utcOffsetMinutes;
  const lines = ['```mermaid', 'gantt', '    dateFormat YYYY-MM-DD HH:mm', '    axisFormat %H:%M', '    todayMarker off'];

  const active = spread(activeStretches(m).filter((s) => s.to - s.from >= 60_000), MAX_ACTIVITY);
  const failures = m.timeline.filter((r) => r.kind === 'failure' || r.kind === 'friction');
  const budget = MAX_CHART_ITEMS - active.length;
  const commitSlots = Math.min(m.commits.length, failures.length === 0 ? budget : Math.ceil(budget / 2));
  const commits = spread(m.commits, commitSlots);
  const shownFailures = spread(failures, budget - commits.length);

  if (active.length > 0) {
    lines.push('    section Activity');
    for (const s of active) lines.push(`    Active :${stamp(s.from, off)}, ${stamp(s.to, off)}`);
  }
  if (commits.length > 0) {
    lines.push('    section Commits');
    for (const c of commits) lines.push(`    ${mermaidLabel(`${c.shortHash} ${c.subject}`)} :milestone, ${stamp(c.time, off)}, 1m`);
  }
  if (shownFailures.length > 0) {
    lines.push('    section Failures and friction');
    for (const r of shownFailures) lines.push(`    ${mermaidLabel(r.text)} :crit, milestone, ${stamp(r.time, off)}, 1m`);
  }
  lines.push('```');
  return lines.join('\n');
}
