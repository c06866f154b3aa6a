import type { AgentActivityEvent } from '../core/journal/events';
import type { EventRow, TimelineEntry, TimelineRow } from './timelineModel';
import { count, t } from './strings';

/**
 * An AI agent's turn as one Timeline row: the prompt, which opens to the full (redacted) prompt
 * and to the replies and tool calls that answered it, so an agent's 2,000 tool calls do not bury
 * the person's own events. A turn with a failed, rejected or interrupted call says so on its row.
 * Interruptions and compactions stay rows of their own: they are milestones of the session.
 */

export interface AgentTurn {
  /** The replies and tool calls of the turn, oldest first. */
  readonly members: TimelineEntry[];
  readonly tools: number;
  /** Tool calls that failed, were rejected or interrupted. */
  readonly failed: number;
}

/** What a turn's row shows beside the prompt. */
export interface TurnSummary {
  readonly steps: number;
  readonly tools: number;
  readonly failed: number;
}

export interface AgentTurns {
  /** By the prompt's event id. */
  readonly turns: ReadonlyMap<string, AgentTurn>;
  /** Ids of the entries shown inside a turn instead of as rows of their own. */
  readonly members: ReadonlySet<string>;
}

/** A line of the full prompt, shown under its expanded turn. */
export interface AgentTextRow { readonly kind: 'agent-text'; readonly key: string; readonly turnId: string; readonly text: string }

/** Lines of the prompt shown when its turn is open; longer prompts say how many more lines there are. */
export const MAX_PROMPT_LINES = 30;
/** A prompt longer than this (or of several lines) can be opened even when the turn made no call. */
const LONG_PROMPT = 80;

const isAgent = (e: TimelineEntry['event']): e is AgentActivityEvent => e.kind === 'agent';
const FAILED = new Set(['failed', 'rejected', 'interrupted']);

/**
 * Groups `entries` (visible, oldest first) into turns: each prompt takes the replies and tool
 * calls of the same agent session that follow it, up to that session's next prompt. Steps
 * whose prompt is not visible (filtered out, or made before the journal session) stay rows.
 */
export function groupAgentTurns(entries: readonly TimelineEntry[]): AgentTurns {
  const turns = new Map<string, AgentTurn & { members: TimelineEntry[]; tools: number; failed: number }>();
  const members = new Set<string>();
  /** The open turn of each agent session. */
  const open = new Map<string, AgentTurn & { members: TimelineEntry[]; tools: number; failed: number }>();
  for (const entry of entries) {
    const e = entry.event;
    if (!isAgent(e)) continue;
    const session = `${e.agent}:${e.agentSession}`;
    if (e.action === 'prompt') {
      const turn = { members: [], tools: 0, failed: 0 };
      turns.set(e.id, turn);
      open.set(session, turn);
      continue;
    }
    if (e.action !== 'tool' && e.action !== 'reply') continue;
    const turn = open.get(session);
    if (!turn) continue;
    turn.members.push(entry);
    members.add(e.id);
    if (e.action === 'tool') {
      turn.tools++;
      if (e.status !== undefined && FAILED.has(e.status)) turn.failed++;
    }
  }
  return { turns, members };
}

export function summarizeTurn(turn: AgentTurn): TurnSummary {
  return { steps: turn.members.length, tools: turn.tools, failed: turn.failed };
}

/** The prompt row's detail: how much the turn holds and how much of it failed. */
export function turnDetail(summary: TurnSummary): string {
  const parts = [count(summary.tools, 'toolCallOne', 'toolCallMany')];
  if (summary.steps > summary.tools) parts.push(count(summary.steps - summary.tools, 'replyOne', 'replyMany'));
  if (summary.failed > 0) parts.push(t('failed', summary.failed));
  return parts.join(' · ');
}

/** The short count beside a turn's prompt, which stays whole in a narrow side bar. */
export function turnBadge(summary: TurnSummary): string {
  const calls = count(summary.tools, 'callOne', 'callMany');
  return summary.failed > 0 ? `${calls} · ${t('failed', summary.failed)}` : calls;
}

/** Whether the prompt row opens: it holds steps, or a prompt too long for one line. */
export function turnOpens(prompt: TimelineEntry, turn: AgentTurn): boolean {
  const text = isAgent(prompt.event) ? prompt.event.text ?? '' : '';
  return turn.members.length > 0 || text.includes('\n') || text.length > LONG_PROMPT;
}

/** The rows under an open turn: the prompt's lines, then its steps (newest first when the list is). */
export function turnRows(prompt: TimelineEntry, turn: AgentTurn, newestFirst: boolean): TimelineRow[] {
  const id = prompt.event.id;
  const rows: TimelineRow[] = promptLines(isAgent(prompt.event) ? prompt.event.text ?? '' : '')
    .map((text, i): AgentTextRow => ({ kind: 'agent-text', key: `p:${id}:${i}`, turnId: id, text }));
  const steps = newestFirst ? [...turn.members].reverse() : turn.members;
  for (const entry of steps) {
    const row: EventRow = { kind: 'event', key: `e:${entry.event.id}`, entry, expanded: false, expandable: false, nested: true };
    rows.push(row);
  }
  return rows;
}

/** The prompt as rows of one line each (rows have one fixed height), at most {@link MAX_PROMPT_LINES}. */
export function promptLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  if (lines.length <= MAX_PROMPT_LINES) return lines.map((l) => l === '' ? ' ' : l);
  const shown = lines.slice(0, MAX_PROMPT_LINES - 1).map((l) => l === '' ? ' ' : l);
  return [...shown, `… ${lines.length - shown.length} more lines`];
}
