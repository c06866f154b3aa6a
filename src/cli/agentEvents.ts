/**
 * `session-journal agent-events FILE... [--json]`: the normalized events of Claude Code and
 * Codex CLI transcripts, for an agent user working in a terminal without the editor. Events
 * of several files are merged in time order and each is printed once (a resumed session's
 * file repeats the lines of the one it resumed).
 */
import { parseArgs } from 'node:util';
import type { AgentEvent } from '../core/agent/agentEvent';
import { importTranscript } from '../core/agent/transcriptImport';
import { describeIoError, EXIT_OK, EXIT_USAGE, usageError } from './cliIo';
import type { CliIo } from './cliIo';

export const AGENT_EVENTS_USAGE = `agent-events prints the prompts, replies, tool calls, interruptions and compactions of
Claude Code and Codex CLI transcripts (which agent wrote a file is read from its content),
redacted, in time order, each event once.

Options:
  --json           print one JSON array of events

Skipped lines are reported on stderr as FILE:LINE: reason.
Exit status: 0 the files were read, 2 usage error or a file could not be read.
`;

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parse(args: readonly string[]): { files: string[]; json: boolean } | string {
  let parsed: { values: { json?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return usageError(error);
  }
  const files = parsed.positionals.slice(1);
  if (files.length === 0) return 'no transcript files given';
  return { files, json: parsed.values.json === true };
}

async function bytesOf(io: CliIo, file: string): Promise<Uint8Array> {
  return io.readBytes ? io.readBytes(file) : new TextEncoder().encode(await io.readFile(file));
}

/** `args` holds the whole command line after the program name, `agent-events` included. */
export async function runAgentEvents(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const options = parse(args);
  if (typeof options === 'string') {
    io.stderr.write(`session-journal: ${options}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const events: AgentEvent[] = [];
  const seen = new Set<string>();
  let unreadable = false;
  for (const file of options.files) {
    let bytes: Uint8Array;
    try {
      bytes = await bytesOf(io, file);
    } catch (error) {
      unreadable = true;
      io.stderr.write(`session-journal: cannot read '${file}': ${describeIoError(error)}\n`);
      continue;
    }
    const result = importTranscript(bytes);
    for (const problem of result.problems) io.stderr.write(`${file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.reason}\n`);
    for (const event of result.events) {
      if (seen.has(event.key)) continue;
      seen.add(event.key);
      events.push(event);
    }
  }
  // Stable: events of one instant keep the order the transcript gave them.
  events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  io.stdout.write(options.json ? `${JSON.stringify(events, null, 2)}\n` : table(events));
  return unreadable ? EXIT_USAGE : EXIT_OK;
}

function table(events: readonly AgentEvent[]): string {
  if (events.length === 0) return 'no agent events\n';
  const rows = events.map((e) => [e.time, e.agent, e.kind === 'tool' ? `tool ${e.tool ?? '?'}` : e.kind, e.status ?? '', describe(e)]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd());
  return `${lines.join('\n')}\n${events.length} event${events.length === 1 ? '' : 's'}\n`;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`;
}

/** One line of what an event says; newlines folded so each event stays one row. */
function describe(e: AgentEvent): string {
  const parts: string[] = [];
  if (e.command !== undefined) parts.push(`$ ${e.command}`);
  if (e.exitCode !== undefined) parts.push(e.exitCode === null ? 'exit ?' : `exit ${e.exitCode}`);
  const ms = e.durationMs ?? (e.end !== undefined ? Date.parse(e.end) - Date.parse(e.time) : undefined);
  if (ms !== undefined) parts.push(seconds(ms));
  if (e.paths) parts.push(e.paths.join(', '));
  if (e.added !== undefined || e.removed !== undefined) parts.push(`+${e.added ?? 0} -${e.removed ?? 0}${e.created ? ' (created)' : ''}`);
  if (e.statusLine !== undefined) parts.push(`— ${e.statusLine}`);
  if (e.text !== undefined) parts.push(e.text);
  if (e.kind === 'compaction') parts.push([e.trigger, e.preTokens !== undefined ? `${e.preTokens} tokens before` : undefined].filter(Boolean).join(', '));
  return parts.filter((p) => p !== '').join('  ').replace(/\s*\n\s*/g, ' ⏎ ');
}
