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
  'focus': 'focus', 'primary focus': 'focus', 'main focus': 'focus', 'session': 'focus', 'session focus': 'focus', 'topic': 'focus',
  'type': 'type', 'session type': 'type', 'kind': 'type',
};

/** Labels whose value is the whole session span, "09:00 - 09:54 GMT+7 (~54 minutes)". */
const RANGE_LABELS = new Set(['time', 'times', 'session time', 'time range', 'start end', 'when', 'hours', 'span']);

const FIELD_LINE = /^([\p{L}][\p{L}\p{N} _/-]{0,40}?)\s{0,3}[:：]\s*(.*)$/u;

/**
 * A label in normal form: "Start Time", "start_time", "startTime" and "START-TIME" all become
 * "start time", so front matter in any key style reads like the bold header lines.
 */
function normalLabel(label: string): string {
  return label.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-/\s]+/g, ' ').trim().toLowerCase();
}

/** A `Key: value` line as written, in bold, list, plain, YAML or emoji-decorated style. */
function splitFieldLine(line: string): { labels: string[]; value: string } | undefined {
  // No separator, no field: the summary lines read for missing fields are mostly prose.
  if (line.length > 2000 || (!line.includes(':') && !line.includes('：'))) return undefined;
  const stripped = line.replace(/^\s*(?:[-*+]\s+)?/, '').replace(/\*\*|__/g, '').replace(/^[^\p{L}\p{N}]{1,8}(?=\p{L})/u, '').trim();
  const m = FIELD_LINE.exec(stripped);
  if (!m) return undefined;
  // "Start/End" names a range; "日付 / Date" gives the same label in two languages.
  const whole = normalLabel(m[1]);
  const labels = [whole, ...(m[1].includes('/') ? m[1].split('/').map(normalLabel) : [])];
  return { labels, value: m[2].trim().replace(/^["']|["']$/g, '') };
}

/** Reads one line as a `Key: value` pair, in bold, list, plain, YAML or emoji-decorated style. */
export function parseFieldLine(line: string): { field: HeaderField; value: string } | undefined {
  const split = splitFieldLine(line);
  if (!split) return undefined;
  for (const label of split.labels) {
    const field = LABELS[label];
    if (field !== undefined) return { field, value: split.value };
  }
  return undefined;
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}[ap]\.?m\.?)?`;
const RANGE = new RegExp(`(${TIME})\\s{0,3}(?:-|–|—|→|->|~|〜|～|\\bto\\b|\\buntil\\b)\\s{0,3}(${TIME})`, 'i');
const DURATION = /[~≈]?\s{0,2}\d{1,4}(?:[.,]\d)?\s{0,2}(?:h(?:ours?|rs?)?(?![a-z])(?:\s{0,2}\d{1,2}\s{0,2}m(?:in(?:utes?|s)?)?(?![a-z]))?|m(?:in(?:utes?|s)?)?(?![a-z])|分|時間(?:\d{1,2}分)?|นาที|ชั่วโมง)/i;

const ZONE = /(?:UTC|GMT)(?:\s{0,2}[+\-−]\s{0,2}\d{1,2}(?::?\d{2})?)?/i;

/** The fields a value names besides its label's: a range gives start and end, a "(~54 minutes)" a duration. */
function fieldsInValue(value: string): Partial<Record<HeaderField, string>> {
  const out: Partial<Record<HeaderField, string>> = {};
  const range = RANGE.exec(value);
  if (range) {
    // The zone belongs to both ends: "GMT+7" is the offset of each.
    const zone = ZONE.exec(value)?.[0];
    out.start = zone === undefined ? range[1] : `${range[1]} (${zone})`;
    out.end = zone === undefined ? range[2] : `${range[2]} (${zone})`;
    const duration = DURATION.exec(value.slice(range.index + range[0].length)) ?? DURATION.exec(value.slice(0, range.index));
    if (duration) out.duration = duration[0].trim();
  }
  return out;
}

/** Every field one line gives: its label's, and the range and duration in its value. */
function fieldsOfLine(line: string): Partial<Record<HeaderField, string>> {
  const split = splitFieldLine(line);
  if (!split) return {};
  const field = split.labels.map((l) => LABELS[l]).find((f) => f !== undefined);
  const isRange = split.labels.some((l) => RANGE_LABELS.has(l));
  if (field === undefined && !isRange) return {};
  // A one-line header, "Session: <focus> | ~1h 54m (14:17 → 16:11 GMT+7)", lists several fields.
  const pieces = split.value.split('|');
  const out = fieldsInValue(split.value);
  if (out.duration === undefined && pieces.length > 1) {
    const duration = pieces.slice(1).map((p) => DURATION.exec(p)).find((m) => m !== null);
    if (duration) out.duration = duration[0].trim();
  }
  // "Session: 09:05 to 11:40" is a span, not a focus; "Session: <focus> | (14:17 → 16:11)" has both.
  const spanOnly = field === 'focus' && out.start !== undefined && pieces.length === 1;
  if (field !== undefined && !spanOnly) out[field] = field === 'focus' ? pieces[0].trim() : split.value;
  // "Session: 2026-11-21, 9:05 am to 11:40 am" dates the range it gives.
  const iso = out.start !== undefined ? /\d{4}-\d{2}-\d{2}/.exec(split.value) : null;
  if (iso && out.date === undefined) out.date = iso[0];
  return out;
}

function parseOffset(value: string): number | undefined {
  const m = /(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(value);
  if (m) return (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  if (/\b(?:UTC|GMT)\b|\dZ\b/.test(value)) return 0;
  return undefined;
}

/** Lines a reader looks at for header fields the header block lacks: the summary, and the timeline above its rows. */
function fallbackLines(doc: ParsedDoc): number[] {
  const lines: number[] = [];
  const summary = doc.sections.find((s) => s.key === 'summary');
  if (summary) for (let l = summary.bodyStartLine; l <= Math.min(summary.ownEndLine, summary.bodyStartLine + 40); l++) lines.push(l);
  const timeline = doc.sections.find((s) => s.key === 'timeline');
  if (timeline) {
    const firstRows = doc.blocks.find((b) => b.line >= timeline.bodyStartLine && (b.token.type === 'table' || b.token.type === 'list'));
    const last = Math.min(firstRows ? firstRows.line - 1 : timeline.ownEndLine, timeline.bodyStartLine + 10);
    for (let l = timeline.bodyStartLine; l <= last; l++) lines.push(l);
  }
  return lines;
}

/** The date in the title ("# Retrospective — 2026-11-12"), when the header names none. */
function titleDate(doc: ParsedDoc): HeaderValue | undefined {
  for (const b of doc.blocks) {
    if (b.token.type !== 'heading') continue;
    if ((b.token as { depth?: number }).depth !== 1) return undefined;
    const m = /\d{4}-\d{2}-\d{2}/.exec(doc.prose[b.line - 1] ?? '');
    return m ? { value: m[0], line: b.line } : undefined;
  }
  return undefined;
}

/**
 * Reads the header wherever a reader finds it: the lines before the first recognised section
 * (bold lines, YAML front matter in any key style, a one-line session header), then the summary
 * and the timeline's preamble for fields still missing, then a date in the title.
 */
export function readHeader(doc: ParsedDoc): Header {
  const first = doc.sections[0];
  const endLine = Math.min(first ? first.line - 1 : doc.lines.length, 200);
  const fields: Partial<Record<HeaderField, HeaderValue>> = {};
  const take = (l: number): void => {
    for (const [field, value] of Object.entries(fieldsOfLine(doc.prose[l - 1] ?? '')) as [HeaderField, string][]) {
      if (fields[field] === undefined) fields[field] = { value, line: l };
    }
  };
  for (let l = 1; l <= endLine; l++) take(l);
  for (const l of fallbackLines(doc)) take(l);
  if (fields.date === undefined) {
    const date = titleDate(doc);
    if (date) fields.date = date;
  }
  const startSeconds = fields.start ? findTime(fields.start.value) : undefined;
  const endSeconds = fields.end ? findTime(fields.end.value) : undefined;
  const day = fields.date ? findIsoDay(fields.date.value) : fields.start ? findIsoDay(fields.start.value) : undefined;
  const endDay = fields.end ? findIsoDay(fields.end.value) : undefined;
  const utcOffsetMinutes = fields.start ? parseOffset(fields.start.value) : undefined;
  return { fields, endLine, startSeconds, endSeconds, day, endDay, utcOffsetMinutes };
}
