import { strict as assert } from 'node:assert';
import { commitLedger, commitTotals } from '../../src/core/git/commitLedger';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { ReflogBranchTracker } from '../../src/core/git/reflogBranch';
import { parseReflogLine, reflogRecording } from '../../src/core/git/reflogParser';
import { JournalFixture } from './retrospectiveFixture';

const BASE = Date.UTC(2026, 2, 3, 9, 0, 0);
const LOCAL_BRANCHES = new Set(['main', 'feature', 'other']);

/** A 40-hex hash standing for commit `n`. */
function hash(n: number): string {
  return n.toString(16).padStart(40, '0');
}

interface Step {
  readonly message: string;
  /** The commit HEAD points at after the step. */
  readonly to: number;
  /** For commits: when the commit was first authored, in minutes (a copy keeps its original's). */
  readonly authoredAt?: number;
}

/**
 * Records reflog lines the way the git adapter does: each line goes through the parser, the
 * branch tracker and reflogRecording; every commit adds 10 lines in a file of its own.
 */
function recordReflog(startBranch: string, steps: readonly Step[]): JournalEvent[] {
  const j = new JournalFixture(BASE);
  j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
  const tracker = new ReflogBranchTracker(startBranch, (name) => LOCAL_BRANCHES.has(name));
  let head = 0;
  steps.forEach((step, i) => {
    const minute = i + 1;
    const line = `${hash(head)} ${hash(step.to)} A <a@example.com> ${j.at(minute) / 1000} +0000\t${step.message}`;
    head = step.to;
    const entry = parseReflogLine(line);
    if (!entry) throw new Error(`unparseable test line: ${step.message}`);
    const branch = tracker.follow(entry);
    const recording = reflogRecording(entry);
    const stamp = branch ? { branch } : {};
    if (recording.type === 'git-op') {
      j.add({ kind: 'git-op', time: entry.time, repo: '.', op: recording.op, message: entry.message, from: entry.from ?? entry.oldHash, to: entry.to ?? entry.newHash, ...stamp });
    } else if (recording.type === 'commit') {
      const draft: EventDraft = {
        kind: 'commit', time: entry.time, repo: '.', hash: entry.newHash, subject: entry.subject,
        authorTime: j.at(step.authoredAt ?? minute), operation: recording.operation, ...stamp,
        files: [{ path: `f${step.to}.ts`, added: 10, removed: 0 }], added: 10, removed: 0,
      };
      j.add(draft);
    }
  });
  j.add({ kind: 'session-end', time: j.at(steps.length + 5) });
  return j.events;
}

function surviving(events: readonly JournalEvent[]): number[] {
  return commitLedger(events).map((c) => parseInt(c.event.hash, 16));
}

describe('commit ledger: rebased commits keep the branch being rebased', () => {
  it('git rebase main on feature, then back to feature and amend: the amend replaces the pick', () => {
    const events = recordReflog('feature', [
      { message: 'commit: Feat', to: 1 },
      { message: 'checkout: moving from feature to main', to: 9 },
      { message: 'commit: Main work', to: 2 },
      { message: 'checkout: moving from main to feature', to: 1 },
      { message: 'rebase (start): checkout main', to: 2 },
      { message: 'rebase (pick): Feat', to: 3, authoredAt: 1 },
      { message: 'rebase (finish): returning to refs/heads/feature', to: 3 },
      { message: 'checkout: moving from feature to main', to: 2 },
      { message: 'checkout: moving from main to feature', to: 3 },
      { message: 'commit (amend): Feat', to: 4, authoredAt: 1 },
    ]);

    assert.deepEqual(surviving(events), [4, 2]);
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 2, added: 20, removed: 0 });
  });

  it('git pull --rebase picks stay on the branch pulled into', () => {
    const events = recordReflog('main', [
      { message: 'commit: Fix header', to: 1 },
      { message: 'pull --rebase (start): checkout ' + hash(50), to: 50 },
      { message: 'pull --rebase (pick): Fix header', to: 2, authoredAt: 1 },
      { message: 'pull --rebase (finish): returning to refs/heads/main', to: 2 },
      { message: 'checkout: moving from main to feature', to: 60 },
      { message: 'checkout: moving from feature to main', to: 2 },
      { message: 'commit (amend): Fix header', to: 3, authoredAt: 1 },
    ]);

    assert.deepEqual(surviving(events), [3]);
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 1, added: 10, removed: 0 });
  });

  for (const startBranch of ['main', 'other']) {
    it(`git rebase main feature run from ${startBranch}: the finish names the branch of the picks`, () => {
      const events = recordReflog(startBranch, [
        { message: `checkout: moving from ${startBranch} to feature`, to: 10 },
        { message: 'commit: Feat', to: 1 },
        { message: `checkout: moving from feature to ${startBranch}`, to: 20 },
        { message: 'commit: Base work', to: 2 },
        // git writes no line for switching to feature; the start checks out the base.
        { message: 'rebase (start): checkout main', to: 2 },
        { message: 'rebase (pick): Feat', to: 3, authoredAt: 2 },
        { message: 'rebase (finish): returning to refs/heads/feature', to: 3 },
        { message: `checkout: moving from feature to ${startBranch}`, to: 2 },
        { message: 'commit (amend): Base work', to: 4, authoredAt: 4 },
        { message: `checkout: moving from ${startBranch} to feature`, to: 3 },
        { message: 'commit (amend): Feat', to: 5, authoredAt: 2 },
      ]);

      assert.deepEqual(surviving(events), [5, 4]);
      assert.deepEqual(commitTotals(commitLedger(events)), { commits: 2, added: 20, removed: 0 });
    });
  }
});

describe('commit ledger: a replayed commit of unknown branch drops only merges of unknown branch', () => {
  function session(mergeBranch: string | undefined): JournalEvent[] {
    const j = new JournalFixture(BASE);
    j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
    const commit = (minute: number, h: string, subject: string, operation: 'commit' | 'merge' | 'rebase', branch?: string, authoredAt = minute): void => {
      j.add({
        kind: 'commit', time: j.at(minute), repo: '.', hash: h, subject, authorTime: j.at(authoredAt), operation,
        ...(branch ? { branch } : {}), files: [{ path: `${h}.ts`, added: 10, removed: 0 }], added: 10, removed: 0,
      });
    };
    commit(1, 'd1', 'Detached work', 'commit');
    commit(2, 'm1', "Merge branch 'topic'", 'merge', mergeBranch);
    // A rebase of the detached HEAD: neither the commit nor its pick knows a branch.
    commit(3, 'd2', 'Detached work', 'rebase', undefined, 1);
    j.add({ kind: 'session-end', time: j.at(10) });
    return j.events;
  }

  it('a merge made on main survives the rebase of a detached commit', () => {
    const ledger = commitLedger(session('main'));
    assert.deepEqual(ledger.map((c) => c.event.hash), ['d2', 'm1']);
    assert.equal(commitTotals(ledger).commits, 2);
  });

  it('a merge made on the detached HEAD itself is dropped with it', () => {
    const ledger = commitLedger(session(undefined));
    assert.deepEqual(ledger.map((c) => c.event.hash), ['d2']);
    assert.equal(commitTotals(ledger).commits, 1);
  });
});
