import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ReflogCursor } from '../../src/core/git/reflogResume';
import {
  cursorAfter, cursorFromTime, EMPTY_CURSOR, lastCompleteLine, linesAfterRewrite, reflogFileChange,
} from '../../src/core/git/reflogResume';
import { ReflogWatcher } from '../../src/core/git/reflogWatcher';

const hash = (n: number): string => n.toString(16).padStart(40, '0');
/** A reflog line as git writes it, `n` also fixing its hashes; `seconds` its time. */
const entry = (n: number, seconds: number, message = `commit: work ${n}`): string =>
  `${hash(n)} ${hash(n + 1)} Ada <ada@example.com> ${seconds} +0000\t${message}`;

const OLD = Array.from({ length: 6 }, (_, i) => entry(i, 1_600_000_000 + i, `commit (amend): old ${i}`));
const RECENT = [entry(10, 1_760_000_000), entry(11, 1_760_000_100)];
const NEW_WORK = entry(20, 1_760_000_200, 'commit: NEW WORK');

/** The cursor of a watcher that has passed on every line of `lines`. */
const deliveredAll = (lines: readonly string[]): ReflogCursor => cursorAfter(EMPTY_CURSOR, lines);

describe('reflog resume after a rewrite: which lines are new', () => {
  it('shrink keeping the new line: only the commit appended before the expire is new', () => {
    const cursor = deliveredAll([...OLD, ...RECENT]);
    const afterExpire = [...RECENT, NEW_WORK]; // gc --auto dropped the old amends, kept the commit
    assert.deepEqual(linesAfterRewrite(cursor, afterExpire), [NEW_WORK]);
  });

  it('shrink with nothing new: expired entries never bring delivered ones back', () => {
    const cursor = deliveredAll([...OLD, ...RECENT]);
    assert.deepEqual(linesAfterRewrite(cursor, RECENT), []);
  });

  it('same-size rewrite (nothing expired): nothing is delivered twice', () => {
    const cursor = deliveredAll([...OLD, ...RECENT]);
    assert.deepEqual(linesAfterRewrite(cursor, [...OLD, ...RECENT]), []);
  });

  it('expire that dropped the last delivered line too: falls back to its time and skips what was delivered', () => {
    const sameSecond = entry(30, 1_760_000_100, 'commit: same second as the last delivered');
    const cursor = deliveredAll([...OLD, ...RECENT]);
    const afterDelete = [RECENT[0], sameSecond, NEW_WORK]; // `git reflog delete` removed RECENT[1]
    assert.deepEqual(linesAfterRewrite(cursor, afterDelete), [sameSecond, NEW_WORK]);
  });

  it('with the last line unknown, only entries from the time following began are new', () => {
    const cursor = cursorFromTime(1_760_000_150_500);
    assert.equal(cursor.lastTime, 1_760_000_150_000);
    assert.deepEqual(linesAfterRewrite(cursor, [...RECENT, NEW_WORK]), [NEW_WORK]);
  });

  it('a file that was empty when following began: every line of the rewritten file is new', () => {
    assert.deepEqual(linesAfterRewrite(EMPTY_CURSOR, [...RECENT, NEW_WORK]), [...RECENT, NEW_WORK]);
  });

  it('the cursor remembers the last line and its time, and a bounded history', () => {
    const lines = Array.from({ length: 300 }, (_, i) => entry(i, 1_700_000_000 + i));
    const cursor = cursorAfter(deliveredAll(lines.slice(0, 100)), lines.slice(100));
    assert.equal(cursor.lastLine, lines[299]);
    assert.equal(cursor.lastTime, 1_700_000_299_000);
    assert.ok(cursor.recent.length < lines.length, 'the history is bounded');
    assert.equal(cursor.recent[cursor.recent.length - 1], lines[299]);
    assert.equal(cursorAfter(cursor, []), cursor, 'an empty batch changes nothing');
  });
});

describe('reflog resume after a rewrite: how the file changed', () => {
  const known = { offset: 700, inode: 11, mtimeMs: 5 };

  it('a larger file with the same inode was appended to', () => {
    assert.equal(reflogFileChange(known, { size: 900, inode: 11, mtimeMs: 6 }), 'appended');
  });

  it('a smaller file was rewritten', () => {
    assert.equal(reflogFileChange(known, { size: 124, inode: 11, mtimeMs: 6 }), 'rewritten');
  });

  it('an inode change is a rewrite even when the file grew (lock file renamed over it)', () => {
    assert.equal(reflogFileChange(known, { size: 900, inode: 12, mtimeMs: 6 }), 'rewritten');
  });

  it('same size, written since: rewritten in place', () => {
    assert.equal(reflogFileChange(known, { size: 700, inode: 11, mtimeMs: 6 }), 'rewritten');
  });

  it('same size, same time: nothing to read', () => {
    assert.equal(reflogFileChange(known, { size: 700, inode: 11, mtimeMs: 5 }), 'none');
  });

  it('a platform without inodes (0) falls back to the size', () => {
    assert.equal(reflogFileChange({ offset: 700, inode: 0 }, { size: 900, inode: 0 }), 'appended');
    assert.equal(reflogFileChange({ offset: 700, inode: 0 }, { size: 100, inode: 0 }), 'rewritten');
  });
});

describe('reflog resume: the last line of a file when following starts', () => {
  it('takes the last complete line, not one still being written', () => {
    assert.equal(lastCompleteLine('a\nb\nc-being-writ', true), 'b');
    assert.equal(lastCompleteLine('a\nb\n', true), 'b');
    assert.equal(lastCompleteLine('a\r\nb\r\n', true), 'b');
  });

  it('never takes the cut end of a line the tail starts inside', () => {
    assert.equal(lastCompleteLine('end-of-a-long-line\n', false), undefined);
    assert.equal(lastCompleteLine('end-of-a-long-line\nwhole\n', false), 'whole');
    assert.equal(lastCompleteLine('', true), undefined);
  });
});

describe('ReflogWatcher following a repository from its start (picked up mid-session) through gc --auto', function () {
  let gitDir: string;
  let file: string;

  afterEach(() => fs.rmSync(gitDir, { recursive: true, force: true }));

  it('delivers the old entries, then the commit when the expire kept only it', async () => {
    gitDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-reflog-'));
    fs.mkdirSync(path.join(gitDir, 'logs'));
    file = path.join(gitDir, 'logs', 'HEAD');
    fs.writeFileSync(file, OLD.map((l) => `${l}\n`).join(''));
    const delivered: string[] = [];
    const watcher = new ReflogWatcher(gitDir, (lines) => delivered.push(...lines), (err) => assert.fail(String(err)), 20, true);
    try {
      while (delivered.length < OLD.length) await new Promise((r) => setTimeout(r, 10));
      await watcher.idle();
      // git commit appends, then its gc --auto expires every years-old entry: the file keeps only the commit.
      fs.appendFileSync(file, `${NEW_WORK}\n`);
      fs.writeFileSync(`${file}.lock`, `${NEW_WORK}\n`);
      fs.renameSync(`${file}.lock`, file);
      while (!delivered.includes(NEW_WORK)) await new Promise((r) => setTimeout(r, 10));
      await watcher.idle();
      assert.deepEqual(delivered, [...OLD, NEW_WORK]);
    } finally {
      watcher.dispose();
    }
  });
});

/** Drives the real ReflogWatcher on a temp git dir, the way git writes logs/HEAD. */
describe('ReflogWatcher on a real file rewritten by reflog expire', function () {
  const DEBOUNCE_MS = 20;
  let gitDir: string;
  let file: string;
  let delivered: string[];
  let errors: unknown[];
  let watcher: ReflogWatcher | undefined;

  const text = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');
  /** What `git reflog expire` does: write HEAD.lock, rename it over logs/HEAD (a new inode). */
  const rewrite = (lines: readonly string[]): void => {
    fs.writeFileSync(`${file}.lock`, text(lines));
    fs.renameSync(`${file}.lock`, file);
  };
  /** Reads now, as the fs.watch event or a window focus would, and waits for the read. */
  const readNow = async (): Promise<void> => {
    watcher?.schedule();
    await watcher?.idle();
  };

  beforeEach(() => {
    gitDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-reflog-'));
    fs.mkdirSync(path.join(gitDir, 'logs'));
    file = path.join(gitDir, 'logs', 'HEAD');
    fs.writeFileSync(file, text([...OLD, ...RECENT]));
    delivered = [];
    errors = [];
    watcher = new ReflogWatcher(gitDir, (lines) => delivered.push(...lines), (err) => errors.push(err), DEBOUNCE_MS);
  });

  afterEach(() => {
    watcher?.dispose();
    fs.rmSync(gitDir, { recursive: true, force: true });
  });

  it('delivers the commit whose gc --auto expired old entries before the watcher read', async () => {
    fs.appendFileSync(file, `${NEW_WORK}\n`);
    rewrite([...RECENT, NEW_WORK]);
    await readNow();
    assert.deepEqual(delivered, [NEW_WORK]);
    assert.deepEqual(errors, []);
  });

  it('delivers nothing when a rewrite only drops old entries', async () => {
    rewrite(RECENT);
    await readNow();
    assert.deepEqual(delivered, []);
  });

  it('delivers nothing twice when the rewrite keeps the file byte for byte', async () => {
    fs.appendFileSync(file, `${NEW_WORK}\n`);
    await readNow();
    rewrite([...OLD, ...RECENT, NEW_WORK]);
    await readNow();
    assert.deepEqual(delivered, [NEW_WORK]);
  });

  it('reads on from the rewritten file: a later append is delivered once, whole', async () => {
    fs.appendFileSync(file, `${NEW_WORK}\n`);
    rewrite([...RECENT, NEW_WORK]);
    await readNow();
    const later = entry(40, 1_760_000_300, 'commit: after the rewrite');
    fs.appendFileSync(file, later.slice(0, 50));
    await readNow();
    fs.appendFileSync(file, `${later.slice(50)}\n`);
    await readNow();
    assert.deepEqual(delivered, [NEW_WORK, later]);
  });

  it('a line half written when the rewrite came is delivered whole from the rewritten file', async () => {
    fs.appendFileSync(file, NEW_WORK.slice(0, 40));
    await readNow();
    rewrite([...RECENT, NEW_WORK]);
    await readNow();
    assert.deepEqual(delivered, [NEW_WORK]);
  });

  it('from fs.watch events alone: append then rename over logs/HEAD, read once after both', async () => {
    // No schedule() here: the watcher on logs/ must notice the rename itself, as in the editor.
    fs.appendFileSync(file, `${NEW_WORK}\n`);
    rewrite([NEW_WORK]);
    while (!delivered.includes(NEW_WORK)) await new Promise((r) => setTimeout(r, 10));
    await watcher?.idle();
    assert.deepEqual(delivered, [NEW_WORK]);
  });

  it('keeps a line cut inside a multi-byte character whole', async () => {
    const accented = entry(50, 1_760_000_400, 'commit: café ünïcode');
    const bytes = Buffer.from(`${accented}\n`, 'utf8');
    const cut = bytes.indexOf(Buffer.from('é', 'utf8')) + 1; // between the two bytes of é
    fs.appendFileSync(file, bytes.subarray(0, cut));
    await readNow();
    fs.appendFileSync(file, bytes.subarray(cut));
    await readNow();
    assert.deepEqual(delivered, [accented]);
  });
});
