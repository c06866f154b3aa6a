import { isGitCommit } from '../agent/activityDraft';
import type { AgentActivityEvent, CommitEvent, EventDraft, JournalEvent } from '../journal/events';

/** How many recent commits and commit commands are kept to link the two. */
const RECENT = 32;
/** A commit's author date has whole seconds and git writes it just before the command returns. */
const COMMIT_SLACK_MS = 2000;

interface CommitCall {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

interface SeenCommit {
  readonly hash: string;
  readonly authorTime: number;
}

/**
 * Appends `item` and drops the oldest beyond {@link RECENT}, in place: a commit is remembered on
 * every commit recorded, and copying the list each time cost more than recording the event.
 */
function keepRecent<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT) list.shift();
}

/**
 * What the capture pipeline remembers of the agent steps a session recorded:
 *
 * - their keys, so each step is recorded once, however often its transcript is read again (a
 *   reload re-reads from a saved offset or from the start, a resumed Claude session copies its
 *   earlier lines into a new file, a forked one shares its head). Seeded from the journal when
 *   a session starts or is resumed after a reload.
 * - the latest commits and the agent's `git commit` calls, to link the two: git's capture
 *   records the commit (never the transcript), and whichever of the two is recorded second
 *   names the other (`CommitEvent.agentKey`, `AgentActivityEvent.commit`).
 */
export class AgentLedger {
  private readonly keys = new Set<string>();
  private readonly commits: SeenCommit[] = [];
  private readonly calls: CommitCall[] = [];

  /** A session starts or continues with `events` on it. */
  seed(events: readonly JournalEvent[]): void {
    this.keys.clear();
    this.commits.length = 0;
    this.calls.length = 0;
    for (const e of events) this.remember(e);
  }

  /** Whether a step with this key is on the journal already. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** The agent step with the commit it made, when git's capture recorded that commit first. */
  linkStep(draft: EventDraft<AgentActivityEvent>): EventDraft<AgentActivityEvent> {
    if (draft.start === undefined || draft.status === 'failed' || !isGitCommit(draft.command)) return draft;
    const from = draft.start;
    const made = this.commits.find((c) => c.authorTime >= from - COMMIT_SLACK_MS && c.authorTime <= draft.time + COMMIT_SLACK_MS);
    return made ? { ...draft, commit: made.hash } : draft;
  }

  /** The commit with the agent command that made it, when that command was recorded first. */
  linkCommit(draft: EventDraft<CommitEvent>): EventDraft<CommitEvent> {
    if (draft.agentKey !== undefined) return draft;
    const call = this.calls.find((c) => draft.authorTime >= c.from - COMMIT_SLACK_MS && draft.authorTime <= c.to + COMMIT_SLACK_MS);
    return call ? { ...draft, agentKey: call.key } : draft;
  }

  /** An event the journal stored. */
  remember(e: JournalEvent): void {
    if (e.kind === 'agent') {
      this.keys.add(e.key);
      if (e.start !== undefined && e.commit === undefined && e.status !== 'failed' && isGitCommit(e.command)) {
        keepRecent(this.calls, { key: e.key, from: e.start, to: e.time });
      }
    } else if (e.kind === 'commit' && e.agentKey === undefined) {
      keepRecent(this.commits, { hash: e.hash, authorTime: e.authorTime });
    }
  }
}
