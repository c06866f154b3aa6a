/**
 * Finds and reads the session journals in the extension's storage folder: one JSONL file per
 * session under `<storageDir>/sessions/`. Reading never fails on a damaged file; what could
 * not be read is counted in the summary and listed by {@link loadSession}.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_VERSION } from './events';
import type { JournalEvent, SessionEndEvent, SessionStartEvent } from './events';
import { isValidSessionId } from './ids';
import { parseJournal } from './journalCodec';
import type { JournalProblem } from './journalCodec';

const JOURNAL_EXT = '.jsonl';

/** One line of the session list: enough to pick a session without loading all of them into views. */
export interface SessionSummary {
  readonly id: string;
  /** Epoch ms of the session start (of the first readable event when the start line is lost). */
  readonly start: number;
  /** Epoch ms of the session end; undefined while the session is open. */
  readonly end?: number;
  /** The focus given at the end, else the one given at the start. */
  readonly focus?: string;
  /** Readable events in the file. */
  readonly eventCount: number;
  /** Lines that were skipped when reading (details from {@link loadSession}). */
  readonly problems: number;
}

/** A journal read from disk, with what was skipped. */
export interface LoadedSession {
  readonly summary: SessionSummary;
  readonly file: string;
  readonly events: JournalEvent[];
  readonly problems: JournalProblem[];
  /** The file does not end with a newline (a write was cut short): appends must start on a new line. */
  readonly unterminated: boolean;
}

/** Folder of the journals inside the extension's storage. */
export function sessionsDir(storageDir: string): string {
  return path.join(storageDir, 'sessions');
}

/**
 * Path of one session's journal. Throws for an id that is not a plain session id, because
 * the id is used as a file name.
 */
export function sessionFile(storageDir: string, sessionId: string): string {
  if (!isValidSessionId(sessionId)) throw new Error(`Not a valid session id: ${JSON.stringify(sessionId.slice(0, 80))}`);
  return path.join(sessionsDir(storageDir), sessionId + JOURNAL_EXT);
}

/**
 * Sums up parsed events. Pure, so views and the list share one definition of start, end and focus.
 */
export function summarizeJournal(id: string, events: readonly JournalEvent[], problems: number, fallbackStart = 0): SessionSummary {
  let startEvent: SessionStartEvent | undefined;
  let endEvent: SessionEndEvent | undefined;
  let firstTime = Number.POSITIVE_INFINITY;
  for (const e of events) {
    if (e.kind === 'session-start' && startEvent === undefined) startEvent = e;
    else if (e.kind === 'session-end') endEvent = e;
    if (e.time < firstTime) firstTime = e.time;
  }
  const start = startEvent?.time ?? (Number.isFinite(firstTime) ? firstTime : fallbackStart);
  const focus = nonEmpty(endEvent?.focus) ?? nonEmpty(startEvent?.focus);
  return {
    id,
    start,
    ...(endEvent !== undefined ? { end: endEvent.time } : {}),
    ...(focus !== undefined ? { focus } : {}),
    eventCount: events.length,
    problems,
  };
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim().length > 0 ? s : undefined;
}

async function readSession(storageDir: string, id: string): Promise<LoadedSession | undefined> {
  const file = sessionFile(storageDir, id);
  let text: string;
  let mtime = 0;
  try {
    text = await fs.promises.readFile(file, 'utf8');
    mtime = (await fs.promises.stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
  const { events, problems } = parseJournal(text);
  return {
    summary: summarizeJournal(id, events, problems.length, mtime),
    file,
    events,
    problems,
    unterminated: text.length > 0 && !text.endsWith('\n'),
  };
}

async function sessionIds(storageDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(sessionsDir(storageDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(JOURNAL_EXT))
    .map((n) => n.slice(0, -JOURNAL_EXT.length))
    .filter(isValidSessionId);
}

/** Every readable session in the storage folder, newest start first. Unreadable files are left out. */
export async function listSessions(storageDir: string): Promise<SessionSummary[]> {
  const loaded = await Promise.all((await sessionIds(storageDir)).map((id) => readSession(storageDir, id)));
  return loaded
    .filter((s): s is LoadedSession => s !== undefined)
    .map((s) => s.summary)
    .sort((a, b) => b.start - a.start || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** One session's events and problems; undefined when there is no such journal (or the id is not a session id). */
export async function loadSession(storageDir: string, id: string): Promise<LoadedSession | undefined> {
  if (!isValidSessionId(id)) return undefined;
  return readSession(storageDir, id);
}

/**
 * The newest `limit` sessions, newest first, reading only their files (session ids sort by
 * their start time), so recent history costs the same after a year of sessions as after a week.
 */
export async function listRecentSessions(storageDir: string, limit: number): Promise<SessionSummary[]> {
  return (await loadRecentSessions(storageDir, limit)).map((s) => s.summary);
}

/** {@link listRecentSessions} with each session's events, for callers that need them (read once). */
export async function loadRecentSessions(storageDir: string, limit: number): Promise<LoadedSession[]> {
  const ids = (await sessionIds(storageDir)).sort().reverse().slice(0, Math.max(0, limit));
  const loaded = await Promise.all(ids.map((id) => readSession(storageDir, id)));
  return loaded.filter((s): s is LoadedSession => s !== undefined);
}

/** How much of a journal's end is read to see whether the session ended. */
const TAIL_BYTES = 64 * 1024;

/** Whether a journal's last lines hold its `session-end`: the end is written last, so the tail tells. */
async function endedByTail(file: string): Promise<boolean> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'r');
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return parseJournal(buffer.toString('utf8')).events.some((e) => e.kind === 'session-end');
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * The newest session that never got a `session-end` (the window closed or crashed while
 * recording), so the extension can continue it. Reads the tails of the journals, newest
 * first, and loads only the open one: activation stays cheap however many sessions exist.
 */
export async function findOpenSession(storageDir: string): Promise<SessionSummary | undefined> {
  for (const id of (await sessionIds(storageDir)).sort().reverse()) {
    if (await endedByTail(sessionFile(storageDir, id))) continue;
    const loaded = await readSession(storageDir, id);
    if (loaded !== undefined && loaded.summary.end === undefined) return loaded.summary;
  }
  return undefined;
}

/** The JSON document a session is exported as. */
export interface SessionExport {
  readonly schemaVersion: number;
  readonly session: SessionSummary;
  /** The raw record, edits and deletes included, in file order. */
  readonly events: readonly JournalEvent[];
}

/** Builds the export document; pure, so the format is testable without files. */
export function sessionExportJson(session: SessionSummary, events: readonly JournalEvent[]): string {
  const doc: SessionExport = { schemaVersion: SCHEMA_VERSION, session, events };
  return JSON.stringify(doc, null, 2);
}

/** The session as a JSON string for "Export Session as JSON"; undefined when there is no such session. */
export async function exportSessionJson(storageDir: string, id: string): Promise<string | undefined> {
  const loaded = await loadSession(storageDir, id);
  return loaded === undefined ? undefined : sessionExportJson(loaded.summary, loaded.events);
}
