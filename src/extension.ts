import * as vscode from 'vscode';
import type { Scheduler } from './core/capture/burstCoalescer';
import { ActivityAdapter } from './vscode/adapters/activityAdapter';
import { AgentTranscriptAdapter } from './vscode/adapters/agentTranscriptAdapter';
import { AgentConsent } from './vscode/agents/agentConsent';
import { AgentWatcher } from './vscode/agents/agentWatcher';
import { DebugAdapter } from './vscode/adapters/debugAdapter';
import { FileOpAdapter } from './vscode/adapters/fileOpAdapter';
import type { GitAdapter } from './vscode/adapters/gitAdapter';
import { SaveAdapter } from './vscode/adapters/saveAdapter';
import { SwitchableScheduler } from './vscode/adapters/scheduler';
import { TaskAdapter } from './vscode/adapters/taskAdapter';
import { TerminalAdapter } from './vscode/adapters/terminalAdapter';
import { createCommands } from './vscode/commands/allCommands';
import { CommandIds } from './vscode/commands/commandIds';
import { registerCommands } from './vscode/commands/command';
import { FrictionPrompter } from './vscode/friction/frictionPrompter';
import { CommitCapture, trustedGitRunner } from './vscode/commitCapture';
import { createLog, describeError } from './vscode/log';
import { RecurringFrictionNotices } from './vscode/recurringFrictionNotices';
import { captureRules } from './vscode/captureRules';
import { CarriedOverService } from './vscode/carriedOverService';
import { RetrospectiveService } from './vscode/retrospective/retrospectiveService';
import { SessionController } from './vscode/sessionController';
import { onDidChangeSettings, readSettings } from './vscode/settings';
import type { Settings } from './vscode/settings';
import { StatusBar } from './vscode/statusBar';
import { handleTimelineMessage } from './vscode/timelineActions';
import { TimelineFeed } from './vscode/timelineFeed';
import { uncommittedReader } from './vscode/uncommittedReader';
import { TimelineViewProvider } from './vscode/views/timelineViewProvider';
import { timelineTraceFromEnv } from './vscode/views/timelineTrace';
import type { MarkdownItLike } from './vscode/markdown/mermaidFencePlugin';
import { mermaidFencePlugin } from './vscode/markdown/mermaidFencePlugin';
import { onDidShowPrompt } from './vscode/prompts';
import type { PromptShown } from './vscode/prompts';

/** What the extension exports: used by the integration tests, handy for other extensions. */
export interface SessionJournalApi {
  readonly controller: SessionController;
  readonly prompter: FrictionPrompter;
  readonly retrospectives: RetrospectiveService;
  readonly timeline: TimelineViewProvider;
  /** The carried-over checklist: what the header shows, and ticks as the header sends them. */
  readonly carriedOver: CarriedOverService;
  /** Emits pending save bursts and waits for pending commit lookups. */
  flushCapture(): Promise<void>;
  /**
   * Test seam: the timers that end save and file-operation bursts (undefined: real timers).
   * Pending bursts are emitted first. A test passes timers it fires itself, so it decides when
   * a quiet period has passed, however slowly a loaded machine saves.
   */
  useBurstScheduler(schedule: Scheduler | undefined): void;
  /**
   * Test seam: fires when the workbench shows one of the extension's quick picks or input boxes
   * (src/vscode/prompts.ts), so a test answers a prompt once it is there instead of after a sleep.
   */
  readonly onDidShowPrompt: vscode.Event<PromptShown>;
  /** The git adapter, when the workspace is trusted and commits are captured. */
  git(): GitAdapter | undefined;
  /** Settles once an open session was resumed (or auto-start ran); activation does not wait for it. */
  readonly ready: Promise<void>;
  /** Milliseconds activate() itself ran (the benchmark reports it). */
  readonly activationMs: number;
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`): ```mermaid fences become charts. */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

/** Wires the parts together; every part is a disposable owned by the extension context. */
export function activate(context: vscode.ExtensionContext): SessionJournalApi {
  const started = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  try {
    let settings = readSettings();
    const rulesOf = (s: Settings) => captureRules(s, (error) => log.warn(`Redaction setting ignored: ${error}`));
    const burstTimers = new SwitchableScheduler();
    // No folder open: the journal lives in global storage, so a window without a folder still records.
    const storage = context.storageUri ?? context.globalStorageUri;
    const git = trustedGitRunner();
    // Start reads the uncommitted changes (work in progress is not the session's); End Session reads them too.
    const uncommitted = uncommittedReader(git, log);
    const controller = new SessionController(storage, vscode.Uri.joinPath(context.globalStorageUri, 'locks'), {
      rules: rulesOf(settings), log, schedule: burstTimers.schedule, uncommitted,
    });
    const sink = controller.capture;
    const commits = new CommitCapture(sink, git, log, () => controller.sessionStartTime);
    const recurring = new RecurringFrictionNotices(controller, log);
    const feed = new TimelineFeed(controller, recurring);
    const retrospectives = new RetrospectiveService(settings, CommandIds.finishRetrospective);
    const prompter = new FrictionPrompter(controller, settings);
    const timeline = new TimelineViewProvider(context.extensionUri, feed, timelineTraceFromEnv());
    context.subscriptions.push(controller, commits, recurring, feed, retrospectives, prompter, timeline, new StatusBar(controller));
    context.subscriptions.push(vscode.window.registerWebviewViewProvider(TimelineViewProvider.viewId, timeline, { webviewOptions: TimelineViewProvider.webviewOptions }));
    const carriedOver = new CarriedOverService(controller, timeline, () => settings, log);
    context.subscriptions.push(carriedOver);
    context.subscriptions.push(timeline.onMessage((m) => handleTimelineMessage(m, controller, log, git).catch((err) => log.error('Timeline action failed', err))));

    const terminals = new TerminalAdapter(sink);
    context.subscriptions.push(terminals.onDidEndCommand((commandLine) => commits.commandEnded(commandLine)));
    context.subscriptions.push(new SaveAdapter(sink), new FileOpAdapter(sink), terminals, new TaskAdapter(sink), new DebugAdapter(sink),
      new ActivityAdapter(sink, (t) => prompter.noteTyping(t)));
    const agents = new AgentWatcher(controller, new AgentTranscriptAdapter(sink), new AgentConsent(), log, settings);
    context.subscriptions.push(agents);
    // Commands still running when recording pauses or ends, or the window closes, are recorded, marked as not ended.
    controller.beforeDispose(() => terminals.closeOutRunningCommands());
    context.subscriptions.push(controller.onDidChangeLifecycle(() => {
      if (!controller.recording) return;
      // A session just started: terminals opened and repositories found earlier get their notices now.
      terminals.recheck();
      commits.running?.rescan();
    }));
    commits.update(settings.capture.commits);
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      commits.update(settings.capture.commits);
      feed.refresh();
    }));

    const flushCapture = async () => {
      sink.flush();
      await commits.running?.settle();
      // Saves made while git was asked about the last commits count too.
      sink.flush();
    };
    context.subscriptions.push(registerCommands(createCommands({
      controller, retrospectives, log, flushCapture, recurring,
      uncommitted,
      settings: () => settings,
      workspaceState: context.workspaceState,
      timeline,
    }), log));

    context.subscriptions.push(onDidChangeSettings((next) => {
      settings = next;
      controller.capture.setRules(rulesOf(next));
      prompter.updateSettings(next);
      retrospectives.updateSettings(next);
      commits.update(next.capture.commits);
      agents.updateSettings(next);
      feed.refresh();
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
      sink.flush();
      burstTimers.use(schedule);
    };

    return {
      controller, prompter, retrospectives, timeline, carriedOver, flushCapture, useBurstScheduler, onDidShowPrompt, git: () => commits.running, ready,
      extendMarkdownIt: mermaidFencePlugin, activationMs: performance.now() - started,
    };
  } catch (err) {
    // Never fail silently: say so, then let VS Code record the failed activation.
    log.error('Session Journal failed to start', err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Session Journal failed to start: {0}', describeError(err)), vscode.l10n.t('Show Log')).then((a) => { if (a) log.show(); });
    throw err;
  }
}

export function deactivate(): void {
  // Disposing the context's subscriptions flushes the journal synchronously (SessionController → recorder.dispose).
}
