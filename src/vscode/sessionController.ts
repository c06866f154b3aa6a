import * as vscode from 'vscode';
import type { CapturePipeline } from '../core/capture/capturePipeline';
import type { EventDraft, FileChange, JournalEvent } from '../core/journal/events';
import { findOpenSession } from '../core/journal/journalStore';
import type { EndDetails, SessionRecorder } from '../core/journal/sessionRecorder';
import { EffectiveSession } from '../core/journal/effectiveSession';
import { effectiveEvents, latestEntryTarget } from '../core/journal/sessionState';
import type { SessionSnapshot } from '../shared/protocol';
import { Disposable } from './dispose';
import { createJournalCapture } from './journalCapture';
import type { JournalCaptureDeps } from './journalCapture';
import { WorkspaceLock } from './workspaceLock';

/** What the controller is given: the journal's capture settings, and how to read uncommitted lines (never throws). */
export interface SessionControllerDeps extends JournalCaptureDeps {
  readonly uncommitted: () => Promise<FileChange[]>;
}

/**
 * Why capture is flushed: recording pauses or ends, or the window closes (the session stays open
 * on disk and the next window resumes it, reading the agents' transcripts again).
 */
export type FlushReason = 'pause' | 'end' | 'close';

/**
 * The session's lifecycle as VS Code sees it: start, pause, resume, end, continuing the session a
 * reload left open, and the per-workspace lock (with its heartbeat) that keeps two windows from
 * recording it twice. Capture itself is the pipeline's ({@link capture}); the views, friction
 * notices and uncommitted changes are services of their own.
 */
export class SessionController extends Disposable {
  /** Where every adapter's events go: gating, redaction, bursts and idle time live there. */
  readonly capture: CapturePipeline;
  private readonly recorder: SessionRecorder;
  private readonly recorded = this.register(new vscode.EventEmitter<JournalEvent>());
  private readonly lifecycle = this.register(new vscode.EventEmitter<void>());
  private readonly lock: WorkspaceLock;
  private readonly flushers: ((why: FlushReason) => void)[] = [];
  /** The process that records this workspace in another window, when one does. */
  private elsewhere: number | undefined;
  /** The session ended last, still shown in the panel while its retrospective is written. */
  private ended: readonly JournalEvent[] | undefined;
  /** See {@link shownSession}. */
  private readonly shown = new EffectiveSession();
  /** The resume started at activation; Start Session waits for it so the two never race. */
  private resuming: Promise<boolean> = Promise.resolve(false);

  /** Every stored event, at once (friction detection and the Timeline feed listen here). */
  readonly onDidRecord = this.recorded.event;
  /** Session started, paused, resumed or ended, or found recorded in another window. */
  readonly onDidChangeLifecycle = this.lifecycle.event;

  constructor(storageUri: vscode.Uri, lockDirUri: vscode.Uri, private readonly deps: SessionControllerDeps) {
    super();
    this.journalDir = storageUri.fsPath;
    this.lock = this.register(new WorkspaceLock(lockDirUri.fsPath, this.journalDir));
    ({ recorder: this.recorder, capture: this.capture } = createJournalCapture(this.journalDir, deps, (e) => this.recorded.fire(e)));
    this.register({ dispose: () => {
      this.runFlushers('close');
      const recording = this.recorder.active !== undefined;
      this.recorder.dispose();
      // The session stays open on disk, so the next window (or this one reloaded) resumes it.
      if (recording) this.lock.release();
    } });
    this.lifecycleChanged(false);
  }

  readonly journalDir: string;
  readonly now = (): number => Date.now();
  get recording(): boolean { return this.capture.recording; }
  get active(): boolean { return this.recorder.active !== undefined; }
  get paused(): boolean { return this.recorder.active?.paused ?? false; }
  /** When the session being recorded started; undefined when none is. */
  get sessionStartTime(): number | undefined { return this.recorder.active?.start; }
  /** Another window records this workspace's session (this one does not). */
  get recordingElsewhere(): boolean {
    return this.elsewhere !== undefined && !this.active && this.lock.holder() !== undefined;
  }

  /** Records what the user writes (a note, friction, an edit): kept even while paused. */
  record(draft: EventDraft): void { this.capture.enter(draft); }
  /** The active session's events as recorded (a live view). */
  events(): readonly JournalEvent[] { return this.recorder.events(); }
  /** The active session's events, else the one just ended (the panel still shows it). */
  shownEvents(): readonly JournalEvent[] { return this.recorder.active ? this.recorder.events() : this.ended ?? []; }
  /**
   * The shown session after edits and deletes, with its summary, kept up to date as events come
   * (core EffectiveSession): the Timeline's `init`, the status bar every 15 s and each command
   * that looks an entry up read it without walking a 50,000-event session.
   */
  shownSession(): EffectiveSession {
    this.shown.sync(this.shownEvents());
    return this.shown;
  }
  /** The shown session's summary; null when there is none. */
  summary(): SessionSnapshot | null { return this.shownSession().summarize(this.now()); }
  /** An event of the active session as the user means it (edited; undefined once deleted). */
  findEvent(id: string): JournalEvent | undefined { return this.recorder.active ? this.shownSession().find(id) : undefined; }
  /** The latest event of the active session that a note or friction could be about. */
  latestEvent(): JournalEvent | undefined { return latestEntryTarget(this.recorder.events()); }

  /** Work to do before capture pauses or ends or the journal closes (commands still running are recorded). */
  beforeDispose(flush: (why: FlushReason) => void): void { this.flushers.push(flush); }
  flush(): Promise<void> { return this.recorder.flush(); }

  /** Starts a session; refuses when another window of this workspace records one. */
  async start(focus: string | undefined): Promise<void> {
    await this.resuming.catch(() => false);
    if (this.recorder.active) throw new Error(vscode.l10n.t('A session is already recording. End it before starting another.'));
    const lock = this.lock.acquire();
    if (!lock.ok) {
      this.setElsewhere(lock.holder.pid);
      throw new Error(vscode.l10n.t('A session is already recording in another window of this workspace (process {0}). End it there, or close that window first.', lock.holder.pid));
    }
    // A session another window left open in this storage (it closed without ending it) is closed
    // first, so it does not come back days later as "the open session".
    if (await this.recorder.resumeOpenSession()) {
      this.recorder.end({});
      this.deps.log.info('Closed a session another window had left open before starting a new one.');
    }
    // Work in progress at the start is not the session's: the retrospective subtracts it.
    const uncommittedAtStart = await this.deps.uncommitted();
    if (this.recorder.active) throw new Error(vscode.l10n.t('A session is already recording. End it before starting another.'));
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.name);
    this.recorder.start({ focus, folders, trusted: vscode.workspace.isTrusted, utcOffsetMinutes: -new Date().getTimezoneOffset(), uncommittedAtStart });
    this.ended = undefined;
    this.elsewhere = undefined;
    this.capture.beginSession(this.recorder.events(), this.now());
    if (!vscode.workspace.isTrusted) {
      this.capture.notice('untrusted-no-git', 'This workspace is not trusted, so no git process runs and commits are not captured. Saves and terminal commands are.');
    }
    this.lifecycleChanged();
  }

  /** Continues a session a reload or crash left open; true when there was one. */
  resumeOpenSession(): Promise<boolean> {
    this.resuming = this.resumeNow();
    return this.resuming;
  }

  private async resumeNow(): Promise<boolean> {
    const holder = this.lock.holder();
    if (holder) {
      // Another window records this workspace: recording here too would store every commit twice.
      this.deps.log.info(`Another window (process ${holder.pid}) records this workspace; this window does not.`);
      this.setElsewhere(holder.pid);
      return false;
    }
    if (!(await findOpenSession(this.journalDir))) return false;
    const lock = this.lock.acquire();
    if (!lock.ok) {
      this.setElsewhere(lock.holder.pid);
      return false;
    }
    const resumed = await this.recorder.resumeOpenSession().catch((err: unknown) => { this.lock.release(); throw err; });
    if (!resumed) this.lock.release();
    if (!resumed) return false;
    this.deps.log.info(`Resumed session ${resumed.session.id} after a gap.`);
    // The time the window was closed is the session-gap; idle time is counted from now on.
    this.capture.beginSession(this.recorder.events(), this.now());
    if (resumed.session.problems > 0) {
      // The journal had torn or corrupt lines (a crash mid-write): they were skipped, the rest kept.
      this.capture.notice('journal-recovered', `The journal of this session had ${resumed.session.problems} unreadable line(s), probably from a crash; they were skipped and every other event was kept.`);
    }
    this.lifecycleChanged();
    return true;
  }

  pause(): void {
    if (!this.recording) return;
    // Saves still gathering into a burst and commands still running were made while recording.
    this.runFlushers('pause');
    this.capture.closeIdle(this.now());
    if (this.recorder.pause()) this.lifecycleChanged();
  }

  resume(): void {
    if (!this.recorder.resume()) return;
    this.capture.restartIdleClock(this.now());
    this.lifecycleChanged();
  }

  /** Ends the session; returns its events (edits applied) for the retrospective. */
  async end(details: EndDetails): Promise<readonly JournalEvent[] | undefined> {
    if (this.recording) {
      // What is still gathering (a save burst, a command still running) belongs to this session.
      this.runFlushers('end');
      this.capture.closeIdle(this.now());
    }
    const events = this.recorder.events();
    if (!this.recorder.end(details)) return undefined;
    this.lock.release();
    this.ended = events;
    await this.recorder.flush();
    this.lifecycleChanged();
    return effectiveEvents(events);
  }

  private runFlushers(why: FlushReason): void {
    this.capture.flush();
    for (const flush of this.flushers) {
      try { flush(why); } catch (err) { this.deps.log.error('Flushing pending capture failed', err); }
    }
  }

  private setElsewhere(pid: number): void {
    this.elsewhere = pid;
    this.lifecycle.fire();
  }

  /** Keeps the context keys (`sessionJournal.active`, `.paused`) in step, then tells the listeners. */
  private lifecycleChanged(fire = true): void {
    void vscode.commands.executeCommand('setContext', 'sessionJournal.active', this.active);
    void vscode.commands.executeCommand('setContext', 'sessionJournal.paused', this.paused);
    if (fire) this.lifecycle.fire();
  }
}
