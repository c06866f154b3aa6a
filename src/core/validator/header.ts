/**
 * The header block under the title: bold key/value lines such as `**Start Time**: 09:12`.
 * The timeline rule needs its start and end times, the header-fields rule its presence.
 */
import type { ParsedDoc } from './document';
import type { HeaderField } from './config';
import { findIsoDay, findTime } from './text';

/** A header field as found in the document. */
export interface HeaderValue {
  readonly value: string;
  /** 1-based line. */
  readonly line: number;
}

/** What the header says. */
export interface Header {
  readonly fields: Partial<Record<HeaderField, HeaderValue>>;
  /** Last line of the header region (lines before the first recognised section). */
  readonly endLine: number;
  /** Start and end time of day in seconds, when the header gives valid ones. */
  readonly startSeconds?: number;
  readonly endSeconds?: number;
  /** The session date in days since the epoch, when given as YYYY-MM-DD. */
  readonly day?: number;
  /**
   * The day the session ended, in days since the epoch, when the End Time names one
   * ("10:30 (UTC+01:00) on 2026-11-23"): a session resumed days later ends on another date.
   */
  readonly endDay?: number;
  /** UTC offset in minutes, when the start time names one ("UTC+01:00", "Z"). */
  readonly utcOffsetMinutes?: number;
}

const LABELS: Readonly<Record<string, HeaderField>> = {
  'date': 'date', 'session date': 'date', 'day': 'date',
  'start': 'start', 'start time': 'start', 'started': 'start', 'session start': 'start', 'started at': 'start',
  'end': 'end', 'end time': 'end', 'ended': 'end', 'session end': 'end', 'ended at': 'end', 'finish': 'end', 'finish time': 'end',
  'duration': 'duration', 'total duration': 'duration', 'session duration': 'duration', 'length': 'duration',
  'focus': 'focus', 'primary focus': 'focus', 'main focus': 'focus',
  'type': 'type', 'session type': 'type', 'kind': 'type',
};

const FIELD_LINE = /^([A-Za-z][A-Za-z ]{0,30}?)\s{0,3}:\s*(.*)$/;

/** Reads one line as a `Key: value` pair, in bold, list or plain style. */
export function parseFieldLine(line: string): { field: HeaderField; value: string } | undefined {
  if (line.length > 2000) return undefined;
  const stripped = line.replace(/^\s*(?:[-*+]\s+)?/, '').replace(/\*\*|__/g, '').trim();
  const m = FIELD_LINE.exec(stripped);
  if (!m) return undefined;
  const field = LABELS[m[1].trim().toLowerCase()];
  if (field === undefined) return undefined;
  return { field, value: m[2].trim() };
}

function parseOffset(value: string): number | undefined {
  const m = /(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(value);
  if (m) return (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  if (/\b(?:UTC|GMT)\b|\dZ\b/.test(value)) return 0;
  return undefined;
}

/** Reads the header region: the lines before the first recognised section. */
export function readHeader(doc: ParsedDoc): Header {
  const first = doc.sections[0];
  const endLine = Math.min(first ? first.line - 1 : doc.lines.length, 200);
  const fields: Partial<Record<HeaderField, HeaderValue>> = {};
  for (let l = 1; l <= endLine; l++) {
    const parsed = parseFieldLine(doc.prose[l - 1] ?? '');
    if (parsed && fields[parsed.field] === undefined) fields[parsed.field] = { value: parsed.value, line: l };
  }
  const startSeconds = fields.start ? findTime(fields.start.value) : undefined;
  const endSeconds = fields.end ? findTime(fields.end.value) : undefined;
  const day = fields.date ? findIsoDay(fields.date.value) : fields.start ? findIsoDay(fields.start.value) : undefined;
  const endDay = fields.end ? findIsoDay(fields.end.value) : undefined;
  const utcOffsetMinutes = fields.start ? parseOffset(fields.start.value) : undefined;
  return { fields, endLine, startSeconds, endSeconds, day, endDay, utcOffsetMinutes };
}
