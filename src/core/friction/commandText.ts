/**
 * Command lines as the friction rules see them: compared after normalising, split into the
 * simple commands a shell would run, and shortened for a notification.
 */

/** A leading `NAME=value` (value bare or quoted), which changes the environment, not the command. */
const LEADING_ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'])*\s+/;

/**
 * Makes the same command typed twice compare equal: trims, collapses whitespace and drops
 * leading environment assignments (`CI=1 npm test` is `npm test`). Arguments are kept, so
 * `npm test` and `npm run build` stay different commands.
 */
export function normalizeCommand(commandLine: string): string {
  let line = commandLine.replace(/\s+/g, ' ').trim();
  for (;;) {
    const match = LEADING_ENV_ASSIGNMENT.exec(line);
    if (!match) break;
    line = line.slice(match[0].length);
  }
  return line;
}

/** A word of a shell command, or an operator (`&&`, `||`, `;`, `|`, `&`) between commands. */
export interface ShellToken {
  readonly text: string;
  readonly op: boolean;
}

const OPERATOR_CHARS = new Set([';', '|', '&', '\n']);

/**
 * Splits a command line roughly as a POSIX shell would: quotes group and disappear, a backslash
 * escapes, operators separate. Good enough to recognise `git clean -fd` inside `cd x && git clean -fd`;
 * an unbalanced quote simply runs to the end of the line instead of failing.
 */
export function tokenizeShell(line: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const flush = (): void => {
    if (inWord) tokens.push({ text: word, op: false });
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (OPERATOR_CHARS.has(c)) {
      flush();
      const pair = line.slice(i, i + 2);
      const op = pair === '&&' || pair === '||' ? pair : c === '\n' ? ';' : c;
      i += op.length - 1;
      tokens.push({ text: op, op: true });
    } else if (/\s/.test(c)) {
      flush();
    } else {
      word += c;
      inWord = true;
    }
  }
  flush();
  return tokens;
}

/** Prefixes that run the command after them unchanged, so `sudo git clean -fd` is still `git clean -fd`. */
const WRAPPERS = new Set(['sudo', 'env', 'time', 'command', 'nohup', 'exec']);

/**
 * The simple commands of a command line, each as its words with leading environment
 * assignments and wrappers (`sudo`, `env`, ...) removed; empty commands are left out.
 */
export function commandSegments(commandLine: string): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  for (const token of [...tokenizeShell(commandLine), { text: ';', op: true }]) {
    if (!token.op) {
      current.push(token.text);
      continue;
    }
    let start = 0;
    while (start < current.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(current[start]) || WRAPPERS.has(current[start]))) start++;
    if (start < current.length) segments.push(current.slice(start));
    current = [];
  }
  return segments;
}

/** The program a normalised command runs, without its directory (`./node_modules/.bin/tsc` is `tsc`). */
export function programName(normalizedCommand: string): string {
  const first = commandSegments(normalizedCommand)[0]?.[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}

// eslint-disable-next-line no-control-regex
const CONTROL_OR_ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Makes captured text safe and short for a one-line plain-text notification: escape sequences
 * and control characters become spaces, backticks become quotes (they delimit the command in
 * the message), Markdown link syntax is broken up, and anything past `max` characters is cut
 * with an ellipsis.
 */
export function displayText(text: string, max: number): string {
  const clean = text
    .replace(CONTROL_OR_ANSI, ' ')
    .replace(/`/g, "'")
    // VS Code renders `[label](target)` in notifications as a link, even a command: link.
    .replace(/\]\(/g, '] (')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  return `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

