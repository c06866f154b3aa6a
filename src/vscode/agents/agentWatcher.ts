import * as vscode from 'vscode';
import type { AgentName } from '../../core/agent/agentEvent';
import { agentHomeExists } from '../../core/agent/agentDiscovery';
import type { Environment } from '../../core/agent/agentDiscovery';
import { AgentFollower } from '../../core/agent/agentFollower';
import type { AgentTranscriptAdapter } from '../adapters/agentTranscriptAdapter';
import { Disposable } from '../dispose';
import type { Log } from '../log';
import type { SessionController } from '../sessionController';
import type { Settings } from '../settings';
import { AGENTS } from './agentConsent';
import type { AgentConsent } from './agentConsent';

/**
 * Follows the AI agents' transcripts while a session is open, and hands their steps to the
 * adapter. It polls instead of using `fs.watch`: recursive watching is not dependable on Linux
 * across Node versions, the agent folders may not exist when the session starts, and a poll of a
 * few `stat`s twice a second is cheap and never misses an append. New files are looked for every
 * `discoverMs`; the files followed are read every `pollMs` (under 1 s from a line written to its
 * row), at most `budgetBytes` a time so a 100 MB transcript never blocks the window: while the
 * reader is behind, it reads again at once.
 *
 * The follower belongs to one journal session: made when a session starts or is resumed after a
 * reload (it then reads the files again from their start, and the pipeline records each step's
 * key once), dropped when it ends. Never in an untrusted workspace.
 */

export interface AgentWatcherOptions {
  readonly pollMs?: number;
  readonly discoverMs?: number;
  readonly budgetBytes?: number;
  /** Read when a session starts, so a test can point CLAUDE_CONFIG_DIR or CODEX_HOME at a temporary home. */
  readonly env?: () => Environment;
}

const POLL_MS = 500;
const DISCOVER_MS = 2000;
const BUDGET_BYTES = 4 * 1024 * 1024;
/** When behind: a pause to let the window breathe between two budgets. */
const CATCH_UP_MS = 10;

export class AgentWatcher extends Disposable {
  private follower: AgentFollower | undefined;
  private followerSession: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastDiscovery = 0;

  constructor(
    private readonly controller: SessionController,
    private readonly adapter: AgentTranscriptAdapter,
    private readonly consent: AgentConsent,
    private readonly log: Log,
    private settings: Settings,
    private readonly options: AgentWatcherOptions = {},
  ) {
    super();
    this.register(controller.onDidChangeLifecycle(() => this.update()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()));
    this.register({ dispose: () => this.stop() });
    // At pause, End Session and when the window closes: read what the agents wrote since the last poll.
    // At pause and End, a call still running is recorded as such; at a close the next window reads it again.
    controller.beforeDispose((why) => {
      this.drain();
      if (why !== 'close') this.recordStillRunning();
    });
    this.update();
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.update();
  }

  /** The transcripts followed now (for tests and the log). */
  get files(): string[] {
    return this.follower?.files ?? [];
  }

  /** Reads every followed transcript to its end now (End Session, tests). */
  drain(): void {
    if (!this.follower) return;
    this.discover(Date.now(), true);
    this.take(Number.POSITIVE_INFINITY);
  }

  /** The calls still running, recorded with their end unknown; a result read after Resume has their key and is not recorded again. */
  private recordStillRunning(): void {
    if (this.follower) this.adapter.steps(this.follower.openCalls());
  }

  private update(): void {
    const start = this.controller.sessionStartTime;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    if (start === undefined || !vscode.workspace.isTrusted || folders.length === 0 || this.isDisposed) {
      this.stop();
      return;
    }
    if (!this.follower || this.followerSession !== start) {
      this.follower = new AgentFollower({ env: this.env(), folders, since: start });
      this.followerSession = start;
      this.lastDiscovery = 0;
    }
    const agents = this.allowedAgents();
    this.follower.setAgents(agents);
    if (agents.length === 0) this.cancelTimer();
    else if (this.timer === undefined) this.schedule(0);
  }

  private allowedAgents(): AgentName[] {
    const env = this.env();
    // No question about an agent that keeps no transcripts on this machine.
    return AGENTS.filter((agent) => agentHomeExists(agent, env) && this.consent.allowed(this.settings, agent));
  }

  private env(): Environment {
    return this.options.env?.() ?? process.env;
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const behind = this.tick();
      if (this.follower && this.follower.agents.length > 0) this.schedule(behind > 0 ? CATCH_UP_MS : this.options.pollMs ?? POLL_MS);
    }, ms);
  }

  private tick(): number {
    try {
      this.discover(Date.now(), false);
      return this.take(this.options.budgetBytes ?? BUDGET_BYTES);
    } catch (err) {
      // A transcript that cannot be read must not stop the others, nor the session.
      this.log.error('Reading agent transcripts failed', err);
      return 0;
    }
  }

  private discover(now: number, always: boolean): void {
    if (!this.follower || (!always && now - this.lastDiscovery < (this.options.discoverMs ?? DISCOVER_MS))) return;
    this.lastDiscovery = now;
    const before = this.follower.files.length;
    this.follower.discover(now);
    if (this.follower.files.length !== before) this.log.info(`Following ${this.follower.files.length} agent transcript(s).`);
  }

  private take(budget: number): number {
    if (!this.follower) return 0;
    const read = this.follower.read(budget);
    for (const notice of read.notices) this.adapter.notice(notice);
    this.adapter.steps(read.events);
    return read.behind;
  }

  private stop(): void {
    this.cancelTimer();
    this.follower = undefined;
    this.followerSession = undefined;
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
