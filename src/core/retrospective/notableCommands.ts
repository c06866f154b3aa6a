/**
 * Which terminal commands deserve a timeline row. A session runs hundreds of `ls` and
 * `git status`; the reader of a retrospective wants the failures and the commands that moved
 * the work (tests, builds, deploys, pushes) or cost real time.
 */
import type { CommandEvent } from '../journal/events';
import { commandFailed } from '../journal/events';

/** Commands that only look around; never worth a row, even when they fail (`cd typo`). */
const TRIVIAL = new Set([
  'ls', 'll', 'la', 'l', 'dir', 'cd', 'pushd', 'popd', 'pwd', 'clear', 'cls', 'reset', 'exit', 'logout',
  'history', 'echo', 'printf', 'cat', 'less', 'more', 'bat', 'head', 'tail', 'which', 'where', 'type', 'whoami',
  'date', 'env', 'printenv', 'export', 'alias', 'man', 'help', 'tree', 'code', 'open', 'true', 'false', 'z', 'j',
]);

/** Commands that build, test, ship or change what is installed. */
const NOTABLE = new RegExp(
  [
    String.raw`\b(?:test|tests|jest|mocha|vitest|pytest|tox|rspec|phpunit|ctest)\b`,
    String.raw`\b(?:build|compile|tsc|make|cmake|ninja|gradle|mvn|bazel|webpack|vite|esbuild|rollup)\b`,
    String.raw`\b(?:deploy|publish|release|package|vsce)\b`,
    String.raw`\bgit\s+(?:push|rebase|merge|reset|revert|cherry-pick|bisect)\b`,
    String.raw`\b(?:npm|pnpm|yarn|bun|pip|poetry|cargo|go|dotnet)\s+(?:install|ci|add|update|upgrade)\b`,
    String.raw`\b(?:docker|podman)\s+(?:build|push|compose)\b`,
    String.raw`\b(?:kubectl|helm|terraform|pulumi)\s+(?:apply|upgrade|install|up|destroy)\b`,
    String.raw`\b(?:lint|eslint|prettier|ruff|clippy|mypy)\b`,
  ].join('|'),
  'i',
);

/** Successful commands at least this long get a row whatever they were. */
export const LONG_COMMAND_MS = 30_000;

const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=\S*$/;

/** The program a command line runs: leading `VAR=x` and `sudo` skipped, path stripped. */
export function programOf(commandLine: string): string {
  const words = commandLine.trim().split(/\s+/, 8);
  let i = 0;
  while (i < words.length && (ENV_ASSIGNMENT.test(words[i]) || words[i] === 'sudo')) i++;
  const word = words[i] ?? '';
  return word.slice(word.lastIndexOf('/') + 1).toLowerCase();
}

/** True for commands that never belong on the timeline (looking around, clearing the screen). */
export function isTrivialCommand(commandLine: string): boolean {
  const line = commandLine.trim();
  if (line === '') return true;
  // `cd src && npm test` is not trivial: only single commands are judged by their program.
  if (/[;&|]/.test(line)) return false;
  return TRIVIAL.has(programOf(line));
}

/** What a command line is, before its outcome is known. */
export type CommandClass = 'trivial' | 'notable' | 'plain';

/** Classifies a command line; pure, so callers may memoise it (sessions rerun the same lines). */
export function classifyCommand(commandLine: string): CommandClass {
  if (isTrivialCommand(commandLine)) return 'trivial';
  return NOTABLE.test(commandLine.slice(0, 2000)) ? 'notable' : 'plain';
}

/** A {@link classifyCommand} that remembers its answers for one build (bounded, then it starts over). */
export function memoizedClassifier(limit = 5000): (commandLine: string) => CommandClass {
  const seen = new Map<string, CommandClass>();
  return (commandLine) => {
    let c = seen.get(commandLine);
    if (c === undefined) {
      if (seen.size >= limit) seen.clear();
      c = classifyCommand(commandLine);
      seen.set(commandLine, c);
    }
    return c;
  };
}

/** Whether a command gets its own timeline row: failures and notable or slow successes, never noise. */
export function isNotableCommand(
  e: Pick<CommandEvent, 'commandLine' | 'exitCode' | 'durationMs'>,
  classify: (commandLine: string) => CommandClass = classifyCommand,
): boolean {
  const c = classify(e.commandLine);
  if (c === 'trivial') return false;
  if (commandFailed(e)) return true;
  return c === 'notable' || e.durationMs >= LONG_COMMAND_MS;
}
