/**
 * The Metrics table, on its own because the Finish step rewrites just this table in a file the
 * user has edited: the numbers must match the record even when the prose was written by hand.
 */
import { formatDuration } from '../timeline/describeEvent';
import type { AgentMetrics } from './agentMetrics';
import { escapeMarkdown } from './markdownEscape';
import type { RetrospectiveMetrics } from './model';

/** The Metrics table's rows as (name, value) pairs, in a fixed order; the validator reads the `Commits` row. */
export function metricsRows(m: RetrospectiveMetrics): [string, string][] {
  return [
    ['Duration', formatDuration(m.durationMs)],
    ['Active Time', formatDuration(m.activeMs)],
    ['Commits', String(m.commits)],
    ['Files Changed', String(m.filesChanged)],
    ['Lines Added', String(m.linesAdded)],
    ['Lines Removed', String(m.linesRemoved)],
    ['Saves', String(m.saves)],
    ['Commands Run', String(m.commandsRun)],
    ['Commands Failed', String(m.commandsFailed)],
    ['Friction Points', String(m.frictionPoints)],
    ['Notes', String(m.notes)],
    ['Lessons', String(m.lessons)],
    ...(m.agent ? agentRows(m.agent) : []),
  ];
}

/** The agent's rows, after the session's own (a session without an agent has none). */
function agentRows(a: AgentMetrics): [string, string][] {
  const failed = a.failedToolCalls.reduce((n, f) => n + f.count, 0);
  const byTool = a.failedToolCalls.map((f) => `${f.tool} ${f.count}`).join(', ');
  return [
    ['Agent', a.agents.join(', ')],
    ['Model', a.models.length > 0 ? a.models.map(escapeMarkdown).join(', ') : 'unknown'],
    ['Prompts', String(a.prompts)],
    ['Agent Turns', String(a.turns)],
    ['Agent Commands Run', String(a.commandsRun)],
    ['Agent Commands Failed', String(a.commandsFailed)],
    ['Failed Tool Calls', failed > 0 ? `${failed} (${byTool})` : '0'],
    ['Agent Files Changed', String(a.filesChanged)],
    ['Agent Lines Added', String(a.linesAdded)],
    ['Agent Lines Removed', String(a.linesRemoved)],
    ['Interruptions', String(a.interruptions)],
    ['Compactions', String(a.compactions)],
    ['Tokens', a.tokens ? `${a.tokens.input} in, ${a.tokens.output} out` : 'not reported'],
  ];
}

/** `| Metric | Value |` table of {@link metricsRows}. */
export function renderMetricsTable(m: RetrospectiveMetrics): string {
  return ['| Metric | Value |', '| --- | ---: |', ...metricsRows(m).map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
