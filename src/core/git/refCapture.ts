import type { CommitEvent, CommitOperation, EventDraft, GitOpEvent } from '../journal/events';
import type { NumstatResult } from './numstatParser';
import { parseNumstat } from './numstatParser';
import { MAX_FILES_PER_COMMIT } from './commitDetails';

/**
 * Commits of a repository that keeps no reflog (`core.logAllRefUpdates=false`, or git 2.45's
 * reftable format, where `.git/logs/HEAD` does not exist). Without the reflog there is no story
 * of how HEAD moved, only where the branches point now: the capture keeps a snapshot of the
 * branch tips and HEAD, and when they change asks git for the commits the new tips hold that
 * the old ones did not (`git log new --not old`) and for the commits the old tips held that
 * nothing holds any more (discarded by a reset, an amend or a rebase).
 */

/** Where HEAD and the local branches point. */
export interface RefSnapshot {
  /** HEAD's commit; undefined before the first commit. */
  readonly head?: string;
  /** The branch HEAD is on; undefined when detached. */
  readonly branch?: string;
  /** Branch name (without refs/heads/) to the commit it points at. */
  readonly branches: ReadonlyMap<string, string>;
}

/** Nothing known yet: a repository picked up mid-session is read from the session start. */
export const EMPTY_SNAPSHOT: RefSnapshot = { branches: new Map() };

/** `git for-each-ref` of the local branches, marking the one HEAD is on. */
export const BRANCHES_ARGS: readonly string[] = ['for-each-ref', '--format=%(objectname) %(HEAD) %(refname)', 'refs/heads'];

/** HEAD's commit (fails before the first commit). */
export const HEAD_ARGS: readonly string[] = ['rev-parse', '--verify', '-q', 'HEAD'];

const HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Parses `BRANCHES_ARGS` output (`<hash> <* or space> refs/heads/<name>` per line) and, for a detached HEAD, its hash. */
export function parseRefSnapshot(branchesOut: string, headOut: string | undefined): RefSnapshot {
  const branches = new Map<string, string>();
  let branch: string | undefined;
  for (const line of branchesOut.split('\n')) {
    const m = /^(\S+) ([* ]) refs\/heads\/(.+)$/.exec(line.replace(/\r$/, ''));
    if (!m || !HASH.test(m[1])) continue;
    branches.set(m[3], m[1]);
    if (m[2] === '*') branch = m[3];
  }
  // On a branch, HEAD is that branch's tip; `headOut` (rev-parse HEAD) is for a detached HEAD.
  const head = branch !== undefined ? branches.get(branch) : headOut?.trim();
  return { ...(head && HASH.test(head) ? { head } : {}), ...(branch ? { branch } : {}), branches };
}

/** The commits a snapshot holds: HEAD and every branch tip, once each. */
function tips(s: RefSnapshot): string[] {
  return [...new Set([...(s.head ? [s.head] : []), ...s.branches.values()])];
}

/** The git commands that tell what changed between two snapshots (undefined: nothing to ask). */
export interface RefQueries {
  /** `git log` of the commits `next` holds and `prev` did not, oldest first. */
  readonly newCommits?: string[];
  /** `git rev-list` of the commits `prev` held that no branch, tag, remote branch or HEAD holds now. */
  readonly dropped?: string[];
}

/** The format `newCommits` asks for: a record separator, then hash, parents, subject, author and committer seconds. */
const LOG_FORMAT = '--format=%x1e%H%x00%P%x00%s%x00%at%x00%ct';

/** Commits read per change at most: a fetch of a huge history is not the session's work. */
const MAX_COMMITS = 1000;

export function refQueries(prev: RefSnapshot, next: RefSnapshot): RefQueries {
  const before = tips(prev);
  const after = tips(next);
  const known = new Set(before);
  const kept = new Set(after);
  const added = after.filter((t) => !known.has(t));
  const left = before.filter((t) => !kept.has(t));
  return {
    ...(added.length > 0 ? {
      newCommits: ['-c', 'core.quotepath=off', 'log', '--topo-order', '--reverse', '--numstat', '-M', '--diff-merges=first-parent',
        LOG_FORMAT, `--max-count=${MAX_COMMITS}`, ...added, ...(before.length > 0 ? ['--not', ...before] : []), '--'],
    } : {}),
    ...(left.length > 0 ? { dropped: ['rev-list', `--max-count=${MAX_COMMITS}`, ...left, '--not', '--branches', '--tags', '--remotes', ...after, '--'] } : {}),
  };
}

/** One commit of `newCommits` output. */
export interface LoggedCommit {
  readonly hash: string;
  readonly parents: string[];
  readonly subject: string;
  /** Epoch ms. */
  readonly authorTime: number;
  /** Epoch ms: when it was made, the time the timeline shows. */
  readonly commitTime: number;
  readonly numstat: NumstatResult;
}

/** Parses `newCommits` output; a malformed record is skipped. */
export function parseLoggedCommits(out: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of out.split('\x1e').slice(1)) {
    const newline = record.indexOf('\n');
    const header = newline < 0 ? record : record.slice(0, newline);
    const [hash = '', parents = '', subject = '', at = '', ct = ''] = header.split('\0');
    if (!HASH.test(hash) || !/^\d+$/.test(at) || !/^\d+$/.test(ct.trim())) continue;
    commits.push({
      hash,
      parents: parents.split(' ').filter(Boolean),
      subject,
      authorTime: Number(at) * 1000,
      commitTime: Number(ct.trim()) * 1000,
      numstat: parseNumstat(newline < 0 ? '' : record.slice(newline + 1), { maxFiles: MAX_FILES_PER_COMMIT }),
    });
  }
  return commits;
}

/** What a change of the refs records: git operations first, then the new commits. */
export interface RefChange {
  readonly repo: string;
  readonly prev: RefSnapshot;
  readonly next: RefSnapshot;
  readonly commits: readonly LoggedCommit[];
  readonly dropped: readonly string[];
  /** When the change was seen (epoch ms). */
  readonly time: number;
  /** Commits made before this (epoch ms) are not the session's (a repository picked up late). */
  readonly since?: number;
}

/**
 * Whether something git stamped at `time` (epoch ms, whole seconds: a reflog entry, a commit) was
 * made before `since` (epoch ms). Git's seconds are rounded down, so whatever was made in the
 * second `since` falls in counts as after it: a session's first commit is never dropped.
 */
export function madeBefore(time: number, since: number): boolean {
  return time < Math.floor(since / 1000) * 1000;
}

/**
 * The events for one change of the refs. Commits the change discarded come first, as a git
 * operation, so the ledger stops counting them; the commits after a discard are copies of what
 * it discarded when they keep its author time (an amend, a rebase), so they are recorded as
 * rebase picks for the ledger to match; otherwise they are plain commits, and merges.
 */
export function refChangeDrafts(c: RefChange): EventDraft<CommitEvent | GitOpEvent>[] {
  const drafts: EventDraft<CommitEvent | GitOpEvent>[] = [];
  if (c.dropped.length > 0) {
    drafts.push(gitOp(c, 'other', `${c.dropped.length} commit${c.dropped.length === 1 ? '' : 's'} left every branch (reset, amend or rebase; read from the refs)`, { dropped: c.dropped }));
  }
  if (c.prev.branch !== c.next.branch && c.prev !== EMPTY_SNAPSHOT) {
    const from = c.prev.branch ?? c.prev.head?.slice(0, 7) ?? '(none)';
    const to = c.next.branch ?? c.next.head?.slice(0, 7) ?? '(none)';
    drafts.push(gitOp(c, 'checkout', `checkout: moving from ${from} to ${to} (read from the refs)`, { from, to }));
  }
  const rewrote = c.dropped.length > 0;
  for (const commit of c.commits) {
    if (c.since !== undefined && madeBefore(commit.commitTime, c.since)) continue;
    drafts.push(commitDraftOf(c, commit, operationOf(commit, rewrote)));
  }
  return drafts;
}

function operationOf(commit: LoggedCommit, rewrote: boolean): CommitOperation {
  if (commit.parents.length > 1) return 'merge';
  if (commit.parents.length === 0) return 'initial';
  return rewrote ? 'rebase' : 'commit';
}

function gitOp(c: RefChange, op: GitOpEvent['op'], message: string, extra: Partial<GitOpEvent>): EventDraft<GitOpEvent> {
  return { kind: 'git-op', time: c.time, repo: c.repo, op, message, ...(c.next.branch ? { branch: c.next.branch } : {}), ...extra };
}

function commitDraftOf(c: RefChange, commit: LoggedCommit, operation: CommitOperation): EventDraft<CommitEvent> {
  return {
    kind: 'commit',
    time: commit.commitTime,
    repo: c.repo,
    hash: commit.hash,
    subject: commit.subject,
    authorTime: commit.authorTime,
    ...(c.next.branch ? { branch: c.next.branch } : {}),
    operation,
    files: commit.numstat.files,
    added: commit.numstat.added,
    removed: commit.numstat.removed,
    ...(commit.numstat.truncated ? { filesTruncated: commit.numstat.truncated } : {}),
  };
}

/** Why a repository has no `.git/logs/HEAD` to follow, or undefined when it keeps a reflog. */
export function missingReflogReason(logAllRefUpdates: string, reftable: boolean): string | undefined {
  if (reftable) return 'its refs are in the reftable format, which keeps no logs/HEAD file';
  if (/^(?:false|no|off|0)$/i.test(logAllRefUpdates.trim())) return 'core.logAllRefUpdates=false';
  return undefined;
}
