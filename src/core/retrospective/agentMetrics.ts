/**
 * The agent's figures for the Metrics section and the header, from the agent steps on the
 * journal: what the person asked (prompts, turns), what the agent did (commands run and failed,
 * failed tool calls by tool, files and lines it changed), where it was stopped (interruptions,
 * compactions) and what it cost (model, tokens).
 */
import type { AgentActivityEvent, JournalEvent } from '../journal/events';
import { agentTurns } from './agentTurns';

export interface AgentMetrics {
  /** Agents that worked, as shown ("Claude Code"), in order of their first step. */
  readonly agents: readonly string[];
  /** Models, in order of first use. */
  readonly models: readonly string[];
  readonly prompts: number;
  readonly turns: number;
  readonly commandsRun: number;
  readonly commandsFailed: number;
  /** Tool calls that failed, by tool, most first (then by name). */
  readonly failedToolCalls: readonly { readonly tool: string; readonly count: number }[];
  readonly filesChanged: number;
  readonly linesAdded: number;
  readonly linesRemoved: number;
  readonly interruptions: number;
  readonly compactions: number;
  /** The files the agent changed, by path, with the lines its edits added and removed. */
  readonly files: readonly { readonly path: string; readonly added: number; readonly removed: number }[];
  /** The agent's failed shell commands, each once with how often it failed, first failure first. */
  readonly failedCommands: readonly { readonly command: string; readonly time: number; readonly count: number; readonly exitCode?: number | null }[];
  /** Summed over the steps that reported usage; undefined when none did. */
  readonly tokens?: { readonly input: number; readonly output: number };
}

export const AGENT_LABEL: Readonly<Record<AgentActivityEvent['agent'], string>> = { 'claude-code': 'Claude Code', codex: 'Codex' };

/** The agent's figures, or undefined when no agent worked in the session. */
export function agentMetrics(events: readonly JournalEvent[]): AgentMetrics | undefined {
  const steps = events.filter((e): e is AgentActivityEvent => e.kind === 'agent');
  if (steps.length === 0) return undefined;
  const agents = new Set<string>();
  const models = new Set<string>();
  const files = new Map<string, { added: number; removed: number }>();
  const failedCommands = new Map<string, { command: string; time: number; count: number; exitCode?: number | null }>();
  const failedByTool = new Map<string, number>();
  let prompts = 0, commandsRun = 0, commandsFailed = 0, linesAdded = 0, linesRemoved = 0, interruptions = 0, compactions = 0;
  let tokens: { input: number; output: number } | undefined;
  for (const e of steps) {
    agents.add(AGENT_LABEL[e.agent]);
    if (e.model) models.add(e.model);
    if (e.tokens) tokens = { input: (tokens?.input ?? 0) + e.tokens.input, output: (tokens?.output ?? 0) + e.tokens.output };
    switch (e.action) {
      case 'prompt':
        prompts++;
        break;
      case 'interrupt':
        interruptions++;
        break;
      case 'compaction':
        compactions++;
        break;
      case 'tool':
        if (e.command !== undefined) {
          commandsRun++;
          if (e.status === 'failed') {
            commandsFailed++;
            const seen = failedCommands.get(e.command);
            if (seen) seen.count++;
            else failedCommands.set(e.command, { command: e.command, time: e.start ?? e.time, count: 1, ...(e.exitCode !== undefined ? { exitCode: e.exitCode } : {}) });
          }
        }
        if (e.status === 'failed') failedByTool.set(e.tool ?? 'tool', (failedByTool.get(e.tool ?? 'tool') ?? 0) + 1);
        // An interrupted call is counted once, as the interruption its transcript also records.
        if (e.status === 'ok' || e.status === 'unknown' || e.status === undefined) {
          const paths = e.paths ?? [];
          for (const p of paths) if (!files.has(p)) files.set(p, { added: 0, removed: 0 });
          // A one-file edit's lines are that file's; a patch over several files gives only its total.
          const only = paths.length === 1 ? files.get(paths[0]) : undefined;
          if (only) {
            only.added += e.added ?? 0;
            only.removed += e.removed ?? 0;
          }
          linesAdded += e.added ?? 0;
          linesRemoved += e.removed ?? 0;
        }
        break;
      default:
        break;
    }
  }
  const failedToolCalls = [...failedByTool].map(([tool, count]) => ({ tool, count })).sort((a, b) => b.count - a.count || a.tool.localeCompare(b.tool));
  return {
    agents: [...agents], models: [...models], prompts, turns: agentTurns(steps).filter((t) => t.prompted).length,
    commandsRun, commandsFailed, failedToolCalls, filesChanged: files.size,
    files: [...files].map(([path, lines]) => ({ path, ...lines })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    failedCommands: [...failedCommands.values()], linesAdded, linesRemoved, interruptions, compactions,
    ...(tokens ? { tokens } : {}),
  };
}

/**
 * Whether the session's work was mostly an agent's, so its retrospective is the agent's to
 * write: the agent changed at least half of the lines the session changed (committed or not),
 * or, when no lines changed, it ran more commands than the person did.
 */
export function mostlyAgent(agent: AgentMetrics | undefined, session: { readonly linesAdded: number; readonly linesRemoved: number; readonly commandsRun: number }): boolean {
  if (agent === undefined) return false;
  const agentLines = agent.linesAdded + agent.linesRemoved;
  // Git may not have seen the agent's lines yet (not committed, no working-tree numbers given).
  const sessionLines = Math.max(session.linesAdded + session.linesRemoved, agentLines);
  if (sessionLines > 0) return agentLines * 2 >= sessionLines;
  return agent.commandsRun > session.commandsRun;
}
