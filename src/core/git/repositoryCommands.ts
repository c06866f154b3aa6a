/**
 * Which finished terminal commands may have made, moved or removed a git repository, so the
 * workspace is looked through again when one ends rather than waiting for the file watcher
 * (which a fresh window under load, `files.watcherExclude` or the inotify limit can keep silent).
 *
 * The rule leans towards yes: a false yes costs one walk of the workspace in the background
 * (`findRepositoriesAsync`: a few milliseconds for a small project, ~280 ms of wall time and at
 * most 2-5 ms of held thread for 6,800 folders), a false no leaves a repository's commits
 * unrecorded until the window is focused again. It reads only the command line. The cwd does not help: the new repository's
 * place is any path argument resolved against a cwd the chain itself may change
 * (`cd app && git init`, `git clone url ../other`), and the walk covers every workspace folder
 * anyway. The exit code does not either: a failed `git clone` leaves nothing, but
 * `git init x && false` has made one and still fails.
 *
 * Known no, covered only by focusing the window: a script or alias that runs git itself
 * (`./setup.sh`, `g init`), and a repository made by a program outside the terminal.
 */

import { programOf, simpleCommands } from './shellCommands';

/** Global git options that take their value as the next word (`git -C dir init`). */
const GIT_OPTIONS_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--super-prefix']);

/** The first word of `args` that is not an option (with `optionsWithValue` skipping their value), and its index. */
function firstOperand(args: readonly string[], optionsWithValue: ReadonlySet<string> = new Set()): number {
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) i += optionsWithValue.has(args[i]) ? 2 : 1;
  return i;
}

/** `git worktree` subcommands that leave the repository's worktrees as they were. */
const WORKTREE_READS = new Set(['list', 'lock', 'unlock']);
/**
 * `git submodule` subcommands that make, move or remove a submodule's working tree (and its
 * `.git`); `foreach` runs any command in each of them. `status`, `summary`, `init`, `sync`,
 * `set-branch` and `set-url` only read or write configuration.
 */
const SUBMODULE_CHANGES = new Set(['add', 'update', 'deinit', 'absorbgitdirs', 'foreach']);

/** Whether `git <args>` (`hub` too: it wraps git) may make, move or remove a repository. */
function gitChangesRepositories(args: readonly string[]): boolean {
  const at = firstOperand(args, GIT_OPTIONS_WITH_VALUE);
  const subcommand = args[at];
  const rest = args.slice(at + 1);
  // `checkout`, `switch`, `pull` and `reset` with it can check a new submodule out.
  if (rest.some((a) => a === '--recurse-submodules' || (a.startsWith('--recurse-submodules=') && a !== '--recurse-submodules=no'))) return true;
  switch (subcommand) {
    case 'init':
    case 'clone':
      return true;
    case 'worktree': {
      const sub = rest[firstOperand(rest)];
      return sub !== undefined && !WORKTREE_READS.has(sub);
    }
    case 'submodule': {
      const sub = rest[firstOperand(rest)];
      return sub !== undefined && SUBMODULE_CHANGES.has(sub);
    }
    default:
      return false;
  }
}

/** A short-option cluster (`-rf`) holding one of `letters`, or one of the long options. */
function hasOption(args: readonly string[], letters: string, long: readonly string[]): boolean {
  return args.some((a) => long.includes(a) || (/^-[A-Za-z]+$/.test(a) && [...letters].some((l) => a.includes(l))));
}

/** Project generators that run `git init` in the project they make, by default. */
function generatorMakesRepository(program: string, args: readonly string[]): boolean {
  const sub = args[firstOperand(args)];
  switch (program) {
    case 'cargo':
      return sub === 'new' || sub === 'init';
    case 'uv':
      return sub === 'init';
    case 'rails':
    case 'ng':
      return sub === 'new';
    case 'npm':
      // `npm init` alone writes a package.json; `npm init vite` runs create-vite.
      return sub === 'create' || (sub === 'init' && args.slice(firstOperand(args) + 1).some((a) => !a.startsWith('-')));
    case 'yarn':
    case 'pnpm':
    case 'bun':
      return sub === 'create' || ((sub === 'dlx' || sub === 'x') && /^create-/.test(args[firstOperand(args) + 1] ?? ''));
    case 'npx':
    case 'bunx':
      return /^(@[^/]+\/)?create-/.test(sub ?? '');
    case 'jj':
      return sub === 'git' && ['init', 'clone'].includes(args[firstOperand(args) + 1] ?? '');
    default:
      return false;
  }
}

/**
 * Whether one simple command (program first, see simpleCommands) may make, move or remove a repository:
 * - git (`hub`): `init`, `clone`, `worktree` other than `list`/`lock`/`unlock`, `submodule add|update|deinit|absorbgitdirs|foreach`,
 *   anything with `--recurse-submodules`; `gh repo clone|fork|create`, `glab repo clone|fork|create`.
 * - Moving files: `mv` always (the rule cannot see whether a folder moved), `cp`/`rm` only recursive
 *   (a plain `cp a b` or `rm -f x` cannot carry a `.git` folder), `rsync`, and unpacking (`tar x`, `unzip`).
 *   Removal counts: the walk then lets the removed repository's watcher go.
 * - Project generators that run `git init`: `cargo new|init`, `uv init`, `rails new`, `ng new`,
 *   `npm create`, `npm init <initializer>`, `yarn|pnpm|bun create`, `npx create-*`, `jj git init|clone`.
 * Words that only mention git (`echo git init`, `grep "git clone"`, `man git-init`, `git help init`)
 * are not commands and count for nothing.
 */
function commandChangesRepositories(words: readonly string[]): boolean {
  const program = programOf(words[0]);
  const args = words.slice(1);
  switch (program) {
    case 'git':
    case 'hub':
      return gitChangesRepositories(args);
    case 'gh':
    case 'glab':
      return args[0] === 'repo' && ['clone', 'fork', 'create'].includes(args[1] ?? '');
    case 'mv':
    case 'rsync':
    case 'unzip':
      return true;
    case 'cp':
      return hasOption(args, 'rRa', ['--recursive', '--archive']);
    case 'rm':
      return hasOption(args, 'rR', ['--recursive']);
    case 'tar':
      // `tar xzf a.tgz` (old style: the first word), `tar -xf a.tar`, `tar -f a.tar --extract`.
      return /^[A-Za-z]*x[A-Za-z]*$/.test(args[0] ?? '') || args.some((a) => a === '--extract' || a === '--get' || /^-[A-Za-z]*x[A-Za-z]*$/.test(a));
    default:
      return generatorMakesRepository(program, args);
  }
}

/** Whether the finished terminal command `commandLine` may have made, moved or removed a git repository. */
export function mayChangeRepositories(commandLine: string): boolean {
  return simpleCommands(commandLine).some(commandChangesRepositories);
}
