import type { AgentEvent, AgentName } from './agentEvent';
import { candidates, insideFolders, transcriptCwd } from './agentDiscovery';
import type { Environment } from './agentDiscovery';
import { TranscriptTailer } from './transcriptTailer';
import type { TailerOptions } from './transcriptTailer';

/**
 * Follows every transcript of the enabled agents that belongs to this workspace during one
 * journal session: finds them (new files as they appear), tails them, and keeps only the steps
 * of the journal session. Two agents at once are two sets of files, followed side by side.
 *
 * An agent session that started before the journal session is followed from its start (the
 * parser needs its first lines: Codex's session id and model, calls still open), but only steps
 * that end at or after the journal session's start are returned. After a reload the files are
 * read again from their start: the events' keys are stable, and the capture pipeline records
 * each key once, so nothing is recorded twice and nothing between the two windows is lost.
 */

export interface FollowerOptions extends TailerOptions {
  readonly env: Environment;
  readonly home?: string;
  /** Absolute paths of the workspace folders. */
  readonly folders: readonly string[];
  /** When the journal session started (ms). */
  readonly since: number;
}

export interface FollowerRead {
  readonly events: AgentEvent[];
  readonly notices: string[];
  /** Bytes still to read (the budget ran out): poll again soon. */
  readonly behind: number;
}

export class AgentFollower {
  private readonly tailer: TranscriptTailer;
  /** Files whose cwd lies outside the workspace: never read again. */
  private readonly elsewhere = new Set<string>();
  private readonly followed = new Map<string, AgentName>();
  private enabled = new Set<AgentName>();

  constructor(private readonly options: FollowerOptions) {
    this.tailer = new TranscriptTailer(options);
  }

  /** The agents whose transcripts may be read; a switched-off agent's files are dropped. */
  setAgents(agents: readonly AgentName[]): void {
    this.enabled = new Set(agents);
    for (const [path, agent] of this.followed) {
      if (!this.enabled.has(agent)) {
        this.followed.delete(path);
        this.tailer.forget(path);
      }
    }
  }

  get agents(): AgentName[] {
    return [...this.enabled];
  }

  /** The transcripts followed now. */
  get files(): string[] {
    return [...this.followed.keys()];
  }

  /** Looks for transcripts that appeared (or were written to) since the journal session started. */
  discover(now: number): void {
    for (const agent of this.enabled) {
      for (const path of candidates(agent, this.options.env, this.options.folders, this.options.since, now, this.options.home)) {
        if (this.followed.has(path) || this.elsewhere.has(path)) continue;
        const cwd = transcriptCwd(path);
        if (cwd === undefined) continue;
        if (insideFolders(cwd, this.options.folders)) this.followed.set(path, agent);
        else this.elsewhere.add(path);
      }
    }
  }

  /** Reads what the followed files gained, at most `budgetBytes` in all. */
  read(budgetBytes = Number.POSITIVE_INFINITY): FollowerRead {
    const events: AgentEvent[] = [];
    const notices: string[] = [];
    let behind = 0;
    let budget = budgetBytes;
    for (const path of this.followed.keys()) {
      const before = this.tailer.offsetOf(path) ?? 0;
      const read = this.tailer.read(path, Math.max(0, budget));
      const after = this.tailer.offsetOf(path);
      if (after === undefined) this.followed.delete(path);
      else budget -= Math.max(0, after - before);
      events.push(...read.events.filter((e) => this.inSession(e)));
      notices.push(...read.notices);
      behind += read.behind;
    }
    return { events, notices, behind };
  }

  /**
   * The tool calls of the followed files still running (called, no result yet), for recording
   * stops: recorded as such, their end unknown. Following goes on as before, so a result read
   * after a Resume completes the call under the same key, which the journal already holds.
   */
  openCalls(): AgentEvent[] {
    return [...this.followed.keys()].flatMap((path) => this.tailer.openCalls(path)).filter((e) => this.inSession(e));
  }

  private inSession(event: AgentEvent): boolean {
    const last = Date.parse(event.end ?? event.time);
    return Number.isFinite(last) && last >= this.options.since;
  }
}
