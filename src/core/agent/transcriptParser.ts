import type { RedactOptions } from '../redaction/redact';
import type { AgentEvent, AgentName } from './agentEvent';
import type { ParseResult } from './parseResult';

/**
 * One agent's transcript format. A parser is fed the JSON records of one file in order (as
 * the line reader yields them, so it works the same on a finished file and on a file being
 * written) and returns the events each record completes. A tool call is returned when its
 * result arrives, with the start time of its call; `finish` returns what is still open.
 * Records it does not know are ignored, never an error: the formats change between releases.
 */
export interface TranscriptParser {
  readonly agent: AgentName;
  /** Events completed by this record (one parsed line of the file). */
  accept(record: unknown): ParseResult;
  /** End of input (or of the journal session): tool calls still open come back with status `unknown` or `interrupted`. */
  finish(): AgentEvent[];
  /**
   * The tool calls still waiting for their result, as events marked `stillRunning` (status
   * `unknown`, no end), the parser's state untouched: a result read later completes the call as usual.
   */
  openCalls(): AgentEvent[];
  /**
   * Whether the parser holds something read but not yet returned (a tool call waiting for its
   * result, a reply waiting for its usage): a reader that stops here must read again from
   * where that began, or it is lost.
   */
  readonly pending: boolean;
}

export interface ParserOptions {
  /** The user's redaction settings; the built-in secret patterns apply without them. */
  readonly redact?: RedactOptions;
  /**
   * The file is a Claude Code sub-agent's transcript (`<sessionId>/subagents/agent-<id>.jsonl`):
   * its steps are the parent session's, and all sub-agent work, whatever its lines say.
   */
  readonly subagentOf?: string;
}

/** How to recognize an agent's transcript from a record and make a parser for it. */
export interface TranscriptFormat {
  readonly agent: AgentName;
  /** Whether this record can only come from this agent's transcripts. */
  recognizes(record: unknown): boolean;
  createParser(options?: ParserOptions): TranscriptParser;
}
