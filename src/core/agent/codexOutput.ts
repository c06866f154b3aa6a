import { isObject, num, str } from './recordFields';

/**
 * What a Codex tool output says about how the call ended. Codex does not write its
 * `exec_command_end` events to disk, so the exit code is read from the output text the
 * model was given, whose shape changed across releases:
 *  - 2025 `shell` era: a JSON string `{"output": …, "metadata": {"exit_code", "duration_seconds"}}`;
 *  - a header before `Output:` with `Exit code: N` or `Process exited with code N` and `Wall time: S seconds`;
 *  - `Process running with session ID N`: the command has not finished.
 * The exit code is only ever read from the header, never from the program's own output.
 */
export interface CodexOutcome {
  /** The output text (only used for a status line, never stored whole). */
  readonly text: string;
  readonly exitCode: number | null;
  readonly durationMs?: number;
  readonly running: boolean;
  /** The output object said `success: false`. */
  readonly unsuccessful: boolean;
}

const OUTPUT_MARKER = /^Output:\s*$/m;

export function readCodexOutput(output: unknown): CodexOutcome {
  const unsuccessful = isObject(output) && output.success === false;
  const text = outputText(output);
  const json = metadataForm(text);
  if (json) return { ...json, running: false, unsuccessful };
  const marker = OUTPUT_MARKER.exec(text);
  // Without an `Output:` line the whole text is the program's: nothing can be read from it.
  const header = marker ? text.slice(0, marker.index) : headerOnly(text);
  const exit = /^(?:Exit code:|Process exited with code)\s*(-?\d+)\s*$/m.exec(header);
  const wall = /^Wall time:\s*([\d.]+)\s*seconds?\s*$/m.exec(header);
  const running = /^Process running with session ID \S+/m.test(header);
  return {
    text: marker ? text.slice(marker.index + marker[0].length).replace(/^\n/, '') : text,
    exitCode: exit ? Number(exit[1]) : null,
    ...(wall ? { durationMs: Math.round(Number(wall[1]) * 1000) } : {}),
    running, unsuccessful,
  };
}

/** A text made only of header lines (`Key: value`), as when a command printed nothing. */
function headerOnly(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => /^[A-Z][A-Za-z ]+(?::| with | exited )/.test(l)) ? text : '';
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return output.map((item) => str(item, 'text') ?? '').join('\n');
  if (isObject(output)) {
    const content = output.content;
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) return content.map((item) => str(item, 'text') ?? '').join('\n');
  }
  return '';
}

function metadataForm(text: string): Omit<CodexOutcome, 'running' | 'unsuccessful'> | undefined {
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const metadata = isObject(parsed) ? parsed.metadata : undefined;
  if (!isObject(metadata)) return undefined;
  const exitCode = num(metadata, 'exit_code');
  const seconds = num(metadata, 'duration_seconds');
  return {
    text: str(parsed, 'output') ?? '',
    exitCode: exitCode ?? null,
    ...(seconds !== undefined ? { durationMs: Math.round(seconds * 1000) } : {}),
  };
}
