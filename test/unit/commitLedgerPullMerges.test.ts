import { strict as assert } from 'node:assert';
import { commitLedger, commitTotals } from '../../src/core/git/commitLedger';
import type { CommitOperation, JournalEvent } from '../../src/core/journal/events';
import { parseReflogLine, reflogRecording } from '../../src/core/git/reflogParser';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { summarize } from '../../src/core/journal/sessionState';
import { JournalFixture } from './retrospectiveFixture';

const BASE = Date.UTC(2026, 2, 3, 9, 0, 0);
const PULL_MERGE = "Merge branch 'main' of github.com:org/repo";

interface CommitSpec {
  readonly minute: number;
  readonly hash: string;
  readonly subject: string;
  readonly operation: CommitOperation;
  /** Author time minus reflog time, in ms: 0 for a commit made now (or whose `git show` failed). */
  readonly authorOffsetMs?: number;
  readonly added?: number;
}

function session(commits: readonly CommitSpec[]): JournalEvent[] {
  const j = new JournalFixture(BASE);
  j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
  for (const c of commits) {
    const time = j.at(c.minute);
    const added = c.added ?? (c.operation === 'commit' ? 10 : 0);
    j.add({
      kind: 'commit', time, repo: '.', hash: c.hash, subject: c.subject, authorTime: time + (c.authorOffsetMs ?? 0),
      operation: c.operation, branch: 'main', files: added ? [{ path: `${c.hash}.ts`, added, removed: 0 }] : [], added, removed: 0,
    });
  }
  j.add({ kind: 'session-end', time: j.at(120) });
  return j.events;
}

/** The operation the git adapter records for a reflog message. */
function operationOf(message: string): CommitOperation {
  const entry = parseReflogLine(`${'a'.repeat(40)} ${'b'.repeat(40)} A <a@example.com> 1772528400 +0000\t${message}`);
  const recording = entry && reflogRecording(entry);
  if (recording?.type !== 'commit') throw new Error(`not recorded as a commit: ${message}`);
  return recording.operation;
}

/** Commits counted by the ledger, the retrospective and the live panel (which must agree). */
function counted(events: readonly JournalEvent[]): { ledger: number; retrospective: number; panel: number; added: number } {
  const end = events[events.length - 1].time;
  return {
    ledger: commitTotals(commitLedger(events)).commits,
    retrospective: buildRetrospective(events, { now: end, utcOffsetMinutes: 0 }).metrics.commits,
    panel: summarize(events, end).counts.commits,
    added: commitTotals(commitLedger(events)).added,
  };
}

describe('commit ledger: each git pull merge is a commit of its own', () => {
  const pullMerge = operationOf("pull: Merge made by the 'ort' strategy.");

  it('records a pull merge as a merge and a pull --rebase pick as a replay', () => {
    assert.equal(pullMerge, 'merge');
    assert.equal(operationOf('pull origin main: Merge made by the \'ort\' strategy.'), 'merge');
    assert.equal(operationOf('pull --rebase (pick): Fix header'), 'pull');
  });

  it('two pull merges with the same subject both count', () => {
    const events = session([
      { minute: 5, hash: 'a1', subject: 'Work 1', operation: 'commit' },
      { minute: 20, hash: 'p1', subject: PULL_MERGE, operation: pullMerge },
      { minute: 40, hash: 'a2', subject: 'Work 2', operation: 'commit' },
      { minute: 60, hash: 'p2', subject: PULL_MERGE, operation: pullMerge },
    ]);
    assert.deepEqual(commitLedger(events).map((c) => `${c.event.hash}:${c.counting}`), ['a1:own', 'p1:merge', 'a2:own', 'p2:merge']);
    assert.deepEqual(counted(events), { ledger: 4, retrospective: 4, panel: 4, added: 20 });
  });

  it('a second pull merge does not drop a git merge made between the pulls', () => {
    const events = session([
      { minute: 5, hash: 'a1', subject: 'Work 1', operation: 'commit' },
      { minute: 20, hash: 'p1', subject: PULL_MERGE, operation: pullMerge },
      { minute: 30, hash: 'm1', subject: "Merge branch 'feature'", operation: 'merge' },
      { minute: 60, hash: 'p2', subject: PULL_MERGE, operation: pullMerge },
    ]);
    assert.deepEqual(commitLedger(events).map((c) => c.event.hash), ['a1', 'p1', 'm1', 'p2']);
    assert.deepEqual(counted(events), { ledger: 4, retrospective: 4, panel: 4, added: 10 });
  });
});

describe('commit ledger: journals that recorded pull merges as pull picks', () => {
  it('two pull merges with the same subject both count', () => {
    const events = session([
      { minute: 5, hash: 'a1', subject: 'Work 1', operation: 'commit' },
      { minute: 20, hash: 'p1', subject: PULL_MERGE, operation: 'pull' },
      { minute: 40, hash: 'a2', subject: 'Work 2', operation: 'commit' },
      { minute: 60, hash: 'p2', subject: PULL_MERGE, operation: 'pull' },
    ]);
    assert.deepEqual(counted(events), { ledger: 4, retrospective: 4, panel: 4, added: 20 });
  });

  it('a git merge between two pull merges survives', () => {
    const events = session([
      { minute: 20, hash: 'p1', subject: PULL_MERGE, operation: 'pull' },
      { minute: 30, hash: 'm1', subject: "Merge branch 'feature'", operation: 'merge' },
      { minute: 60, hash: 'p2', subject: PULL_MERGE, operation: 'pull' },
    ]);
    assert.deepEqual(commitLedger(events).map((c) => c.event.hash), ['p1', 'm1', 'p2']);
  });

  it('a pull merge whose author time is a second before its reflog time is not matched by subject', () => {
    const events = session([
      { minute: 20, hash: 'p1', subject: 'Merge x', operation: 'pull', authorOffsetMs: -1000 },
      { minute: 60, hash: 'p2', subject: 'Merge x', operation: 'pull' },
    ]);
    assert.deepEqual(commitLedger(events).map((c) => c.event.hash), ['p1', 'p2']);
  });
});

describe('commit ledger: the subject fallback for failed lookups', () => {
  it('a pick whose git show failed still replaces the session commit with its subject', () => {
    // git missing: every event carries its reflog time as author time.
    const events = session([
      { minute: 5, hash: 'a1', subject: 'Fix header', operation: 'commit' },
      { minute: 25, hash: 'a2', subject: 'Fix header', operation: 'pull', added: 0 },
    ]);
    assert.deepEqual(commitLedger(events).map((c) => [c.event.hash, c.rewrites]), [['a2', 1]]);
  });
});
