import { strict as assert } from 'node:assert';
import { commitLedger, commitTotals } from '../../src/core/git/commitLedger';
import type { CommitEvent, CommitOperation, EventDraft, FileChange, GitOperation, JournalEvent } from '../../src/core/journal/events';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { summarize } from '../../src/core/journal/sessionState';
import { JournalFixture } from './retrospectiveFixture';

const BASE = Date.UTC(2026, 2, 3, 9, 0, 0);
const SECOND = 1000;

interface CommitSpec {
  readonly hash: string;
  readonly subject: string;
  readonly operation?: CommitOperation;
  /** Minutes after the base; defaults to the commit's own time (a fresh commit). */
  readonly authoredAt?: number;
  readonly files: readonly FileChange[];
  readonly branch?: string;
  readonly repo?: string;
}

/** A session recorded the way the git adapter records commits: author time in whole seconds. */
class GitSession {
  readonly j = new JournalFixture(BASE);

  constructor() {
    this.j.add({ kind: 'session-start', time: this.j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
  }

  commit(minute: number, spec: CommitSpec): CommitEvent {
    const time = this.j.at(minute);
    const authorTime = Math.floor(this.j.at(spec.authoredAt ?? minute) / SECOND) * SECOND;
    const draft: EventDraft<CommitEvent> = {
      kind: 'commit', time, repo: spec.repo ?? '.', hash: spec.hash, subject: spec.subject, authorTime,
      operation: spec.operation ?? 'commit', branch: spec.branch ?? 'main', files: spec.files,
      added: spec.files.reduce((s, f) => s + (f.added ?? 0), 0),
      removed: spec.files.reduce((s, f) => s + (f.removed ?? 0), 0),
    };
    return this.j.add(draft) as CommitEvent;
  }

  gitOp(minute: number, op: GitOperation, to?: string): void {
    this.j.add({ kind: 'git-op', time: this.j.at(minute), repo: '.', op, message: op, ...(to !== undefined ? { to } : {}) });
  }

  end(minute: number): JournalEvent[] {
    this.j.add({ kind: 'session-end', time: this.j.at(minute) });
    return this.j.events;
  }
}

function hashes(events: readonly JournalEvent[]): string[] {
  return commitLedger(events).filter((c) => c.counting !== 'earlier-work').map((c) => c.event.hash);
}

/** What the retrospective and the live panel say about the session's commits. */
function numbers(events: readonly JournalEvent[]): { commits: number; added: number; removed: number; panel: number; files: [string, number | undefined][] } {
  const end = events[events.length - 1].time;
  const m = buildRetrospective(events, { now: end, utcOffsetMinutes: 0 });
  return {
    commits: m.metrics.commits,
    added: m.metrics.linesAdded,
    removed: m.metrics.linesRemoved,
    panel: summarize(events, end).counts.commits,
    files: m.files.map((f) => [f.path, f.added]),
  };
}

describe('commit ledger: rewritten commits count once', () => {
  it('an amend replaces the commit it amended, lines and all', () => {
    const s = new GitSession();
    s.commit(5, { hash: 'a1', subject: 'Parse dates', files: [{ path: 'src/p.ts', added: 10, removed: 2 }] });
    // --amend keeps the author date of the commit it rewrites.
    s.commit(7, { hash: 'a2', subject: 'Parse dates', operation: 'amend', authoredAt: 5, files: [{ path: 'src/p.ts', added: 11, removed: 2 }] });
    const events = s.end(30);

    assert.deepEqual(hashes(events), ['a2']);
    assert.deepEqual(numbers(events), { commits: 1, added: 11, removed: 2, panel: 1, files: [['src/p.ts', 11]] });
    assert.equal(commitLedger(events)[0].rewrites, 1);
  });

  it('an amend after switching branches replaces the last commit of the branch checked out', () => {
    const s = new GitSession();
    s.commit(5, { hash: 'm1', subject: 'Main work', files: [{ path: 'a.ts', added: 4, removed: 0 }] });
    s.gitOp(6, 'checkout', 'feature');
    s.commit(8, { hash: 'f1', subject: 'Feature work', branch: 'feature', files: [{ path: 'b.ts', added: 7, removed: 0 }] });
    s.gitOp(9, 'checkout', 'main');
    s.commit(10, { hash: 'm2', subject: 'Main work', operation: 'amend', authoredAt: 5, files: [{ path: 'a.ts', added: 5, removed: 0 }] });
    const events = s.end(30);

    assert.deepEqual(hashes(events), ['m2', 'f1']);
    assert.deepEqual(numbers(events), { commits: 2, added: 12, removed: 0, panel: 2, files: [['a.ts', 5], ['b.ts', 7]] });
  });

  it('a rebase of two session commits replaces both originals', () => {
    const s = new GitSession();
    s.commit(5, { hash: 'a1', subject: 'Add parser', files: [{ path: 'src/parser.ts', added: 40, removed: 0 }] });
    s.commit(9, { hash: 'b1', subject: 'Test parser', files: [{ path: 'test/parser.test.ts', added: 25, removed: 0 }] });
    s.commit(20, { hash: 'a2', subject: 'Add parser', operation: 'rebase', authoredAt: 5, files: [{ path: 'src/parser.ts', added: 41, removed: 1 }] });
    s.commit(20, { hash: 'b2', subject: 'Test parser', operation: 'rebase', authoredAt: 9, files: [{ path: 'test/parser.test.ts', added: 25, removed: 0 }] });
    s.gitOp(20, 'rebase-finish');
    const events = s.end(30);

    assert.deepEqual(hashes(events), ['a2', 'b2']);
    assert.deepEqual(numbers(events), {
      commits: 2, added: 66, removed: 1, panel: 2, files: [['src/parser.ts', 41], ['test/parser.test.ts', 25]],
    });
  });

  it('pull --rebase replays the session commits onto the fetched ones without counting them again', () => {
    const s = new GitSession();
    s.commit(5, { hash: 'a1', subject: 'Fix header', files: [{ path: 'src/header.ts', added: 3, removed: 1 }] });
    s.commit(15, { hash: 'b1', subject: 'Fix footer', files: [{ path: 'src/footer.ts', added: 6, removed: 2 }] });
    s.commit(25, { hash: 'a2', subject: 'Fix header', operation: 'pull', authoredAt: 5, files: [{ path: 'src/header.ts', added: 3, removed: 1 }] });
    s.commit(25, { hash: 'b2', subject: 'Fix footer', operation: 'pull', authoredAt: 15, files: [{ path: 'src/footer.ts', added: 6, removed: 2 }] });
    s.gitOp(25, 'rebase-finish');
    const events = s.end(30);

    assert.deepEqual(hashes(events), ['a2', 'b2']);
    assert.deepEqual(numbers(events), { commits: 2, added: 9, removed: 3, panel: 2, files: [['src/footer.ts', 6], ['src/header.ts', 3]] });
  });

  it('a merge counts as a commit without the merged-in lines or files', () => {
    const s = new GitSession();
    s.commit(5, { hash: 'a1', subject: 'Add feature', files: [{ path: 'feature.txt', added: 100, removed: 0 }] });
    s.commit(10, { hash: 'm1', subject: "Merge branch 'main' of origin", operation: 'pull', files: [{ path: 'teammate.txt', added: 5000, removed: 0 }] });
    s.commit(12, { hash: 'm2', subject: "Merge branch 'topic'", operation: 'merge', files: [{ path: 'topic.txt', added: 300, removed: 20 }] });
    const events = s.end(30);

    assert.deepEqual(numbers(events), { commits: 3, added: 100, removed: 0, panel: 3, files: [['feature.txt', 100]] });
    const row = buildRetrospective(events, { now: events[events.length - 1].time, utcOffsetMinutes: 0 }).commits[1];
    assert.deepEqual([row.merge, row.files, row.added, row.removed], [true, 0, 0, 0]);
  });

  it('the reviewer\'s real sequence (commit, two amends, pull --no-rebase, pull --rebase) ends as one commit', () => {
    const s = new GitSession();
    s.commit(1, { hash: 'c1', subject: 'Add feature', files: [{ path: 'feature.txt', added: 100, removed: 0 }] });
    s.commit(2, { hash: 'c2', subject: 'Add feature', operation: 'amend', authoredAt: 1, files: [{ path: 'feature.txt', added: 101, removed: 0 }] });
    s.commit(3, { hash: 'c3', subject: 'Add feature', operation: 'amend', authoredAt: 1, files: [{ path: 'feature.txt', added: 102, removed: 0 }] });
    s.commit(4, { hash: 'mm', subject: "Merge branch 'main' of up", operation: 'pull', files: [{ path: 'teammate.txt', added: 5000, removed: 0 }] });
    s.commit(5, { hash: 'c4', subject: 'Add feature', operation: 'pull', authoredAt: 1, files: [{ path: 'feature.txt', added: 102, removed: 0 }] });
    s.gitOp(5, 'rebase-finish');
    const events = s.end(10);

    // git: `origin/main..HEAD` holds one commit, one file, +102; the rebase dropped the merge.
    assert.deepEqual(hashes(events), ['c4']);
    assert.deepEqual(numbers(events), { commits: 1, added: 102, removed: 0, panel: 1, files: [['feature.txt', 102]] });
  });

  it('rebase --autosquash folds fixup! commits into the commit they fix', () => {
    const s = new GitSession();
    s.commit(1, { hash: 'f0', subject: 'Feature', files: [{ path: 'f.txt', added: 10, removed: 0 }] });
    s.commit(2, { hash: 'x1', subject: 'fixup! Feature', files: [{ path: 'f.txt', added: 1, removed: 0 }] });
    s.commit(3, { hash: 'x2', subject: 'fixup! Feature', files: [{ path: 'f.txt', added: 2, removed: 0 }] });
    // The first step was fast-forwarded, so git wrote no pick for it; each fixup step is a new "Feature".
    s.commit(4, { hash: 'f1', subject: 'Feature', operation: 'rebase', authoredAt: 1, files: [{ path: 'f.txt', added: 11, removed: 0 }] });
    s.commit(4, { hash: 'f2', subject: 'Feature', operation: 'rebase', authoredAt: 1, files: [{ path: 'f.txt', added: 13, removed: 0 }] });
    s.gitOp(4, 'rebase-finish');
    const events = s.end(10);

    assert.deepEqual(hashes(events), ['f2']);
    assert.deepEqual(numbers(events), { commits: 1, added: 13, removed: 0, panel: 1, files: [['f.txt', 13]] });
  });

  it('a plain rebase that keeps a fixup! commit counts it once, with its own lines', () => {
    const s = new GitSession();
    s.commit(1, { hash: 'f0', subject: 'Feature', files: [{ path: 'f.txt', added: 10, removed: 0 }] });
    s.commit(2, { hash: 'x1', subject: 'fixup! Feature', files: [{ path: 'f.txt', added: 1, removed: 0 }] });
    s.commit(4, { hash: 'f1', subject: 'Feature', operation: 'rebase', authoredAt: 1, files: [{ path: 'f.txt', added: 10, removed: 0 }] });
    s.commit(4, { hash: 'x2', subject: 'fixup! Feature', operation: 'rebase', authoredAt: 2, files: [{ path: 'f.txt', added: 1, removed: 0 }] });
    const events = s.end(10);

    assert.deepEqual(hashes(events), ['f1', 'x2']);
    assert.deepEqual(numbers(events), { commits: 2, added: 11, removed: 0, panel: 2, files: [['f.txt', 11]] });
  });

  it('a reworded pick replaces the commit with its author time', () => {
    const s = new GitSession();
    s.commit(1, { hash: 'a1', subject: 'wip', files: [{ path: 'a.ts', added: 8, removed: 0 }] });
    s.commit(4, { hash: 'a2', subject: 'Add the cache layer', operation: 'rebase', authoredAt: 1, files: [{ path: 'a.ts', added: 8, removed: 0 }] });
    const events = s.end(10);

    assert.deepEqual(hashes(events), ['a2']);
    assert.equal(numbers(events).added, 8);
  });

  it('replays of commits authored before the session add neither commits nor lines', () => {
    const s = new GitSession();
    s.commit(5, { hash: 'a1', subject: 'Session work', files: [{ path: 'a.ts', added: 2, removed: 0 }] });
    s.commit(6, { hash: 'o2', subject: 'Yesterday', operation: 'rebase', authoredAt: -24 * 60, files: [{ path: 'old.ts', added: 900, removed: 0 }] });
    s.commit(7, { hash: 'o3', subject: 'Last week', operation: 'pull', authoredAt: -7 * 24 * 60, files: [{ path: 'older.ts', added: 400, removed: 0 }] });
    const events = s.end(10);

    assert.deepEqual(hashes(events), ['a1']);
    assert.deepEqual(numbers(events), { commits: 1, added: 2, removed: 0, panel: 1, files: [['a.ts', 2]] });
  });

  it('keeps plain commits, cherry-picks and reverts as commits of their own', () => {
    const s = new GitSession();
    s.commit(1, { hash: 'a1', subject: 'One', files: [{ path: 'a.ts', added: 1, removed: 0 }] });
    s.commit(2, { hash: 'c1', subject: 'Picked fix', operation: 'cherry-pick', authoredAt: -60, files: [{ path: 'b.ts', added: 2, removed: 0 }] });
    s.commit(3, { hash: 'r1', subject: 'Revert "One"', operation: 'revert', files: [{ path: 'a.ts', added: 0, removed: 1 }] });
    const events = s.end(10);

    assert.deepEqual(hashes(events), ['a1', 'c1', 'r1']);
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 3, added: 3, removed: 1 });
  });

  it('shows the amended commit once in the Commits table and says it was rewritten', () => {
    const s = new GitSession();
    s.commit(5, { hash: 'aaaaaaa1111', subject: 'Parse dates', files: [{ path: 'src/p.ts', added: 10, removed: 2 }] });
    s.commit(7, { hash: 'bbbbbbb2222', subject: 'Parse dates', operation: 'amend', authoredAt: 5, files: [{ path: 'src/p.ts', added: 11, removed: 2 }] });
    s.commit(9, { hash: 'ccccccc3333', subject: "Merge branch 'topic'", operation: 'merge', files: [{ path: 'x.ts', added: 50, removed: 0 }] });
    const events = s.end(30);
    const md = renderRetrospective(buildRetrospective(events, { now: events[events.length - 1].time, utcOffsetMinutes: 0 }));
    const rows = md.split('\n').filter((l) => /^\| `[0-9a-f]{7}` \|/.test(l));

    assert.deepEqual(rows, [
      '| `bbbbbbb` | `Parse dates` (last of 2 versions: amended or rebased) | 1 | +11 −2 |',
      "| `ccccccc` | `Merge branch 'topic'` (merge: its lines are the merged-in work, not counted) | — | — |",
    ]);
    assert.match(md, /\| Commits \| 2 \|/);
    assert.match(md, /\| Lines Added \| 11 \|/);
  });
});
