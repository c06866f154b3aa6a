import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJournal, serializeEvent } from '../../src/core/journal/journalCodec';
import { JournalWriter } from '../../src/core/journal/journalWriter';
import type { JournalWriteFailure, JournalWriteRecovery } from '../../src/core/journal/journalWriter';
import { FlakyFs, commandDraft, sleep, stamp, tempDir } from './journalFixtures';

function lineFor(i: number): string {
  return serializeEvent(stamp(commandDraft(1000 + i, 0, `cmd ${i}`), 's1', `id${i}`));
}

function idsIn(file: string): string[] {
  return parseJournal(fs.readFileSync(file, 'utf8')).events.map((e) => e.id);
}

describe('journalWriter', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  const writers: JournalWriter[] = [];

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    file = path.join(dir, 'sessions', 's1.jsonl');
    fs.mkdirSync(path.dirname(file));
  });

  afterEach(() => {
    for (const w of writers.splice(0)) w.dispose();
    cleanup();
  });

  function writer(options: ConstructorParameters<typeof JournalWriter>[0] = {}): JournalWriter {
    const w = new JournalWriter(options);
    writers.push(w);
    return w;
  }

  it('writes queued lines in order with one append per flush, and they read back', async () => {
    const flaky = new FlakyFs();
    const w = writer({ fs: flaky, flushIntervalMs: 10_000 });
    for (let i = 0; i < 50; i++) w.enqueue(file, lineFor(i));
    assert.equal(fs.existsSync(file), false, 'nothing is written before the flush');
    await w.flush();
    assert.equal(flaky.appendCalls, 1);
    assert.deepEqual(idsIn(file), Array.from({ length: 50 }, (_, i) => `id${i}`));
    assert.equal(w.pendingLines, 0);
  });

  it('writes on its own within the flush interval', async () => {
    const w = writer({ flushIntervalMs: 20 });
    w.enqueue(file, lineFor(1));
    await sleep(150);
    assert.deepEqual(idsIn(file), ['id1']);
  });

  it('keeps lines through a failing disk and writes each exactly once when it recovers', async () => {
    const flaky = new FlakyFs();
    const errors: JournalWriteFailure[] = [];
    const recoveries: JournalWriteRecovery[] = [];
    const w = writer({ fs: flaky, flushIntervalMs: 10_000, retryInitialMs: 10_000 });
    w.addListener({ onError: (f) => errors.push(f), onRecover: (r) => recoveries.push(r) });

    w.enqueue(file, lineFor(0));
    await w.flush();
    flaky.failWith = 'ENOSPC';
    for (let i = 1; i <= 5; i++) {
      w.enqueue(file, lineFor(i));
      await w.flush();
    }
    assert.equal(w.failing, true);
    assert.equal(w.pendingLines, 5);
    assert.equal(errors.length, 1, 'one report per failure streak');
    assert.equal(errors[0].code, 'ENOSPC');
    assert.match(errors[0].message, /ENOSPC.*kept in memory/s);
    assert.equal(recoveries.length, 0);

    flaky.failWith = undefined;
    w.enqueue(file, lineFor(6));
    await w.flush();
    assert.equal(w.failing, false);
    assert.equal(recoveries.length, 1);
    assert.equal(recoveries[0].attempts, 5);
    assert.deepEqual(idsIn(file), ['id0', 'id1', 'id2', 'id3', 'id4', 'id5', 'id6']);
    const { problems } = parseJournal(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(problems, [], 'no duplicates and no broken lines');

    flaky.failWith = 'EACCES';
    w.enqueue(file, lineFor(7));
    await w.flush();
    assert.equal(errors.length, 2, 'a new streak is reported again');
    assert.equal(errors[1].code, 'EACCES');
  });

  it('retries by itself with backoff until the disk heals', async () => {
    const flaky = new FlakyFs();
    flaky.failWith = 'EIO';
    flaky.failTimes = 2;
    const recovered: JournalWriteRecovery[] = [];
    const w = writer({ fs: flaky, flushIntervalMs: 5, retryInitialMs: 20, retryMaxMs: 40 });
    w.addListener({ onRecover: (r) => recovered.push(r) });
    w.enqueue(file, lineFor(1));
    await sleep(300);
    assert.equal(recovered.length, 1);
    assert.equal(flaky.appendCalls, 3);
    assert.deepEqual(idsIn(file), ['id1']);
  });

  it('closes off a line a failed write may have left half written', async () => {
    fs.writeFileSync(file, lineFor(0) + '\n' + lineFor(1).slice(0, 30));
    const w = writer({ flushIntervalMs: 10_000 });
    w.markUnterminated(file);
    w.enqueue(file, lineFor(2));
    await w.flush();
    const { events, problems } = parseJournal(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(events.map((e) => e.id), ['id0', 'id2']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
  });

  it('recreates a deleted journal folder and refills the file from the rebuild listener', async () => {
    const w = writer({ flushIntervalMs: 10_000 });
    const all: string[] = [];
    w.addListener({ rebuild: (f) => (f === file ? all.slice() : undefined) });
    for (let i = 0; i < 3; i++) { all.push(lineFor(i)); w.enqueue(file, all[i]); }
    await w.flush();
    fs.rmSync(path.dirname(file), { recursive: true });
    for (let i = 3; i < 5; i++) { all.push(lineFor(i)); w.enqueue(file, all[i]); }
    await w.flush();
    assert.deepEqual(idsIn(file), ['id0', 'id1', 'id2', 'id3', 'id4']);
    assert.equal(w.pendingLines, 0);
  });

  it('recreates a deleted folder and appends the queued lines when nobody can rebuild', async () => {
    const w = writer({ flushIntervalMs: 10_000 });
    w.enqueue(file, lineFor(0));
    await w.flush();
    fs.rmSync(path.join(dir, 'sessions'), { recursive: true });
    w.enqueue(file, lineFor(1));
    w.flushSync();
    assert.deepEqual(idsIn(file), ['id1']);
  });

  it('flushSync writes everything queued without waiting for the timer', () => {
    const w = writer({ flushIntervalMs: 10_000 });
    const other = path.join(dir, 'sessions', 's2.jsonl');
    w.enqueue(file, lineFor(0));
    w.enqueue(other, lineFor(1));
    w.enqueue(file, lineFor(2));
    w.flushSync();
    assert.deepEqual(idsIn(file), ['id0', 'id2']);
    assert.deepEqual(idsIn(other), ['id1']);
  });

  it('flushSync does not write again what an async flush already holds', async () => {
    const w = writer({ flushIntervalMs: 10_000 });
    w.enqueue(file, lineFor(0));
    const pending = w.flush();
    w.enqueue(file, lineFor(1));
    w.flushSync();
    await pending;
    const { events, problems } = parseJournal(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(events.map((e) => e.id).sort(), ['id0', 'id1']);
    assert.deepEqual(problems, []);
  });

  it('loses nothing when a failing write left half its data on disk', async () => {
    const flaky = new FlakyFs();
    const w = writer({ fs: flaky, flushIntervalMs: 10_000, retryInitialMs: 10_000 });
    w.enqueue(file, lineFor(0));
    await w.flush();
    // A disk that fills up three quarters into the append (mid-way through the second line).
    const realAppend = flaky.appendFile.bind(flaky);
    flaky.appendFile = async (f, data) => {
      fs.appendFileSync(f, data.slice(0, Math.floor(data.length * 0.75)));
      throw Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
    };
    w.enqueue(file, lineFor(1));
    w.enqueue(file, lineFor(2));
    await w.flush();
    flaky.appendFile = realAppend;
    await w.flush();
    const { events, problems } = parseJournal(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(events.map((e) => e.id), ['id0', 'id1', 'id2']);
    // The partial write held all of id1 and part of id2: the retry repeats id1 (dropped by id) and
    // starts on a new line, so the fragment stays a line of its own instead of eating id1.
    assert.deepEqual(problems.map((p) => p.line), [3, 4]);
    assert.match(problems[0].reason, /not valid JSON/);
    assert.match(problems[1].reason, /duplicate id "id1"/);
  });

  it('keeps working when a listener throws', async () => {
    const flaky = new FlakyFs();
    flaky.failWith = 'ENOSPC';
    const w = writer({ fs: flaky, flushIntervalMs: 10_000, retryInitialMs: 10_000 });
    w.addListener({ onError: () => { throw new Error('listener bug'); } });
    w.enqueue(file, lineFor(0));
    await w.flush();
    flaky.failWith = undefined;
    await w.flush();
    assert.deepEqual(idsIn(file), ['id0']);
  });
});
