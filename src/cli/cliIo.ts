/**
 * What every `session-journal` subcommand shares: where it reads and writes, its exit codes,
 * and the wording of I/O and usage errors.
 */

/** Where the CLI reads and writes; process streams in production, fakes in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readFile(path: string): Promise<string>;
  /** The file's bytes, for readers that work on bytes (agent transcripts); falls back to `readFile`. */
  readBytes?(path: string): Promise<Uint8Array>;
  /** Writes a new file, creating its folder; only `draft --out` writes. */
  writeFile?(path: string, text: string): Promise<void>;
  exists?(path: string): boolean;
  /** Minutes local time is ahead of UTC at `time` (the machine's zone); tests pass a fixed one. */
  utcOffsetMinutes?(time: number): number;
  /** The home directory, to show paths outside the agent's folder as `~/…`. */
  readonly home?: string;
}

/** Exit codes of the contract in retrospective-format.md. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A readable reason for an I/O error, e.g. "no such file". */
export function describeIoError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    default: return error instanceof Error ? error.message : String(error);
  }
}

/** The option a parseArgs error names ("Unknown option '--frobnicate'. …"), when it names one. */
function optionIn(message: string): string | undefined {
  return /'(-[^'\s]*)/.exec(message)?.[1];
}

/** parseArgs' errors as short usage messages in the CLI's own words; `valueNeeded` names options that take a file. */
export function usageError(error: unknown, valueNeeded: readonly string[] = []): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const option = optionIn(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option ?? message}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && valueNeeded.includes(option)) return `${option} needs a file`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) return `option '${option}' takes no value`;
  return message;
}
