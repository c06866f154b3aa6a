import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TranscriptTailer } from '../../src/core/agent/transcriptTailer';
import type { TailRead } from '../../src/core/agent/transcriptTailer';
import { claude, codex } from '../agentTranscriptLines';

const ctx = { sessionId: 'sess-tail', cwd: '/home/dev/demo' };
const at = (s: number): Date => new Date(Date.UTC(2026, 2, 2, 9, 0, s));

describe('agent transcript tailer', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sj-tail-'));
    file = join(dir, 'sess-tail.jsonl');
    writeFileSync(file, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads only what was appended, buffering a partial last line until its newline arrives', () => {
    const tailer = new TranscriptTailer();
    const prompt = claude.prompt(ctx, at(0), 'Fix the date test');
    const reply = claude.reply(ctx, at(1), 'Looking.');
    appendFileSync(file, `${prompt}\n${reply.slice(0, 40)}`);
    const first = tailer.read(file);
    assert.deepEqual(first.events.map((e) => e.kind), ['prompt']);
    appendFileSync(file, `${reply.slice(40)}\n`);
    const second = tailer.read(file);
    assert.deepEqual(second.events.map((e) => e.kind), ['reply'], 'the reply is read once, whole, when its newline came');
    assert.deepEqual(tailer.read(file).events, [], 'nothing new: nothing read');
    assert.equal(tailer.offsetOf(file), statSync(file).size);
  });

  it('keeps a tool call open across reads: the call in one read, its result in a later one, one event with both times', () => {
    const tailer = new TranscriptTailer();
    appendFileSync(file, `${claude.prompt(ctx, at(0), 'run the tests')}\n${claude.bash(ctx, at(2), 'toolu_1', 'npm test')}\n`);
    assert.deepEqual(tailer.read(file).events.map((e) => e.kind), ['prompt']);
    appendFileSync(file, `${claude.bashResult(ctx, at(9), 'toolu_1', 1, 'FAIL dates')}\n`);
    const [tool] = tailer.read(file).events;
    assert.equal(tool.kind, 'tool');
    assert.equal(tool.command, 'npm test');
    assert.equal(tool.status, 'failed');
    assert.equal(tool.exitCode, 1);
    assert.equal(tool.time, at(2).toISOString());
    assert.equal(tool.end, at(9).toISOString());
  });

  it('keeps Codex\'s session id from the first line for calls read much later', () => {
    const tailer = new TranscriptTailer();
    const cx = { sessionId: 'codex-sess-1', cwd: '/home/dev/demo' };
    appendFileSync(file, `${codex.meta(cx, at(0))}\n${codex.turnContext(cx, at(0))}\n${codex.shell(at(1), 'call_1', 'npm test')}\n`);
    assert.deepEqual(tailer.read(file).events, []);
    appendFileSync(file, `${codex.shellResult(at(4), 'call_1', 2)}\n`);
    const [tool] = tailer.read(file).events;
    assert.deepEqual({ sessionId: tool.sessionId, command: tool.command, exitCode: tool.exitCode, model: tool.model },
      { sessionId: 'codex-sess-1', command: 'npm test', exitCode: 2, model: 'gpt-5-codex' });
  });

  it('reads a truncated file again from its start, with a notice', () => {
    const tailer = new TranscriptTailer();
    appendFileSync(file, `${claude.prompt(ctx, at(0), 'first')}\n${claude.prompt(ctx, at(1), 'second')}\n`);
    assert.equal(tailer.read(file).events.length, 2);
    truncateSync(file, 0);
    appendFileSync(file, `${claude.prompt(ctx, at(5), 'after the rewrite')}\n`);
    const again = tailer.read(file);
    assert.deepEqual(again.events.map((e) => e.text), ['after the rewrite']);
    assert.match(again.notices.join('\n'), /was rewritten; it is read again from its start/);
  });

  it('reads a file replaced by another (new inode, even if larger) from its start', () => {
    const tailer = new TranscriptTailer();
    const one = claude.prompt(ctx, at(0), 'one');
    appendFileSync(file, `${one}\n`);
    assert.equal(tailer.read(file).events.length, 1);
    const replacement = join(dir, 'replacement.jsonl');
    // The same first line (same uuid: the same key) plus two more: all three come back, the journal keeps keys once.
    writeFileSync(replacement, `${one}\n${claude.prompt(ctx, at(1), 'two')}\n${claude.prompt(ctx, at(2), 'three')}\n`);
    renameSync(replacement, file);
    const again = tailer.read(file);
    assert.deepEqual(again.events.map((e) => e.text), ['one', 'two', 'three']);
    assert.equal(again.notices.length, 1);
  });

  it('forgets a deleted file, saying so, and keeps what it read', () => {
    const tailer = new TranscriptTailer();
    appendFileSync(file, `${claude.prompt(ctx, at(0), 'one')}\n`);
    assert.equal(tailer.read(file).events.length, 1);
    rmSync(file);
    const gone = tailer.read(file);
    assert.deepEqual(gone.events, []);
    assert.match(gone.notices[0], /is gone/);
    assert.deepEqual(tailer.paths, []);
  });

  it('skips a line of several MB with a clear notice and loses nothing around it', () => {
    const tailer = new TranscriptTailer({ maxLineBytes: 1024 * 1024 });
    const huge = claude.prompt(ctx, at(1), `an image: ${'A'.repeat(5 * 1024 * 1024)}`);
    appendFileSync(file, `${claude.prompt(ctx, at(0), 'before')}\n${huge}\n${claude.prompt(ctx, at(2), 'after')}\n`);
    const read = tailer.read(file);
    assert.deepEqual(read.events.map((e) => e.text), ['before', 'after']);
    assert.equal(read.notices.length, 1);
    assert.match(read.notices[0], /^Line 2 of .*sess-tail\.jsonl \(5\.0 MB, over the 1\.0 MB limit\) was skipped/);
  });

  it('reports unknown record types and reads on', () => {
    const tailer = new TranscriptTailer();
    appendFileSync(file, `${claude.prompt(ctx, at(0), 'one')}\n${claude.unknownRecord(at(1))}\n${claude.prompt(ctx, at(2), 'two')}\n`);
    const read = tailer.read(file);
    assert.deepEqual(read.events.map((e) => e.text), ['one', 'two']);
    assert.deepEqual(read.problems.map((p) => p.line), [2]);
    assert.match(read.problems[0].reason, /unknown record type 'brand-new-record-type'/);
  });

  it('reads at most its budget per call and tells how far behind it is', () => {
    const tailer = new TranscriptTailer({ chunkBytes: 1024 });
    const lines = Array.from({ length: 200 }, (_, i) => claude.prompt(ctx, at(i), `prompt ${i}`)).join('\n') + '\n';
    appendFileSync(file, lines);
    const first = tailer.read(file, 4096);
    assert.ok(first.behind > 0 && first.behind === Buffer.byteLength(lines) - 4096);
    let all = first.events.length;
    for (let guard = 0; guard < 1000; guard++) {
      const next: TailRead = tailer.read(file, 4096);
      all += next.events.length;
      if (next.behind === 0) break;
    }
    assert.equal(all, 200);
  });

  it('finish() reads a last line without a newline and closes calls still open as unknown', () => {
    const tailer = new TranscriptTailer();
    appendFileSync(file, `${claude.bash(ctx, at(0), 'toolu_open', 'npm run watch')}\n${claude.prompt(ctx, at(3), 'last, no newline')}`);
    assert.deepEqual(tailer.read(file).events, []);
    const done = tailer.finish(file);
    assert.deepEqual(done.events.map((e) => [e.kind, e.status ?? null]).sort(), [['prompt', null], ['tool', 'unknown']]);
  });

  it('streams a 100 MB transcript with bounded memory', function () {
    this.timeout(120_000);
    // A line of ~256 KB each (a big tool output), 400 of them: 100 MB on disk.
    const fd = openSync(file, 'w');
    const output = 'x'.repeat(256 * 1024);
    let bytes = 0;
    for (let i = 0; i < 400; i++) {
      const id = `toolu_${i}`;
      const text = `${claude.bash(ctx, at(i % 60), id, `echo ${i}`)}\n${claude.bashResult(ctx, at(i % 60), id, 0, output)}\n`;
      bytes += writeSync(fd, text);
    }
    closeSync(fd);
    assert.ok(bytes > 100 * 1024 * 1024 * 0.99, `${bytes} bytes`);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const tailer = new TranscriptTailer();
    const read = tailer.read(file);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(read.events.length, 400);
    assert.ok(read.events.every((e) => e.status === 'ok' && e.exitCode === 0));
    // The outputs are never kept: what stays is the 400 events, far below the file's 100 MB.
    assert.ok(grown < 16 * 1024 * 1024, `heap grew by ${(grown / 1048576).toFixed(1)} MB`);
  });
});
