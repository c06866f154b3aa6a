import assert from 'node:assert/strict';
import { parseReflog, parseReflogLine, reflogRecording, splitCompleteLines } from '../../src/core/git/reflogParser';
import { parseNumstat, parseNumstatZ, renamedPath, unquoteGitPath } from '../../src/core/git/numstatParser';
import { MAX_FILES_PER_COMMIT, parseCommitDetails } from '../../src/core/git/commitDetails';

const A = '3a262fea5133548db4473ab6602b7cf51c5dced4';
const B = '84960b216b778c5e27da188c1bad2a3ddbc8266f';
const ZERO = '0'.repeat(40);

/** A reflog line exactly as git writes it to .git/logs/HEAD. */
function line(message: string, old = A, next = B, who = 'Ada Lovelace <ada@example.com> 1795314811 +0000'): string {
  return `${old} ${next} ${who}\t${message}`;
}

describe('reflog parser', () => {
  it('parses every field of a commit line', () => {
    const e = parseReflogLine(`${A} ${B} Ada Lovelace <ada@example.com> 1700000000 +0130\tcommit: Add parser`);
    assert.deepEqual(e, {
      oldHash: A, newHash: B, author: 'Ada Lovelace', email: 'ada@example.com',
      time: 1_700_000_000_000, tzOffsetMinutes: 90, message: 'commit: Add parser', kind: 'commit', subject: 'Add parser',
    });
  });

  it('reads negative time zones and an empty author name', () => {
    const e = parseReflogLine(`${A} ${B}  <ci@example.com> 1700000000 -0500\tcommit: x`);
    assert.equal(e?.author, '');
    assert.equal(e?.email, 'ci@example.com');
    assert.equal(e?.tzOffsetMinutes, -300);
  });

  it('accepts SHA-256 repositories', () => {
    const h = 'ab'.repeat(32);
    assert.equal(parseReflogLine(line('commit: x', h, h))?.newHash, h);
  });

  const cases: [string, Record<string, unknown>][] = [
    ['commit (initial): Initial import', { kind: 'initial', subject: 'Initial import', step: 'initial' }],
    ['commit: Add b', { kind: 'commit', subject: 'Add b' }],
    ['commit: fix: handle colons: in subjects', { kind: 'commit', subject: 'fix: handle colons: in subjects' }],
    ['commit (amend): Add b (amended)', { kind: 'amend', subject: 'Add b (amended)' }],
    ['commit (merge): Merge branch \'feature\'', { kind: 'merge', subject: 'Merge branch \'feature\'' }],
    ['commit (cherry-pick): fe', { kind: 'cherry-pick' }],
    ['merge feature: Merge made by the \'ort\' strategy.', { kind: 'merge', branch: 'feature' }],
    ['merge master: Fast-forward', { kind: 'merge', branch: 'master', fastForward: true }],
    ['checkout: moving from master to feature', { kind: 'checkout', from: 'master', to: 'feature' }],
    ['checkout: moving from feature to 84960b216b778c5e27da188c1bad2a3ddbc8266f', { kind: 'checkout', from: 'feature', to: B }],
    ['rebase (start): checkout master', { kind: 'rebase', step: 'start' }],
    ['rebase (pick): fe', { kind: 'rebase', step: 'pick', subject: 'fe' }],
    ['rebase (continue): resolve conflict', { kind: 'rebase', step: 'continue' }],
    ['rebase -i (squash): Squashed', { kind: 'rebase', step: 'squash' }],
    ['rebase (finish): returning to refs/heads/feature', { kind: 'rebase-finish', branch: 'feature' }],
    ['rebase -i (finish): returning to refs/heads/topic/x', { kind: 'rebase-finish', branch: 'topic/x' }],
    ['rebase (abort): returning to refs/heads/feature', { kind: 'rebase-abort', branch: 'feature' }],
    ['rebase finished: refs/heads/old onto 84960b216b778c5e27da188c1bad2a3ddbc8266f', { kind: 'rebase-finish', branch: 'old' }],
    ['rebase: Old-style applied patch', { kind: 'rebase', subject: 'Old-style applied patch' }],
    ['cherry-pick: fe', { kind: 'cherry-pick', subject: 'fe' }],
    ['revert: Revert "fe"', { kind: 'revert', subject: 'Revert "fe"' }],
    ['pull -q --ff-only: Fast-forward', { kind: 'pull', fastForward: true }],
    ['pull: Fast-forward', { kind: 'pull', fastForward: true }],
    ['pull origin main: Merge made by the \'ort\' strategy.', { kind: 'pull', branch: 'origin main' }],
    ['pull -q --rebase (start): checkout 84960b216b778c5e27da188c1bad2a3ddbc8266f', { kind: 'pull', step: 'start' }],
    ['pull --rebase (pick): local', { kind: 'pull', step: 'pick', subject: 'local' }],
    ['pull -q --rebase (finish): returning to refs/heads/master', { kind: 'rebase-finish', branch: 'master' }],
    ['reset: moving to HEAD~1', { kind: 'reset', to: 'HEAD~1' }],
    ['clone: from /tmp/h6/r', { kind: 'clone' }],
    ['am: Apply a mailed patch', { kind: 'commit', subject: 'Apply a mailed patch' }],
    ['branch: Created from HEAD', { kind: 'other' }],
    ['something git may write one day', { kind: 'other', subject: 'something git may write one day' }],
  ];
  for (const [message, expected] of cases) {
    it(`classifies "${message}"`, () => {
      const e = parseReflogLine(line(message));
      assert.ok(e, 'parsed');
      assert.equal(e.message, message);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual((e as unknown as Record<string, unknown>)[k], v, k);
    });
  }

  it('parses the initial commit with the all-zero old hash', () => {
    const e = parseReflogLine(line('commit (initial): Initial import', ZERO));
    assert.equal(e?.oldHash, ZERO);
    assert.equal(e?.kind, 'initial');
  });

  it('accepts a line without a message and a CRLF line', () => {
    assert.equal(parseReflogLine(`${A} ${B} Ada <a@b> 1700000000 +0000`)?.message, '');
    assert.equal(parseReflogLine(`${line('commit: x')}\r`)?.subject, 'x');
  });

  it('returns undefined for malformed lines, never throwing', () => {
    for (const bad of ['', 'garbage', `${A} ${B}`, `${A.slice(0, 20)}`, `${A} ${B} Ada <a@b> notatime +0000\tcommit: x`,
      `${A} zz${B.slice(2)} Ada <a@b> 1 +0000\tx`, `${A} ${B} Ada <a@b> 1700000000 0000\tx`, '\t\t\t', `${A} ${B} Ada a@b 1 +0000\tx`]) {
      assert.equal(parseReflogLine(bad), undefined, JSON.stringify(bad));
    }
  });

  it('parses many lines and leaves out a torn last line', () => {
    const text = [line('commit: one'), line('commit: two'), 'broken line', line('checkout: moving from a to b')].join('\n') + '\n';
    const torn = `${line('commit: three is being writ')}`;
    const entries = parseReflog(text + torn);
    assert.deepEqual(entries.map((e) => e.kind), ['commit', 'commit', 'checkout']);
  });

  it('splits complete lines from the torn rest', () => {
    assert.deepEqual(splitCompleteLines('a\nb\r\nc'), { lines: ['a', 'b'], rest: 'c' });
    assert.deepEqual(splitCompleteLines('a\n'), { lines: ['a'], rest: '' });
    assert.deepEqual(splitCompleteLines('partial'), { lines: [], rest: 'partial' });
    assert.deepEqual(splitCompleteLines(''), { lines: [], rest: '' });
  });

  it('reassembles a line torn across two reads', () => {
    const full = `${line('commit: first')}\n${line('commit: second')}\n`;
    const cut = full.length - 20;
    const first = splitCompleteLines(full.slice(0, cut));
    const second = splitCompleteLines(first.rest + full.slice(cut));
    const subjects = [...first.lines, ...second.lines].map((l) => parseReflogLine(l)?.subject);
    assert.deepEqual(subjects, ['first', 'second']);
    assert.equal(second.rest, '');
  });

  it('maps entries to journal events', () => {
    const rec = (m: string) => reflogRecording(parseReflogLine(line(m))!);
    assert.deepEqual(rec('commit: x'), { type: 'commit', operation: 'commit' });
    assert.deepEqual(rec('commit (amend): x'), { type: 'commit', operation: 'amend' });
    assert.deepEqual(rec('commit (initial): x'), { type: 'commit', operation: 'initial' });
    assert.deepEqual(rec('merge feature: Merge made by the \'ort\' strategy.'), { type: 'commit', operation: 'merge' });
    assert.deepEqual(rec('merge feature: Fast-forward'), { type: 'git-op', op: 'other' });
    assert.deepEqual(rec('rebase (start): checkout main'), { type: 'ignore' });
    assert.deepEqual(rec('rebase (pick): x'), { type: 'commit', operation: 'rebase' });
    assert.deepEqual(rec('rebase (finish): returning to refs/heads/f'), { type: 'git-op', op: 'rebase-finish' });
    assert.deepEqual(rec('cherry-pick: x'), { type: 'commit', operation: 'cherry-pick' });
    assert.deepEqual(rec('revert: Revert "x"'), { type: 'commit', operation: 'revert' });
    assert.deepEqual(rec('pull: Merge made by the \'ort\' strategy.'), { type: 'commit', operation: 'merge' });
    assert.deepEqual(rec('pull origin main: Merge made by the \'recursive\' strategy.'), { type: 'commit', operation: 'merge' });
    assert.deepEqual(rec('pull --rebase (pick): x'), { type: 'commit', operation: 'pull' });
    assert.deepEqual(rec('pull: Fast-forward'), { type: 'git-op', op: 'other' });
    assert.deepEqual(rec('reset: moving to HEAD~1'), { type: 'git-op', op: 'reset' });
    assert.deepEqual(rec('checkout: moving from a to b'), { type: 'git-op', op: 'checkout' });
    assert.deepEqual(rec('rebase (abort): returning to refs/heads/f'), { type: 'git-op', op: 'other' });
  });
});

describe('numstat parser', () => {
  it('parses counts, binary files and both rename styles', () => {
    const out = [
      '',
      '12\t3\tsrc/core/events.ts',
      '-\t-\tmedia/icon.png',
      '0\t0\ta => a b.txt',
      '4\t1\tsrc/{old => new}/file.ts',
      '1\t0\t{ => lib}/util.ts',
      '2\t2\tpkg/{legacy => }/index.ts',
      '0\t0\ty => "src/caf\\303\\251/y"',
      '',
    ].join('\n');
    assert.deepEqual(parseNumstat(out), {
      files: [
        { path: 'src/core/events.ts', added: 12, removed: 3 },
        { path: 'media/icon.png' },
        { path: 'a b.txt', added: 0, removed: 0 },
        { path: 'src/new/file.ts', added: 4, removed: 1 },
        { path: 'lib/util.ts', added: 1, removed: 0 },
        { path: 'pkg/index.ts', added: 2, removed: 2 },
        { path: 'src/café/y', added: 0, removed: 0 },
      ],
      truncated: 0, added: 19, removed: 6,
    });
  });

  it('skips lines that are not numstat, such as a format line', () => {
    const r = parseNumstat('commit abc\nAuthor: x\n\n1\t1\tREADME.md\r\nnot\ta\tcount\n');
    assert.deepEqual(r.files, [{ path: 'README.md', added: 1, removed: 1 }]);
  });

  it('keeps tabs inside paths after the second field', () => {
    assert.equal(parseNumstat('1\t2\tweird\tname.txt').files[0].path, 'weird\tname.txt');
  });

  it('cuts a 10,000-file commit to maxFiles but totals every file', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `2\t1\tvendor/f${i}.js`).join('\n');
    const def = parseNumstat(text);
    assert.equal(def.files.length, 500);
    assert.equal(def.truncated, 9_500);
    assert.equal(def.added, 20_000);
    assert.equal(def.removed, 10_000);
    assert.equal(def.files[499].path, 'vendor/f499.js');
    const small = parseNumstat(text, { maxFiles: 10 });
    assert.equal(small.files.length, 10);
    assert.equal(small.truncated, 9_990);
  });

  it('parses -z output with renames as separate fields', () => {
    const z = '0\t0\t\0a\0a b.txt\0' + '3\t1\tsrc/x => y.ts\0' + '-\t-\timg.png\0' + '0\t0\t\0d\0dir/old/d\0';
    assert.deepEqual(parseNumstatZ(z), {
      files: [
        { path: 'a b.txt', added: 0, removed: 0 },
        { path: 'src/x => y.ts', added: 3, removed: 1 },
        { path: 'img.png' },
        { path: 'dir/old/d', added: 0, removed: 0 },
      ],
      truncated: 0, added: 3, removed: 1,
    });
    assert.equal(parseNumstatZ('\n1\t1\tREADME.md\0').files[0].path, 'README.md');
    assert.equal(parseNumstatZ('1\t1\t\0only-old').files.length, 0, 'torn rename is dropped');
  });

  it('unquotes C-quoted paths', () => {
    assert.equal(unquoteGitPath('"caf\\303\\251.txt"'), 'café.txt');
    assert.equal(unquoteGitPath('"a\\"b\\\\c\\td"'), 'a"b\\c\td');
    assert.equal(unquoteGitPath('plain.txt'), 'plain.txt');
    assert.equal(unquoteGitPath('"emoji 😀"'), 'emoji 😀');
    assert.equal(renamedPath('"old\\303\\251" => "n\\303\\251w"'), 'néw');
  });
});

describe('commit lookup parser (what the git adapter runs on `git show` with showArgs)', () => {
  // Literal output of `git -c core.quotepath=off show --first-parent --numstat -M --format=%s%x00%at <hash>` (git 2.39).
  const FIRST = 'First: a, b -> c\x001795314811\n\n2\t0\ta.txt\n1\t0\tsrc dir/ü.ts\n';
  const SECOND = 'Rename and binary\x001795314900\n\n0\t2\ta.txt\n3\t0\tb.txt\n-\t-\tbin.dat\n';

  it('reads the subject, author time and files of a commit, unquoted paths included', () => {
    assert.deepEqual(parseCommitDetails(FIRST, 1), {
      subject: 'First: a, b -> c', authorTime: 1_795_314_811_000,
      files: [{ path: 'a.txt', added: 2, removed: 0 }, { path: 'src dir/ü.ts', added: 1, removed: 0 }],
      added: 3, removed: 0, truncated: 0,
    });
  });

  it('counts a binary file as changed with no lines', () => {
    const d = parseCommitDetails(SECOND, 1);
    assert.equal(d.subject, 'Rename and binary');
    assert.deepEqual(d.files.map((f) => f.path), ['a.txt', 'b.txt', 'bin.dat']);
    assert.equal(d.added, 3);
    assert.equal(d.removed, 2);
  });

  it('keeps the reflog time when git printed no author time, and survives output that is not a commit', () => {
    assert.equal(parseCommitDetails('fatal: bad object', 42).authorTime, 42);
    assert.deepEqual(parseCommitDetails('', 42).files, []);
  });

  it('keeps totals but lists at most MAX_FILES_PER_COMMIT files of a huge commit', () => {
    const lines = Array.from({ length: MAX_FILES_PER_COMMIT + 10 }, (_, i) => `1\t0\tf${i}.txt`).join('\n');
    const d = parseCommitDetails(`big\x001795314811\n\n${lines}\n`, 1);
    assert.equal(d.files.length, MAX_FILES_PER_COMMIT);
    assert.equal(d.truncated, 10);
    assert.equal(d.added, MAX_FILES_PER_COMMIT + 10);
  });
});
