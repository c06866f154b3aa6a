import { strict as assert } from 'node:assert';
import { commitLedger, commitTotals } from '../../src/core/git/commitLedger';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import type { RefSnapshot } from '../../src/core/git/refCapture';
import { EMPTY_SNAPSHOT, madeBefore, missingReflogReason, parseLoggedCommits, parseRefSnapshot, refChangeDrafts, refQueries } from '../../src/core/git/refCapture';
import { JournalFixture } from './retrospectiveFixture';

// Literal output of git 2.39 in a repository made with `git -c core.logAllRefUpdates=false init`.
const BASE = '64c122c4d5c88db46b064bdb9ecb774452f5d553';
const TWO = '63a8699709b14fc803f830de30ef06426d41e1ed';
const AMENDED = 'dbe1697a794922a4bfd61458d3ad039bcbb48e1d';
const MERGE = '3a603ed1cb3ad169049959d569493666322b260e';

/** `git for-each-ref --format='%(objectname) %(HEAD) %(refname)' refs/heads` after `git checkout -b feature/x` and a commit. */
const BRANCHES_ON_FEATURE = `${TWO} * refs/heads/feature/x\n${BASE}   refs/heads/main\n`;

/** `git log --topo-order --reverse --numstat -M --diff-merges=first-parent --format=%x1e%H%x00%P%x00%s%x00%at%x00%ct <TWO> --not <BASE>`. */
const LOG_TWO = `\x1e${TWO}\0${BASE}\0Two files\x001767261660\x001767261660\n\n2\t1\ta.txt\n1\t0\tn é.txt\n`;
/** The same for the amended commit. */
const LOG_AMENDED = `\x1e${AMENDED}\0${BASE}\0Two files, amended\x001767261660\x001767261720\n\n2\t1\ta.txt\n1\t0\tn é.txt\n`;
/** The same after `git merge --no-ff feature/x` on main: the merge's first-parent diff. */
const LOG_MERGE = `\x1e${MERGE}\0${BASE} ${AMENDED}\0Merge x\x001767261720\x001767261720\n\n2\t1\ta.txt\n1\t0\tn é.txt\n`;

const onMain: RefSnapshot = parseRefSnapshot(`${BASE} * refs/heads/main\n`, `${BASE}\n`);
const onFeature: RefSnapshot = parseRefSnapshot(BRANCHES_ON_FEATURE, TWO);
const amended: RefSnapshot = parseRefSnapshot(`${AMENDED} * refs/heads/feature/x\n${BASE}   refs/heads/main\n`, AMENDED);
const merged: RefSnapshot = parseRefSnapshot(`${AMENDED}   refs/heads/feature/x\n${MERGE} * refs/heads/main\n`, MERGE);

function journal(drafts: readonly EventDraft[]): JournalEvent[] {
  const j = new JournalFixture(Date.UTC(2026, 0, 1, 9, 59, 0));
  j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
  for (const d of drafts) j.add(d);
  return j.events;
}

describe('refs-only commit capture (a repository without a reflog)', () => {
  it('reads the branch tips, the branch HEAD is on, and HEAD', () => {
    assert.deepEqual(onFeature, { head: TWO, branch: 'feature/x', branches: new Map([['feature/x', TWO], ['main', BASE]]) });
    // Detached HEAD: no branch is marked; before the first commit rev-parse printed nothing.
    assert.deepEqual(parseRefSnapshot(`${BASE}   refs/heads/main\n`, TWO), { head: TWO, branches: new Map([['main', BASE]]) });
    assert.deepEqual(parseRefSnapshot('', undefined), { branches: new Map() });
    assert.deepEqual(parseRefSnapshot('warning: something\n', ''), { branches: new Map() });
    // On a branch its tip is HEAD, whatever a separate rev-parse said a moment later.
    assert.deepEqual(parseRefSnapshot(BRANCHES_ON_FEATURE, AMENDED).head, TWO);
  });

  it('asks git nothing when no tip moved', () => {
    assert.deepEqual(refQueries(onFeature, parseRefSnapshot(BRANCHES_ON_FEATURE, TWO)), {});
  });

  it('asks for the commits the new tips hold that the old did not, oldest first', () => {
    const q = refQueries(onMain, onFeature);
    assert.equal(q.dropped, undefined, 'main still holds BASE');
    const args = q.newCommits ?? [];
    assert.deepEqual(args.slice(args.indexOf(TWO)), [TWO, '--not', BASE, '--']);
    assert.ok(args.includes('--reverse') && args.includes('--topo-order') && args.includes('--numstat'));
  });

  it('asks which old commits nothing holds any more once a tip moved off them (an amend)', () => {
    const q = refQueries(onFeature, amended);
    const dropped = q.dropped ?? [];
    assert.deepEqual(dropped.slice(dropped.indexOf('--not')), ['--not', '--branches', '--tags', '--remotes', AMENDED, BASE, '--']);
    assert.deepEqual(dropped.slice(0, dropped.indexOf('--not')).slice(-1), [TWO]);
  });

  it('a late repository is read from nothing, and only commits since the session started are kept', () => {
    const q = refQueries(EMPTY_SNAPSHOT, onFeature);
    assert.ok(!(q.newCommits ?? []).includes('--not'));
    const commits = parseLoggedCommits(`\x1e${BASE}\0\0Base\x001767261600\x001767261600\n\n2\t0\ta.txt\n${LOG_TWO}`);
    const drafts = refChangeDrafts({ repo: 'late', prev: EMPTY_SNAPSHOT, next: onFeature, commits, dropped: [], time: 1767261700_000, since: 1767261630_000 });
    assert.deepEqual(drafts.map((d) => d.kind === 'commit' && d.hash), [TWO], 'Base was made before the session; no checkout from nothing');
    // A session that started later in the second TWO was made in: commit times have whole seconds.
    const sameSecond = refChangeDrafts({ repo: 'late', prev: EMPTY_SNAPSHOT, next: onFeature, commits, dropped: [], time: 1767261700_000, since: 1767261660_700 });
    assert.deepEqual(sameSecond.map((d) => d.kind === 'commit' && d.hash), [TWO]);
  });

  it('madeBefore: a reflog entry or commit of the second the session started in is the session\'s (git stamps whole seconds)', () => {
    // The reflog path of a repository picked up late (gitAdapter) reads entries with this too:
    // `git init && git commit` 0.5 s after Start Session is stamped with the earlier whole second.
    assert.equal(madeBefore(1767261660_000, 1767261660_700), false);
    assert.equal(madeBefore(1767261660_000, 1767261660_000), false);
    assert.equal(madeBefore(1767261659_000, 1767261660_700), true);
  });

  it('parses git log records with their numstat, a non-ASCII path and a merge', () => {
    assert.deepEqual(parseLoggedCommits(LOG_TWO + LOG_MERGE).map((c) => [c.hash, c.parents.length, c.subject, c.authorTime, c.commitTime, c.numstat.added, c.numstat.removed, c.numstat.files.map((f) => f.path)]), [
      [TWO, 1, 'Two files', 1767261660_000, 1767261660_000, 3, 1, ['a.txt', 'n é.txt']],
      [MERGE, 2, 'Merge x', 1767261720_000, 1767261720_000, 3, 1, ['a.txt', 'n é.txt']],
    ]);
    assert.deepEqual(parseLoggedCommits('fatal: bad revision\n'), []);
  });

  it('records a checkout and the new commit, then an amend as a discard and a pick the ledger counts once, then a merge', () => {
    const t = 1767261800_000;
    const drafts = [
      ...refChangeDrafts({ repo: '.', prev: onMain, next: onFeature, commits: parseLoggedCommits(LOG_TWO), dropped: [], time: t }),
      ...refChangeDrafts({ repo: '.', prev: onFeature, next: amended, commits: parseLoggedCommits(LOG_AMENDED), dropped: [TWO], time: t }),
      ...refChangeDrafts({ repo: '.', prev: amended, next: merged, commits: parseLoggedCommits(LOG_MERGE), dropped: [], time: t }),
    ];
    assert.deepEqual(drafts.map((d) => [d.kind, d.kind === 'commit' ? d.operation : d.kind === 'git-op' ? d.op : '', d.kind === 'commit' ? d.hash : '']), [
      ['git-op', 'checkout', ''],
      ['commit', 'commit', TWO],
      ['git-op', 'other', ''],
      ['commit', 'rebase', AMENDED],
      ['git-op', 'checkout', ''],
      ['commit', 'merge', MERGE],
    ]);
    const first = drafts[1];
    assert.ok(first.kind === 'commit');
    assert.deepEqual([first.subject, first.branch, first.time, first.added, first.removed], ['Two files', 'feature/x', 1767261660_000, 3, 1]);
    const discard = drafts[2];
    assert.ok(discard.kind === 'git-op');
    assert.deepEqual(discard.dropped, [TWO]);

    const ledger = commitLedger(journal(drafts));
    assert.deepEqual(ledger.map((c) => [c.event.hash, c.counting, c.rewrites]), [[AMENDED, 'own', 0], [MERGE, 'merge', 0]]);
    assert.deepEqual(commitTotals(ledger), { commits: 2, added: 3, removed: 1 });
  });

  it('says why a repository has no logs/HEAD', () => {
    assert.equal(missingReflogReason('false\n', false), 'core.logAllRefUpdates=false');
    assert.equal(missingReflogReason('off', false), 'core.logAllRefUpdates=false');
    assert.equal(missingReflogReason('true', false), undefined);
    assert.equal(missingReflogReason('always', false), undefined);
    assert.match(missingReflogReason('true', true) ?? '', /reftable/);
  });
});
