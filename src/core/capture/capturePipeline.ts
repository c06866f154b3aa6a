/**
 * Every rule between "VS Code saw something" and "the recorder stores it", in one place and in
 * one pass per event: whether it is captured at all (a session records, it is not paused, the
 * source is switched on in `sessionJournal.capture.*`, the command or path is not excluded),
 * workspace-relative paths, redaction (exactly once per event, before any shortening),
 * the command line's cap, save and file-operation bursts, notices said once per session, an
 * agent's steps recorded once each and linked to the commits they made, and idle detection.
 * Adapters translate; this decides.
 */
import type { AgentEvent } from '../agent/agentEvent';
import { absoluteIn, agentActivityDraft } from '../agent/activityDraft';
import type { EventDraft, JournalEvent, NoticeCode } from '../journal/events';
import { AgentLedger } from './agentLedger';
import type { Scheduler } from './burstCoalescer';
import { shortenCommand } from './commandRecord';
import { FileOpCoalescer } from './fileOpCoalescer';
import { IdleDetector } from './idleDetector';
import { SaveCoalescer } from './saveCoalescer';
import type { CaptureSource, CommandSeen, FilesChanged, SourceEvent } from './sourceEvents';
import { SOURCE_OF } from './sourceEvents';
import type { WorkspaceFolderInfo } from './workspacePaths';
import { displayCwd, toWorkspaceRelative } from './workspacePaths';

/** The user's settings as the pipeline applies them (compiled once per settings change). */
export interface CaptureRules {
  readonly capture: Readonly<Record<CaptureSource, boolean>>;
  readonly isExcludedCommand: (commandLine: string) => boolean;
  readonly isExcludedPath: (relativePath: string) => boolean;
  /** Redacts every free-text field of a draft: the one redaction pass an event gets. */
  readonly redact: (draft: EventDraft) => EventDraft;
  /** A gap between activities longer than this is idle time. */
  readonly idleMs: number;
}

/** What the pipeline needs of the recorder (SessionRecorder fits). */
export interface RecorderPort {
  readonly active: { readonly paused: boolean } | undefined;
  record(draft: EventDraft): JournalEvent | undefined;
}

export interface CapturePipelineOptions {
  readonly recorder: RecorderPort;
  readonly rules: CaptureRules;
  readonly folders: () => readonly WorkspaceFolderInfo[];
  /** The timers that end save and file-operation bursts. */
  readonly schedule: Scheduler;
  /** The home directory, to show a cwd outside the workspace as `~/…` (core reads no environment). */
  readonly home?: string;
  readonly clock?: () => number;
  /** Told of every notice shown (the log repeats it) and of every failure to record. */
  readonly onNotice?: (message: string) => void;
  readonly onError?: (message: string, err: unknown) => void;
}

/** Owns capture gating, redaction, shortening, bursts, notices and idle time (see the file comment). */
export class CapturePipeline {
  private rules: CaptureRules;
  private readonly recorder: RecorderPort;
  private readonly folders: () => readonly WorkspaceFolderInfo[];
  private readonly home: string | undefined;
  private readonly clock: () => number;
  private readonly onNotice: (message: string) => void;
  private readonly onError: (message: string, err: unknown) => void;
  private readonly saves: SaveCoalescer;
  private readonly fileOps: FileOpCoalescer;
  private readonly idle: IdleDetector;
  /** Notices already on this session's timeline, by text: a reload must not say them again. */
  private readonly noticed = new Set<string>();
  /** The agent steps on this session's journal (by key) and the commits to link them to. */
  private readonly agentLedger = new AgentLedger();

  constructor(options: CapturePipelineOptions) {
    this.rules = options.rules;
    this.recorder = options.recorder;
    this.folders = options.folders;
    this.home = options.home;
    this.clock = options.clock ?? Date.now;
    this.onNotice = options.onNotice ?? (() => undefined);
    this.onError = options.onError ?? (() => undefined);
    // A burst was collected while recording: it is stored when it closes, whatever happened since.
    this.saves = new SaveCoalescer({ emit: (d) => this.store(d), schedule: options.schedule });
    this.fileOps = new FileOpCoalescer({ emit: (d) => this.store(d), schedule: options.schedule });
    this.idle = new IdleDetector({ idleMs: options.rules.idleMs, emit: (d) => this.store(d) });
  }

  /** A session records and is not paused. */
  get recording(): boolean {
    const active = this.recorder.active;
    return active !== undefined && !active.paused;
  }

  /** Whether events of `source` are captured right now. */
  live(source: CaptureSource): boolean {
    return this.recording && this.rules.capture[source];
  }

  /** New settings: used from the next event on; a quiet spell under way is judged by the new threshold. */
  setRules(rules: CaptureRules): void {
    this.rules = rules;
    this.idle.setIdleMs(rules.idleMs);
  }

  /** Redacts an event no source produced (the recorder's own start, end and notices): its one pass. */
  redact(draft: EventDraft): EventDraft {
    return this.rules.redact(draft);
  }

  /** A translated VS Code event: gated, made relative, redacted and shortened once, then stored. */
  capture(event: SourceEvent): void {
    if (this.live(SOURCE_OF[event.kind])) this.admit(event);
  }

  /**
   * Capture whose reading is expensive (a commit's `git show`): `read` runs only when `source` is
   * captured now, when the event happened; what it delivers is stored even if the user paused
   * meanwhile (it was made while recording).
   */
  captureLater(source: CaptureSource, read: () => Promise<SourceEvent | undefined>): void {
    if (!this.live(source)) return;
    read().then((event) => { if (event) this.admit(event); }, (err: unknown) => this.onError(`Recording a ${source} event failed`, err));
  }

  /** An event let in: made relative, gathered into a burst or stored. */
  private admit(event: SourceEvent): void {
    switch (event.kind) {
      case 'command':
        this.command(event);
        return;
      case 'file-saved': {
        const path = this.relative(event.file);
        if (path !== undefined) this.saves.add({ path, languageId: event.languageId, time: event.time });
        return;
      }
      case 'files-changed':
        this.filesChanged(event);
        return;
      case 'agent-step':
        this.agentStep(event.step);
        return;
      case 'commit':
        this.store(this.agentLedger.linkCommit(event));
        return;
      default:
        this.store(event);
    }
  }

  /** What the user writes (notes, lessons, friction, their edits): never gated, kept while paused. */
  enter(draft: EventDraft): JournalEvent | undefined {
    return this.store(draft);
  }

  /**
   * Shows a notice on the timeline once per session (a notice is known by its text). With a
   * `source`, only while that source is captured (a terminal without shell integration matters
   * only when commands are recorded).
   */
  notice(code: NoticeCode, message: string, source?: CaptureSource): void {
    if (!this.recorder.active || this.noticed.has(message)) return;
    if (source !== undefined && !this.live(source)) return;
    this.onNotice(message);
    // Only a notice that reached the timeline counts as said (a paused session drops it).
    if (this.store({ kind: 'notice', time: this.clock(), code, message })) this.noticed.add(message);
  }

  /** Something happened: feeds idle detection while recording. */
  activity(time: number): void {
    if (this.recording) this.idle.activity(time);
  }

  /** A task or debug session started under `key`: active while it runs (up to an hour). */
  spanStarted(key: unknown, time: number): void {
    if (this.recording) this.idle.spanStarted(key, time);
  }

  spanEnded(key: unknown, time: number): void {
    if (this.recording) this.idle.spanEnded(key, time);
  }

  /**
   * A session starts or continues with `events` already on it: its notices count as said, and
   * idle time is counted from `now` (the time a window was closed is a session-gap, not idle).
   */
  beginSession(events: readonly JournalEvent[], now: number): void {
    this.noticed.clear();
    for (const e of events) if (e.kind === 'notice') this.noticed.add(e.message);
    this.agentLedger.seed(events);
    this.restartIdleClock(now);
  }

  /** Resume after a pause: idle time is counted from now. */
  restartIdleClock(now: number): void {
    this.idle.reset();
    this.idle.activity(now);
  }

  /** Pause or end: a quiet spell under way ends now (an hour away before End Session is idle). */
  closeIdle(now: number): void {
    if (this.recording) this.idle.close(now);
  }

  /** Emits the save and file-operation bursts still gathering, oldest first. */
  flush(): void {
    this.saves.flush();
    this.fileOps.flush();
  }

  private command(event: CommandSeen): void {
    const raw = event.commandLine;
    if (!raw.trim() || this.rules.isExcludedCommand(raw)) return;
    const cwd = event.cwd === undefined ? undefined : displayCwd(event.cwd, this.folders(), this.home);
    this.store({
      kind: 'command',
      time: event.end,
      start: event.start,
      durationMs: Math.max(0, event.end - event.start),
      commandLine: raw,
      confidence: event.confidence,
      ...(cwd ? { cwd } : {}),
      exitCode: event.endNotReported ? null : event.exitCode,
      terminal: event.terminal,
      ...(event.endNotReported ? { endNotReported: event.endNotReported } : {}),
    }, raw.length);
  }

  /**
   * An agent's step, recorded once by its key: a transcript read again after a reload, a
   * resumed session's copied lines and a forked session's shared head all give keys already
   * recorded. A tool call comes complete (the parser holds it until its result), so it is one
   * event, never a start and an update. Its span keeps the session active while it ran.
   */
  private agentStep(step: AgentEvent): void {
    if (this.agentLedger.has(step.key)) return;
    const draft = agentActivityDraft(step, (path, cwd) => this.relative(absoluteIn(path, cwd)));
    if (draft === undefined) return;
    if (draft.start !== undefined) {
      this.idle.spanStarted(step.key, draft.start);
      this.idle.spanEnded(step.key, draft.time);
    } else {
      this.idle.activity(draft.time);
    }
    this.store(this.agentLedger.linkStep(draft));
  }

  private filesChanged(event: FilesChanged): void {
    if (event.op === 'rename') {
      const renames = event.renames
        .map((r) => ({ from: this.relative(r.from), to: this.relative(r.to) }))
        .filter((r): r is { from: string; to: string } => r.from !== undefined && r.to !== undefined);
      this.fileOps.add({ op: 'rename', renames, time: event.time });
    } else {
      const paths = event.files.map((f) => this.relative(f)).filter((p): p is string => p !== undefined);
      this.fileOps.add({ op: event.op, paths, time: event.time });
    }
  }

  /** Workspace-relative path of a file that may be captured; undefined when outside or excluded. */
  private relative(file: string): string | undefined {
    const rel = toWorkspaceRelative(file, this.folders());
    return rel === undefined || this.rules.isExcludedPath(rel) ? undefined : rel;
  }

  /**
   * The single place an event is redacted and handed to the recorder. A command line is cut
   * only after redaction, so a cut never leaves half a secret behind.
   */
  private store(draft: EventDraft, commandRawLength?: number): JournalEvent | undefined {
    try {
      const clean = this.rules.redact(draft);
      const final = clean.kind === 'command' && commandRawLength !== undefined ? shortenCommand(clean, commandRawLength) : clean;
      const stored = this.recorder.record(final);
      if (stored) this.agentLedger.remember(stored);
      return stored;
    } catch (err) {
      this.onError(`Could not record a ${draft.kind} event`, err);
      return undefined;
    }
  }
}
