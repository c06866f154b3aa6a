/**
 * The simple commands of a terminal command line, as the repository rule reads them: the
 * program and its arguments of each command in a `&&` chain, a pipe, a subshell or a command
 * substitution, with what runs them unchanged (environment assignments, `sudo -u dev`, `env -i`,
 * `time`, `nohup`, ...) taken off the front.
 *
 * Not the friction rules' tokenizer (`friction/commandText.ts`): that one lets a backslash escape
 * every character, as bash does, which turns `C:\Git\cmd\git.exe` into `C:Gitcmdgit.exe`. Here a
 * backslash escapes only what a shell would otherwise treat specially, so Windows paths and
 * PowerShell's `& "C:\Program Files\Git\cmd\git.exe" clone ...` keep their program name.
 */

/** Characters that end a simple command: operators, subshells, command substitution, backticks. */
const COMMAND_ENDS = new Set([';', '&', '|', '\n', '(', ')', '`']);
/** What a backslash outside single quotes escapes; before anything else it is a literal backslash. */
const ESCAPABLE = new Set([' ', '\t', '"', "'", '\\', '$', '`', ';', '&', '|', '(', ')', '#']);

/** Where the command substitution starting at `start` (`$(` or a backtick) ends: its closing character, or the line's end. */
function substitutionEnd(line: string, start: number): number {
  if (line[start] === '`') {
    const close = line.indexOf('`', start + 1);
    return close < 0 ? line.length : close;
  }
  let depth = 0;
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')' && --depth === 0) return i;
  }
  return line.length;
}

/** Splits `line` into simple commands (each a list of words); quotes group and disappear. */
function splitCommands(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const next = line[i + 1];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if ((c === '$' && next === '(') || c === '`') {
        // `echo "$(git init)"` runs git too: the substitution is split on its own, the word keeps its text.
        const end = substitutionEnd(line, i);
        commands.push(...splitCommands(line.slice(i + (c === '`' ? 1 : 2), end)));
        word += line.slice(i, end + 1);
        i = end;
      }
      else if (c === '\\' && (next === '"' || next === '\\' || next === '$' || next === '`')) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && next === '\n') {
      i++; // a line continuation
    } else if (c === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      word += line[++i];
      inWord = true;
    } else if (c === '#' && !inWord) {
      // A comment runs to the end of its line.
      while (i + 1 < line.length && line[i + 1] !== '\n') i++;
    } else if (c === '$' && next === '(') {
      endCommand();
      i++;
    } else if (COMMAND_ENDS.has(c)) {
      endCommand();
    } else if (/\s/.test(c)) {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

/** Shell keywords before a command (`if git init; then`, `{ git init; }`, `! git clone`). */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{', '}']);

/**
 * Programs that run the command after their own options unchanged, with the options that take
 * the next word as their value (`sudo -u dev git init`: `dev` is not the program).
 */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['sudo', new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-T', '-U', '--user', '--group', '--host', '--prompt', '--chdir', '--role', '--type'])],
  ['doas', new Set(['-u', '-C'])],
  ['env', new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string'])],
  ['nice', new Set(['-n', '--adjustment'])],
  ['ionice', new Set(['-c', '-n', '-p', '-P', '-u'])],
  ['timeout', new Set(['-k', '-s', '--kill-after', '--signal'])],
  ['xargs', new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s'])],
  ['time', new Set(['-f', '-o', '--format', '--output'])],
  ['nohup', new Set()],
  ['command', new Set()],
  ['builtin', new Set()],
  ['exec', new Set(['-a'])],
  ['stdbuf', new Set(['-i', '-o', '-e'])],
]);

/** `git`, `/usr/bin/git`, `C:\Git\cmd\git.exe` and `GIT.EXE` all name the program `git`. */
export function programOf(word: string): string {
  return word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.(exe|cmd|bat)$/, '');
}

/** Takes what runs the command unchanged off the front of `words`; the program is then `words[0]`. */
function unwrap(words: readonly string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (KEYWORDS.has(word) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
      i++;
      continue;
    }
    const program = programOf(word);
    const withValue = WRAPPERS.get(program);
    if (!withValue) break;
    i++;
    // The wrapper's options (and `timeout`'s duration) come before the command it runs.
    while (i < words.length && (words[i].startsWith('-') || (program === 'timeout' && /^\d/.test(words[i])) || (program === 'env' && words[i].includes('=')))) {
      const option = words[i];
      i += withValue.has(option) ? 2 : 1;
      if (option === '--') break;
    }
  }
  return words.slice(i);
}

/** Shells whose `-c` script is read as command lines of its own (`bash -c "git init x"`). */
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'pwsh', 'powershell']);

/**
 * Every simple command of `commandLine`, each starting with its program as typed (see programOf),
 * including those of a shell's `-c` script.
 */
export function simpleCommands(commandLine: string): string[][] {
  const found: string[][] = [];
  for (const raw of splitCommands(commandLine)) {
    const words = unwrap(raw);
    if (words.length === 0) continue;
    found.push(words);
    const script = words.findIndex((w, i) => i > 0 && /^-(c|Command)$/.test(w));
    if (SHELLS.has(programOf(words[0])) && script > 0 && words[script + 1] !== undefined) found.push(...simpleCommands(words[script + 1]));
  }
  return found;
}
