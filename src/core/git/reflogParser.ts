import type { CommitOperation, GitOperation } from '../journal/events';

/**
 * Parses `.git/logs/HEAD`, the one place that tells how HEAD moved (commit, amend, rebase,
 * checkout, reset...) without running git. The glue tails the file and hands us new lines.
 */

/** What a reflog line says happened, from its message prefix. */
export type ReflogKind =
  | 'commit'
  | 'amend'
  | 'initial'
  | 'merge'
  | 'rebase'
  | 'rebase-finish'
  | 'rebase-abort'
  | 'cherry-pick'
  | 'revert'
  | 'pull'
  | 'reset'
  | 'checkout'
  | 'clone'
  | 'other';

/** One parsed reflog line. */
export interface ReflogEntry {
  readonly oldHash: string;
  readonly newHash: string;
  readonly author: string;
  readonly email: string;
  /** Epoch ms. */
  readonly time: number;
  /** Offset of the committer's zone from UTC, in minutes (+0130 → 90). */
  readonly tzOffsetMinutes: number;
  /** The whole reflog message, e.g. `commit (amend): Fix typo`. */
  readonly message: string;
  readonly kind: ReflogKind;
  /** The message after its `action: ` prefix (for commits, the subject). */
  readonly subject: string;
  /** The parenthesised step, e.g. `pick`, `start`, `amend`, when the prefix has one. */
  readonly step?: string;
  /** Checkout: the branch or commit left; reset: undefined. */
  readonly from?: string;
  /** Checkout: the branch or commit entered; reset: the target (`HEAD~1`). */
  readonly to?: string;
  /** Rebase finish/abort: the branch returned to; merge/pull: the ref merged in. */
  readonly branch?: string;
  /** Merge or pull that only moved HEAD forward, without a commit of its own. */
  readonly fastForward?: boolean;
}

const LINE = /^([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) (.*?) ?<([^<>\n]*)> (\d{1,15}) ([+-])(\d\d)(\d\d)(?:\t(.*))?$/;

// `action: rest`; the action is a few words, optionally with a parenthesised step.
const PREFIX = /^([a-z][a-z-]*(?: [^:()\s]+)*?)(?: \(([a-z -]+)\))?: ([\s\S]*)$/;

/**
 * Parses one line of `.git/logs/HEAD`: `<old> <new> <name> <<email>> <seconds> <+hhmm>\t<message>`.
 * Returns undefined for anything else (a torn write, garbage); it never throws.
 */
export function parseReflogLine(line: string): ReflogEntry | undefined {
  const m = LINE.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
  if (!m) return undefined;
  const [, oldHash, newHash, author, email, seconds, sign, hh, mm, message = ''] = m;
  const tz = (Number(hh) * 60 + Number(mm)) * (sign === '-' ? -1 : 1);
  return {
    oldHash,
    newHash,
    author,
    email,
    time: Number(seconds) * 1000,
    tzOffsetMinutes: tz,
    message,
    ...classify(message),
  };
}

type Classified = Pick<ReflogEntry, 'kind' | 'subject' | 'step' | 'from' | 'to' | 'branch' | 'fastForward'>;

function stripHeads(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

/** Reads a reflog message the way git writes them (builtin/commit.c, sequencer.c, merge.c...). */
function classify(message: string): Classified {
  const m = PREFIX.exec(message);
  if (!m) return { kind: 'other', subject: message };
  const [, action, step, subject] = m;
  const words = action.split(' ');
  const verb = words[0];
  const base = step ? { subject, step } : { subject };
  const fastForward = /^Fast-forward/.test(subject) ? { fastForward: true } : {};
  switch (verb) {
    case 'commit':
      if (step === 'amend') return { ...base, kind: 'amend' };
      if (step === 'initial') return { ...base, kind: 'initial' };
      if (step === 'merge') return { ...base, kind: 'merge' };
      if (step === 'cherry-pick') return { ...base, kind: 'cherry-pick' };
      return { ...base, kind: 'commit' };
    case 'checkout': {
      const move = /^moving from (.+) to (\S+)$/.exec(subject);
      return move ? { ...base, kind: 'checkout', from: move[1], to: move[2] } : { ...base, kind: 'checkout' };
    }
    case 'reset': {
      const move = /^moving to (.+)$/.exec(subject);
      return move ? { ...base, kind: 'reset', to: move[1] } : { ...base, kind: 'reset' };
    }
    case 'merge':
      return { ...base, kind: 'merge', ...(words[1] ? { branch: words.slice(1).join(' ') } : {}), ...fastForward };
    case 'pull':
      // `pull --rebase (pick): ...` is a rebase driven by pull; the commits are still pull's.
      if (step === 'finish' || step === 'abort') return rebaseEnd(base, step, subject);
      return { ...base, kind: 'pull', ...pullBranch(words), ...fastForward };
    case 'rebase':
      if (step === 'finish' || step === 'abort') return rebaseEnd(base, step, subject);
      // Git before 2.26: `rebase finished: refs/heads/x onto <sha>`.
      if (words[1] === 'finished') return { ...base, kind: 'rebase-finish', branch: stripHeads(subject.split(' ')[0]) };
      return { ...base, kind: 'rebase' };
    case 'cherry-pick':
      return { ...base, kind: 'cherry-pick' };
    case 'am':
      return { ...base, kind: 'commit' };
    case 'revert':
      return { ...base, kind: 'revert' };
    case 'clone':
      return { ...base, kind: 'clone' };
    default:
      return { ...base, kind: 'other' };
  }
}

function rebaseEnd(base: { subject: string; step?: string }, step: string, subject: string): Classified {
  const ret = /^returning to (\S+)/.exec(subject);
  const kind = step === 'finish' ? 'rebase-finish' : 'rebase-abort';
  return ret ? { ...base, kind, branch: stripHeads(ret[1]) } : { ...base, kind };
}

function pullBranch(words: readonly string[]): { branch?: string } {
  const args = words.slice(1).filter((w) => !w.startsWith('-'));
  return args.length ? { branch: args.join(' ') } : {};
}

/** Splits appended text into complete lines and the torn remainder to keep for the next read. */
export function splitCompleteLines(chunk: string): { lines: string[]; rest: string } {
  const end = chunk.lastIndexOf('\n');
  if (end < 0) return { lines: [], rest: chunk };
  const lines = chunk.slice(0, end).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  return { lines, rest: chunk.slice(end + 1) };
}

/**
 * Parses a whole reflog (or an appended chunk of one). Git ends every entry with a newline,
 * so a last line without one is a write still in progress and is left out rather than read
 * with a cut-off message; malformed lines are skipped.
 */
export function parseReflog(text: string): ReflogEntry[] {
  const out: ReflogEntry[] = [];
  for (const line of splitCompleteLines(text).lines) {
    const entry = parseReflogLine(line);
    if (entry) out.push(entry);
  }
  return out;
}

/** How the journal should record a reflog entry: as a commit, as a git operation, or not at all. */
export type ReflogRecording =
  | { readonly type: 'commit'; readonly operation: CommitOperation }
  | { readonly type: 'git-op'; readonly op: GitOperation }
  | { readonly type: 'ignore' };

/**
 * Maps a reflog entry to the journal's event kinds, so every source adapter decides alike.
 * `(start)` steps of a rebase only detach HEAD and are ignored; each pick is a commit
 * (operation 'rebase', or 'pull' for `pull --rebase (pick)`), the finish one git operation.
 * A `git pull` line without a step is the merge commit pull made: a new commit, not a copy, so
 * it is recorded as a merge. A fast-forward merge or pull makes no commit of its own, so it is
 * a git operation too, not a commit someone wrote in this session.
 */
export function reflogRecording(entry: ReflogEntry): ReflogRecording {
  if (entry.step === 'start') return { type: 'ignore' };
  if (entry.fastForward) return { type: 'git-op', op: 'other' };
  switch (entry.kind) {
    case 'commit':
    case 'amend':
    case 'initial':
    case 'merge':
    case 'cherry-pick':
    case 'revert':
      return { type: 'commit', operation: entry.kind };
    case 'pull':
      return { type: 'commit', operation: entry.step === undefined ? 'merge' : 'pull' };
    case 'rebase':
      return { type: 'commit', operation: 'rebase' };
    case 'rebase-finish':
      return { type: 'git-op', op: 'rebase-finish' };
    case 'reset':
      return { type: 'git-op', op: 'reset' };
    case 'checkout':
      return { type: 'git-op', op: 'checkout' };
    case 'rebase-abort':
    case 'clone':
    case 'other':
      return { type: 'git-op', op: 'other' };
  }
}
