/**
 * Over 300 lines because its rules (amend, rebase and pull picks, merges, resets, rewrites) act on
 * one ledger together; the reasoning for each sits beside it.
 *
 * Which recorded commits still exist at the end of a session, and whose lines are the session's
 * own. The journal records every commit git's reflog shows: an amend, each rebase or
 * `pull --rebase` pick and each merge is a commit event of its own, carrying the full diff of
 * the new commit. Counting them all counts one piece of work two, three or five times, and a
 * merge's first-parent diff is a teammate's work. The live panel and the retrospective both
 * count through this ledger, so their numbers agree.
 *
 * What a commit event carries decides how exact this can be: it has the new hash, the subject,
 * the author time, the repository and the branch, but not the hash it replaced nor its parents.
 * So an amend replaces the repository's HEAD as the record tracks it, and a replayed commit
 * (rebase or pull pick) replaces the earlier session commit with its author time and subject.
 */
import type { CommitEvent, GitOpEvent, JournalEvent } from '../journal/events';

/** How a commit that exists at the end counts. */
export type CommitCounting =
  /** A commit of the session: counted, with its lines and files. */
  | 'own'
  /** A merge: counted as a commit, but its diff is the other side's work, so no lines or files. */
  | 'merge'
  /** A rewrite or replay of a commit authored before the session: not counted at all. */
  | 'earlier-work'
  /**
   * A copy (a cherry-pick, `commit -C`) of a session commit that still exists: a commit of its
   * own on another branch, but its lines are the original's and are counted there.
   */
  | 'copy';

/** A commit as it stands at the end of the session. */
export interface LedgerCommit {
  /** The last recorded version of the commit. */
  readonly event: CommitEvent;
  readonly counting: CommitCounting;
  /** Earlier versions of it recorded in this session (amends, rebase and pull picks). */
  readonly rewrites: number;
  /** For a copy: the hash of the session commit it copies. */
  readonly copyOf?: string;
}

/** Totals over the commits that count, for the panel and the metrics. */
export interface CommitTotals {
  readonly commits: number;
  readonly added: number;
  readonly removed: number;
}

// Author dates have whole seconds, so a commit made in the session's first second can carry an
// author time up to a second before the session-start event.
const AUTHOR_TIME_RESOLUTION_MS = 1000;

const RETURNING_TO = /returning to refs\/heads\/(\S+)/;

const AUTOSQUASH_PREFIX = /^(?:(?:fixup|squash|amend)! )+/;

interface Slot {
  entry: LedgerCommit;
  /** The branch the commit is on, as the record knows it (a rebase's finish can name it later). */
  branch: string | undefined;
  /** Removed from the end result (replaced, or squashed into another commit). */
  gone: boolean;
  /** Dropped by a rebase as a side effect (a folded `fixup!`, a merge); a later pick may revive it. */
  revivable: boolean;
  /** The session commit this one copies (same author time and subject), for a cherry-pick. */
  copyOf?: Slot;
}

/** A slot's state, to put back when a rebase is aborted. */
interface SlotState {
  readonly entry: LedgerCommit;
  readonly branch: string | undefined;
  readonly gone: boolean;
  readonly revivable: boolean;
}

/** The ledger of one repository as it stood before a rebase's first pick. */
interface BeforeRebase {
  readonly states: Map<Slot, SlotState>;
  readonly head: Slot | undefined;
}

// `rebase (abort): returning to refs/heads/x`, `pull --rebase (abort): …`, `rebase -i (abort): …`.
const REBASE_ABORT = /^(?:rebase|pull)\b[^:]*\(abort\)/;

class Ledger {
  private readonly slots: Slot[] = [];
  /** The slot HEAD points at, per repository; undefined once HEAD moved somewhere unknown. */
  private readonly heads = new Map<string, Slot | undefined>();
  /** Per repository, the slots rebase or pull picks replaced since the last rebase ended. */
  private readonly replayed = new Map<string, Slot[]>();
  /** Per repository, the ledger before the running rebase's first pick: `--abort` puts it back. */
  private readonly beforeRebase = new Map<string, BeforeRebase>();
  /**
   * Every (repository, author time, subject) a slot has held. A cherry-pick's original shares all
   * three, so when a new commit's are not here no slot can be its original and the scan over all
   * slots is skipped: without it, every commit scanned every earlier one (10k commits: 2.3 s).
   * A superset of what the slots hold now (a rebase rollback restores earlier entries, which were
   * added when first held), so it never hides a match.
   */
  private readonly copyKeys = new Set<string>();

  constructor(private readonly sessionStart: number) {}

  commit(e: CommitEvent): void {
    switch (e.operation) {
      case 'amend':
        this.amend(e);
        break;
      case 'rebase':
      case 'pull':
        this.replay(e);
        break;
      case 'merge':
        this.add(e, 'merge');
        break;
      default:
        // A plain commit, cherry-pick or revert is new in this session even when it carries an
        // older author date (a cherry-pick keeps the original's), so it always counts.
        this.add(e, 'own');
        break;
    }
  }

  /** Keeps HEAD tracking right when git moves HEAD without making a commit. */
  gitOp(e: GitOpEvent): void {
    // A reset that discards commits (reset --soft HEAD~1 and commit again): git log no longer has them.
    if (e.dropped) this.dropCommits(e.repo, e.dropped);
    if (REBASE_ABORT.test(e.message)) {
      this.abortRebase(e.repo);
      return;
    }
    switch (e.op) {
      case 'checkout':
        this.heads.set(e.repo, this.checkedOut(e.repo, e.to));
        break;
      case 'reset':
        // `git reset` / `git reset --hard` alone stay on HEAD; any other target is a commit we cannot name.
        if (e.to !== 'HEAD') this.heads.set(e.repo, undefined);
        break;
      case 'rebase-finish':
        // The branch now points at the last pick, which is already HEAD.
        this.rebaseFinished(e);
        this.beforeRebase.delete(e.repo);
        break;
      case 'stash':
        break;
      default:
        // Fast-forwards, aborts and the like leave HEAD on a commit the record may not hold.
        this.heads.set(e.repo, undefined);
        this.replayed.delete(e.repo);
        this.beforeRebase.delete(e.repo);
        break;
    }
  }

  result(): LedgerCommit[] {
    return this.slots.filter((s) => !s.gone).map((s) => {
      // A copy owns its lines again once the commit it copies is gone (reset away, rewritten).
      const original = s.copyOf && !s.copyOf.gone ? s.copyOf : undefined;
      return original ? { ...s.entry, counting: 'copy', copyOf: original.entry.event.hash } : s.entry;
    });
  }

  private dropCommits(repo: string, hashes: readonly string[]): void {
    const dropped = new Set(hashes);
    for (const s of this.slots) if (!s.gone && s.entry.event.repo === repo && dropped.has(s.entry.event.hash)) drop(s);
  }

  /** Remembers the repository's ledger before a rebase changes it (once per rebase). */
  private rememberBeforeRebase(repo: string): void {
    if (this.beforeRebase.has(repo)) return;
    const states = new Map<Slot, SlotState>();
    for (const s of this.slots) {
      if (s.entry.event.repo === repo) states.set(s, { entry: s.entry, branch: s.branch, gone: s.gone, revivable: s.revivable });
    }
    this.beforeRebase.set(repo, { states, head: this.heads.get(repo) });
  }

  /**
   * `git rebase --abort` puts the branch back where it was: the picks made so far exist no
   * more, and the commits they replaced are the branch's again.
   */
  private abortRebase(repo: string): void {
    const before = this.beforeRebase.get(repo);
    this.beforeRebase.delete(repo);
    this.replayed.delete(repo);
    if (!before) {
      this.heads.set(repo, undefined);
      return;
    }
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const s = this.slots[i];
      if (s.entry.event.repo === repo && !before.states.has(s)) this.slots.splice(i, 1);
    }
    for (const [s, state] of before.states) Object.assign(s, state);
    this.heads.set(repo, before.head);
  }

  /**
   * `rebase (finish): returning to refs/heads/x` names the branch the picks were made for; the
   * picks themselves may not know it (`git rebase main feature` run from main).
   */
  private rebaseFinished(e: GitOpEvent): void {
    const branch = e.branch ?? RETURNING_TO.exec(e.message)?.[1];
    if (branch !== undefined) for (const slot of this.replayed.get(e.repo) ?? []) slot.branch = branch;
    this.replayed.delete(e.repo);
  }

  private add(e: CommitEvent, counting: CommitCounting): void {
    const key = copyKey(e);
    const mayBeCopy = this.copyKeys.has(key);
    this.copyKeys.add(key);
    const copyOf = mayBeCopy && counting === 'own' && (e.operation === 'commit' || e.operation === 'cherry-pick') ? this.originalOfCopy(e) : undefined;
    const slot: Slot = { entry: { event: e, counting, rewrites: 0 }, branch: e.branch, gone: false, revivable: false, ...(copyOf ? { copyOf } : {}) };
    this.slots.push(slot);
    this.heads.set(e.repo, slot);
  }

  /** The new version takes the old one's place (and its counting: an amended merge is still a merge). */
  private replace(slot: Slot, e: CommitEvent, branch = e.branch): void {
    slot.entry = { event: e, counting: slot.entry.counting, rewrites: slot.entry.rewrites + 1 };
    this.copyKeys.add(copyKey(e));
    slot.branch = branch;
    slot.gone = false;
    slot.revivable = false;
    this.heads.set(e.repo, slot);
  }

  /** `git commit --amend` rewrites HEAD: the commit HEAD was on no longer exists. */
  private amend(e: CommitEvent): void {
    const head = this.heads.get(e.repo);
    if (head && !head.gone) this.replace(head, e);
    else this.add(e, this.authoredBefore(e) ? 'earlier-work' : 'own');
  }

  /**
   * A rebase or pull pick is a copy of an earlier commit. When that commit was made in this
   * session, the copy replaces it. Otherwise it is a copy of earlier work (not counted), or, in
   * journals written before pull merges were recorded as merges, the merge `git pull` made
   * (counted without lines).
   */
  private replay(e: CommitEvent): void {
    this.rememberBeforeRebase(e.repo);
    const original = this.originalOf(e);
    if (original) {
      this.dropMergesAbove(original, e);
      // A pick that does not know its branch stays on the branch of the commit it copies.
      this.replace(original, e, e.branch ?? original.branch);
      this.replayed.set(e.repo, [...(this.replayed.get(e.repo) ?? []), original]);
      if (e.operation === 'rebase') this.squashFixupsOf(e);
      return;
    }
    if (this.authoredBefore(e)) this.add(e, 'earlier-work');
    else this.add(e, e.operation === 'pull' ? 'merge' : 'own');
  }

  /**
   * The session commit a cherry-pick (or `commit -C`) copies: git keeps the author time and the
   * subject, which no separately written commit shares to the second.
   */
  private originalOfCopy(e: CommitEvent): Slot | undefined {
    return latest(this.slots.filter((s) => {
      const ev = s.entry.event;
      return !s.gone && !s.copyOf && s.entry.counting === 'own' && ev.repo === e.repo && ev.authorTime === e.authorTime && ev.subject === e.subject && ev.hash !== e.hash;
    }));
  }

  private originalOf(e: CommitEvent): Slot | undefined {
    const inRepo = this.slots.filter((s) => s.entry.event.repo === e.repo && (!s.gone || s.revivable));
    const sameAuthorTime = inRepo.filter((s) => s.entry.event.authorTime === e.authorTime);
    const exact = latest(sameAuthorTime.filter((s) => s.entry.event.subject === e.subject));
    if (exact) return exact;
    // The adapter falls back to the reflog time when `git show` fails; a copy never has its own
    // time as author time, so then only the subject can match. The commit it replaces must then
    // have its reflog time as author time too (made then, or its lookup failed as well) and must
    // not be a merge, which a rebase leaves out: older journals record `git pull` merges, which
    // share one subject and may be authored a second before their reflog time, as pull picks.
    if (e.authorTime === e.time) return latest(inRepo.filter((s) => s.entry.event.subject === e.subject && authorTimeIsReflogTime(s) && s.entry.counting !== 'merge'));
    // A reword keeps the author time but not the subject; match only when that is unambiguous.
    const live = sameAuthorTime.filter((s) => !s.gone);
    return live.length === 1 ? live[0] : undefined;
  }

  /**
   * `rebase --autosquash` folds `fixup! X` commits into X: the new X holds their lines, so they
   * stop counting. Should the rebase pick one of them instead, `originalOf` revives it.
   */
  private squashFixupsOf(e: CommitEvent): void {
    for (const s of this.slots) {
      const ev = s.entry.event;
      if (s.gone || ev.repo !== e.repo || !AUTOSQUASH_PREFIX.test(ev.subject)) continue;
      if (ev.subject.replace(AUTOSQUASH_PREFIX, '') !== e.subject) continue;
      drop(s);
    }
  }

  /**
   * Rebasing a commit rewrites everything made on top of it, and a rebase leaves merges out
   * (unless `--rebase-merges` recreates them, which `originalOf` then matches), so a session
   * merge made after the replayed commit on the same branch no longer exists.
   */
  private dropMergesAbove(original: Slot, pick: CommitEvent): void {
    const from = this.slots.indexOf(original);
    const branch = original.branch ?? pick.branch;
    for (const s of this.slots.slice(from + 1)) {
      if (s.gone || s.entry.counting !== 'merge' || s.entry.event.repo !== pick.repo) continue;
      if (!mayBeOnBranch(s, branch)) continue;
      drop(s);
    }
  }

  /** After a checkout HEAD is on the branch (or commit) it names; the record knows its last commit there. */
  private checkedOut(repo: string, target: string | undefined): Slot | undefined {
    if (target === undefined) return undefined;
    const inRepo = this.slots.filter((s) => !s.gone && s.entry.event.repo === repo);
    const isHash = /^[0-9a-f]{7,64}$/.test(target);
    return latest(inRepo.filter((s) => (isHash ? s.entry.event.hash.startsWith(target) : s.branch === target)));
  }

  private authoredBefore(e: CommitEvent): boolean {
    return e.authorTime <= this.sessionStart - AUTHOR_TIME_RESOLUTION_MS;
  }
}

/**
 * Whether a merge may sit on `branch`. A merge whose branch is unknown may sit anywhere; when the
 * replayed commit's branch is unknown too, only such a merge can be shown to be on it, and one
 * made on a named branch is left alone.
 */
function mayBeOnBranch(merge: Slot, branch: string | undefined): boolean {
  return merge.branch === undefined || merge.branch === branch;
}

/** A fresh commit, or one whose `git show` failed: its author time is its reflog time. */
function authorTimeIsReflogTime(s: Slot): boolean {
  return s.entry.event.authorTime === s.entry.event.time;
}

function drop(s: Slot): void {
  s.gone = true;
  s.revivable = true;
}

function latest<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

function sessionStartOf(events: readonly JournalEvent[]): number {
  const start = events.find((e) => e.kind === 'session-start');
  return start?.time ?? events[0]?.time ?? 0;
}

/**
 * The commits that exist at the end of the session, each once, in the order their first version
 * was made. `events` are the session's events in journal order, after edits and deletes (only
 * its commits and git operations count, so a caller that keeps those apart passes them alone,
 * with the session's start).
 */
export function commitLedger(events: readonly JournalEvent[], sessionStart = sessionStartOf(events)): LedgerCommit[] {
  const ledger = new Ledger(sessionStart);
  for (const e of events) {
    if (e.kind === 'commit') ledger.commit(e);
    else if (e.kind === 'git-op') ledger.gitOp(e);
  }
  return ledger.result();
}

/** Whether a commit counts in the session's commit total (a copy is a commit of its own). */
/** What a copy keeps of its original: repository, author time and subject. */
function copyKey(e: CommitEvent): string {
  return `${e.repo}\0${e.authorTime}\0${e.subject}`;
}

export function countsAsCommit(c: LedgerCommit): boolean {
  return c.counting !== 'earlier-work';
}

/** Whether a commit's lines and files are the session's own work. */
export function ownsLines(c: LedgerCommit): boolean {
  return c.counting === 'own';
}

/** Commits and lines the session made, each commit once. */
export function commitTotals(ledger: readonly LedgerCommit[]): CommitTotals {
  let commits = 0;
  let added = 0;
  let removed = 0;
  for (const c of ledger) {
    if (countsAsCommit(c)) commits++;
    if (!ownsLines(c)) continue;
    added += c.event.added;
    removed += c.event.removed;
  }
  return { commits, added, removed };
}
