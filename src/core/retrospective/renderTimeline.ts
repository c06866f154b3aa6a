/**
 * The Timeline section: `| Time | Event |` with local `HH:MM`. The date is written once; a
 * session that crosses midnight gets one `### YYYY-MM-DD` table per local day, so every row's
 * time stays a plain `HH:MM` and the rows still read in order.
 */
import { formatUtcOffset, localClock, localDate } from './localTime';
import { escapeMarkdown, tableCodeSpan } from './markdownEscape';
import type { RetrospectiveModel, TimelineRow } from './model';
import { hint } from './hints';

const TABLE_HEAD = ['| Time | Event |', '| --- | --- |'];

/**
 * A row's text: the extension's words escaped, captured text (subjects, commands, paths) as code.
 * Parts meet at a space, which escaping trims, so they are joined with one.
 */
function rowMarkdown(r: TimelineRow): string {
  return r.parts.map((p) => (p.captured ? tableCodeSpan(p.text) : escapeMarkdown(p.text))).filter((s) => s !== '').join(' ');
}

function rowLine(r: TimelineRow, offset: number): string {
  return `| ${localClock(r.time, offset)} | ${rowMarkdown(r)} |`;
}

/** The body of `## Timeline` (without the heading), as lines. */
export function renderTimeline(m: RetrospectiveModel): string[] {
  const off = m.utcOffsetMinutes;
  const zone = formatUtcOffset(off);
  if (m.timeline.length === 0) return [hint('nothing worth a row was recorded; add the main moments as | HH:MM | event | rows')];

  const days: { date: string; rows: string[] }[] = [];
  for (const r of m.timeline) {
    const date = localDate(r.time, off);
    let day = days[days.length - 1];
    if (!day || day.date !== date) {
      day = { date, rows: [] };
      days.push(day);
    }
    day.rows.push(rowLine(r, off));
  }
  const startDate = localDate(m.start, off);
  const spansMidnight = days.length > 1 || localDate(m.end, off) !== startDate;
  if (!spansMidnight) return [`${days[0].date} (times in ${zone})`, '', ...TABLE_HEAD, ...days[0].rows];

  const out = [`Times in ${zone}; the session crossed midnight, so rows are grouped by day.`];
  for (const day of days) out.push('', `### ${day.date}`, '', ...TABLE_HEAD, ...day.rows);
  return out;
}
