/**
 * Splits a transcript's bytes into complete lines, chunk by chunk, so the same code reads a
 * finished file and one an agent is still appending to. It keeps the byte offset of the end
 * of the last complete line (where to resume after a reload) and buffers a partial last line
 * until its newline arrives. A line longer than `maxLineBytes` is dropped as it streams in,
 * never held whole, and reported; the lines after it are read as usual.
 */

export interface TranscriptLine {
  /** 1-based line number in the file. */
  readonly number: number;
  /** Byte offset of the line's first byte. */
  readonly offset: number;
  readonly text: string;
}

export interface SkippedLine {
  readonly number: number;
  readonly offset: number;
  readonly reason: string;
}

export interface LineBatch {
  readonly lines: TranscriptLine[];
  readonly skipped: SkippedLine[];
}

export interface LineReaderOptions {
  /** Lines longer than this are skipped (default 64 MiB: images and whole files in a line stay readable). */
  readonly maxLineBytes?: number;
  /** Resume from this byte offset, which must be the end of a complete line (a saved `offset`). */
  readonly startOffset?: number;
  /** The number of lines before `startOffset`, so line numbers stay those of the file. */
  readonly startLine?: number;
}

const NEWLINE = 0x0a;
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

export class LineReader {
  private readonly maxLineBytes: number;
  private readonly decoder = new TextDecoder('utf-8');
  /** Pieces of the partial line; joined once when its newline arrives, so a long line costs one copy. */
  private parts: Uint8Array[] = [];
  private partBytes = 0;
  /** The partial line went over the limit: its bytes are being thrown away until the newline. */
  private overflowing = false;
  private consumed: number;
  private lineCount: number;

  constructor(options: LineReaderOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.consumed = options.startOffset ?? 0;
    this.lineCount = options.startLine ?? 0;
  }

  /** Byte offset just after the last complete line: where a tailer resumes after a reload. */
  get offset(): number {
    return this.consumed;
  }

  /** Complete lines seen so far (including skipped ones). */
  get lines(): number {
    return this.lineCount;
  }

  /** Bytes of a partial last line waiting for its newline. */
  get pendingBytes(): number {
    return this.partBytes;
  }

  /** Feeds bytes appended to the file; returns the lines they complete. */
  push(chunk: Uint8Array): LineBatch {
    const batch: LineBatch = { lines: [], skipped: [] };
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline < 0) break;
      this.completeLine(chunk.subarray(start, newline), 1, batch);
      start = newline + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
    return batch;
  }

  /**
   * The file is complete (not being written any more): a last line without a newline is
   * returned too, flagged as torn by the caller if it does not parse.
   */
  end(): LineBatch {
    const batch: LineBatch = { lines: [], skipped: [] };
    if (this.partBytes > 0 || this.overflowing) this.completeLine(new Uint8Array(0), 0, batch);
    return batch;
  }

  private keep(piece: Uint8Array): void {
    if (this.overflowing) {
      this.partBytes += piece.length;
      return;
    }
    // Copy: the caller may reuse its buffer for the next read. Not `slice()`: on a Node Buffer it is a view, not a copy.
    this.parts.push(new Uint8Array(piece));
    this.partBytes += piece.length;
    if (this.partBytes > this.maxLineBytes) {
      this.parts = [];
      this.overflowing = true;
    }
  }

  private completeLine(tail: Uint8Array, newlineBytes: number, batch: LineBatch): void {
    const offset = this.consumed;
    const length = this.partBytes + tail.length;
    this.consumed += length + newlineBytes;
    this.lineCount++;
    const number = this.lineCount;
    if (this.overflowing || length > this.maxLineBytes) {
      batch.skipped.push({ number, offset, reason: `line of ${length} bytes is longer than the limit of ${this.maxLineBytes}` });
    } else {
      const bytes = this.parts.length === 0 ? tail : join(this.parts, tail, length);
      let text = this.decoder.decode(bytes);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') batch.lines.push({ number, offset, text });
    }
    this.parts = [];
    this.partBytes = 0;
    this.overflowing = false;
  }
}

function join(parts: readonly Uint8Array[], tail: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  out.set(tail, at);
  return out;
}
