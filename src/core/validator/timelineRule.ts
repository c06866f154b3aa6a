/**
 * The timeline-times rule: a timeline is only worth reading when its times are real, so every
 * row needs a valid clock time, rows run forward (a `### YYYY-MM-DD` subheading starts a new
 * day), and they fall inside the session the header describes.
 */
import type { Tokens } from 'marked';
import type { ParsedDoc } from './document';
import { blocksIn, sectionOf } from './document';
import type { ValidatorConfig } from './config';
import type { Header } from './header';
import type { Finding } from './types';
import { findIsoDay, listItems, readLeadingTime } from './text';
import type { LeadingTime } from './text';

const DAY = 86_400;

const TOTAL_ROW = /^[\s*_]*(?:total|sum|overall|合計|รวม)\b/iu;

interface Row {
  readonly line: number;
  readonly time: LeadingTime | undefined;
  /** Days after the session's first day, from the day subheadings. */
  readonly dayOffset: number;
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600) % 24;
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function cellText(cell: Tokens.TableCell | undefined): string {
  return cell && typeof cell.text === 'string' ? cell.text : '';
}

function tableRows(table: Tokens.Table, line: number, dayOffset: number): Row[] {
  const headers = Array.isArray(table.header) ? table.header : [];
  let col = headers.findIndex((h) => /\b(?:time|when|clock)\b/i.test(cellText(h)));
  if (col < 0) {
    // Without a time column header, the table is a timeline only when its first column holds times.
    const timed = table.rows.some((r) => readLeadingTime(cellText(r[0])) !== undefined);
    if (!timed) return [];
    col = 0;
  }
  // Header and delimiter rows come first; each body row is one line. A closing "**Total**" row
  // sums the durations and is no event, so it needs no time.
  return table.rows
    .map((r, i) => ({ line: line + 2 + i, time: readLeadingTime(cellText(r[col])), dayOffset, cell: cellText(r[col]) }))
    .filter((r) => r.time !== undefined || !TOTAL_ROW.test(r.cell))
    .map(({ line: l, time, dayOffset: d }) => ({ line: l, time, dayOffset: d }));
}

/** The timeline's rows, whether it has day subheadings, and the days they name (in days since the epoch). */
interface CollectedRows {
  readonly rows: Row[];
  readonly days: boolean;
  readonly firstDay?: number;
  readonly lastDay?: number;
}

/** Collects the timeline's rows from its tables and timed lists. */
function collectRows(doc: ParsedDoc, header: Header): CollectedRows {
  const section = sectionOf(doc, 'timeline');
  if (!section) return { rows: [], days: false };
  const rows: Row[] = [];
  let dayOffset = 0;
  let firstDay: number | undefined = header.day;
  let lastDay: number | undefined;
  for (const block of blocksIn(doc, section)) {
    const token = block.token;
    if (token.type === 'heading') {
      const day = findIsoDay((token as Tokens.Heading).text);
      if (day === undefined) continue;
      lastDay = day;
      if (firstDay === undefined) firstDay = day;
      dayOffset = day - firstDay;
    } else if (token.type === 'table') {
      rows.push(...tableRows(token as Tokens.Table, block.line, dayOffset));
    } else if (token.type === 'list') {
      const items = listItems(block).map(({ item, line }) => ({ line, time: readLeadingTime(item.text), dayOffset }));
      if (items.some((r) => r.time !== undefined)) rows.push(...items);
    }
  }
  return { rows, days: lastDay !== undefined, firstDay, lastDay };
}

/** Where the session ends, in seconds after midnight of its first day. */
interface SessionEnd {
  readonly abs: number;
  /** Days after the first day; 1 for a session that only crossed midnight. */
  readonly dayOffset: number;
  /** The end date, when the header or the subheadings name it. */
  readonly day?: number;
}

/**
 * The session's end relative to its start. A dated end (the End Time's "on YYYY-MM-DD", or else
 * the last day subheading) says how many days later the session ended: a session resumed the next
 * morning at a later clock time than it started still ends a day later. Only without a date does
 * an end earlier than the start mean the session ran past midnight.
 */
function sessionEnd(start: number, end: number, header: Header, collected: CollectedRows): SessionEnd {
  const { firstDay } = collected;
  const endDay = header.endDay ?? collected.lastDay;
  if (firstDay !== undefined && endDay !== undefined) {
    const dayOffset = endDay - firstDay;
    const abs = dayOffset * DAY + end;
    // An end date before the start (a typo, or a date from another header line) is not trusted.
    if (abs >= start) return { abs, dayOffset, day: endDay };
  }
  const dayOffset = end < start ? 1 : 0;
  return { abs: dayOffset * DAY + end, dayOffset };
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** "09:00 to 10:30", with the end's date or "the next day" when it is not the start's day. */
function describeSpan(start: number, end: SessionEnd): string {
  const endClock = clock(end.abs % DAY);
  if (end.dayOffset === 0) return `${clock(start)} to ${endClock}`;
  const when = end.day !== undefined ? `on ${isoDate(end.day)}` : 'the next day';
  return `${clock(start)} to ${endClock} ${when}`;
}

/** Checks the timeline, headed `title` in the template; see the module comment for what it requires. */
export function checkTimeline(doc: ParsedDoc, header: Header, config: ValidatorConfig, title: string): Finding[] {
  const section = sectionOf(doc, 'timeline');
  const findings: Finding[] = [];
  const error = (line: number, message: string): void => {
    findings.push({ rule: 'timeline-times', message, line, severity: 'error', section: 'timeline' });
  };
  if (!section) {
    error(1, `There is no ${title} section, so the session has no times.`);
    return findings;
  }
  const collected = collectRows(doc, header);
  const { rows, days } = collected;
  if (rows.length === 0) {
    error(section.line, `The ${title} has no rows: add a \`| Time | Event |\` table or a list whose items start with HH:MM.`);
    return findings;
  }
  const start = header.startSeconds;
  const end = start !== undefined && header.endSeconds !== undefined
    ? sessionEnd(start, header.endSeconds, header, collected) : undefined;
  const slack = config.timeSlackMinutes * 60;
  let previous: { abs: number; text: string } | undefined;
  for (const row of rows) {
    if (row.time === undefined) {
      error(row.line, 'This timeline row has no time; each row needs an HH:MM time.');
      continue;
    }
    if (!row.time.ok) {
      error(row.line, `"${row.time.text}" is not a valid time (HH:MM, 00:00 to 23:59).`);
      continue;
    }
    let abs = row.dayOffset * DAY + row.time.seconds;
    // Without day subheadings, a session past midnight writes its early-morning rows as small times.
    if (!days && end !== undefined && end.dayOffset > 0 && start !== undefined && row.time.seconds < start - slack) abs += DAY;
    if (previous !== undefined && abs < previous.abs) {
      error(row.line, `${row.time.text} comes after ${previous.text}: timeline rows must be in time order.`);
    }
    if (start !== undefined && end !== undefined && (abs < start - slack || abs > end.abs + slack)) {
      error(row.line, `${row.time.text} lies outside the session (${describeSpan(start, end)}).`);
    }
    previous = { abs, text: row.time.text };
  }
  return findings;
}
