/**
 * Recognises git commands that throw away uncommitted work. Throwing work away is a strong
 * hint that an approach failed, which is exactly the friction worth a sentence in the retro.
 */

import { commandSegments } from './commandText';

/** Global git options that take their value as the next word (`git -C dir reset --hard`). */
const GIT_OPTIONS_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path']);

/** True when a short-option cluster (`-fdx`) or a long option is among `args`. */
function hasFlag(args: readonly string[], short: string | undefined, long: string): boolean {
  return args.some((a) => a === long || a.startsWith(`${long}=`) || (short !== undefined && /^-[A-Za-z]+$/.test(a) && a.includes(short)));
}

/** Arguments that are not options, before or after `--`. */
function pathArgs(args: readonly string[], optionsWithValue: ReadonlySet<string>): string[] {
  const paths: string[] = [];
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (afterDashDash) paths.push(a);
    else if (a === '--') afterDashDash = true;
    else if (optionsWithValue.has(a)) i++;
    else if (!a.startsWith('-')) paths.push(a);
  }
  return paths;
}

function discardsWork(subcommand: string, args: readonly string[]): boolean {
  switch (subcommand) {
    case 'reset':
      return args.includes('--hard');
    case 'checkout': {
      const dashDash = args.indexOf('--');
      if (dashDash >= 0 && dashDash < args.length - 1) return true;
      return args.includes('.') || args.includes('-f') || args.includes('--force');
    }
    case 'restore': {
      const staged = hasFlag(args, 'S', '--staged');
      const worktree = hasFlag(args, 'W', '--worktree');
      if (staged && !worktree) return false;
      const paths = pathArgs(args, new Set(['-s', '--source']));
      return paths.length > 0 || args.some((a) => a.startsWith('--pathspec-from-file'));
    }
    case 'stash':
      return args[0] === 'drop' || args[0] === 'clear';
    case 'clean':
      return hasFlag(args, 'f', '--force') && !hasFlag(args, 'n', '--dry-run');
    default:
      return false;
  }
}

/**
 * The part of `commandLine` that discards uncommitted work (`git reset --hard`, `git checkout -- .`,
 * `git restore <paths>` without `--staged` alone, `git stash drop|clear`, `git clean -f...`),
 * or undefined. Compound lines are searched command by command.
 */
export function findDiscardCommand(commandLine: string): string | undefined {
  for (const words of commandSegments(commandLine)) {
    const program = words[0].slice(words[0].lastIndexOf('/') + 1);
    if (program !== 'git') continue;
    let i = 1;
    while (i < words.length && words[i].startsWith('-')) i += GIT_OPTIONS_WITH_VALUE.has(words[i]) ? 2 : 1;
    if (i >= words.length) continue;
    if (discardsWork(words[i], words.slice(i + 1))) return ['git', ...words.slice(i)].join(' ');
  }
  return undefined;
}
