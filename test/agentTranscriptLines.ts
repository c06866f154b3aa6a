/**
 * Builders of transcript lines as Claude Code and Codex CLI write them (the shapes of
 * /work/shared/agent-transcripts.md), for tests that write a transcript line by line the way an
 * agent does: the unit tests of the tailer and the integration tests in a real VS Code.
 */

export interface ClaudeLineContext {
  readonly sessionId: string;
  readonly cwd: string;
}

let counter = 0;
const nextUuid = (prefix: string): string => `${prefix}-${++counter}-${Math.random().toString(16).slice(2, 10)}`;

function claudeBase(ctx: ClaudeLineContext, time: Date, uuid: string): Record<string, unknown> {
  return {
    parentUuid: null, isSidechain: false, userType: 'external', cwd: ctx.cwd, sessionId: ctx.sessionId,
    version: '2.0.14', gitBranch: 'main', entrypoint: 'cli', uuid, timestamp: time.toISOString(),
  };
}

export const claude = {
  prompt(ctx: ClaudeLineContext, time: Date, text: string, uuid = nextUuid('u')): string {
    return JSON.stringify({ type: 'user', message: { role: 'user', content: text }, ...claudeBase(ctx, time, uuid) });
  },
  reply(ctx: ClaudeLineContext, time: Date, text: string, uuid = nextUuid('a')): string {
    return JSON.stringify({
      type: 'assistant',
      message: { id: `msg_${uuid}`, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text }], stop_reason: 'end_turn', usage: { input_tokens: 10, output_tokens: 20 } },
      requestId: `req_${uuid}`, ...claudeBase(ctx, time, uuid),
    });
  },
  bash(ctx: ClaudeLineContext, time: Date, toolId: string, command: string, uuid = nextUuid('a')): string {
    return JSON.stringify({
      type: 'assistant',
      message: { id: `msg_${uuid}`, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'tool_use', id: toolId, name: 'Bash', input: { command } }], stop_reason: 'tool_use', usage: { input_tokens: 10, output_tokens: 5 } },
      requestId: `req_${uuid}`, ...claudeBase(ctx, time, uuid),
    });
  },
  /** The result of a Bash call: exit 0 with its result object, or `Exit code N` with `is_error`. */
  bashResult(ctx: ClaudeLineContext, time: Date, toolId: string, exitCode: number, output = '', uuid = nextUuid('u')): string {
    const failed = exitCode !== 0;
    return JSON.stringify({
      type: 'user',
      message: { role: 'user', content: [{ tool_use_id: toolId, type: 'tool_result', content: failed ? `Exit code ${exitCode}\n${output}` : output, is_error: failed }] },
      ...claudeBase(ctx, time, uuid),
      toolUseResult: failed ? `Error: Exit code ${exitCode}\n${output}` : { stdout: output, stderr: '', interrupted: false, isImage: false },
    });
  },
  unknownRecord(time: Date): string {
    return JSON.stringify({ type: 'brand-new-record-type', timestamp: time.toISOString(), uuid: nextUuid('x'), data: { anything: true } });
  },
};

export interface CodexLineContext {
  readonly sessionId: string;
  readonly cwd: string;
}

function codexLine(time: Date, type: string, payload: Record<string, unknown>): string {
  return JSON.stringify({ timestamp: time.toISOString(), type, payload });
}

export const codex = {
  meta(ctx: CodexLineContext, time: Date): string {
    return codexLine(time, 'session_meta', { id: ctx.sessionId, timestamp: time.toISOString(), cwd: ctx.cwd, originator: 'codex_cli_rs', cli_version: '0.46.0', source: 'cli' });
  },
  turnContext(ctx: CodexLineContext, time: Date): string {
    return codexLine(time, 'turn_context', { cwd: ctx.cwd, approval_policy: 'on-request', model: 'gpt-5-codex' });
  },
  prompt(time: Date, text: string): string {
    return codexLine(time, 'event_msg', { type: 'user_message', message: text, kind: 'plain' });
  },
  shell(time: Date, callId: string, command: string): string {
    return codexLine(time, 'response_item', { type: 'function_call', name: 'shell', arguments: JSON.stringify({ command: ['bash', '-lc', command] }), call_id: callId });
  },
  shellResult(time: Date, callId: string, exitCode: number): string {
    return codexLine(time, 'response_item', { type: 'function_call_output', call_id: callId, output: JSON.stringify({ output: exitCode === 0 ? 'ok\n' : 'boom\n', metadata: { exit_code: exitCode, duration_seconds: 0.5 } }) });
  },
};
