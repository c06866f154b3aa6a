import * as vscode from 'vscode';
import type { EventDraft, FileChange, JournalEvent, NoticeCode } from '../core/journal/events';
import { IdleDetector } from '../core/capture/idleDetector';
import { findOpenSession } from '../core/journal/journalStore';
import { SessionRecorder } from '../core/journal/sessionRecorder';
import type { EndDetails } from '../core/journal/sessionRecorder';
import { acquireSessionLock, lockHolder, refreshSessionLock, releaseSessionLock, workspaceLockKey } from '../core/journal/sessionLock';
import { effectiveEvents, summarize } from '../core/journal/sessionState';
import type { WorkspaceFolderInfo } from '../core/capture/workspacePaths';
import type { TimelineChange, TimelineSnapshot, TimelineSummary } from '../shared/protocol';
import type { CaptureSink, CaptureSource } from './adapters/captureSink';
import { Disposable } from './dispose';
import type { Log } from './log';
import type { Redactor } from './redactor';
import type { Settings } from './settings';
import type { CurrentSession } from './retrospective/sessionHistory';
import { describeRecurring, FrictionHistory } from './retrospective/sessionHistory';
import type { RecurringFriction } from '../core/friction/recurringFriction';

/** How often live changes are pushed to listeners: fast enough to feel live, batched for storms. */
const CHANGE_BATCH_MS = 100;

/**
 * The recording session as VS Code sees it: owns the recorder, is the sink every capture
 * adapter writes to, keeps the context keys (`sessionJournal.active`, `.paused`) in step and
 * tells the views what changed. Knows nothing about where events come from.
 */
export class SessionController extends Disposable implements CaptureSink {
  private readonly recorder: SessionRecorder;
  private readonly changes = this.register(new vscode.EventEmitter<TimelineChange>());
  private readonly recorded = this.register(new vscode.EventEmitter<JournalEvent>());
  private readonly lifecycle = this.register(new vscode.EventEmitter<void>());
  private readonly idle: IdleDetector;
  private pending: JournalEvent[] = [];
  private pendingReset = false;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Notices already on this session's timeline, by text: a reload must not say them again. */
  private readonly noticedMessages = new Set<string>();
  private readonly storageDir: string;
  /** Set when another window of this workspace records the open session (see sessionLock). */
  private recordingElsewhere: number | undefined;
  private readonly history: FrictionHistory;
  /** The session ended last, still shown in the panel while its retrospective is written. */
  private ended: readonly JournalEvent[] | undefined;
  /** The resume started at activation; Start Session waits for it so the two never race. */
  private resuming: Promise<boolean> = Promise.resolve(false);
  /** Recurring friction themes as the panel shows them (refreshed when friction is logged). */
  private recurringNotices: string[] = [];
  private readonly flushers: (() => void)[] = [];
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private readUncommitted: (() => Promise<FileChange[]>) | undefined;

  /** Live changes for the Timeline view (batched). */
  readonly onDidChange = this.changes.event;
  /** Every stored event, at once (friction detection listens here). */
  readonly onDidRecord = this.recorded.event;
  /** Session started, paused, resumed or ended. */
  readonly onDidChangeLifecycle = this.lifecycle.event;

  /** Where the per-workspace lock lives: a folder every window shares (global storage). */
  private readonly lockDir: string;
  private readonly lockKey: string;

  constructor(
    storageUri: vscode.Uri,
    lockDirUri: vscode.Uri,
    private readonly redactor: Redactor,
    private settings: Settings,
    private readonly log: Log,
  ) {
    super();
    this.storageDir = storageUri.fsPath;
    this.lockDir = lockDirUri.fsPath;
    this.lockKey = workspaceLockKey((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()), this.storageDir);
    this.history = new FrictionHistory(this.storageDir);
    this.idle = new IdleDetector({ idleMs: this.settings.idleMinutes * 60_000, emit: (draft) => this.record(draft) });
    this.recorder = new SessionRecorder({
      storageDir: this.storageDir,
      sanitize: (draft) => this.redactor.redactEvent(draft),
      onEvent: (e) => this.stored(e),
      onWriteError: (failure) => {
        this.log.error(`Journal write failed: ${failure.message}`);
        void vscode.window.showWarningMessage(`Session Journal: ${failure.message}`, 'Show Log').then((a) => { if (a) this.log.show(); });
      },
      onWriteRecovered: () => this.log.info('Journal writes work again; nothing was lost.'),
    });
    this.register({ dispose: () => {
      this.runFlushers();
      const recording = this.recorder.active !== undefined;
      this.recorder.dispose();
      // The session stays open on disk, so the next window (or this one reloaded) resumes it.
      if (recording) releaseSessionLock(this.lockDir, this.lockKey);
    } });
    this.register({ dispose: () => {
      if (this.batchTimer) clearTimeout(this.batchTimer);
      if (this.heartbeat) clearInterval(this.heartbeat);
    } });
    this.updateContext();
  }

  get journalDir(): string {
    return this.storageDir;
  }

  // ---- CaptureSink ----------------------------------------------------------------------

  get recording(): boolean {
    const active = this.recorder.active;
    return active !== undefined && !active.paused;
  }

  readonly now = (): number => Date.now();

  readonly folders = (): readonly WorkspaceFolderInfo[] =>
    (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, path: f.uri.fsPath }));

  captures(source: CaptureSource): boolean {
    return this.settings.capture[source];
  }

  record(draft: EventDraft): void {
    try {
      this.recorder.record(draft);
    } catch (err) {
      this.log.error(`Could not record a ${draft.kind} event`, err);
    }
  }

  notice(code: NoticeCode, message: string): void {
    if (!this.recorder.active || this.noticedMessages.has(message)) return;
    this.log.warn(message);
    // Only a notice that reached the timeline counts as said (a paused session drops it).
    if (this.recorder.record({ kind: 'notice', time: this.now(), code, message })) {
      this.noticedMessages.add(message);
    }
  }

  /** How the uncommitted changes are read (git, trusted workspaces only); set by activate(). */
  setUncommittedReader(read: () => Promise<FileChange[]>): void {
    this.readUncommitted = read;
  }

  /**
   * Lines changed but not committed right now, for Start (work already in progress) and End
   * Session. A failed read is logged and gives none: it must never keep a session from starting
   * or ending.
   */
  async uncommittedNow(): Promise<FileChange[]> {
    try {
      return (await this.readUncommitted?.()) ?? [];
    } catch (err) {
      this.log.warn(`Uncommitted changes could not be read: ${String(err)}`);
      return [];
    }
  }

  /** Work to do before the journal closes or capture pauses or ends (adapters emit their pending bursts), whatever the dispose order. */
  beforeDispose(flush: () => void): void {
    this.flushers.push(flush);
  }

  private runFlushers(): void {
    for (const flush of this.flushers) {
      try {
        flush();
      } catch (err) {
        this.log.error('Flushing pending capture failed', err);
      }
    }
  }

  /** Re-sends the whole state to the views (trust granted, settings changed). */
  refreshViews(): void {
    this.scheduleChange(true);
  }

  activity(time: number): void {
    if (this.recording) this.idle.activity(time);
  }

  spanStarted(key: unknown, time: number): void {
    if (this.recording) this.idle.spanStarted(key, time);
  }

  spanEnded(key: unknown, time: number): void {
    if (this.recording) this.idle.spanEnded(key, time);
  }

  redactText(text: string): string {
    return this.redactor.redactText(text);
  }

  isExcludedCommand(commandLine: string): boolean {
    return this.redactor.isExcludedCommand(commandLine);
  }

  isExcludedPath(relativePath: string): boolean {
    return this.redactor.isExcludedPath(relativePath);
  }

  // ---- Lifecycle ------------------------------------------------------------------------

  get active(): boolean {
    return this.recorder.active !== undefined;
  }

  /** When the session being recorded started; undefined when none is. */
  get sessionStartTime(): number | undefined {
    return this.recorder.active?.start;
  }

  get paused(): boolean {
    return this.recorder.active?.paused ?? false;
  }

  /** The active session's events as recorded (a live view). */
  events(): readonly JournalEvent[] {
    return this.recorder.events();
  }

  /** The latest event of the active session that a note or friction could be about. */
  latestEvent(): JournalEvent | undefined {
    const events = this.recorder.events();
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i];
      if (e && e.kind !== 'idle' && e.kind !== 'edit' && e.kind !== 'delete' && e.kind !== 'notice') return e;
    }
    return undefined;
  }

  findEvent(id: string): JournalEvent | undefined {
    return effectiveEvents(this.recorder.events()).find((e) => e.id === id);
  }

  /** Starts a session; refuses when another window of this workspace records one. */
  async start(focus: string | undefined): Promise<void> {
    await this.resuming.catch(() => false);
    if (this.recorder.active) throw new Error('A session is already recording. End it before starting another.');
    const lock = acquireSessionLock(this.lockDir, this.lockKey, this.now());
    if (!lock.ok) {
      this.recordingElsewhere = lock.holder.pid;
      this.scheduleChange(true);
      throw new Error(`A session is already recording in another window of this workspace (process ${lock.holder.pid}). End it there, or close that window first.`);
    }
    // A session another window left open in this storage (it closed without ending it) is
    // closed first, so it does not come back days later as "the open session".
    // (resumeOpenSession finds the open session itself and returns undefined when there is none.)
    if (await this.recorder.resumeOpenSession()) {
      this.recorder.end({});
      this.log.info('Closed a session another window had left open before starting a new one.');
    }
    // Work in progress at the start is not the session's: the retrospective subtracts it.
    const uncommittedAtStart = await this.uncommittedNow();
    if (this.recorder.active) throw new Error('A session is already recording. End it before starting another.');
    this.recorder.start({
      focus,
      folders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.name),
      trusted: vscode.workspace.isTrusted,
      utcOffsetMinutes: -new Date().getTimezoneOffset(),
      uncommittedAtStart,
    });
    this.ended = undefined;
    this.recordingElsewhere = undefined;
    this.noticedMessages.clear();
    this.restartIdleClock();
    if (!vscode.workspace.isTrusted) {
      this.notice('untrusted-no-git', 'This workspace is not trusted, so no git process runs and commits are not captured. Saves and terminal commands are.');
    }
    this.lifecycleChanged();
  }

  /** Continues a session a reload or crash left open; true when there was one. */
  resumeOpenSession(): Promise<boolean> {
    this.resuming = this.resumeNow();
    return this.resuming;
  }

  private async resumeNow(): Promise<boolean> {
    const holder = lockHolder(this.lockDir, this.lockKey, this.now());
    if (holder) {
      // Another window records this workspace: recording here too would store every commit twice.
      this.recordingElsewhere = holder.pid;
      this.log.info(`Another window (process ${holder.pid}) records this workspace; this window does not.`);
      this.scheduleChange(true);
      return false;
    }
    const open = await findOpenSession(this.storageDir);
    if (!open) return false;
    const lock = acquireSessionLock(this.lockDir, this.lockKey, this.now());
    if (!lock.ok) {
      this.recordingElsewhere = lock.holder.pid;
      this.scheduleChange(true);
      return false;
    }
    const resumed = await this.recorder.resumeOpenSession().catch((err: unknown) => {
      releaseSessionLock(this.lockDir, this.lockKey);
      throw err;
    });
    if (!resumed) releaseSessionLock(this.lockDir, this.lockKey);
    if (!resumed) return false;
    this.log.info(`Resumed session ${resumed.session.id} after a gap.`);
    for (const e of this.recorder.events()) if (e.kind === 'notice') this.noticedMessages.add(e.message);
    if (resumed.session.problems > 0) {
      // The journal had torn or corrupt lines (a crash mid-write): they were skipped, the rest kept.
      this.notice('journal-recovered', `The journal of this session had ${resumed.session.problems} unreadable line(s), probably from a crash; they were skipped and every other event was kept.`);
    }
    // The time the window was closed is the session-gap; idle time is counted from now on.
    this.restartIdleClock();
    this.lifecycleChanged();
    return true;
  }

  pause(): void {
    if (!this.recording) return;
    // Saves and file operations still gathering into a burst were made while recording.
    this.runFlushers();
    // An hour away before Pause is idle, not active, time.
    this.idle.close(this.now());
    if (this.recorder.pause()) this.lifecycleChanged();
  }

  resume(): void {
    if (this.recorder.resume()) {
      this.restartIdleClock();
      this.lifecycleChanged();
    }
  }

  /** Ends the session; returns its events (edits applied) for the retrospective. */
  async end(details: EndDetails): Promise<readonly JournalEvent[] | undefined> {
    if (this.recording) {
      // What adapters still hold (a save burst, a command still running) belongs to this session.
      this.runFlushers();
      // A quiet spell under way ends with the session (End Session after a long break).
      this.idle.close(this.now());
    }
    const events = this.recorder.events();
    const ended = this.recorder.end(details);
    if (!ended) return undefined;
    releaseSessionLock(this.lockDir, this.lockKey);
    this.ended = events;
    await this.recorder.flush();
    this.lifecycleChanged();
    return effectiveEvents(events);
  }

  flush(): Promise<void> {
    return this.recorder.flush();
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.idle.setIdleMs(settings.idleMinutes * 60_000);
    this.scheduleChange(true);
  }

  // ---- Views ----------------------------------------------------------------------------

  /** The active session's summary, else the one just ended (its header says "Ended"), else null. */
  summary(): TimelineSummary | null {
    const events = this.shownEvents();
    return events.length ? summarize(events, this.now()) : null;
  }

  private shownEvents(): readonly JournalEvent[] {
    return this.recorder.active ? this.recorder.events() : this.ended ?? [];
  }

  snapshot(): TimelineSnapshot {
    const trusted = vscode.workspace.isTrusted;
    const notices: string[] = [];
    if (!trusted) notices.push('Commits are not captured: this workspace is not trusted, and git (whose configuration can run code) is never run in untrusted workspaces.');
    notices.push(...this.recurringNotices);
    if (this.recordingElsewhere !== undefined && !this.active && lockHolder(this.lockDir, this.lockKey, this.now())) notices.push('This workspace\'s session is being recorded in another window; this window does not record it twice.');
    return { summary: this.summary(), events: effectiveEvents(this.shownEvents()), trusted, notices };
  }

  /** Friction themes recurring across recent sessions, `current` included. */
  async recurringFriction(current: CurrentSession): Promise<RecurringFriction[]> {
    await this.history.load(current.id);
    return this.history.recurring(current);
  }

  /** When an earlier session of this workspace started (known once recurringFriction has read the history). */
  sessionStart(id: string): number | undefined {
    return this.history.startOf(id);
  }

  /** Recomputes the recurring-friction notices of the panel (after start, resume, new friction). */
  private refreshRecurring(): void {
    const active = this.recorder.active;
    if (!active) {
      this.recurringNotices = [];
      return;
    }
    const current = { id: active.sessionId, start: active.start, events: this.recorder.events() };
    this.recurringFriction(current).then((themes) => {
      const notices = themes.map((t) => describeRecurring(t, current.id, (id) => this.history.startOf(id)));
      if (notices.join('\n') === this.recurringNotices.join('\n')) return;
      this.recurringNotices = notices;
      this.scheduleChange(true);
    }, (err: unknown) => this.log.warn(`Recurring friction could not be read: ${String(err)}`));
  }

  /** Start, resume and reload count idle time from now: one detector, its clock and spans reset. */
  private restartIdleClock(): void {
    this.idle.reset();
    this.idle.activity(this.now());
  }

  private stored(e: JournalEvent): void {
    this.recorded.fire(e);
    if (e.kind === 'friction' || e.kind === 'edit' || e.kind === 'delete') this.refreshRecurring();
    // Edits and deletes travel in order with the other events; the view applies them to the
    // rows it shows (core applyEdit), so editing a note never resends a 10,000-event session.
    this.pending.push(e);
    this.scheduleChange(false);
  }

  private scheduleChange(reset: boolean): void {
    if (reset) this.pendingReset = true;
    if (this.batchTimer) return;
    this.batchTimer = setTimeout(() => {
      this.batchTimer = undefined;
      const events = this.pending;
      this.pending = [];
      const summary = this.summary();
      if (this.pendingReset || !summary) {
        this.pendingReset = false;
        this.changes.fire({ type: 'reset' });
      } else if (events.length) {
        this.changes.fire({ type: 'append', events, summary });
      }
    }, CHANGE_BATCH_MS);
  }

  private lifecycleChanged(): void {
    this.updateContext();
    this.updateHeartbeat();
    this.refreshRecurring();
    this.scheduleChange(true);
    this.lifecycle.fire();
  }

  /** While this window records, it refreshes the workspace lock so other windows see it is alive. */
  private updateHeartbeat(): void {
    if (this.recorder.active && !this.heartbeat) {
      this.heartbeat = setInterval(() => refreshSessionLock(this.lockDir, this.lockKey, this.now()), 60_000);
    } else if (!this.recorder.active && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'sessionJournal.active', this.active);
    void vscode.commands.executeCommand('setContext', 'sessionJournal.paused', this.paused);
  }
}
