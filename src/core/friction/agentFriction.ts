/**
 * An AI agent's steps as the friction rules see them. The agent's shell commands go through the
 * very rules a terminal command does (failed, failed again, retry loop, slow, stuck, discarded
 * work), so "the same command keeps failing" means the same whoever ran it. What differs is
 * whether the person is asked: an agent fails and recovers all the time, so its signals are
 * quiet (retrospective suggestions only) unless they say the agent is going round in circles,
 * stuck, threw work away, or was interrupted by the person.
 */
import type { AgentActivityEvent, CommandEvent, FrictionTrigger } from '../journal/events';
import { displayText } from './commandText';
import type { FrictionRuleId, FrictionRulesConfig, FrictionSignal } from './frictionTypes';
import { RULE_SEVERITY } from './frictionTypes';

/** The rules whose signal about an agent's step is worth interrupting the person for. */
export const AGENT_PROMPTING_RULES: ReadonlySet<FrictionRuleId> = new Set(['retry-loop', 'stuck', 'work-discarded', 'agent-interrupted']);

const AGENT_LABEL: Readonly<Record<AgentActivityEvent['agent'], string>> = { 'claude-code': 'Claude Code', codex: 'Codex' };

/** Two stops of one agent session closer than this are one interruption (the interrupt line and the call it cut). */
export const INTERRUPT_DEDUP_MS = 10_000;

/**
 * An agent's finished shell command as a terminal command, so the command rules judge it. A
 * rejected or interrupted call did not fail (the person stopped it: {@link agentInterruptedRule}),
 * and a call with no command is not a shell command.
 */
export function agentCommandView(e: AgentActivityEvent): CommandEvent | undefined {
  if (e.action !== 'tool' || e.command === undefined || e.status === 'rejected' || e.status === 'interrupted') return undefined;
  const start = e.start ?? e.time;
  // The transcript's own status wins over a missing exit code: a failed call with none is a failure of unknown code.
  const exitCode = e.exitCode !== undefined ? e.exitCode : e.status === 'ok' ? 0 : null;
  return {
    v: e.v, id: e.id, sessionId: e.sessionId, kind: 'command', time: e.time, start,
    durationMs: e.durationMs ?? Math.max(0, e.time - start), commandLine: e.command, confidence: 'high',
    exitCode: e.status === 'failed' && exitCode === 0 ? null : exitCode, terminal: AGENT_LABEL[e.agent],
    // A call still running when recording stopped did not fail: the command rules leave it alone, as a terminal's.
    ...(e.endNotReported ? { endNotReported: e.endNotReported } : {}),
  };
}

/** A signal about an agent's command, said as the agent's and quiet unless its rule prompts. */
export function asAgentSignal(signal: FrictionSignal, e: AgentActivityEvent): FrictionSignal {
  return {
    ...signal,
    message: `${AGENT_LABEL[e.agent]}: ${signal.message}`,
    // The friction logged from this signal names the agent's step, not a terminal's command.
    ...(signal.trigger ? { trigger: { ...signal.trigger, agent: e.agent } } : {}),
    ...(AGENT_PROMPTING_RULES.has(signal.rule) ? {} : { quiet: true }),
  };
}

/** What a friction logged about an agent's step keeps of it. */
export function agentTrigger(e: AgentActivityEvent): FrictionTrigger {
  const summary = e.command ?? (e.action === 'tool' ? e.tool ?? 'tool call' : e.text ?? `${AGENT_LABEL[e.agent]} ${e.action}`);
  return {
    eventId: e.id,
    summary,
    agent: e.agent,
    ...(e.exitCode !== undefined ? { exitCode: e.exitCode } : {}),
    ...(e.start !== undefined ? { durationMs: e.durationMs ?? Math.max(0, e.time - e.start) } : {}),
  };
}

/** Whether the person stopped the agent here: an interruption, or a tool call interrupted or rejected. */
export function isAgentStop(e: AgentActivityEvent): boolean {
  return e.action === 'interrupt' || (e.action === 'tool' && (e.status === 'interrupted' || e.status === 'rejected'));
}

/**
 * `agent-interrupted`: the person interrupted the agent (or a tool call of it). A rejected tool
 * call alone is the person answering the agent's question, so its signal is quiet; an
 * interruption prompts (the person stepped in: something was going the wrong way).
 */
export function agentInterruptedRule(e: AgentActivityEvent, config: FrictionRulesConfig): FrictionSignal | undefined {
  if (config.disabledRules.includes('agent-interrupted') || !isAgentStop(e)) return undefined;
  const who = AGENT_LABEL[e.agent];
  const rejected = e.action === 'tool' && e.status === 'rejected';
  const what = e.action === 'tool' ? displayText(e.command ?? e.tool ?? 'a tool call', config.displayLength) : undefined;
  const message = rejected ? `You rejected ${who}'s \`${what ?? ''}\`` : what ? `You interrupted ${who} during \`${what}\`` : `You interrupted ${who}`;
  return {
    rule: 'agent-interrupted',
    eventId: e.id,
    time: e.time,
    severity: RULE_SEVERITY['agent-interrupted'],
    message,
    suggestedTitle: rejected ? `Rejected ${who}'s ${what ?? 'tool call'}` : `Interrupted ${who}`,
    suggestedCategory: 'requirements',
    trigger: agentTrigger(e),
    ...(rejected ? { quiet: true } : {}),
  };
}
