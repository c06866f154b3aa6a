/**
 * The one object the VS Code glue talks to while a session is recorded: it stamps drafts into
 * events, keeps the active session in memory, hands lines to the journal writer and knows the
 * session's lifecycle (start, pause, resume, end, and continuing a session a crash left open).
 *
 * `record` runs for every captured event, so it does no parsing, no synchronous I/O and no
 * copying of the event list: one object spread, one `JSON.stringify` of the draft, two pushes.
 *
 * Over 300 lines because the lifecycle (start, pause with its late-capture rule, resume, end,
 * resume after a crash) shares one active-session record; each step is short.
 */
import { SCHEMA_VERSION } from './events';
import type {
  EventDraft, FileChange, JournalEvent, SessionEndEvent, SessionGapEvent, SessionPauseEvent,
  SessionResumeEvent, SessionStartEvent, SessionType,
} from './events';
import { isKeptWhilePaused, isLifecycleKind } from './eventKinds';
import { newId, newSessionId } from './ids';
import { serializeEvent, serializeStamped } from './journalCodec';
import { stampDraft } from './stamp';
import { findOpenSession, loadSession, sessionFile } from './journalStore';
import type { SessionSummary } from './journalStore';
import { JournalWriter } from './journalWriter';
import type { JournalWriteFailure, JournalWriteRecovery } from './journalWriter';

/** What {@link SessionRecorder} needs; only `storageDir` is required. */
export interface SessionRecorderOptions {
  /** The extension's workspace storage folder; journals go to `<storageDir>/sessions/`. */
  readonly storageDir: string;
  /** A writer to use instead of the default one (tests pass one over a failing disk). */
  readonly writer?: JournalWriter;
  readonly clock?: () => number;
  /**
   * Redaction of the events the recorder writes itself (a session's focus, its own notices).
   * Recorded drafts arrive redacted already (the capture pipeline redacts each event once).
   */
  readonly redact?: (draft: EventDraft) => EventDraft;
  /** Told of every event stored, e.g. to refresh the views. Must not throw. */
  readonly onEvent?: (e: JournalEvent) => void;
  /** Told once per streak of failed writes, so the user can be warned once. */
  readonly onWriteError?: (failure: JournalWriteFailure) => void;
  /** Told when writing works again after a streak. */
  readonly onWriteRecovered?: (recovery: JournalWriteRecovery) => void;
}

/** How a session is started. */
export interface StartOptions {
  readonly focus?: string;
  readonly folders: readonly string[];
  readonly trusted: boolean;
  readonly utcOffsetMinutes: number;
  readonly uncommittedAtStart?: readonly FileChange[];
}

/** What the user says when ending a session. */
export interface EndDetails {
  readonly sessionType?: SessionType;
  readonly focus?: string;
  readonly uncommitted?: readonly FileChange[];
}

/** The active session as the glue sees it. */
export interface ActiveSessionInfo {
  readonly sessionId: string;
  readonly file: string;
  readonly start: number;
  readonly paused: boolean;
}

/** The session continued by {@link SessionRecorder.resumeOpenSession} and the gap recorded for the lost time. */
export interface ResumedSession {
  readonly session: SessionSummary;
  readonly gapEvent: SessionGapEvent;
}

interface Active {
  readonly id: string;
  readonly file: string;
  readonly start: number;
  readonly events: JournalEvent[];
  paused: boolean;
  /**
   * When this recorder paused the session. Capture that happened before it but arrives later (a
   * save burst closing after its quiet time, a commit whose `git show` was still running) is
   * still recorded: it was made while recording.
   */
  pausedAt?: number;
  /** Pauses that ended, oldest first: capture timed inside one was made while not recording. */
  readonly pauses: PauseSpan[];
}

interface PauseSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * git times its reflog lines in whole seconds, so a commit made just after Resume can carry a time
 * up to a second before it. Only what was timed at least this long before the resume counts as
 * made while paused.
 */
const RESUME_TOLERANCE_MS = 1000;

const NO_EVENTS: readonly JournalEvent[] = Object.freeze([]);

/** Whether capture timed at `time` was made while `s` was paused (see RESUME_TOLERANCE_MS). */
function madeWhilePaused(s: Active, time: number): boolean {
  // Capture made before the pause that arrives late (a save burst closing after its quiet time, a
  // commit whose `git show` was still running) was made while recording.
  if (s.paused && (s.pausedAt === undefined || time >= s.pausedAt)) return true;
  for (let i = s.pauses.length - 1; i >= 0; i--) {
    const p = s.pauses[i];
    if (time >= p.to) return false;
    if (time >= p.from && time < p.to - RESUME_TOLERANCE_MS) return true;
  }
  return false;
}

/** Records one session at a time into its journal (see the file comment). */
export class SessionRecorder {
  private readonly storageDir: string;
  private readonly writer: JournalWriter;
  private readonly ownsWriter: boolean;
  private readonly clock: () => number;
  private readonly redact: (draft: EventDraft) => EventDraft;
  private readonly onEvent: ((e: JournalEvent) => void) | undefined;
  private readonly unsubscribe: () => void;
  private session: Active | undefined;
  /** The session ended last: its final lines may still be queued when its folder vanishes. */
  private ended: Active | undefined;

  constructor(options: SessionRecorderOptions) {
    this.storageDir = options.storageDir;
    this.clock = options.clock ?? Date.now;
    this.ownsWriter = options.writer === undefined;
    this.writer = options.writer ?? new JournalWriter({ clock: this.clock });
    this.redact = options.redact ?? ((draft) => draft);
    this.onEvent = options.onEvent;
    this.unsubscribe = this.writer.addListener({
      onError: (failure) => {
        this.notice('journal-write-failed', failure.message);
        options.onWriteError?.(failure);
      },
      onRecover: (recovery) => {
        const seconds = Math.round((this.clock() - recovery.since) / 1000);
        this.notice('journal-recovered',
          `Journal writes work again after ${recovery.attempts} failed attempt(s) over ${seconds} s; no events were lost.`);
        options.onWriteRecovered?.(recovery);
      },
      rebuild: (file) => this.linesFor(file),
    });
  }

  /** The session being recorded, or undefined. */
  get active(): ActiveSessionInfo | undefined {
    const s = this.session;
    return s === undefined ? undefined : { sessionId: s.id, file: s.file, start: s.start, paused: s.paused };
  }

  /** The active session's events in the order recorded (a live view, not a copy); empty when none is active. */
  events(): readonly JournalEvent[] {
    return this.session?.events ?? NO_EVENTS;
  }

  /** Starts a new session. Throws when one is already active: end or resume handling comes first. */
  start(options: StartOptions): SessionStartEvent {
    if (this.session !== undefined) {
      throw new Error(`A session (${this.session.id}) is already being recorded; end it before starting a new one.`);
    }
    const time = this.clock();
    const id = newSessionId(time);
    const s: Active = { id, file: sessionFile(this.storageDir, id), start: time, events: [], paused: false, pauses: [] };
    this.session = s;
    const focus = options.focus?.trim();
    return this.append(s, this.redact({
      kind: 'session-start',
      time,
      ...(focus ? { focus } : {}),
      folders: options.folders,
      trusted: options.trusted,
      utcOffsetMinutes: options.utcOffsetMinutes,
      ...(options.uncommittedAtStart?.length ? { uncommittedAtStart: options.uncommittedAtStart } : {}),
    })) as SessionStartEvent;
  }

  /**
   * Continues the newest session on disk that never ended (the window was closed or the
   * extension host crashed): loads its events, records a `session-gap` from its last event to
   * now so the lost time is not counted as active, and keeps appending to the same file.
   * A session that was paused stays paused. Undefined when there is no open session.
   */
  async resumeOpenSession(): Promise<ResumedSession | undefined> {
    this.assertIdle();
    // A just-ended session may still have its end line queued; it must not look open.
    await this.writer.flush();
    const open = await findOpenSession(this.storageDir);
    if (open === undefined) return undefined;
    const loaded = await loadSession(this.storageDir, open.id);
    if (loaded === undefined) return undefined;
    this.assertIdle();

    let last = open.start;
    let paused = false;
    let pausedAt: number | undefined;
    const pauses: PauseSpan[] = [];
    for (const e of loaded.events) {
      if (e.time > last) last = e.time;
      if (e.kind === 'session-pause') {
        paused = true;
        pausedAt = e.time;
      } else if (e.kind === 'session-resume') {
        if (pausedAt !== undefined) pauses.push({ from: pausedAt, to: e.time });
        paused = false;
        pausedAt = undefined;
      }
    }
    const s: Active = { id: open.id, file: loaded.file, start: open.start, events: loaded.events, paused, pausedAt, pauses };
    if (loaded.unterminated) this.writer.markUnterminated(s.file);
    this.session = s;
    const now = this.clock();
    const gapEvent = this.append(s, { kind: 'session-gap', time: now, from: last, to: Math.max(now, last) }) as SessionGapEvent;
    return { session: loaded.summary, gapEvent };
  }

  /**
   * Stores a captured event, already redacted (the capture pipeline did it). Returns undefined (and stores nothing) when no session is active,
   * or when it was made while paused (it happened after the pause began, or inside a pause that
   * has ended: a commit made while paused whose reflog line is read only after Resume), unless it
   * is a friction point, note or lesson.
   * Throws for lifecycle kinds,
   * which only start/pause/resume/end may write.
   */
  record(draft: EventDraft): JournalEvent | undefined {
    const s = this.session;
    if (s === undefined) return undefined;
    if (isLifecycleKind(draft.kind)) {
      throw new Error(`"${draft.kind}" events are written by the recorder's start/pause/resume/end, not by record().`);
    }
    if (!isKeptWhilePaused(draft.kind) && madeWhilePaused(s, draft.time)) return undefined;
    return this.append(s, draft);
  }

  /** Pauses capture; undefined when nothing is recorded or already paused. */
  pause(): SessionPauseEvent | undefined {
    const s = this.session;
    if (s === undefined || s.paused) return undefined;
    const e = this.append(s, { kind: 'session-pause', time: this.clock() }) as SessionPauseEvent;
    s.paused = true;
    s.pausedAt = e.time;
    return e;
  }

  /** Resumes capture after a pause; undefined when not paused. */
  resume(): SessionResumeEvent | undefined {
    const s = this.session;
    if (s === undefined || !s.paused) return undefined;
    const e = this.append(s, { kind: 'session-resume', time: this.clock() }) as SessionResumeEvent;
    if (s.pausedAt !== undefined) s.pauses.push({ from: s.pausedAt, to: e.time });
    s.paused = false;
    s.pausedAt = undefined;
    return e;
  }

  /** Ends the active session and starts writing it out; undefined when none is active. */
  end(details: EndDetails = {}): SessionEndEvent | undefined {
    const s = this.session;
    if (s === undefined) return undefined;
    const focus = details.focus?.trim();
    const e = this.append(s, this.redact({
      kind: 'session-end',
      time: this.clock(),
      ...(details.sessionType !== undefined ? { sessionType: details.sessionType } : {}),
      ...(focus ? { focus } : {}),
      ...(details.uncommitted?.length ? { uncommitted: details.uncommitted } : {}),
    })) as SessionEndEvent;
    this.session = undefined;
    this.ended = s;
    void this.writer.flush();
    return e;
  }

  /** Writes everything recorded so far; resolves even when the disk refuses (the lines stay queued). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Writes what is pending synchronously (for `deactivate`). The session stays open on disk so it can be resumed. */
  dispose(): void {
    this.unsubscribe();
    if (this.ownsWriter) this.writer.dispose();
    else this.writer.flushSync();
  }

  private append(s: Active, draft: EventDraft): JournalEvent {
    const e = stampDraft(draft, SCHEMA_VERSION, newId(), s.id);
    this.writer.enqueue(s.file, serializeStamped(e, draft));
    s.events.push(e);
    this.onEvent?.(e);
    return e;
  }

  private notice(code: 'journal-write-failed' | 'journal-recovered', message: string): void {
    const s = this.session;
    if (s !== undefined) this.append(s, this.redact({ kind: 'notice', time: this.clock(), code, message }));
  }

  /** A whole session as journal lines from memory, to refill a journal whose folder was deleted. */
  private linesFor(file: string): string[] | undefined {
    const s = this.session?.file === file ? this.session : this.ended?.file === file ? this.ended : undefined;
    return s?.events.map(serializeEvent);
  }

  private assertIdle(): void {
    if (this.session !== undefined) {
      throw new Error(`A session (${this.session.id}) is already being recorded; end it before resuming another.`);
    }
  }
}
