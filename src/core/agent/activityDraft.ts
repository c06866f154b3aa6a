import type { AgentActivityEvent, EventDraft } from '../journal/events';
import type { AgentEvent } from './agentEvent';

/**
 * Where a path the agent named goes in the journal: workspace-relative inside the workspace,
 * undefined to leave it out (an excluded path). `cwd` is the step's working directory, for
 * paths the transcript gives relative to it.
 */
export type PlacePath = (path: string, cwd: string | undefined) => string | undefined;

/**
 * A parser's step as a journal draft: ISO times become epoch ms, a tool call is a span (`start`
 * its call, `time` its result, or its call while it has none), paths are placed by `place`.
 * Returns undefined for a step whose time is not a time (the parser never gives one; a
 * hand-made step might).
 */
export function agentActivityDraft(step: AgentEvent, place: PlacePath): EventDraft<AgentActivityEvent> | undefined {
  const start = Date.parse(step.time);
  if (!Number.isFinite(start)) return undefined;
  const endParsed = step.end === undefined ? Number.NaN : Date.parse(step.end);
  const end = Number.isFinite(endParsed) ? Math.max(start, endParsed) : start;
  const paths = step.paths?.map((p) => place(p, step.cwd)).filter((p): p is string => p !== undefined);
  return {
    kind: 'agent',
    time: step.kind === 'tool' ? end : start,
    agent: step.agent,
    agentSession: step.sessionId,
    action: step.kind,
    key: step.key,
    ...(step.kind === 'tool' ? { start } : {}),
    ...(step.text !== undefined ? { text: step.text } : {}),
    ...(step.originalLength !== undefined ? { originalLength: step.originalLength } : {}),
    ...(step.tool !== undefined ? { tool: step.tool } : {}),
    ...(step.command !== undefined ? { command: step.command } : {}),
    ...(step.exitCode !== undefined ? { exitCode: step.exitCode } : {}),
    ...(step.durationMs !== undefined ? { durationMs: step.durationMs } : {}),
    ...(step.status !== undefined ? { status: step.status } : {}),
    ...(step.statusLine !== undefined ? { statusLine: step.statusLine } : {}),
    ...(paths !== undefined && paths.length > 0 ? { paths } : {}),
    ...(step.added !== undefined ? { added: step.added } : {}),
    ...(step.removed !== undefined ? { removed: step.removed } : {}),
    ...(step.created !== undefined ? { created: step.created } : {}),
    ...(step.model !== undefined ? { model: step.model } : {}),
    ...(step.tokens !== undefined ? { tokens: step.tokens } : {}),
    ...(step.trigger !== undefined ? { trigger: step.trigger } : {}),
    ...(step.preTokens !== undefined ? { preTokens: step.preTokens } : {}),
    ...(step.sidechain ? { sidechain: true } : {}),
    ...(step.stillRunning && step.kind === 'tool' ? { endNotReported: 'recording-stopped' as const } : {}),
  };
}

/** A path relative to `cwd` made absolute (pure string logic: the host may be Windows). */
export function absoluteIn(path: string, cwd: string | undefined): string {
  if (/^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(path) || cwd === undefined) return path;
  const sep = cwd.includes('\\') && !cwd.includes('/') ? '\\' : '/';
  const base = cwd.endsWith('/') || cwd.endsWith('\\') ? cwd : `${cwd}${sep}`;
  return `${base}${path.replace(/^\.[\\/]/, '')}`;
}

/** A shell command that makes a commit (`git commit`, `git -C dir commit --amend`, after `&&`). */
export function isGitCommit(command: string | undefined): boolean {
  return command !== undefined && /(?:^|[;&|(]\s*|\s)git(?:\s+-[Cc]\s+\S+|\s+--?[\w-]+(?:=\S+)?)*\s+commit\b/.test(command);
}
