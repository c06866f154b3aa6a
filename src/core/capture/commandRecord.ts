import type { CommandEvent, EventDraft } from '../journal/events';
import type { CommandSeen } from './sourceEvents';

/** Longest command line kept in the journal; longer ones are shortened after redaction. */
export const MAX_COMMAND_LINE = 4000;

/**
 * `text` cut to at most `max` characters, the cut marked with "…"; `cut` says whether it was,
 * so the caller can keep the original length.
 */
export function shortenText(text: string, max = MAX_COMMAND_LINE): { text: string; cut: boolean } {
  return text.length > max ? { text: `${text.slice(0, max - 1)}…`, cut: true } : { text, cut: false };
}

/**
 * A command as the pipeline has it after redaction: what the terminal reported
 * ({@link CommandSeen}), with the command line redacted and the cwd made displayable.
 */
export type CommandFacts = Omit<CommandSeen, 'kind' | 'commandLine'> & {
  /** The command line after redaction, before shortening. */
  readonly redacted: string;
  /** Length of the command line as the shell reported it, before redaction. */
  readonly rawLength: number;
};

/**
 * The command event to record. A line over `max` characters is cut (the cut marked with "…")
 * and keeps its original length, so a pasted megabyte never bloats the journal yet the reader
 * knows something was cut. A command whose end was not reported has an unknown exit code.
 */
export function commandDraft(f: CommandFacts, max = MAX_COMMAND_LINE): EventDraft<CommandEvent> {
  const whole: EventDraft<CommandEvent> = {
    kind: 'command',
    time: f.end,
    start: f.start,
    durationMs: Math.max(0, f.end - f.start),
    commandLine: f.redacted,
    confidence: f.confidence,
    ...(f.cwd ? { cwd: f.cwd } : {}),
    exitCode: f.endNotReported ? null : f.exitCode,
    terminal: f.terminal,
    ...(f.endNotReported ? { endNotReported: f.endNotReported } : {}),
  };
  return shortenCommand(whole, f.rawLength, max);
}

/**
 * Cuts a redacted command line over `max` characters (see {@link commandDraft}). Runs after
 * redaction, so a cut never leaves half a secret behind; `rawLength` is the length the shell reported.
 */
export function shortenCommand(draft: EventDraft<CommandEvent>, rawLength: number, max = MAX_COMMAND_LINE): EventDraft<CommandEvent> {
  const { text, cut } = shortenText(draft.commandLine, max);
  return cut ? { ...draft, commandLine: text, originalLength: rawLength } : draft;
}
