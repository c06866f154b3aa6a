import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitLedger, commitTotals, countsAsCommit } from '../../src/core/git/commitLedger';
import type { JournalEvent } from '../../src/core/journal/events';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { RealGitSession } from './realGitSession';

/** The commits the ledger counts, by hash, sorted (git log's order is not the ledger's). */
function counted(events: readonly JournalEvent[]): string[] {
  return commitLedger(events).filter(countsAsCommit).map((c) => c.event.hash).sort();
}

describe('commit ledger against git log (real git, real reflog)', function () {
  // Each case runs a dozen git processes.
  this.timeout(30_000);
  let s: RealGitSession;

  beforeEach(() => {
    s = new RealGitSession();
    s.commitFile('base.txt', 2, 'Base');
  });

  afterEach(() => s.dispose());

  it('reset --soft HEAD~1 and a new commit: the discarded commit is not counted beside the new one', () => {
    s.start();
    s.commitFile('a.txt', 10, 'Add a');
    s.run('reset', '--soft', 'HEAD~1');
    fs.appendFileSync(path.join(s.dir, 'a.txt'), 'one more\ntwo more\n');
    s.git('add', 'a.txt');
    s.run('commit', '-q', '-m', 'Add a, complete');
    const truth = s.madeInSession();
    const events = s.events();

    assert.equal(truth.hashes.length, 1, 'git log holds only the new commit');
    assert.deepEqual(counted(events), [...truth.hashes].sort());
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 1, added: truth.added, removed: truth.removed });
    assert.equal(truth.added, 12);
  });

  it('reset --hard HEAD~1 throws a commit away; a commit kept on another branch still counts', () => {
    s.start();
    s.commitFile('kept.txt', 4, 'Kept on a branch');
    s.run('branch', 'keep');
    s.run('reset', '--hard', 'HEAD~1');
    s.commitFile('gone.txt', 6, 'Thrown away');
    s.run('reset', '--hard', 'HEAD~1');
    s.commitFile('last.txt', 3, 'Last');
    const truth = s.madeInSession();
    const events = s.events();

    assert.equal(truth.hashes.length, 2);
    assert.deepEqual(counted(events), [...truth.hashes].sort());
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 2, added: 7, removed: 0 });
  });

  it('rebase --abort after two picks: the picks are not commits, the originals are', () => {
    s.start();
    s.run('checkout', '-q', '-b', 'feature');
    s.commitFile('f1.txt', 3, 'Feature one');
    s.commitFile('f2.txt', 4, 'Feature two');
    s.commitFile('base.txt', 5, 'Feature changes base', 'feature');
    s.run('checkout', '-q', 'main');
    s.commitFile('base.txt', 6, 'Main changes base', 'main');
    s.run('checkout', '-q', 'feature');
    const reflogBefore = s.git('reflog', '--format=%gs').split('\n').length;
    s.run('rebase', 'main');
    const picks = s.git('reflog', '--format=%gs').split('\n').slice(0, -reflogBefore).filter((l) => l.startsWith('rebase (pick)'));
    assert.equal(picks.length, 2, 'the rebase made two picks before the conflict stopped it');
    s.run('rebase', '--abort');
    const truth = s.madeInSession();
    const events = s.events();

    assert.equal(truth.hashes.length, 4);
    assert.deepEqual(counted(events), [...truth.hashes].sort());
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 4, added: truth.added, removed: truth.removed });
  });

  it('rebase --abort, then the same rebase finished: the picks replace the originals once', () => {
    s.start();
    s.run('checkout', '-q', '-b', 'feature');
    s.commitFile('f1.txt', 3, 'Feature one');
    s.commitFile('f2.txt', 4, 'Feature two');
    s.run('checkout', '-q', 'main');
    s.commitFile('m.txt', 6, 'Main work');
    s.run('checkout', '-q', 'feature');
    s.run('rebase', '-i', '--exec', 'false', 'main');
    s.run('rebase', '--abort');
    s.run('rebase', 'main');
    const truth = s.madeInSession();
    const events = s.events();

    assert.equal(truth.hashes.length, 3);
    assert.deepEqual(counted(events), [...truth.hashes].sort());
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 3, added: 13, removed: 0 });
  });

  it('a session commit cherry-picked to another branch: a commit of its own, its lines once', () => {
    s.start();
    s.run('checkout', '-q', '-b', 'fix');
    s.commitFile('fix.txt', 5, 'Fix the bug');
    s.run('checkout', '-q', 'main');
    s.commitFile('main.txt', 1, 'Main moves on');
    s.run('cherry-pick', 'fix');
    const truth = s.madeInSession();
    const events = s.events();

    // git log: the fix on both branches, 5 lines each. Written once, so counted once.
    assert.equal(truth.hashes.length, 3);
    assert.equal(truth.added, 11);
    assert.deepEqual(counted(events), [...truth.hashes].sort());
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 3, added: 6, removed: 0 });
    const model = buildRetrospective(events, { now: Date.now(), utcOffsetMinutes: 0 });
    assert.deepEqual(model.files.map((f) => [f.path, f.added]).sort(), [['fix.txt', 5], ['main.txt', 1]]);
    const original = s.git('rev-parse', '--short=7', 'fix');
    assert.match(renderRetrospective(model), new RegExp(`\`Fix the bug\` \\(copy of ${original}: its lines are counted there\\) \\| — \\| — \\|`));
  });

  it('a cherry-pick of a commit made before the session is work of this session, lines and all', () => {
    s.run('checkout', '-q', '-b', 'old');
    s.commitFile('old.txt', 7, 'Old fix');
    s.run('checkout', '-q', 'main');
    s.start();
    s.run('cherry-pick', 'old');
    const truth = s.madeInSession();
    const events = s.events();

    assert.deepEqual(counted(events), truth.hashes);
    assert.deepEqual(commitTotals(commitLedger(events)), { commits: 1, added: 7, removed: 0 });
  });
});
