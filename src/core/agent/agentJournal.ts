/**
 * An agent session read from its transcript alone, as the journal a recording would have made of
 * it: a session start at the agent's first step, its steps as `agent` events, a session end at
 * its last. The CLI's `draft --transcript` builds its retrospective from this, with the same
 * builder and renderer as a recorded session, so the draft has the same format and rules.
 */
import { displayCwd } from '../capture/workspacePaths';
import type { JournalEvent } from '../journal/events';
import { SCHEMA_VERSION } from '../journal/events';
import { absoluteIn, agentActivityDraft } from './activityDraft';
import type { AgentEvent } from './agentEvent';

export interface AgentJournalOptions {
  /** Minutes of local time ahead of UTC at the session's start (the header shows local times). */
  readonly utcOffsetMinutes: number;
  /** The home directory, so a path outside the agent's folder is shown as `~/…`. */
  readonly home?: string;
}

/** The folder the agent worked in: the first cwd its transcript names. */
export function agentFolder(steps: readonly AgentEvent[]): string | undefined {
  return steps.find((s) => s.cwd !== undefined)?.cwd;
}

/** The journal of `steps` (one agent session, each step once, in transcript order). */
export function agentJournal(steps: readonly AgentEvent[], options: AgentJournalOptions): JournalEvent[] {
  const sessionId = steps[0]?.sessionId ?? 'agent-session';
  const cwd = agentFolder(steps);
  const folderName = cwd?.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || 'workspace';
  const folders = cwd ? [{ name: folderName, path: cwd }] : [];
  const place = (path: string, stepCwd: string | undefined): string => displayCwd(absoluteIn(path, stepCwd ?? cwd), folders, options.home);
  let n = 0;
  const stamp = { v: SCHEMA_VERSION, sessionId };
  const events: JournalEvent[] = [];
  for (const step of steps) {
    const draft = agentActivityDraft(step, place);
    if (draft) events.push({ ...draft, ...stamp, id: `a${++n}` });
  }
  if (events.length === 0) return [];
  // A loop, not Math.min(...): a transcript has tens of thousands of steps.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    first = Math.min(first, 'start' in e && typeof e.start === 'number' ? e.start : e.time);
    last = Math.max(last, e.time);
  }
  return [
    { ...stamp, id: 'start', kind: 'session-start', time: first, folders: [folderName], trusted: true, utcOffsetMinutes: options.utcOffsetMinutes },
    ...events,
    { ...stamp, id: 'end', kind: 'session-end', time: last },
  ];
}
