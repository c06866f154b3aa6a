import type { AgentActivityEvent, FrictionTrigger } from '../journal/events';
import { assertNever } from '../assertNever';
import { captured, formatDuration, said, shorten, withParts } from './titleParts';
import type { EventDescription } from './titleParts';

/**
 * The one-line title of an agent's step. Captured text (the prompt, the command line, the
 * tool's name) is marked as captured, so the retrospective shows it as code and never as the
 * author's prose. A failed, rejected or interrupted tool call catches the eye as a failed
 * terminal command does.
 */
export function describeAgent(e: AgentActivityEvent): EventDescription {
  // A sub-agent's work is the session's, told apart so the reader knows who did it.
  const who = e.sidechain ? `${AGENT_LABEL[e.agent]}'s sub-agent` : AGENT_LABEL[e.agent];
  switch (e.action) {
    case 'prompt':
      return withParts([said(`Prompt to ${who}: `), captured(shorten(e.text ?? ''), '"')], { detail: e.model, attention: false });
    case 'reply':
      return withParts([said(`${who} replied: `), captured(shorten(e.text ?? ''), '"')], { attention: false });
    case 'tool': {
      const what = e.command !== undefined ? captured(shorten(e.command, 120), '`') : captured(e.tool ?? 'tool', '`');
      const took = e.start !== undefined && e.time > e.start ? ` in ${formatDuration(e.durationMs ?? e.time - e.start)}` : '';
      const outcome = e.endNotReported ? 'still running when recording stopped (end not reported)' : toolOutcome(e);
      const files = e.paths && e.paths.length > 0 && e.command === undefined ? ` on ${shorten(e.paths.join(', '), 80)}` : '';
      return withParts([said(`${who} ran `), what, said(`${files} ${outcome}${took}`)], {
        detail: [e.statusLine, e.added !== undefined || e.removed !== undefined ? `+${e.added ?? 0} −${e.removed ?? 0}` : undefined].filter(Boolean).join(' · ') || undefined,
        attention: e.status === 'failed' || e.status === 'rejected' || e.status === 'interrupted' || e.endNotReported !== undefined,
      });
    }
    case 'interrupt':
      return { title: `${who} was interrupted`, attention: true };
    case 'compaction':
      return { title: `${who} compacted its context${e.trigger ? ` (${e.trigger})` : ''}`, detail: e.preTokens !== undefined ? `${e.preTokens} tokens before` : undefined, attention: false };
    default:
      return assertNever(e.action, 'agent action');
  }
}

/** What a friction is about, as its row and the draft say it: an agent's step names the agent. */
export function frictionTriggerText(trigger: FrictionTrigger | undefined): string | undefined {
  if (trigger === undefined) return undefined;
  return trigger.agent !== undefined ? `${AGENT_LABEL[trigger.agent]} step: ${trigger.summary}` : trigger.summary;
}

const AGENT_LABEL: Readonly<Record<AgentActivityEvent['agent'], string>> = { 'claude-code': 'Claude Code', codex: 'Codex' };

function toolOutcome(e: AgentActivityEvent): string {
  switch (e.status) {
    case undefined:
    case 'unknown':
      return e.exitCode === null ? '(exit code unknown)' : '(outcome unknown)';
    case 'ok':
      return e.exitCode !== undefined && e.exitCode !== null ? `(exit ${e.exitCode})` : '(ok)';
    case 'failed':
      return e.exitCode !== undefined && e.exitCode !== null ? `failed (exit ${e.exitCode})` : 'failed';
    case 'rejected':
      return 'rejected by the user';
    case 'interrupted':
      return 'interrupted';
    default:
      return assertNever(e.status, 'agent tool status');
  }
}
