import * as vscode from 'vscode';
import type { Scheduler } from './core/capture/burstCoalescer';
import { ActivityAdapter } from './vscode/adapters/activityAdapter';
import { DebugAdapter } from './vscode/adapters/debugAdapter';
import { FileOpAdapter } from './vscode/adapters/fileOpAdapter';
import { GitAdapter } from './vscode/adapters/gitAdapter';
import { SaveAdapter } from './vscode/adapters/saveAdapter';
import { SwitchableScheduler } from './vscode/adapters/scheduler';
import { TaskAdapter } from './vscode/adapters/taskAdapter';
import { TerminalAdapter } from './vscode/adapters/terminalAdapter';
import { createCommands } from './vscode/commands/allCommands';
import { CommandIds } from './vscode/commands/commandIds';
import { registerCommands } from './vscode/commands/command';
import { FrictionPrompter } from './vscode/friction/frictionPrompter';
import { createGitRunner } from './core/git/gitRunner';
import type { GitRunner } from './core/git/gitRunner';
import { createLog, describeError } from './vscode/log';
import { createRedactor, SwitchableRedactor } from './vscode/redactor';
import { RetrospectiveService } from './vscode/retrospective/retrospectiveService';
import { uncommittedChanges } from './vscode/retrospective/uncommittedChanges';
import { SessionController } from './vscode/sessionController';
import { onDidChangeSettings, readSettings } from './vscode/settings';
import { StatusBar } from './vscode/statusBar';
import { handleTimelineMessage } from './vscode/timelineActions';
import { TimelineViewProvider } from './vscode/views/timelineViewProvider';

/** What the extension exports: used by the integration tests, handy for other extensions. */
export interface SessionJournalApi {
  readonly controller: SessionController;
  readonly prompter: FrictionPrompter;
  readonly retrospectives: RetrospectiveService;
  readonly timeline: TimelineViewProvider;
  /** Emits pending save bursts and waits for pending commit lookups. */
  flushCapture(): Promise<void>;
  /**
   * Test seam: the timers that end save and file-operation bursts (undefined: real timers).
   * Pending bursts are emitted first. A test passes timers it fires itself, so it decides when
   * a quiet period has passed, however slowly a loaded machine saves.
   */
  useBurstScheduler(schedule: Scheduler | undefined): void;
  /** The git adapter, when the workspace is trusted and commits are captured. */
  git(): GitAdapter | undefined;
  /** Settles once an open session was resumed (or auto-start ran); activation does not wait for it. */
  readonly ready: Promise<void>;
  /** Milliseconds activate() itself ran (the benchmark reports it). */
  readonly activationMs: number;
}

/** VS Code's `git.path` (a string, or the first of a list), so a user's custom git is honoured. */
function gitPathSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('git').get<unknown>('path');
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first : undefined;
}

/** Wires the parts together; every part is a disposable owned by the extension context. */
export function activate(context: vscode.ExtensionContext): SessionJournalApi {
  const started = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  try {
    let settings = readSettings();
    const reportPattern = (error: string) => log.warn(`Redaction setting ignored: ${error}`);
    const redactor = new SwitchableRedactor(createRedactor(settings, reportPattern));
    // No folder open: the journal lives in global storage, so a window without a folder still records.
    const storage = context.storageUri ?? context.globalStorageUri;
    const controller = new SessionController(storage, vscode.Uri.joinPath(context.globalStorageUri, 'locks'), redactor, settings, log);
    const retrospectives = new RetrospectiveService(settings, CommandIds.finishRetrospective);
    const prompter = new FrictionPrompter(controller, settings);
    const timeline = new TimelineViewProvider(context.extensionUri, controller);
    context.subscriptions.push(controller, retrospectives, prompter, timeline, new StatusBar(controller));
    context.subscriptions.push(vscode.window.registerWebviewViewProvider(TimelineViewProvider.viewId, timeline, { webviewOptions: { retainContextWhenHidden: false } }));
    context.subscriptions.push(timeline.onMessage((m) => handleTimelineMessage(m, controller, log, () => gitRunnerIfTrusted()).catch((err) => log.error('Timeline action failed', err))));

    const burstTimers = new SwitchableScheduler();
    const saves = new SaveAdapter(controller, burstTimers.schedule);
    const fileOps = new FileOpAdapter(controller, burstTimers.schedule);
    const terminals = new TerminalAdapter(controller);
    context.subscriptions.push(saves, fileOps, terminals, new TaskAdapter(controller), new DebugAdapter(controller),
      new ActivityAdapter(controller, (t) => prompter.noteTyping(t)));
    // Pending save bursts reach the journal before it closes, whatever order VS Code disposes in;
    // commands still running when recording pauses or ends, or the window closes, are recorded, marked as not ended.
    controller.beforeDispose(() => { saves.flush(); fileOps.flush(); terminals.closeOutRunningCommands(); });
    context.subscriptions.push(controller.onDidChangeLifecycle(() => {
      if (!controller.recording) return;
      terminals.recheck();
      gitAdapter?.rescan();
    }));

    // Git reads repository configuration, which can run code: only in trusted workspaces.
    let gitRunner: GitRunner | undefined;
    let gitAdapter: GitAdapter | undefined;
    const updateGit = () => {
      const wanted = vscode.workspace.isTrusted && settings.capture.commits;
      if (wanted && !gitAdapter) {
        gitRunner ??= createGitRunner(() => gitPathSetting());
        gitAdapter = new GitAdapter(controller, gitRunner, log, () => controller.sessionStartTime);
      } else if (!wanted && gitAdapter) {
        gitAdapter.dispose();
        gitAdapter = undefined;
      }
    };
    // Reading a commit (End Session, a click on a commit) needs git even when commits are not captured.
    function gitRunnerIfTrusted(): GitRunner | undefined {
      if (!vscode.workspace.isTrusted) return undefined;
      return (gitRunner ??= createGitRunner(() => gitPathSetting()));
    }
    updateGit();
    // End Session reads the uncommitted changes; Start reads them too, so the session's own are told apart.
    controller.setUncommittedReader(async () => {
      const git = gitRunnerIfTrusted();
      return git ? uncommittedChanges(git, controller.folders(), log) : [];
    });
    context.subscriptions.push({ dispose: () => gitAdapter?.dispose() });
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      updateGit();
      controller.refreshViews();
    }));

    const flushCapture = async () => {
      saves.flush();
      fileOps.flush();
      await gitAdapter?.settle();
      // Saves made while git was asked about the last commits count too.
      saves.flush();
      fileOps.flush();
    };
    context.subscriptions.push(registerCommands(createCommands({
      controller, retrospectives, log, flushCapture,
      settings: () => settings,
    }), log));

    context.subscriptions.push(onDidChangeSettings((next) => {
      settings = next;
      redactor.set(createRedactor(next, reportPattern));
      controller.updateSettings(next);
      prompter.updateSettings(next);
      retrospectives.updateSettings(next);
      updateGit();
    }));

    // A session a reload or crash left open continues, with the gap marked. Reading its journal
    // is I/O: activation returns at once and Start Session waits for it (controller.start).
    const ready = controller.resumeOpenSession().then(
      async (resumed) => {
        if (!resumed && settings.autoStart && vscode.workspace.workspaceFolders?.length) {
          await controller.start(undefined).catch((err) => log.warn(`Auto-start skipped: ${describeError(err)}`));
        }
      },
      (err) => log.error('Could not resume the open session', err),
    );

    const useBurstScheduler = (schedule: Scheduler | undefined) => {
      // No burst may wait on a timer of the clock being replaced.
      saves.flush();
      fileOps.flush();
      burstTimers.use(schedule);
    };

    return { controller, prompter, retrospectives, timeline, flushCapture, useBurstScheduler, git: () => gitAdapter, ready, activationMs: performance.now() - started };
  } catch (err) {
    // Never fail silently: say so, then let VS Code record the failed activation.
    log.error('Session Journal failed to start', err);
    void vscode.window.showErrorMessage(`Session Journal failed to start: ${describeError(err)}`, 'Show Log').then((a) => { if (a) log.show(); });
    throw err;
  }
}

export function deactivate(): void {
  // Disposing the context's subscriptions flushes the journal synchronously (SessionController → recorder.dispose).
}
