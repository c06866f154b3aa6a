/**
 * Watches the event stream as it is recorded and says when something probably got in the way,
 * so the user can be asked about it while it is fresh. Pure: the VS Code side feeds it events
 * and decides (with the prompt gate) whether to show anything.
 */

import type { AgentActivityEvent, CommandEvent, GitOpEvent, JournalEvent, TaskEvent } from '../journal/events';
import { agentCommandView, agentInterruptedRule, asAgentSignal, INTERRUPT_DEDUP_MS, isAgentStop } from './agentFriction';
import { normalizeCommand } from './commandText';
import type { FrictionRulesConfig, FrictionSignal } from './frictionTypes';
import { DEFAULT_FRICTION_CONFIG } from './frictionTypes';
import type { CommandFailureHistory, ProgressState } from './frictionRules';
import {
  commandFailedRule,
  isRelevantFailure,
  isRelevantTaskFailure,
  repeatedFailureRule,
  retryLoopRule,
  slowCommandRule,
  stuckRule,
  taskFailedRule,
  workDiscardedRule,
} from './frictionRules';

/** Failure times kept per command: enough for the messages, never an unbounded list. */
const MAX_TIMES_PER_COMMAND = 20;

interface MutableHistory {
  times: number[];
  repeatReported: boolean;
  loopReported: boolean;
}

/**
 * Runs every rule over each observed event. Memory is bounded: failures older than the repeat
 * window are forgotten, at most `maxTrackedCommands` commands are remembered (least recently
 * failed go first), and each keeps a handful of times.
 */
export class FrictionDetector {
  private readonly failures = new Map<string, MutableHistory>();
  private progress: { since: number | undefined; failures: number; reported: boolean } = { since: undefined, failures: 0, reported: false };
  private lastDiscardAt: number | undefined;
  /** When each agent session was last stopped by the person, to make one interruption of its interrupt line and the call it cut. */
  private readonly lastStop = new Map<string, number>();

  constructor(private readonly config: FrictionRulesConfig = DEFAULT_FRICTION_CONFIG) {}

  /** Signals raised by `event`, most severe first (a caller that prompts once takes the first). */
  observe(event: JournalEvent): FrictionSignal[] {
    if (this.progress.since === undefined) this.progress.since = event.time;
    const signals: FrictionSignal[] = [];
    const add = (s: FrictionSignal | undefined): void => {
      if (s) signals.push(s);
    };
    switch (event.kind) {
      case 'session-start':
        this.reset();
        this.progress.since = event.time;
        break;
      case 'saves':
      case 'commit':
        this.progress = { since: Math.max(this.progress.since, event.time), failures: 0, reported: false };
        break;
      case 'idle':
        this.skipIdle(event.from, event.to);
        break;
      case 'git-op':
        add(this.discard(event));
        break;
      case 'command':
        signals.push(...this.command(event));
        break;
      case 'agent':
        signals.push(...this.agent(event));
        break;
      case 'task':
        if (isRelevantTaskFailure(event, this.config)) {
          add(taskFailedRule(event, this.config));
          add(this.stuck(event));
        }
        break;
      default:
        break;
    }
    this.prune(event.time);
    return signals.sort((a, b) => b.severity - a.severity);
  }

  /** The command rules over a terminal command (or an agent's, seen as one). */
  private command(event: CommandEvent): FrictionSignal[] {
    const signals: FrictionSignal[] = [];
    const add = (s: FrictionSignal | undefined): void => {
      if (s) signals.push(s);
    };
    add(this.discard(event));
    add(slowCommandRule(event, this.config));
    if (isRelevantFailure(event, this.config)) {
      const history = this.recordFailure(event);
      add(commandFailedRule(event, this.config));
      add(repeatedFailureRule(event, history, this.config));
      add(retryLoopRule(event, history, this.config));
      add(this.stuck(event));
      this.markReported(event, signals);
    } else if (event.exitCode === 0) {
      // Success ends a run of failures: the next failure starts a new story.
      this.failures.delete(normalizeCommand(event.commandLine));
    }
    return signals;
  }

  /**
   * An agent's step: its shell commands go through the command rules (quiet unless they show a
   * loop, being stuck or discarded work), a file it changed is progress as a save is, and the
   * person stopping it is `agent-interrupted`, once per stop.
   */
  private agent(event: AgentActivityEvent): FrictionSignal[] {
    if (isAgentStop(event)) {
      const last = this.lastStop.get(event.agentSession);
      this.lastStop.delete(event.agentSession);
      this.lastStop.set(event.agentSession, event.time);
      if (this.lastStop.size > this.config.maxTrackedCommands) this.lastStop.delete(this.lastStop.keys().next().value as string);
      if (last !== undefined && Math.abs(event.time - last) < INTERRUPT_DEDUP_MS) return [];
      const s = agentInterruptedRule(event, this.config);
      return s ? [s] : [];
    }
    if (event.action === 'tool' && event.status === 'ok' && event.paths !== undefined && event.paths.length > 0 && event.command === undefined) {
      this.progress = { since: Math.max(this.progress.since ?? event.time, event.time), failures: 0, reported: false };
    }
    const view = agentCommandView(event);
    return view ? this.command(view).map((s) => asAgentSignal(s, event)) : [];
  }

  /** Forgets everything, as at the start of a new session. */
  reset(): void {
    this.lastStop.clear();
    this.failures.clear();
    this.progress = { since: undefined, failures: 0, reported: false };
    this.lastDiscardAt = undefined;
  }

  /** How many distinct commands' failures are remembered; exposed so tests can check the bound. */
  get trackedCommands(): number {
    return this.failures.size;
  }

  /** Failures counted towards `stuck` since the last save or commit. */
  get failuresSinceProgress(): number {
    return this.progress.failures;
  }

  private discard(event: CommandEvent | GitOpEvent): FrictionSignal | undefined {
    const s = workDiscardedRule(event, this.lastDiscardAt, this.config);
    if (s) this.lastDiscardAt = event.time;
    return s;
  }

  private stuck(event: CommandEvent | TaskEvent): FrictionSignal | undefined {
    this.progress.failures++;
    const state: ProgressState = { since: this.progress.since ?? event.time, failures: this.progress.failures, reported: this.progress.reported };
    const s = stuckRule(event, state, this.config);
    if (s) this.progress.reported = true;
    return s;
  }

  /** An idle stretch is not time spent stuck, so the stuck clock skips it. */
  private skipIdle(from: number, to: number): void {
    const since = this.progress.since ?? from;
    if (to > since) this.progress.since = since + (to - Math.max(from, since));
  }

  private recordFailure(event: CommandEvent): CommandFailureHistory {
    const key = normalizeCommand(event.commandLine);
    const history = this.failures.get(key) ?? { times: [], repeatReported: false, loopReported: false };
    // Re-inserting keeps the map ordered by last failure, so the oldest entries are first to go.
    this.failures.delete(key);
    this.failures.set(key, history);
    const horizon = event.time - this.config.repeatWindowMs;
    history.times = history.times.filter((t) => t >= horizon);
    if (history.times.length === 0) history.repeatReported = false;
    history.times.push(event.time);
    if (history.times.length > MAX_TIMES_PER_COMMAND) history.times.splice(0, history.times.length - MAX_TIMES_PER_COMMAND);
    const inLoopWindow = history.times.filter((t) => event.time - t <= this.config.retryLoopWindowMs).length;
    if (inLoopWindow === 1) history.loopReported = false;
    return { times: [...history.times], repeatReported: history.repeatReported, loopReported: history.loopReported };
  }

  private markReported(event: CommandEvent, signals: readonly FrictionSignal[]): void {
    const history = this.failures.get(normalizeCommand(event.commandLine));
    if (!history) return;
    if (signals.some((s) => s.rule === 'repeated-failure')) history.repeatReported = true;
    if (signals.some((s) => s.rule === 'retry-loop')) history.loopReported = true;
  }

  private prune(now: number): void {
    const horizon = now - this.config.repeatWindowMs;
    for (const [key, history] of this.failures) {
      const last = history.times[history.times.length - 1] ?? Number.NEGATIVE_INFINITY;
      if (last >= horizon && this.failures.size <= this.config.maxTrackedCommands) break;
      this.failures.delete(key);
    }
  }
}

/**
 * Runs a fresh detector over a whole recorded stream: the retrospective uses it to suggest
 * friction points the user did not log while working.
 */
export function detectFriction(events: readonly JournalEvent[], config: FrictionRulesConfig = DEFAULT_FRICTION_CONFIG): FrictionSignal[] {
  const detector = new FrictionDetector(config);
  return events.flatMap((e) => detector.observe(e));
}
