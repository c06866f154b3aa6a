/**
 * The detection rules, each a small pure function: an event plus whatever history the rule
 * needs in, at most one signal out. The {@link FrictionDetector} keeps the history; keeping the
 * rules free of state lets each be tested, tuned and switched off on its own.
 */

import type { CommandEvent, FrictionCategory, GitOpEvent, TaskEvent } from '../journal/events';
import { commandFailed } from '../journal/events';
import { displayText, normalizeCommand, programName } from './commandText';
import { formatDuration } from '../timeline/describeEvent';
import { findDiscardCommand } from './discardCommands';
import type { FrictionRuleId, FrictionRulesConfig, FrictionSignal } from './frictionTypes';
import { RULE_SEVERITY } from './frictionTypes';

/** What the detector remembers about one normalised command's recent failures. */
export interface CommandFailureHistory {
  /** Failure times, oldest first, including the failure being judged. */
  readonly times: readonly number[];
  /** Whether `repeated-failure` already fired for this run of failures. */
  readonly repeatReported: boolean;
  /** Whether `retry-loop` already fired for this run of failures. */
  readonly loopReported: boolean;
}

/** Failures since the last sign of progress (a save or a commit), for `stuck`. */
export interface ProgressState {
  /** Time of the last save or commit (or of the session start), idle stretches excluded. */
  readonly since: number;
  /** Failed commands and tasks since then, including the one being judged. */
  readonly failures: number;
  /** Whether `stuck` already fired since the last progress. */
  readonly reported: boolean;
}

const ENVIRONMENT_PROGRAMS = new Set(['apt', 'apt-get', 'brew', 'pip', 'pip3', 'conda', 'nvm', 'pyenv', 'rustup', 'sdk', 'asdf', 'choco', 'winget']);
const INSTALL_WORDS = new Set(['install', 'ci', 'add', 'i', 'update', 'upgrade', 'sync']);

/**
 * A first guess at the category of a failure: a missing program or a failed install is the
 * environment; anything else is the tooling. The user corrects it in the friction form.
 */
export function guessCategory(normalized: string, exitCode: number | null): FrictionCategory {
  if (exitCode === 127 || exitCode === 126) return 'environment';
  const program = programName(normalized);
  if (ENVIRONMENT_PROGRAMS.has(program)) return 'environment';
  const second = normalized.split(' ')[1] ?? '';
  if (['npm', 'yarn', 'pnpm', 'poetry', 'pipenv', 'bundle', 'cargo', 'go'].includes(program) && INSTALL_WORDS.has(second)) return 'environment';
  return 'tooling';
}

function exitText(exitCode: number | null): string {
  if (exitCode === null) return 'exit code unknown';
  if (exitCode === 127) return 'exit 127: command not found';
  if (exitCode === 126) return 'exit 126: not executable';
  return `exit ${exitCode}`;
}

function enabled(rule: FrictionRuleId, config: FrictionRulesConfig): boolean {
  return !config.disabledRules.includes(rule);
}

function signal(
  rule: FrictionRuleId,
  e: { readonly id: string; readonly time: number },
  parts: Pick<FrictionSignal, 'message' | 'suggestedTitle' | 'suggestedCategory' | 'trigger'>,
): FrictionSignal {
  return { rule, eventId: e.id, time: e.time, severity: RULE_SEVERITY[rule], ...parts };
}

function commandTrigger(e: CommandEvent): FrictionSignal['trigger'] {
  return { eventId: e.id, summary: e.commandLine, exitCode: e.exitCode, durationMs: e.durationMs };
}

/**
 * Whether a command's exit counts as a failure for the rules: failed per {@link commandFailed},
 * with its end reported, not stopped on purpose (Ctrl+C), and not a program whose non-zero exit is an answer (`grep`).
 */
export function isRelevantFailure(e: CommandEvent, config: FrictionRulesConfig): boolean {
  // A dev server whose terminal was closed did not fail: its end was simply never reported.
  if (!commandFailed(e) || e.endNotReported) return false;
  if (e.exitCode !== null && config.ignoredExitCodes.includes(e.exitCode)) return false;
  return !config.ignoredCommands.includes(programName(normalizeCommand(e.commandLine)));
}

/** Whether a task's exit counts as a failure (unknown counts, stopped on purpose does not). */
export function isRelevantTaskFailure(e: TaskEvent, config: FrictionRulesConfig): boolean {
  return e.exitCode === null || (e.exitCode !== 0 && !config.ignoredExitCodes.includes(e.exitCode));
}

/** `command-failed`: any failed command, the base signal the others refine. */
export function commandFailedRule(e: CommandEvent, config: FrictionRulesConfig): FrictionSignal | undefined {
  if (!enabled('command-failed', config) || !isRelevantFailure(e, config)) return undefined;
  const normalized = normalizeCommand(e.commandLine);
  const shown = displayText(normalized, config.displayLength);
  return signal('command-failed', e, {
    message: `\`${shown}\` failed (${exitText(e.exitCode)})`,
    suggestedTitle: `${shown} failed`,
    suggestedCategory: guessCategory(normalized, e.exitCode),
    trigger: commandTrigger(e),
  });
}

/** `repeated-failure`: the same normalised command failed again; fires once per run of failures. */
export function repeatedFailureRule(e: CommandEvent, history: CommandFailureHistory, config: FrictionRulesConfig): FrictionSignal | undefined {
  if (!enabled('repeated-failure', config) || history.repeatReported || history.times.length < 2) return undefined;
  const normalized = normalizeCommand(e.commandLine);
  const shown = displayText(normalized, config.displayLength);
  const span = formatDuration(e.time - history.times[0]);
  return signal('repeated-failure', e, {
    message: `\`${shown}\` failed again (${history.times.length} failures in ${span}, ${exitText(e.exitCode)})`,
    suggestedTitle: `${shown} keeps failing`,
    suggestedCategory: guessCategory(normalized, e.exitCode),
    trigger: commandTrigger(e),
  });
}

/** `retry-loop`: the same command failed `retryLoopFailures` times within `retryLoopWindowMs`. */
export function retryLoopRule(e: CommandEvent, history: CommandFailureHistory, config: FrictionRulesConfig): FrictionSignal | undefined {
  if (!enabled('retry-loop', config) || history.loopReported) return undefined;
  const recent = history.times.filter((t) => e.time - t <= config.retryLoopWindowMs);
  if (recent.length < config.retryLoopFailures) return undefined;
  const normalized = normalizeCommand(e.commandLine);
  const shown = displayText(normalized, config.displayLength);
  return signal('retry-loop', e, {
    message: `\`${shown}\` failed ${recent.length} times in ${formatDuration(e.time - recent[0])}`,
    suggestedTitle: `Retry loop on ${shown}`,
    suggestedCategory: guessCategory(normalized, e.exitCode),
    trigger: commandTrigger(e),
  });
}

/** `task-failed`: a VS Code task ended with a non-zero or unknown exit code. */
export function taskFailedRule(e: TaskEvent, config: FrictionRulesConfig): FrictionSignal | undefined {
  if (!enabled('task-failed', config) || !isRelevantTaskFailure(e, config)) return undefined;
  const shown = displayText(e.name, config.displayLength);
  return signal('task-failed', e, {
    message: `Task \`${shown}\` failed (${exitText(e.exitCode)})`,
    suggestedTitle: `Task ${shown} failed`,
    suggestedCategory: guessCategory(e.name, e.exitCode),
    trigger: { eventId: e.id, summary: e.name, exitCode: e.exitCode, durationMs: e.durationMs },
  });
}

function runsUntilStopped(normalized: string, config: FrictionRulesConfig): boolean {
  const words = normalized.split(' ');
  if (words.some((w) => config.slowIgnoredWords.includes(w))) return true;
  return config.slowIgnoredPrefixes.some((p) => normalized === p || normalized.startsWith(`${p} `));
}

/** `slow-command`: a command ran longer than `slowCommandMs`; editors, shells and servers are not slow, just open. */
export function slowCommandRule(e: CommandEvent, config: FrictionRulesConfig): FrictionSignal | undefined {
  if (!enabled('slow-command', config) || e.durationMs <= config.slowCommandMs) return undefined;
  if (e.exitCode !== null && config.ignoredExitCodes.includes(e.exitCode)) return undefined;
  const normalized = normalizeCommand(e.commandLine);
  if (runsUntilStopped(normalized, config)) return undefined;
  const shown = displayText(normalized, config.displayLength);
  return signal('slow-command', e, {
    message: `\`${shown}\` took ${formatDuration(e.durationMs)}`,
    suggestedTitle: `${shown} is slow`,
    suggestedCategory: 'tooling',
    trigger: commandTrigger(e),
  });
}

/** `stuck`: failures keep coming while nothing is saved or committed for `stuckMinutes`. */
export function stuckRule(
  e: CommandEvent | TaskEvent,
  progress: ProgressState,
  config: FrictionRulesConfig,
): FrictionSignal | undefined {
  if (!enabled('stuck', config) || progress.reported || progress.failures < config.stuckFailures) return undefined;
  const elapsed = e.time - progress.since;
  if (elapsed < config.stuckMinutes * 60_000) return undefined;
  const summary = e.kind === 'command' ? e.commandLine : e.name;
  return signal('stuck', e, {
    message: `${progress.failures} failures in ${formatDuration(elapsed)} with no file saved and nothing committed`,
    suggestedTitle: 'Stuck: failures without progress',
    suggestedCategory: 'knowledge',
    trigger: { eventId: e.id, summary, exitCode: e.exitCode, durationMs: e.durationMs },
  });
}

/**
 * `work-discarded`: a command (that did not fail) threw away uncommitted work, or (when no such command was seen
 * within `discardDedupMs`) a reset git-op whose reflog message says `--hard`. Commands are the
 * primary signal; the reflog rarely says how a reset was made.
 */
export function workDiscardedRule(
  e: CommandEvent | GitOpEvent,
  lastDiscardAt: number | undefined,
  config: FrictionRulesConfig,
): FrictionSignal | undefined {
  if (!enabled('work-discarded', config)) return undefined;
  if (lastDiscardAt !== undefined && Math.abs(e.time - lastDiscardAt) < config.discardDedupMs) return undefined;
  let what: string | undefined;
  let trigger: FrictionSignal['trigger'];
  if (e.kind === 'command') {
    if (e.exitCode !== null && e.exitCode !== 0) return undefined;
    what = findDiscardCommand(normalizeCommand(e.commandLine));
    trigger = commandTrigger(e);
  } else {
    what = e.op === 'reset' && e.message.includes('--hard') ? 'git reset --hard' : undefined;
    trigger = { eventId: e.id, summary: e.message };
  }
  if (what === undefined) return undefined;
  const shown = displayText(what, config.displayLength);
  return signal('work-discarded', e, {
    message: `\`${shown}\` may have discarded uncommitted work`,
    suggestedTitle: `Discarded work (${shown})`,
    suggestedCategory: 'other',
    trigger,
  });
}
