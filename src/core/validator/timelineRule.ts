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
  // Header and delimiter rows come first; each body row is one line.
  return table.rows.map((r, i) => ({ line: line + 2 + i, time: readLeadingTime(cellText(r[col])), dayOffset }));
}

/** Collects the timeline's rows from its tables and timed lists. */
function collectRows(doc: ParsedDoc, header: Header): { rows: Row[]; days: boolean } {
  const section = sectionOf(doc, 'timeline');
  if (!section) return { rows: [], days: false };
  const rows: Row[] = [];
  let dayOffset = 0;
  let firstDay: number | undefined = header.day;
  let days = false;
  for (const block of blocksIn(doc, section)) {
    const token = block.token;
    if (token.type === 'heading') {
      const day = findIsoDay((token as Tokens.Heading).text);
      if (day === undefined) continue;
      days = true;
      if (firstDay === undefined) firstDay = day;
      dayOffset = day - firstDay;
    } else if (token.type === 'table') {
      rows.push(...tableRows(token as Tokens.Table, block.line, dayOffset));
    } else if (token.type === 'list') {
      const items = listItems(block).map(({ item, line }) => ({ line, time: readLeadingTime(item.text), dayOffset }));
      if (items.some((r) => r.time !== undefined)) rows.push(...items);
    }
  }
  return { rows, days };
}

/** Checks the timeline; see the module comment for what it requires. */
export function checkTimeline(doc: ParsedDoc, header: Header, config: ValidatorConfig): Finding[] {
  const section = sectionOf(doc, 'timeline');
  const findings: Finding[] = [];
  const error = (line: number, message: string): void => {
    findings.push({ rule: 'timeline-times', message, line, severity: 'error', section: 'timeline' });
  };
  if (!section) {
    error(1, 'There is no Timeline section, so the session has no times.');
    return findings;
  }
  const { rows, days } = collectRows(doc, header);
  if (rows.length === 0) {
    error(section.line, 'The Timeline has no rows: add a `| Time | Event |` table or a list whose items start with HH:MM.');
    return findings;
  }
  const start = header.startSeconds;
  const end = header.endSeconds;
  const spansMidnight = start !== undefined && end !== undefined && end < start;
  const endAbs = start !== undefined && end !== undefined ? (spansMidnight ? end + DAY : end) : undefined;
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
    if (!days && spansMidnight && start !== undefined && row.time.seconds < start - slack) abs += DAY;
    if (previous !== undefined && abs < previous.abs) {
      error(row.line, `${row.time.text} comes after ${previous.text}: timeline rows must be in time order.`);
    }
    if (start !== undefined && endAbs !== undefined && (abs < start - slack || abs > endAbs + slack)) {
      error(row.line, `${row.time.text} lies outside the session (${clock(start)} to ${clock(end ?? 0)}).`);
    }
    previous = { abs, text: row.time.text };
  }
  return findings;
}
