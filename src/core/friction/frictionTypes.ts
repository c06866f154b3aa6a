/**
 * Shapes shared by the friction detector, its rules and the prompt gate.
 *
 * Kept apart from the logic so the VS Code side can import the types (and the defaults it
 * shows in settings) without pulling in any detection code.
 */

import type { FrictionCategory, FrictionTrigger } from '../journal/events';

/** Stable ids of the detection rules; settings and tests refer to rules by these names. */
export const FRICTION_RULE_IDS = [
  'command-failed',
  'repeated-failure',
  'retry-loop',
  'task-failed',
  'slow-command',
  'stuck',
  'work-discarded',
  'agent-interrupted',
] as const;
export type FrictionRuleId = (typeof FRICTION_RULE_IDS)[number];

/**
 * How much a rule's signal deserves the user's attention (higher wins). The detector returns
 * signals most severe first, so a caller that prompts once per event can take the first one.
 */
export const RULE_SEVERITY: Readonly<Record<FrictionRuleId, number>> = {
  'command-failed': 1,
  'slow-command': 1,
  'task-failed': 2,
  'repeated-failure': 3,
  'work-discarded': 3,
  'retry-loop': 4,
  'agent-interrupted': 4,
  'stuck': 5,
};

/**
 * "Something may have got in the way": what a rule reports about one event. The VS Code side
 * turns it into a non-modal question; if the user answers, `trigger` goes into the friction event.
 */
export interface FrictionSignal {
  readonly rule: FrictionRuleId;
  /** The event that made the rule fire (for `stuck`: the latest failure). */
  readonly eventId: string;
  /** When that event happened; the prompt gate drops signals that waited too long to be shown. */
  readonly time: number;
  /** Plain text for a notification, command lines shortened, e.g. "`npm test` failed (exit 1)". */
  readonly message: string;
  /** A title to prefill the friction form with, e.g. "npm test keeps failing". */
  readonly suggestedTitle: string;
  readonly suggestedCategory: FrictionCategory;
  /** See {@link RULE_SEVERITY}. */
  readonly severity: number;
  /** A copy for the friction event's `trigger`; its summary is the full (redacted) command line or task name. */
  readonly trigger: FrictionTrigger;
  /**
   * Never a prompt, only a suggestion for the retrospective: an AI agent's single failure or slow
   * command (agents fail and recover all the time; a loop or an interruption is worth asking about).
   */
  readonly quiet?: boolean;
}

/** Thresholds of the detection rules; every field has a default in {@link DEFAULT_FRICTION_CONFIG}. */
export interface FrictionRulesConfig {
  /** Rules that never fire (the user switched them off). */
  readonly disabledRules: readonly FrictionRuleId[];
  /**
   * Program names whose non-zero exit is an answer, not a failure (`grep` finding nothing), or
   * too trivial to ask about (a mistyped `cd`): the retrospective leaves those off its timeline too.
   */
  readonly ignoredCommands: readonly string[];
  /** Exit codes that mean "stopped on purpose" (130: Ctrl+C), not failure or slowness. */
  readonly ignoredExitCodes: readonly number[];
  /** How long a failure is remembered for `repeated-failure`. */
  readonly repeatWindowMs: number;
  /** Failures of one command within {@link retryLoopWindowMs} that make a retry loop. */
  readonly retryLoopFailures: number;
  readonly retryLoopWindowMs: number;
  /** A command running longer than this is slow. */
  readonly slowCommandMs: number;
  /** Command prefixes that run as long as the user wants (editors, pagers, shells, servers). */
  readonly slowIgnoredPrefixes: readonly string[];
  /** Words that mark a command as long-running by design wherever they appear (`--watch`, `dev`). */
  readonly slowIgnoredWords: readonly string[];
  /** Failures without a save or commit that count as being stuck... */
  readonly stuckFailures: number;
  /** ...once this many minutes passed without a save or commit. */
  readonly stuckMinutes: number;
  /** Two discard signals closer than this are one discard (the command and its reflog entry). */
  readonly discardDedupMs: number;
  /** Upper bound on distinct commands whose failures are remembered (bounded memory). */
  readonly maxTrackedCommands: number;
  /** Command lines in messages are cut to this many characters. */
  readonly displayLength: number;
}

/** Defaults chosen to interrupt rarely: a prompt nobody asked for is friction too. */
export const DEFAULT_FRICTION_CONFIG: FrictionRulesConfig = {
  disabledRules: [],
  ignoredCommands: ['grep', 'egrep', 'fgrep', 'rg', 'ag', 'test', '[', '[[', 'diff', 'cmp', 'which', 'type', 'command', 'false', 'true', 'ls', 'cd', 'pwd', 'clear', 'history', 'exit'],
  ignoredExitCodes: [130],
  repeatWindowMs: 30 * 60_000,
  retryLoopFailures: 3,
  retryLoopWindowMs: 5 * 60_000,
  slowCommandMs: 120_000,
  slowIgnoredPrefixes: [
    'vim', 'vi', 'nvim', 'nano', 'emacs', 'less', 'more', 'man', 'ssh', 'top', 'htop', 'watch', 'tail -f',
    'bash', 'zsh', 'sh', 'fish', 'pwsh', 'python', 'python3', 'node', 'irb', 'psql', 'mysql', 'sqlite3', 'redis-cli',
    'npm start', 'yarn start', 'pnpm start', 'docker compose up', 'docker-compose up', 'docker logs -f', 'kubectl logs -f',
  ],
  slowIgnoredWords: ['--watch', 'watch', 'serve', 'dev'],
  stuckFailures: 4,
  stuckMinutes: 10,
  discardDedupMs: 60_000,
  maxTrackedCommands: 200,
  displayLength: 60,
};

function numberOr(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}

function stringsOr(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}

/**
 * Merges user settings over the defaults. Settings arrive as untyped JSON, so anything of the
 * wrong type or out of range falls back to the default instead of breaking detection.
 */
export function resolveFrictionConfig(overrides: Readonly<Record<string, unknown>> = {}): FrictionRulesConfig {
  const d = DEFAULT_FRICTION_CONFIG;
  const o = overrides;
  const exitCodes = Array.isArray(o.ignoredExitCodes) && o.ignoredExitCodes.every((c) => Number.isInteger(c))
    ? (o.ignoredExitCodes as number[])
    : d.ignoredExitCodes;
  const ruleIds: readonly string[] = FRICTION_RULE_IDS;
  const disabled = stringsOr(o.disabledRules, d.disabledRules).filter((r): r is FrictionRuleId => ruleIds.includes(r));
  return {
    disabledRules: disabled,
    ignoredCommands: stringsOr(o.ignoredCommands, d.ignoredCommands),
    ignoredExitCodes: exitCodes,
    repeatWindowMs: numberOr(o.repeatWindowMs, d.repeatWindowMs, 0),
    retryLoopFailures: Math.round(numberOr(o.retryLoopFailures, d.retryLoopFailures, 2)),
    retryLoopWindowMs: numberOr(o.retryLoopWindowMs, d.retryLoopWindowMs, 0),
    slowCommandMs: numberOr(o.slowCommandMs, d.slowCommandMs, 1),
    slowIgnoredPrefixes: stringsOr(o.slowIgnoredPrefixes, d.slowIgnoredPrefixes),
    slowIgnoredWords: stringsOr(o.slowIgnoredWords, d.slowIgnoredWords),
    stuckFailures: Math.round(numberOr(o.stuckFailures, d.stuckFailures, 1)),
    stuckMinutes: numberOr(o.stuckMinutes, d.stuckMinutes, 0),
    discardDedupMs: numberOr(o.discardDedupMs, d.discardDedupMs, 0),
    maxTrackedCommands: Math.round(numberOr(o.maxTrackedCommands, d.maxTrackedCommands, 1)),
    displayLength: Math.round(numberOr(o.displayLength, d.displayLength, 10)),
  };
}
