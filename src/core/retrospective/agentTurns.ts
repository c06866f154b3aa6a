/**
 * An AI agent's turns, read back from the journal: a turn starts at the person's prompt and ends
 * at the last thing the agent did before the next prompt of the same agent session (a tool
 * call's result, a reply), or at an interruption. While a turn is in progress the person is waiting
 * for the agent or reviewing what it does, so the time counts as active.
 */
import type { AgentActivityEvent, JournalEvent } from '../journal/events';
import type { Interval } from './model';

export interface AgentTurn extends Interval {
  readonly agentSession: string;
  /** Whether the turn began with a prompt recorded on this journal (not one from before it started). */
  readonly prompted: boolean;
}

/** Turns of every agent session in `events`, in order of their start. */
export function agentTurns(events: readonly JournalEvent[]): AgentTurn[] {
  const bySession = new Map<string, AgentActivityEvent[]>();
  for (const e of events) {
    if (e.kind !== 'agent') continue;
    const list = bySession.get(e.agentSession);
    if (list) list.push(e);
    else bySession.set(e.agentSession, [e]);
  }
  const turns: AgentTurn[] = [];
  for (const [agentSession, steps] of bySession) {
    // Steps arrive in transcript order, but a tool call is recorded at its result: sort by when each began.
    steps.sort((a, b) => began(a) - began(b));
    let current: { from: number; to: number; prompted: boolean } | undefined;
    for (const step of steps) {
      if (step.action === 'prompt' || current === undefined) {
        if (current) turns.push({ agentSession, ...current });
        current = { from: began(step), to: step.time, prompted: step.action === 'prompt' };
      } else {
        current.to = Math.max(current.to, step.time);
      }
      // The person stopped the agent: its turn is over, whatever it writes before the next prompt.
      if (step.action === 'interrupt') {
        turns.push({ agentSession, ...current });
        current = undefined;
      }
    }
    if (current) turns.push({ agentSession, ...current });
  }
  return turns.sort((a, b) => a.from - b.from);
}

function began(e: AgentActivityEvent): number {
  return e.start ?? e.time;
}

/** `intervals` with every part covered by `cover` taken out (both merged and sorted). */
export function subtractIntervals(intervals: readonly Interval[], cover: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    let from = i.from;
    for (const c of cover) {
      if (c.to <= from || c.from >= i.to) continue;
      if (c.from > from) out.push({ from, to: c.from });
      from = Math.max(from, c.to);
      if (from >= i.to) break;
    }
    if (from < i.to) out.push({ from, to: i.to });
  }
  return out;
}
