import assert from 'node:assert/strict';
import { LineReader } from '../../src/core/agent/lineReader';
import type { SkippedLine, TranscriptLine } from '../../src/core/agent/lineReader';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Feeds `bytes` in pieces of `size` and collects everything the reader gave. */
function readInChunks(bytes: Uint8Array, size: number, reader = new LineReader()): { lines: TranscriptLine[]; skipped: SkippedLine[]; reader: LineReader } {
  const lines: TranscriptLine[] = [];
  const skipped: SkippedLine[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const batch = reader.push(bytes.subarray(at, at + size));
    lines.push(...batch.lines);
    skipped.push(...batch.skipped);
  }
  return { lines, skipped, reader };
}

describe('agent transcript line reader', () => {
  const text = '{"a":1}\n{"b":"héllo 🎉"}\r\n\n{"c":3}\n{"d":';
  const bytes = enc(text);

  for (const size of [1, 2, 3, 5, 7, 64, bytes.length]) {
    it(`yields the same complete lines, numbers and offsets for chunks of ${size} bytes`, () => {
      const { lines, reader } = readInChunks(bytes, size);
      assert.deepEqual(lines, [
        { number: 1, offset: 0, text: '{"a":1}' },
        { number: 2, offset: 8, text: '{"b":"héllo 🎉"}' },
        { number: 4, offset: enc('{"a":1}\n{"b":"héllo 🎉"}\r\n\n').length, text: '{"c":3}' },
      ]);
      // The partial last line waits in the buffer; the offset stops at the last newline.
      assert.equal(reader.offset, bytes.length - enc('{"d":').length);
      assert.equal(reader.pendingBytes, enc('{"d":').length);
    });
  }

  it('completes the buffered partial line when the rest is appended', () => {
    const reader = new LineReader();
    assert.deepEqual(reader.push(enc('{"x":')).lines, []);
    assert.deepEqual(reader.push(enc('1}\n')).lines, [{ number: 1, offset: 0, text: '{"x":1}' }]);
    assert.equal(reader.offset, 8);
    assert.equal(reader.pendingBytes, 0);
  });

  it('resumes at a saved offset with the file\'s own line numbers', () => {
    const first = readInChunks(bytes, 4);
    const resumed = new LineReader({ startOffset: first.lines[1].offset, startLine: 1 });
    const again = resumed.push(bytes.subarray(first.lines[1].offset));
    assert.deepEqual(again.lines, first.lines.slice(1));
  });

  it('returns a last line without newline only when the file is complete', () => {
    const reader = new LineReader();
    reader.push(enc('{"a":1}\n{"torn'));
    assert.deepEqual(reader.end().lines, [{ number: 2, offset: 8, text: '{"torn' }]);
    assert.deepEqual(new LineReader().end(), { lines: [], skipped: [] }, 'an empty file has no lines');
  });

  it('reads a line of several megabytes and the lines after it', () => {
    const huge = `{"big":"${'x'.repeat(6 * 1024 * 1024)}"}`;
    const { lines } = readInChunks(enc(`{"a":1}\n${huge}\n{"c":3}\n`), 64 * 1024);
    assert.deepEqual(lines.map((l) => [l.number, l.text.length]), [[1, 7], [2, huge.length], [3, 7]]);
  });

  it('skips a line over the limit, reports it with its number, and keeps the rest', () => {
    const reader = new LineReader({ maxLineBytes: 1024 });
    const body = enc(`{"a":1}\n{"big":"${'x'.repeat(10_000)}"}\n{"c":3}\n`);
    const lines: TranscriptLine[] = [];
    const skipped: SkippedLine[] = [];
    for (let at = 0; at < body.length; at += 100) {
      const batch = reader.push(body.subarray(at, at + 100));
      lines.push(...batch.lines);
      skipped.push(...batch.skipped);
    }
    assert.deepEqual(lines.map((l) => l.text), ['{"a":1}', '{"c":3}']);
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0].number, 2);
    assert.match(skipped[0].reason, /longer than the limit of 1024/);
    assert.equal(lines[1].number, 3);
    assert.equal(reader.offset, body.length);
  });
  it('keeps a partial line intact when the caller reuses its Node Buffer for the next read', () => {
    const reader = new LineReader();
    const buffer = Buffer.alloc(8);
    buffer.write('{"x":');
    assert.deepEqual(reader.push(buffer.subarray(0, 5)).lines, []);
    // The tailer reads the next chunk into the same buffer: the kept bytes must have been copied.
    buffer.fill(0).write('1}\n');
    assert.deepEqual(reader.push(buffer.subarray(0, 3)).lines, [{ number: 1, offset: 0, text: '{"x":1}' }]);
  });
});
