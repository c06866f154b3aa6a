/**
 * `session-journal draft --transcript FILE [--out DIR]`: a draft retrospective of one agent
 * session read from its transcript alone (Claude Code or Codex), for an agent user who works in
 * a terminal without the editor. The agent's real times, its prompts and milestones on the
 * timeline, its commands, failures, files and figures in the metrics; the parts only a person
 * knows are hints, as in the editor's draft. Once those are written, it passes the same rules.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { agentJournal } from '../core/agent/agentJournal';
import { importTranscript } from '../core/agent/transcriptImport';
import { buildRetrospective } from '../core/retrospective/buildRetrospective';
import { renderRetrospective } from '../core/retrospective/renderRetrospective';
import { retrospectiveFileName, uniqueFileName } from '../core/retrospective/retrospectiveFile';
import { describeIoError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, usageError } from './cliIo';
import type { CliIo } from './cliIo';

export const DRAFT_USAGE = `draft writes a draft retrospective of the agent session in a Claude Code or Codex
transcript: its real times, timeline, commands, failures, files and metrics, with hints
where only you can write.

Options:
  --transcript FILE  the agent's transcript (.jsonl)
  --out DIR          write the draft into DIR (named like the editor's drafts) instead of stdout

Exit status: 0 the draft was written, 1 the file holds no agent session, 2 usage or I/O error.
`;

/** The editor's default `sessionJournal.idleMinutes`. */
const DEFAULT_IDLE_MINUTES = 15;

const OPTIONS = {
  transcript: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parse(args: readonly string[]): { transcript: string; out?: string } | string {
  let parsed: { values: { transcript?: string; out?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return usageError(error, ['--transcript', '--out']);
  }
  const { transcript, out } = parsed.values;
  if (parsed.positionals.length > 1) return `unexpected argument '${parsed.positionals[1]}'`;
  if (!transcript) return '--transcript needs a file';
  if (out === '') return '--out needs a folder';
  return out === undefined ? { transcript } : { transcript, out };
}

/** The machine's offset from UTC at `time`, as the editor records it at a session's start. */
function localOffset(time: number): number {
  return -new Date(time).getTimezoneOffset();
}

/** `args` holds the whole command line after the program name, `draft` included. */
export async function runDraft(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const options = parse(args);
  if (typeof options === 'string') {
    io.stderr.write(`session-journal: ${options}\n\n${usage}`);
    return EXIT_USAGE;
  }
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes ? await io.readBytes(options.transcript) : new TextEncoder().encode(await io.readFile(options.transcript));
  } catch (error) {
    io.stderr.write(`session-journal: cannot read '${options.transcript}': ${describeIoError(error)}\n`);
    return EXIT_USAGE;
  }
  const result = importTranscript(bytes);
  for (const p of result.problems) io.stderr.write(`${options.transcript}${p.line > 0 ? `:${p.line}` : ''}: ${p.reason}\n`);
  const firstTime = result.events.length > 0 ? Date.parse(result.events[0].time) : Date.now();
  const utcOffsetMinutes = (io.utcOffsetMinutes ?? localOffset)(firstTime);
  const journal = agentJournal(result.events, { utcOffsetMinutes, ...(io.home ? { home: io.home } : {}) });
  if (journal.length === 0) {
    io.stderr.write(`session-journal: '${options.transcript}' holds no agent session this version reads\n`);
    return EXIT_FAILED;
  }
  // No idle detector ran: a silence longer than the editor's default idle threshold between the agent's turns is not active time.
  const model = buildRetrospective(journal, { now: journal[journal.length - 1].time, utcOffsetMinutes, idleMinutes: DEFAULT_IDLE_MINUTES });
  const markdown = renderRetrospective(model);
  if (options.out === undefined) {
    io.stdout.write(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    return EXIT_OK;
  }
  if (!io.writeFile) {
    io.stderr.write('session-journal: this build cannot write files\n');
    return EXIT_USAGE;
  }
  const out = options.out;
  const name = uniqueFileName(retrospectiveFileName(model.start, utcOffsetMinutes, `${model.metrics.agent?.agents[0] ?? 'agent'} session`), (n) => io.exists?.(join(out, n)) ?? false);
  const file = join(out, name);
  try {
    await io.writeFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (error) {
    io.stderr.write(`session-journal: cannot write '${file}': ${describeIoError(error)}\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(`${file}\n`);
  return EXIT_OK;
}
