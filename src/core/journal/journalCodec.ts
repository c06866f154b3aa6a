/**
 * Reads and writes journal lines. Writing is one `JSON.stringify`; reading is where the care
 * goes, because a journal on disk may be torn by a crash, edited by hand or written by a newer
 * version, and loading it must still give back every event that can be trusted.
 */
import { SCHEMA_VERSION } from './events';
import { EVENT_KINDS } from './eventKinds';
import type { EventDraft, EventKind, JournalEvent } from './events';

/** Why a journal line was left out when loading; `line` is 1-based. */
export interface JournalProblem {
  readonly line: number;
  readonly reason: string;
}

/** What a journal holds: the events that could be read, and what was skipped and why. */
export interface ParsedJournal {
  readonly events: JournalEvent[];
  readonly problems: JournalProblem[];
}

// JSON.stringify leaves these raw inside strings; some line readers (Python's splitlines,
// old JavaScript parsers) treat them as line breaks, so they are escaped too.
const EXTRA_LINE_BREAKS = /[\u0085\u2028\u2029]/g;

/**
 * Whether JSON text holds one of the extra line breaks. Three `indexOf` calls, not the regex:
 * they cost a third of it on a typical line (two of the three cannot occur in a one-byte
 * string at all), and this runs for every event recorded.
 */
function hasExtraLineBreak(json: string): boolean {
  return json.indexOf('\u0085') !== -1 || json.indexOf('\u2028') !== -1 || json.indexOf('\u2029') !== -1;
}

function escapeExtraLineBreaks(json: string): string {
  return hasExtraLineBreak(json)
    ? json.replace(EXTRA_LINE_BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

/**
 * One journal line, without the trailing newline. Never contains a line break, so a line
 * is always exactly one event.
 */
export function serializeEvent(e: JournalEvent): string {
  return escapeExtraLineBreaks(JSON.stringify(e));
}

/**
 * The journal line of `{ v, id, sessionId, ...draft }` (the recorder's stamped event), byte
 * for byte what {@link serializeEvent} writes for it, without serialising the stamped copy:
 * the three stamp fields are written from a prefix and the draft is serialised as it is.
 * A draft that holds a stamp field, a `toJSON` or an array-index key (never one the recorder is
 * given, but the types cannot promise it) goes the plain way, so the bytes are always the same.
 */
export function serializeStamped(stamped: JournalEvent, draft: EventDraft): string {
  if ('v' in draft || 'id' in draft || 'sessionId' in draft || 'toJSON' in draft) return serializeEvent(stamped);
  const body = JSON.stringify(draft);
  // A key like "0" (an array index) goes before every other key of an object, the stamp's
  // included, and every such key starts with a digit.
  const first = body.charCodeAt(2);
  if (first >= 0x30 && first <= 0x39) return serializeEvent(stamped);
  const stamp = stampOf(stamped.v, stamped.sessionId);
  const head = `${stamp.beforeId}${JSON.stringify(stamped.id)}${stamp.afterId}`;
  return escapeExtraLineBreaks(body.length > 2 ? `${head},${body.slice(1)}` : `${head}}`);
}

interface Stamp {
  readonly v: number;
  readonly sessionId: string;
  /** `{"v":1,"id":` */
  readonly beforeId: string;
  /** `,"sessionId":"…"` */
  readonly afterId: string;
}

/** The stamp's constant parts, kept for the session written last: its lines need not re-serialise them. */
let lastStamp: Stamp = { v: Number.NaN, sessionId: '', beforeId: '', afterId: '' };

function stampOf(v: number, sessionId: string): Stamp {
  if (v !== lastStamp.v || sessionId !== lastStamp.sessionId) {
    lastStamp = { v, sessionId, beforeId: `{"v":${JSON.stringify(v)},"id":`, afterId: `,"sessionId":${JSON.stringify(sessionId)}` };
  }
  return lastStamp;
}

type FieldType = 'string' | 'number' | 'boolean' | 'array' | 'number-or-null';

// Fields that readers of each kind rely on without checking (they iterate the arrays and
// do arithmetic on the numbers), so a line without them is refused rather than passed on.
const REQUIRED_FIELDS: Readonly<Record<EventKind, readonly (readonly [string, FieldType])[]>> = {
  'session-start': [['folders', 'array']],
  'session-end': [],
  'session-pause': [],
  'session-resume': [],
  'session-gap': [['from', 'number'], ['to', 'number']],
  commit: [['hash', 'string'], ['subject', 'string'], ['files', 'array'], ['added', 'number'], ['removed', 'number']],
  'git-op': [['op', 'string'], ['message', 'string']],
  command: [['commandLine', 'string'], ['exitCode', 'number-or-null'], ['start', 'number'], ['durationMs', 'number']],
  saves: [['files', 'array'], ['count', 'number'], ['start', 'number']],
  'file-op': [['op', 'string'], ['paths', 'array']],
  task: [['name', 'string'], ['exitCode', 'number-or-null'], ['start', 'number'], ['durationMs', 'number']],
  debug: [['name', 'string'], ['start', 'number'], ['durationMs', 'number']],
  friction: [['title', 'string'], ['category', 'string']],
  note: [['text', 'string']],
  lesson: [['text', 'string']],
  idle: [['from', 'number'], ['to', 'number']],
  notice: [['code', 'string'], ['message', 'string']],
  edit: [['targetId', 'string']],
  delete: [['targetId', 'string']],
  agent: [['agent', 'string'], ['agentSession', 'string'], ['action', 'string'], ['key', 'string']],
  'carried-over': [['items', 'array']],
  'carried-over-tick': [['itemId', 'string'], ['text', 'string'], ['done', 'boolean']],
};

const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
    case 'number-or-null': return value === null || (typeof value === 'number' && Number.isFinite(value));
  }
}

/**
 * Checks that a parsed value is an event this reader understands. Returns the reason it is
 * not, or undefined when it is one.
 */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  const v = o.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return 'missing or invalid schema version "v"';
  if (v > SCHEMA_VERSION) return `schema version ${v} is newer than this reader understands (${SCHEMA_VERSION})`;
  if (typeof o.kind !== 'string') return 'missing "kind"';
  if (!KINDS.has(o.kind)) return `unknown kind "${o.kind.slice(0, 40)}"`;
  if (typeof o.id !== 'string' || o.id.length === 0) return 'missing "id"';
  if (typeof o.sessionId !== 'string') return 'missing "sessionId"';
  if (typeof o.time !== 'number' || !Number.isFinite(o.time)) return 'missing or invalid "time"';
  for (const [field, type] of REQUIRED_FIELDS[o.kind as EventKind]) {
    if (!hasType(o[field], type)) return `${o.kind} event without a valid "${field}"`;
  }
  return undefined;
}

/**
 * Reads a whole journal. Never throws: every line that is torn, corrupt, not an event, from a
 * newer schema or a repeat of an id seen before (a write retried after a crash) is skipped and
 * reported, and every other event is kept in file order. Blank lines are ignored silently,
 * because the writer uses one to close off a line a failed write may have left unfinished.
 */
export function parseJournal(text: string): ParsedJournal {
  const events: JournalEvent[] = [];
  const problems: JournalProblem[] = [];
  if (typeof text !== 'string' || text.length === 0) return { events, problems };
  const firstLineOf = new Map<string, number>();
  const endsWithNewline = text.charCodeAt(text.length - 1) === 10;
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let next = text.indexOf('\n', pos);
    const isLast = next === -1;
    if (isLast) next = text.length;
    lineNo++;
    let line = text.slice(pos, next);
    pos = next + 1;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.trim().length === 0) continue;

    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const torn = isLast && !endsWithNewline;
      problems.push({ line: lineNo, reason: torn ? 'torn last line (an unfinished write)' : 'not valid JSON' });
      continue;
    }
    const reason = eventProblem(value);
    if (reason !== undefined) {
      problems.push({ line: lineNo, reason });
      continue;
    }
    const event = value as JournalEvent;
    const first = firstLineOf.get(event.id);
    if (first !== undefined) {
      problems.push({ line: lineNo, reason: `duplicate id "${event.id.slice(0, 40)}" (first on line ${first})` });
      continue;
    }
    firstLineOf.set(event.id, lineNo);
    events.push(event);
  }
  return { events, problems };
}
