import type { RedactOptions } from '../redaction/redact';
import type { AgentEvent, AgentIds, AgentTokens, AgentToolStatus } from './agentEvent';
import { readCodexOutput } from './codexOutput';
import type { CodexOutcome } from './codexOutput';
import { summarizePatch } from './codexPatch';
import { NOTHING, unknownRecord } from './parseResult';
import type { ParseResult } from './parseResult';
import { arr, isObject, isoTime, num, obj, str } from './recordFields';
import type { JsonObject } from './recordFields';
import { MAX_REPLY_TEXT, safeText, statusLine } from './safeText';
import type { ParserOptions, TranscriptFormat, TranscriptParser } from './transcriptParser';

/**
 * Codex CLI's rollout files (`~/.codex/sessions/YYYY/MM/DD/rollout-…-<uuid>.jsonl`): lines of
 * `{timestamp, type, payload}`. Prompts are `event_msg/user_message`, tool calls are
 * `response_item/function_call` (or `custom_tool_call`, `local_shell_call`) paired by
 * `call_id` with their output, turns end with `task_complete` or `turn_aborted`.
 */

const TOP_LEVEL_TYPES = new Set(['session_meta', 'turn_context', 'response_item', 'event_msg', 'compacted']);
/** Text Codex itself puts in the user's place: environment, instructions. */
const SYNTHETIC_PROMPT = /^\s*(?:<environment_context>|<user_instructions>|<user_shell_command>|# AGENTS\.md instructions for )/;
const REJECTED = /rejected by (?:the )?user/i;
const PATCH_FAILED = /^(?:apply_patch verification failed|Failed to apply patch|Invalid patch|error:)/i;
const SHELL_TOOLS = new Set(['shell', 'container.exec', 'shell_command', 'exec_command', 'local_shell']);

interface OpenCall {
  readonly time: string;
  readonly name: string;
  readonly ids: AgentIds;
  readonly command?: string;
  readonly patch?: string;
  readonly model?: string;
}

export const codexFormat: TranscriptFormat = {
  agent: 'codex',
  recognizes(record: unknown): boolean {
    const type = str(record, 'type');
    return type !== undefined && TOP_LEVEL_TYPES.has(type) && isObject(record) && isObject(record.payload) && str(record, 'timestamp') !== undefined;
  },
  createParser: (options?: ParserOptions) => new CodexParser(options?.redact),
};

export class CodexParser implements TranscriptParser {
  readonly agent = 'codex' as const;
  private sessionId = 'unknown';
  private model: string | undefined;
  private turnId: string | undefined;
  private readonly open = new Map<string, OpenCall>();
  private readonly seenCalls = new Set<string>();
  /** `patch_apply_end.success` by call id, which arrives before the patch call's output. */
  private readonly patchResults = new Map<string, { success: boolean; paths: string[] }>();
  /** The last reply waits for the `token_count` that follows its response. */
  private heldReply: AgentEvent | undefined;
  /** Usage of responses that had no reply text yet: it goes on the next reply, so the sum stays right. */
  private unattached: AgentTokens | undefined;
  /** `compacted` and `context_compacted` describe the same compaction. */
  private compactionJustEmitted = false;

  constructor(private readonly redactOptions?: RedactOptions) {}

  get pending(): boolean {
    // A compaction just returned: its twin line must be read by the same parser, or it counts twice.
    return this.open.size > 0 || this.heldReply !== undefined || this.compactionJustEmitted;
  }

  accept(record: unknown): ParseResult {
    const type = str(record, 'type');
    if (type === undefined || !TOP_LEVEL_TYPES.has(type) || !isObject(record)) return unknownRecord(type);
    const payload = obj(record, 'payload') ?? {};
    if (type === 'session_meta') {
      if (this.sessionId === 'unknown') this.sessionId = str(payload, 'id') ?? this.sessionId;
      return NOTHING;
    }
    if (type === 'turn_context') {
      this.model = str(payload, 'model') ?? this.model;
      this.turnId = str(payload, 'turn_id') ?? this.turnId;
      return NOTHING;
    }
    const time = isoTime(record.timestamp);
    if (time === undefined) return NOTHING;
    const events = type === 'response_item' ? this.responseItem(payload, time)
      : type === 'event_msg' ? this.eventMsg(payload, time)
        : this.compaction(time, 'compacted');
    return { events };
  }

  finish(): AgentEvent[] {
    const events = this.releaseReply();
    for (const [id, call] of this.open) events.push(this.toolEvent(id, call, { status: 'unknown' }));
    this.open.clear();
    return events;
  }

  openCalls(): AgentEvent[] {
    return [...this.open.entries()].map(([id, call]) => ({ ...this.toolEvent(id, call, { status: 'unknown' }), stillRunning: true }));
  }

  private base(time: string): Pick<AgentEvent, 'time' | 'agent' | 'sessionId'> {
    return { time, agent: this.agent, sessionId: this.sessionId };
  }

  private ids(extra: AgentIds = {}): AgentIds {
    return { ...(this.turnId ? { turnId: this.turnId } : {}), ...extra };
  }

  private responseItem(payload: JsonObject, time: string): AgentEvent[] {
    // Any item of the conversation separates one compaction from the next.
    this.compactionJustEmitted = false;
    const itemType = str(payload, 'type');
    if (itemType === 'message' && str(payload, 'role') === 'assistant') return this.reply(payload, time);
    if (itemType === 'function_call' || itemType === 'custom_tool_call' || itemType === 'local_shell_call') {
      this.startCall(payload, time);
      return [];
    }
    if (itemType === 'function_call_output' || itemType === 'custom_tool_call_output') return this.endCall(payload, time);
    return [];
  }

  private reply(payload: JsonObject, time: string): AgentEvent[] {
    const text = (arr(payload, 'content') ?? []).map((c) => str(c, 'text') ?? '').join('\n');
    if (text.trim() === '') return [];
    const released = this.releaseReply();
    this.heldReply = {
      ...this.base(time), kind: 'reply', key: `codex:reply:${time}:${hash(text)}`, ids: this.ids(),
      ...safeText(text, this.redactOptions, MAX_REPLY_TEXT), ...(this.model ? { model: this.model } : {}),
    };
    return released;
  }

  private releaseReply(tokens?: AgentTokens): AgentEvent[] {
    const reply = this.heldReply;
    this.heldReply = undefined;
    if (reply === undefined) {
      if (tokens) this.unattached = addTokens(this.unattached, tokens);
      return [];
    }
    const total = addTokens(this.unattached, tokens);
    this.unattached = undefined;
    this.compactionJustEmitted = false;
    return [total ? { ...reply, tokens: total } : reply];
  }

  private startCall(payload: JsonObject, time: string): void {
    const id = str(payload, 'call_id') ?? str(payload, 'id');
    if (id === undefined || this.seenCalls.has(id)) return;
    this.seenCalls.add(id);
    const itemType = str(payload, 'type');
    const name = itemType === 'local_shell_call' ? 'local_shell' : str(payload, 'name') ?? 'unknown';
    const args = itemType === 'function_call' ? parseArguments(str(payload, 'arguments')) : undefined;
    const command = itemType === 'local_shell_call' ? argvCommand(obj(payload, 'action')?.command) : shellCommand(name, args);
    const patch = name === 'apply_patch' ? (str(payload, 'input') ?? str(args, 'input') ?? str(args, 'patch')) : undefined;
    this.open.set(id, {
      time, name, ids: this.ids({ toolCallId: id }),
      ...(command !== undefined ? { command: safeText(command, this.redactOptions).text } : {}),
      ...(patch !== undefined ? { patch } : {}), ...(this.model ? { model: this.model } : {}),
    });
  }

  private endCall(payload: JsonObject, time: string): AgentEvent[] {
    const id = str(payload, 'call_id');
    const call = id === undefined ? undefined : this.open.get(id);
    if (id === undefined || call === undefined) return [];
    this.open.delete(id);
    const outcome = readCodexOutput(payload.output);
    return [this.toolEvent(id, call, { status: this.status(id, call, outcome), end: time }, outcome)];
  }

  private status(id: string, call: OpenCall, outcome: CodexOutcome): AgentToolStatus {
    if (REJECTED.test(outcome.text.slice(0, 200))) return 'rejected';
    if (call.patch !== undefined) {
      const applied = this.patchResults.get(id);
      if (applied) return applied.success ? 'ok' : 'failed';
      if (outcome.exitCode !== null) return outcome.exitCode === 0 ? 'ok' : 'failed';
      if (outcome.unsuccessful || PATCH_FAILED.test(outcome.text)) return 'failed';
      return /^Success\b/.test(outcome.text) ? 'ok' : 'unknown';
    }
    if (call.command !== undefined) {
      if (outcome.running || outcome.exitCode === null) return outcome.unsuccessful ? 'failed' : 'unknown';
      return outcome.exitCode === 0 ? 'ok' : 'failed';
    }
    return outcome.unsuccessful ? 'failed' : 'ok';
  }

  private toolEvent(id: string, call: OpenCall, end: { status: AgentToolStatus; end?: string }, outcome?: CodexOutcome): AgentEvent {
    const line = end.status !== 'ok' && outcome ? statusLine(outcome.text, this.redactOptions) : undefined;
    const event: AgentEvent = {
      time: call.time, agent: this.agent, sessionId: this.sessionId, kind: 'tool', key: `codex:tool:${id}`, ids: call.ids,
      tool: call.name, ...end, ...(line !== undefined ? { statusLine: line } : {}), ...(call.model ? { model: call.model } : {}),
    };
    if (call.command !== undefined) {
      const exitCode = end.status === 'ok' || end.status === 'failed' ? outcome?.exitCode ?? null : null;
      return { ...event, command: call.command, exitCode, ...(outcome?.durationMs !== undefined ? { durationMs: outcome.durationMs } : {}) };
    }
    if (call.patch !== undefined && end.status === 'ok') {
      const summary = summarizePatch(call.patch);
      const applied = this.patchResults.get(id);
      const paths = applied && applied.paths.length > 0 ? applied.paths : summary.paths;
      return { ...event, paths, added: summary.added, removed: summary.removed, ...(summary.created ? { created: true } : {}) };
    }
    return event;
  }

  private eventMsg(payload: JsonObject, time: string): AgentEvent[] {
    switch (str(payload, 'type')) {
      case 'user_message': return [...this.releaseReply(), ...this.prompt(str(payload, 'message') ?? '', time)];
      case 'token_count': {
        const usage = obj(obj(payload, 'info'), 'last_token_usage');
        return usage ? this.releaseReply(tokensOf(usage)) : [];
      }
      case 'task_started':
        this.turnId = str(payload, 'turn_id') ?? this.turnId;
        return [];
      case 'task_complete': return this.releaseReply();
      case 'turn_aborted': return this.aborted(str(payload, 'reason'), time);
      case 'patch_apply_end': {
        const id = str(payload, 'call_id');
        if (id !== undefined) this.patchResults.set(id, { success: payload.success === true, paths: Object.keys(obj(payload, 'changes') ?? {}) });
        return [];
      }
      case 'context_compacted': return this.compaction(time, 'context_compacted');
      default: return [];
    }
  }

  private prompt(text: string, time: string): AgentEvent[] {
    if (text.trim() === '' || SYNTHETIC_PROMPT.test(text)) return [];
    this.compactionJustEmitted = false;
    return [{ ...this.base(time), kind: 'prompt', key: `codex:prompt:${time}:${hash(text)}`, ids: this.ids(), ...safeText(text, this.redactOptions) }];
  }

  /** The person stopped the turn: calls without output were cut off. */
  private aborted(reason: string | undefined, time: string): AgentEvent[] {
    const events = this.releaseReply();
    for (const [id, call] of this.open) events.push(this.toolEvent(id, call, { status: 'interrupted', end: time }));
    this.open.clear();
    if (reason === undefined || reason === 'interrupted') {
      events.push({ ...this.base(time), kind: 'interrupt', key: `codex:interrupt:${this.sessionId}:${time}`, ids: this.ids() });
    }
    this.compactionJustEmitted = false;
    return events;
  }

  private compaction(time: string, source: string): AgentEvent[] {
    const events = this.releaseReply();
    if (this.compactionJustEmitted) return events;
    this.compactionJustEmitted = true;
    return [...events, { ...this.base(time), kind: 'compaction', key: `codex:${source}:${this.sessionId}:${time}`, ids: this.ids() }];
  }
}

function parseArguments(text: string | undefined): JsonObject | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The command line of a shell tool call, by era: argv array, `command` string, or `cmd`. */
function shellCommand(name: string, args: JsonObject | undefined): string | undefined {
  if (!SHELL_TOOLS.has(name) || args === undefined) return undefined;
  return argvCommand(args.command) ?? str(args, 'cmd');
}

/** `["bash", "-lc", "npm test"]` reads as `npm test`; another argv as its words joined. */
function argvCommand(command: unknown): string | undefined {
  if (typeof command === 'string') return command;
  if (!Array.isArray(command) || !command.every((w) => typeof w === 'string')) return undefined;
  const words = command as string[];
  if (words.length === 3 && /(?:^|\/)(?:ba|z)?sh$/.test(words[0]) && /^-l?c$/.test(words[1])) return words[2];
  return words.join(' ');
}

function tokensOf(usage: JsonObject): AgentTokens {
  const cached = num(usage, 'cached_input_tokens') ?? 0;
  // OpenAI's input count includes the cached part; keep `input` as the uncached input, as Claude reports it.
  return { input: Math.max(0, (num(usage, 'input_tokens') ?? 0) - cached), output: num(usage, 'output_tokens') ?? 0, cacheRead: cached };
}

function addTokens(a: AgentTokens | undefined, b: AgentTokens | undefined): AgentTokens | undefined {
  if (!a) return b;
  if (!b) return a;
  return { input: a.input + b.input, output: a.output + b.output, cacheRead: (a.cacheRead ?? 0) + (b.cacheRead ?? 0) };
}

/** A short, stable digest for keys of events Codex gives no id of their own (FNV-1a, 32 bits). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
