import type { ReflogEntry } from './reflogParser';

/**
 * Which branch HEAD was on at each reflog entry, worked out from the reflog itself. Reading
 * `.git/HEAD` when an entry is looked up is too late: `git commit && git switch main` has
 * already left the branch the commit was made on.
 */

const HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const RETURNED_TO = /^(?:returning to )?refs\/heads\/(\S+)/;
const RENAMED = /^Branch: renamed refs\/heads\/(\S+) to refs\/heads\/(\S+)$/;

/** Whether `name` is a local branch (rather than a tag, a remote branch or `HEAD~2`). */
export type IsLocalBranch = (name: string) => boolean;

/**
 * The branch `entry` belongs to, and HEAD stays on after it, `before` being the one before it
 * (undefined: detached). Commits, resets and merges leave it; a checkout, the start and end of
 * a rebase, and renaming the current branch change it. During a rebase HEAD is detached, but
 * each pick is the new version of a commit of the branch being rebased, so picks carry that
 * branch: an amend after checking that branch out again must find them.
 */
export function branchAfter(entry: ReflogEntry, before: string | undefined, isLocalBranch: IsLocalBranch): string | undefined {
  if (entry.step === 'start' && (entry.kind === 'rebase' || entry.kind === 'pull')) return branchBeingRebased(entry, before);
  switch (entry.kind) {
    case 'checkout':
      return branchCheckedOut(entry, before, isLocalBranch);
    case 'rebase-finish':
    case 'rebase-abort':
      return branchReturnedTo(entry, before);
    case 'other':
      return branchRenamed(entry.message, before);
    default:
      return before;
  }
}

/**
 * `rebase (start): checkout <onto>`, `pull --rebase (start): checkout <sha>`: the branch being
 * rebased is the current one, unless it was named on the command line (`git rebase main feature`).
 * Git writes no line of its own for that switch, and its start line then checks out the current
 * branch as the base; the branch is unknown until `rebase (finish): returning to refs/heads/x`.
 */
function branchBeingRebased(entry: ReflogEntry, before: string | undefined): string | undefined {
  const onto = /^checkout (\S+)$/.exec(entry.subject)?.[1];
  return onto !== undefined && onto === before ? undefined : before;
}

function branchCheckedOut(entry: ReflogEntry, before: string | undefined, isLocalBranch: IsLocalBranch): string | undefined {
  const target = entry.to;
  if (target === undefined) return before;
  // `moving from main to main` is both a no-op checkout and `--detach`; the no-op is far likelier.
  if (target === entry.from) return before;
  if (HASH.test(target)) return undefined;
  // A tag, a remote branch or a revision (`HEAD~2`) detaches HEAD.
  return isLocalBranch(target) ? target : undefined;
}

function branchReturnedTo(entry: ReflogEntry, before: string | undefined): string | undefined {
  // `returning to refs/heads/x` (or, before git 2.26, `refs/heads/x onto <sha>`); a rebase of a
  // detached HEAD returns to a commit, not a branch.
  const match = RETURNED_TO.exec(entry.subject);
  if (match) return match[1];
  return /^returning to /.test(entry.subject) ? undefined : before;
}

function branchRenamed(message: string, before: string | undefined): string | undefined {
  const match = RENAMED.exec(message);
  return match && match[1] === before ? match[2] : before;
}

// What git forbids in a branch name but revisions use (`HEAD~2`, `main^`, `@{-1}`, `a..b`).
const NOT_A_BRANCH_NAME = /[~^:?*[\\\s]|\.\.|@\{/;

/** Whether `name` can be a branch name at all; says nothing about whether it is one. */
function shapedLikeBranch(name: string): boolean {
  return !NOT_A_BRANCH_NAME.test(name);
}

/** Follows one repository's reflog entry by entry and tells the branch each was made on. */
export class ReflogBranchTracker {
  /** The branch came from a checkout judged by its name's shape only, before the session. */
  private unverified = false;

  constructor(
    private branch: string | undefined,
    private readonly isLocalBranch: IsLocalBranch,
  ) {}

  /** The branch HEAD is on once `entry` is applied (the entries must come in reflog order). */
  follow(entry: ReflogEntry): string | undefined {
    this.verify();
    this.branch = branchAfter(entry, this.branch, this.isLocalBranch);
    return this.branch;
  }

  /**
   * Follows an entry made before the session, which is never recorded: only the branch it
   * leaves behind matters. A repository picked up mid-session delivers its whole reflog (months
   * of checkouts), and asking isLocalBranch about each target reads refs from disk every time,
   * so a checkout is judged by its target's shape, and only the branch the history ends on is
   * checked, once, at the next `follow`.
   */
  followBeforeSession(entry: ReflogEntry): void {
    let judgedByShape = false;
    const byShape: IsLocalBranch = (name) => {
      judgedByShape = true;
      return shapedLikeBranch(name);
    };
    const after = branchAfter(entry, this.branch, byShape);
    // A commit or a no-op checkout keeps the branch as sure as it was; a finish or rename names a real one.
    if (judgedByShape || after !== this.branch) this.unverified = judgedByShape && after !== undefined;
    this.branch = after;
  }

  private verify(): void {
    if (!this.unverified) return;
    this.unverified = false;
    if (this.branch !== undefined && !this.isLocalBranch(this.branch)) this.branch = undefined;
  }
}
