import type { RedactOptions } from '../redaction/redact';
import type { AgentEvent, AgentIds, AgentTokens, AgentToolStatus } from './agentEvent';
import { NOTHING, unknownRecord } from './parseResult';
import type { ParseResult } from './parseResult';
import { arr, isObject, isoTime, num, obj, str } from './recordFields';
import type { JsonObject } from './recordFields';
import { MAX_REPLY_TEXT, safeText, statusLine } from './safeText';
import type { ParserOptions, TranscriptFormat, TranscriptParser } from './transcriptParser';

/**
 * Claude Code's session transcripts (`~/.claude/projects/<encoded cwd>/<sessionId>.jsonl`):
 * one JSON object per line, `user` / `assistant` / `system` lines with a `uuid` and a
 * timestamp, a tool call's `tool_use` in an assistant line and its `tool_result` in a later
 * user line. See /work/shared/agent-transcripts.md for the recipe this follows.
 */

const CONVERSATION_TYPES = new Set(['user', 'assistant', 'system']);
/** Record types Claude Code writes that hold nothing this parser uses. */
const IGNORED_TYPES = new Set([
  'summary', 'ai-title', 'custom-title', 'file-history-snapshot', 'queue-operation', 'attachment', 'progress',
  'tag', 'last-prompt', 'agent-name', 'pr-link', 'mode',
]);
/** User text that is not a typed prompt: slash-command echoes, the user's own `!` shell commands, reminders. */
const NOT_A_PROMPT = /^\s*(?:<command-name>|<command-message>|<command-args>|<local-command-stdout>|<local-command-stderr>|<bash-input>|<bash-stdout>|<bash-stderr>|<system-reminder>|Caveat:)/;
const INTERRUPTED = /^\s*\[Request interrupted by user/;
const REJECTED = /^The user doesn't want to proceed with this tool use/;
const STOPPED = /^The user doesn't want to take this action right now/;
const EXIT_CODE = /^(?:Error: )?Exit code (\d+)/;
const EDIT_TOOLS = new Set(['Edit', 'MultiEdit', 'Write', 'NotebookEdit']);

interface OpenCall {
  readonly time: string;
  readonly sessionId: string;
  readonly name: string;
  readonly input: JsonObject;
  readonly ids: AgentIds;
  readonly model?: string;
  readonly tokens?: AgentTokens;
  readonly cwd?: string;
  readonly sidechain: boolean;
}

export const claudeCodeFormat: TranscriptFormat = {
  agent: 'claude-code',
  recognizes(record: unknown): boolean {
    const type = str(record, 'type');
    if (type === undefined) return false;
    if (CONVERSATION_TYPES.has(type)) return str(record, 'uuid') !== undefined && str(record, 'sessionId') !== undefined;
    return type === 'file-history-snapshot' || type === 'summary' && str(record, 'leafUuid') !== undefined;
  },
  createParser: (options?: ParserOptions) => new ClaudeCodeParser(options?.redact, options?.subagentOf),
};

export class ClaudeCodeParser implements TranscriptParser {
  readonly agent = 'claude-code' as const;
  private readonly seenLines = new Set<string>();
  private readonly open = new Map<string, OpenCall>();
  /** Usage is repeated on every line of one API response: count it once, on the first event of the response. */
  private readonly countedUsage = new Set<string>();
  private lastSessionId = 'unknown';

  /** `subagentOf`: every line is a sub-agent's, attributed to that parent session (see {@link ParserOptions}). */
  constructor(private readonly redactOptions?: RedactOptions, private readonly subagentOf?: string) {}

  get pending(): boolean {
    return this.open.size > 0;
  }

  accept(record: unknown): ParseResult {
    if (!isObject(record)) return NOTHING;
    const type = str(record, 'type');
    if (type !== undefined && IGNORED_TYPES.has(type)) return NOTHING;
    if (type === undefined || !CONVERSATION_TYPES.has(type)) return unknownRecord(type);
    // A resumed session's file starts with copies of earlier lines, original uuids and all.
    const uuid = str(record, 'uuid');
    if (uuid !== undefined) {
      if (this.seenLines.has(uuid)) return NOTHING;
      this.seenLines.add(uuid);
    }
    const time = isoTime(record.timestamp);
    if (time === undefined) return NOTHING;
    this.lastSessionId = this.subagentOf ?? str(record, 'sessionId') ?? this.lastSessionId;
    if (type === 'assistant') return { events: this.assistant(record, time) };
    if (type === 'user') return { events: this.user(record, time) };
    return { events: this.system(record, time) };
  }

  finish(): AgentEvent[] {
    const events = [...this.open.entries()].map(([id, call]) => this.toolEvent(id, call, { status: 'unknown' }));
    this.open.clear();
    return events;
  }

  openCalls(): AgentEvent[] {
    return [...this.open.entries()].map(([id, call]) => ({ ...this.toolEvent(id, call, { status: 'unknown' }), stillRunning: true }));
  }

  private base(record: JsonObject, time: string): Pick<AgentEvent, 'time' | 'agent' | 'sessionId'> & { cwd?: string; sidechain?: boolean } {
    const cwd = str(record, 'cwd');
    return {
      time, agent: this.agent, sessionId: this.lastSessionId,
      ...(cwd !== undefined ? { cwd } : {}),
      ...(this.isSidechain(record) ? { sidechain: true } : {}),
    };
  }

  /** A sub-agent's line: marked inline (`isSidechain`), or in a sub-agent's own file. */
  private isSidechain(record: JsonObject): boolean {
    return record.isSidechain === true || this.subagentOf !== undefined;
  }

  private assistant(record: JsonObject, time: string): AgentEvent[] {
    const message = obj(record, 'message');
    const content = arr(message, 'content') ?? [];
    const rawModel = str(message, 'model');
    const model = rawModel !== undefined && rawModel !== '<synthetic>' ? rawModel : undefined;
    const messageId = str(message, 'id');
    const requestId = str(record, 'requestId');
    const uuid = str(record, 'uuid');
    const ids: AgentIds = { ...(uuid ? { uuid } : {}), ...(messageId ? { messageId } : {}), ...(requestId ? { requestId } : {}) };
    const events: AgentEvent[] = [];
    content.forEach((block, index) => {
      const blockType = str(block, 'type');
      if (blockType === 'text') {
        const text = str(block, 'text') ?? '';
        if (text.trim() === '') return;
        const safe = safeText(text, this.redactOptions, MAX_REPLY_TEXT);
        const tokens = this.claimUsage(message, messageId, requestId);
        events.push({
          ...this.base(record, time), kind: 'reply', key: `claude-code:${uuid ?? `${messageId}:${time}`}:${index}`, ids,
          ...safe, ...(model ? { model } : {}), ...(tokens ? { tokens } : {}),
        });
      } else if (blockType === 'tool_use') {
        const id = str(block, 'id');
        const name = str(block, 'name');
        if (id === undefined || name === undefined) return;
        const tokens = this.claimUsage(message, messageId, requestId);
        const { cwd, sidechain } = this.base(record, time);
        this.open.set(id, {
          time, sessionId: this.lastSessionId, name, input: obj(block, 'input') ?? {}, ids: { ...ids, toolCallId: id },
          ...(model ? { model } : {}), ...(tokens ? { tokens } : {}), ...(cwd !== undefined ? { cwd } : {}), sidechain: sidechain === true,
        });
      }
    });
    return events;
  }

  private claimUsage(message: JsonObject | undefined, messageId: string | undefined, requestId: string | undefined): AgentTokens | undefined {
    const usage = obj(message, 'usage');
    if (usage === undefined) return undefined;
    const key = `${messageId ?? ''}:${requestId ?? ''}`;
    if (messageId !== undefined && this.countedUsage.has(key)) return undefined;
    this.countedUsage.add(key);
    const cacheRead = num(usage, 'cache_read_input_tokens');
    const cacheWrite = num(usage, 'cache_creation_input_tokens');
    return {
      input: num(usage, 'input_tokens') ?? 0, output: num(usage, 'output_tokens') ?? 0,
      ...(cacheRead !== undefined ? { cacheRead } : {}), ...(cacheWrite !== undefined ? { cacheWrite } : {}),
    };
  }

  private user(record: JsonObject, time: string): AgentEvent[] {
    const message = obj(record, 'message');
    const content = message?.content;
    const blocks = Array.isArray(content) ? content : [];
    const results = blocks.filter((b) => str(b, 'type') === 'tool_result');
    if (results.length > 0) {
      const events: AgentEvent[] = [];
      for (const result of results) {
        const event = this.completeCall(result, record, time, results.length === 1);
        if (event) events.push(event);
      }
      return events;
    }
    if (record.isMeta === true || record.isCompactSummary === true) return [];
    const text = typeof content === 'string'
      ? content
      : blocks.filter((b) => str(b, 'type') === 'text').map((b) => str(b, 'text') ?? '').join('\n');
    if (text.trim() === '' || NOT_A_PROMPT.test(text)) return [];
    const uuid = str(record, 'uuid');
    const key = `claude-code:${uuid ?? `${this.lastSessionId}:${time}`}`;
    const ids: AgentIds = uuid ? { uuid } : {};
    if (INTERRUPTED.test(text)) return [{ ...this.base(record, time), kind: 'interrupt', key, ids }];
    // A sub-agent's prompt is written by the main agent, not typed by the person.
    if (this.isSidechain(record)) return [];
    return [{ ...this.base(record, time), kind: 'prompt', key, ids, ...safeText(text, this.redactOptions) }];
  }

  private system(record: JsonObject, time: string): AgentEvent[] {
    if (str(record, 'subtype') !== 'compact_boundary') return [];
    const uuid = str(record, 'uuid');
    const meta = obj(record, 'compactMetadata');
    const trigger = str(meta, 'trigger');
    const preTokens = num(meta, 'preTokens');
    return [{
      ...this.base(record, time), kind: 'compaction', key: `claude-code:${uuid ?? `${this.lastSessionId}:${time}`}`, ids: uuid ? { uuid } : {},
      ...(trigger !== undefined ? { trigger } : {}), ...(preTokens !== undefined ? { preTokens } : {}),
    }];
  }

  private completeCall(result: unknown, record: JsonObject, time: string, ownsToolUseResult: boolean): AgentEvent | undefined {
    const id = str(result, 'tool_use_id');
    if (id === undefined) return undefined;
    const call = this.open.get(id);
    if (call === undefined) return undefined;
    this.open.delete(id);
    const text = resultText(isObject(result) ? result.content : undefined);
    // `toolUseResult` describes the line's result; with several results in one line it cannot be attributed.
    const detail = ownsToolUseResult ? record.toolUseResult : undefined;
    const status = resultStatus(text, isObject(result) && result.is_error === true, detail);
    const end = { end: time, status };
    const line = status === 'ok' ? undefined : statusLine(typeof detail === 'string' && text === '' ? detail : text, this.redactOptions);
    return this.toolEvent(id, call, { ...end, ...(line !== undefined ? { statusLine: line } : {}) }, text, detail);
  }

  private toolEvent(
    id: string, call: OpenCall, outcome: { status: AgentToolStatus; end?: string; statusLine?: string }, text = '', detail?: unknown,
  ): AgentEvent {
    const event: AgentEvent = {
      time: call.time, agent: this.agent, sessionId: call.sessionId, kind: 'tool', key: `claude-code:tool:${id}`, ids: call.ids,
      tool: call.name, ...outcome,
      ...(call.model ? { model: call.model } : {}), ...(call.tokens ? { tokens: call.tokens } : {}),
      ...(call.cwd !== undefined ? { cwd: call.cwd } : {}), ...(call.sidechain ? { sidechain: true } : {}),
    };
    if (call.name === 'Bash') return { ...event, ...this.shell(call, outcome.status, text, detail) };
    if (EDIT_TOOLS.has(call.name) && outcome.status === 'ok') return { ...event, ...fileEdit(call, detail) };
    return event;
  }

  private shell(call: OpenCall, status: AgentToolStatus, text: string, detail: unknown): Partial<AgentEvent> {
    const raw = str(call.input, 'command');
    const command = raw === undefined ? {} : { command: safeText(raw, this.redactOptions).text };
    return { ...command, ...shellOutcome(status, text, detail, call.input.run_in_background === true) };
  }
}

/** The text of a tool_result's content: a string, or text blocks. */
function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.filter((b) => str(b, 'type') === 'text').map((b) => str(b, 'text') ?? '').join('\n');
}

function resultStatus(text: string, isError: boolean, detail: unknown): AgentToolStatus {
  if (REJECTED.test(text)) return 'rejected';
  if (STOPPED.test(text) || INTERRUPTED.test(text) || (isObject(detail) && detail.interrupted === true)) return 'interrupted';
  return isError ? 'failed' : 'ok';
}

/** Exit code and a corrected status for a Bash call; never success without the evidence of a result object. */
function shellOutcome(status: AgentToolStatus, text: string, detail: unknown, background: boolean): { exitCode: number | null; status: AgentToolStatus } {
  if (status === 'failed') {
    const match = EXIT_CODE.exec(text) ?? (typeof detail === 'string' ? EXIT_CODE.exec(detail) : null);
    return { exitCode: match ? Number(match[1]) : null, status };
  }
  if (status !== 'ok') return { exitCode: null, status };
  // A background command has only started; a result without its result object proves nothing.
  if (background || !isObject(detail)) return { exitCode: null, status: 'unknown' };
  return { exitCode: 0, status: 'ok' };
}

function fileEdit(call: OpenCall, detail: unknown): Partial<AgentEvent> {
  const path = str(detail, 'filePath') ?? str(call.input, 'file_path') ?? str(call.input, 'notebook_path');
  const paths = path !== undefined ? { paths: [path] } : {};
  if (call.name === 'Write' && str(detail, 'type') === 'create') {
    const body = str(call.input, 'content') ?? str(detail, 'content') ?? '';
    return { ...paths, created: true, added: countLines(body), removed: 0 };
  }
  const hunks = arr(detail, 'structuredPatch');
  if (hunks === undefined) return paths;
  let added = 0;
  let removed = 0;
  for (const hunk of hunks) {
    for (const line of arr(hunk, 'lines') ?? []) {
      if (typeof line !== 'string') continue;
      if (line.startsWith('+')) added++;
      else if (line.startsWith('-')) removed++;
    }
  }
  return { ...paths, added, removed };
}

function countLines(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}
