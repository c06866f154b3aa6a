import type { CommitEvent, EventDraft, FileChange, GitOpEvent } from '../journal/events';
import { parseNumstat } from './numstatParser';
import type { ReflogEntry, ReflogRecording } from './reflogParser';

/**
 * The git commands the commit capture runs and what it makes of their output, kept apart from
 * the VS Code adapter so tests can feed them real git output.
 */

/** Files listed per commit in the journal; a 10,000-file commit keeps its totals and a count. */
export const MAX_FILES_PER_COMMIT = 500;

/** `git show` of one commit: first line `subject NUL author-seconds`, then its numstat. */
export function showArgs(hash: string): string[] {
  // --first-parent shows a merge's changes against its first parent (git ≥ 2.31 implies the diff).
  return ['-c', 'core.quotepath=off', 'show', '--first-parent', '--numstat', '-M', '--format=%s%x00%at', hash];
}

/**
 * The commits `from` holds that nothing else does: no branch, tag, remote branch or HEAD. Run
 * right after HEAD left `from`, they are the commits that move discarded (`git reset HEAD~1`);
 * a commit kept on another branch is not among them.
 */
export function unreachableArgs(from: string): string[] {
  return ['rev-list', '--max-count=1000', from, '--not', '--branches', '--tags', '--remotes', 'HEAD'];
}

/** The hashes `git rev-list` printed. */
export function parseHashList(out: string): string[] {
  return out.split('\n').map((l) => l.trim()).filter((l) => /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(l));
}

/** What `git show` (with `showArgs`) says about one commit. */
export interface CommitDetails {
  readonly subject: string;
  /** Epoch ms; `fallbackTime` when git printed none. */
  readonly authorTime: number;
  readonly files: FileChange[];
  readonly added: number;
  readonly removed: number;
  readonly truncated: number;
}

export function parseCommitDetails(out: string, fallbackTime: number): CommitDetails {
  const sep = out.indexOf('\n');
  const header = sep === -1 ? out : out.slice(0, sep);
  const [subject = '', authorSeconds = ''] = header.split('\x00');
  const numstat = parseNumstat(sep === -1 ? '' : out.slice(sep + 1), { maxFiles: MAX_FILES_PER_COMMIT });
  return {
    subject,
    authorTime: Number(authorSeconds) * 1000 || fallbackTime,
    files: numstat.files,
    added: numstat.added,
    removed: numstat.removed,
    truncated: numstat.truncated,
  };
}

/** The git-op event for a reflog entry that moved HEAD without a commit of its own. */
export function gitOpDraft(entry: ReflogEntry, op: GitOpEvent['op'], repo: string, branch: string | undefined, dropped: readonly string[] = []): EventDraft<GitOpEvent> {
  return {
    kind: 'git-op',
    time: entry.time,
    repo,
    op,
    message: entry.message,
    from: entry.from ?? entry.oldHash,
    to: entry.to ?? entry.newHash,
    ...(branch ? { branch } : {}),
    ...(dropped.length > 0 ? { dropped } : {}),
  };
}

/** The commit event for a reflog entry; without details (git failed) it has the reflog's subject and no files. */
export function commitDraft(entry: ReflogEntry, recording: Extract<ReflogRecording, { type: 'commit' }>, repo: string, branch: string | undefined, details: CommitDetails | undefined): EventDraft<CommitEvent> {
  return {
    kind: 'commit',
    time: entry.time,
    repo,
    hash: entry.newHash,
    subject: details?.subject ?? entry.subject,
    authorTime: details?.authorTime ?? entry.time,
    ...(branch ? { branch } : {}),
    operation: recording.operation,
    files: details?.files ?? [],
    added: details?.added ?? 0,
    removed: details?.removed ?? 0,
    ...(details?.truncated ? { filesTruncated: details.truncated } : {}),
  };
}
