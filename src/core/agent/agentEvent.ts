/**
 * The normalized event every agent transcript parser produces: one shape for Claude Code,
 * Codex CLI and the agents that follow, so the CLI, the Timeline and the retrospective
 * read agent work without knowing which agent wrote it. Every free text in it (prompt,
 * reply, command line, status line) has been redacted and shortened by the parser.
 */

/** Which agent wrote a transcript. */
export type AgentName = 'claude-code' | 'codex';

export type AgentEventKind = 'prompt' | 'reply' | 'tool' | 'interrupt' | 'compaction';

/**
 * How a tool call ended. `unknown` when the transcript does not say (no result yet, no exit
 * code): never assumed to be `ok`.
 */
export type AgentToolStatus = 'ok' | 'failed' | 'rejected' | 'interrupted' | 'unknown';

/** Token usage as the transcript reports it; summing it over a file's events gives the file's total. */
export interface AgentTokens {
  readonly input: number;
  readonly output: number;
  /** Input tokens read from the prompt cache, when reported. */
  readonly cacheRead?: number;
  /** Input tokens written to the prompt cache, when reported (Claude). */
  readonly cacheWrite?: number;
}

/** The agent's own identifiers for what produced an event, kept for de-duplication across files. */
export interface AgentIds {
  /** Claude: the line's `uuid`. */
  readonly uuid?: string;
  /** Claude: `message.id` of the model response. */
  readonly messageId?: string;
  readonly requestId?: string;
  /** Claude `tool_use.id`, Codex `call_id`. */
  readonly toolCallId?: string;
  /** Codex: the turn's id from `turn_context`/`task_started`. */
  readonly turnId?: string;
}

export interface AgentEvent {
  /** ISO 8601 UTC; a tool call's start. */
  readonly time: string;
  /** ISO 8601 UTC; a tool call's end (the line of its result), when it ended. */
  readonly end?: string;
  readonly agent: AgentName;
  readonly sessionId: string;
  readonly kind: AgentEventKind;
  /** Stable across re-reads, resumed and forked transcripts: the same event always has the same key. */
  readonly key: string;
  readonly ids: AgentIds;
  /** Prompt or reply text, redacted and shortened. */
  readonly text?: string;
  /** Length of the text before it was shortened, when it was. */
  readonly originalLength?: number;
  readonly tool?: string;
  /** Shell command line, redacted and shortened. */
  readonly command?: string;
  /** null: the transcript does not say. Set for shell commands only. */
  readonly exitCode?: number | null;
  /** Run time the agent itself reported (Codex), in ms; otherwise `end - time` includes waiting for approval. */
  readonly durationMs?: number;
  readonly status?: AgentToolStatus;
  /** First line of a failed, rejected or interrupted result, redacted and shortened: never the output itself. */
  readonly statusLine?: string;
  /** Files a tool changed, as the transcript names them. */
  readonly paths?: readonly string[];
  readonly added?: number;
  readonly removed?: number;
  /** The edit created the file. */
  readonly created?: boolean;
  readonly model?: string;
  readonly tokens?: AgentTokens;
  /** Compactions: `manual` or `auto` when the transcript says. */
  readonly trigger?: string;
  /** Compactions: context size before it, in tokens, when reported. */
  readonly preTokens?: number;
  /** The working directory the agent reported for this line. */
  readonly cwd?: string;
  /**
   * A tool call read while it had no result yet, recorded because recording stopped (End Session,
   * Pause): its end is unknown, never assumed. Its result, if it comes later, has the same key.
   */
  readonly stillRunning?: boolean;
  /** Claude: the event comes from a sub-agent (sidechain). */
  readonly sidechain?: boolean;
}
