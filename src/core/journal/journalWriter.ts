/**
 * Appends journal lines to disk in batches, and keeps them when the disk refuses.
 *
 * Recording must stay cheap and must never lose an event, so lines are queued in memory and
 * written together a moment later with one O_APPEND write per file (whole lines only, so two
 * windows appending to the same journal never interleave half lines). When a write fails the
 * lines stay queued in order and are retried with backoff; the owner hears about the failure
 * once per streak and once more when writing works again.
 *
 * Over 300 lines because batching, retry with backoff, recovery and rebuilding a deleted folder
 * share one queue per file: split apart, each part would have to reach into that queue.
 */
import * as path from 'node:path';
import { errorCode, errorMessage, nodeJournalFs } from './journalFs';
import type { JournalFs } from './journalFs';

/** Reported once when writes start failing: enough to tell the user what is wrong and that nothing is lost yet. */
export interface JournalWriteFailure {
  readonly file: string;
  /** The Node error code (ENOSPC, EACCES, ...), when there is one. */
  readonly code?: string;
  readonly message: string;
  /** Lines kept in memory, waiting for the next try. */
  readonly pendingLines: number;
  /** Epoch ms of the first failed write of this streak. */
  readonly since: number;
}

/** Reported when a write succeeds after a failure streak. */
export interface JournalWriteRecovery {
  /** Epoch ms of the first failed write of the streak that ended. */
  readonly since: number;
  /** Failed attempts in the streak. */
  readonly attempts: number;
}

/** Who hears about failure streaks, and who can rebuild a lost file. Every callback is optional. */
export interface JournalWriterListener {
  onError?(failure: JournalWriteFailure): void;
  onRecover?(recovery: JournalWriteRecovery): void;
  /**
   * Called when a journal's folder had vanished (deleted mid-session) and was created again.
   * Return every line the file should hold (the whole session from memory, which includes the
   * queued lines) and the writer writes those instead, so the new file is complete; return
   * undefined to append just the queued lines. The first listener that answers wins.
   */
  rebuild?(file: string): readonly string[] | undefined;
}

/** Options of {@link JournalWriter}; every one has a default suited to the extension. */
export interface JournalWriterOptions {
  fs?: JournalFs;
  /** How long a recorded line may wait before it is written (ms). Default 200. */
  flushIntervalMs?: number;
  /** First retry delay after a failed write (ms); doubles per failure. Default 1000. */
  retryInitialMs?: number;
  /** Longest retry delay (ms). Default 30000. */
  retryMaxMs?: number;
  clock?: () => number;
}

interface PendingLine {
  readonly file: string;
  readonly line: string;
}

/**
 * Batches, writes and retries journal lines (see the file comment). One writer can serve any
 * number of journal files; lines of each file are written in the order they were enqueued.
 */
export class JournalWriter {
  private readonly fs: JournalFs;
  private readonly flushIntervalMs: number;
  private readonly retryInitialMs: number;
  private readonly retryMaxMs: number;
  private readonly clock: () => number;
  private readonly listeners = new Set<JournalWriterListener>();

  private queue: PendingLine[] = [];
  /** Lines an async write has taken and not yet finished; flushSync must not write them twice. */
  private inFlight = 0;
  /** Files whose last write failed and may have left half a line: the next write starts on a new line. */
  private readonly unterminated = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private failingSince = 0;
  private disposed = false;

  constructor(options: JournalWriterOptions = {}) {
    this.fs = options.fs ?? nodeJournalFs;
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.retryInitialMs = options.retryInitialMs ?? 1000;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
    this.clock = options.clock ?? Date.now;
  }

  /** Subscribes to failure and recovery reports; returns the unsubscribe function. */
  addListener(listener: JournalWriterListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** Lines waiting in memory (queued or being written). */
  get pendingLines(): number {
    return this.queue.length + this.inFlight;
  }

  /** Whether the last write failed and the writer is waiting to retry. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Queues one line (without its newline) for `file`. Cheap: no I/O happens here. */
  enqueue(file: string, line: string): void {
    this.queue.push({ file, line });
    if (this.timer === undefined && !this.disposed) this.schedule(this.failures > 0 ? this.retryDelay() : this.flushIntervalMs);
  }

  /**
   * Marks a file whose last line may be unfinished (e.g. a journal torn by a crash), so the
   * next write starts with a newline instead of gluing a new event onto the broken line.
   */
  markUnterminated(file: string): void {
    this.unterminated.add(file);
  }

  /**
   * Writes everything queued so far. Resolves when that attempt is over, even when it failed:
   * failures go to the listeners and the lines stay queued for the retry.
   */
  flush(): Promise<void> {
    this.chain = this.chain.then(() => this.writeQueued());
    return this.chain;
  }

  /**
   * Writes the queue synchronously, for `deactivate`, where nothing asynchronous is awaited.
   * Lines an async write already holds are left to it, so nothing is written twice.
   */
  flushSync(): void {
    this.clearTimer();
    if (this.queue.length === 0) return;
    let batch = this.queue;
    this.queue = [];
    let i = 0;
    try {
      while (i < batch.length) {
        const file = batch[i].file;
        let j = groupEnd(batch, i);
        try {
          this.fs.appendFileSync(file, this.payload(batch, i, j));
        } catch (err) {
          if (errorCode(err) !== 'ENOENT') throw err;
          this.fs.mkdirSync(path.dirname(file));
          const rebuilt = this.applyRebuild(batch, i, j, file);
          batch = rebuilt.batch;
          j = rebuilt.end;
          this.fs.appendFileSync(file, this.payload(batch, i, j));
        }
        this.unterminated.delete(file);
        i = j;
      }
      this.succeeded();
    } catch (err) {
      this.queue = batch.slice(i).concat(this.queue);
      this.failed(batch[i].file, err);
    }
  }

  /** Writes what is left and stops the timer; later lines are only written by explicit flushes. */
  dispose(): void {
    this.flushSync();
    this.disposed = true;
    this.clearTimer();
  }

  private async writeQueued(): Promise<void> {
    this.clearTimer();
    if (this.queue.length === 0) return;
    let batch = this.queue;
    this.queue = [];
    this.inFlight = batch.length;
    let i = 0;
    try {
      while (i < batch.length) {
        const file = batch[i].file;
        let j = groupEnd(batch, i);
        try {
          await this.fs.appendFile(file, this.payload(batch, i, j));
        } catch (err) {
          if (errorCode(err) !== 'ENOENT') throw err;
          await this.fs.mkdir(path.dirname(file));
          const rebuilt = this.applyRebuild(batch, i, j, file);
          batch = rebuilt.batch;
          j = rebuilt.end;
          this.inFlight = batch.length - i;
          await this.fs.appendFile(file, this.payload(batch, i, j));
        }
        this.unterminated.delete(file);
        this.inFlight = batch.length - j;
        i = j;
      }
      this.inFlight = 0;
      this.succeeded();
    } catch (err) {
      this.inFlight = 0;
      this.queue = batch.slice(i).concat(this.queue);
      this.failed(batch[i].file, err);
      // Disposed while this write was out: no timer will retry, so try once more now.
      if (this.disposed) this.flushSync();
    }
  }

  /**
   * The bytes for lines [i, j) of one file: whole lines, each ending in a newline, encoded
   * straight into one buffer. Concatenating the lines into one string first would build a
   * rope of thousands of pieces that the encoder must flatten, which cost more than the
   * encoding itself (bench `ingest`).
   */
  private payload(batch: readonly PendingLine[], i: number, j: number): Buffer {
    const lead = this.unterminated.has(batch[i].file);
    const sizes = new Array<number>(j - i);
    let bytes = lead ? 1 : 0;
    for (let k = i; k < j; k++) bytes += (sizes[k - i] = Buffer.byteLength(batch[k].line, 'utf8')) + 1;
    const data = Buffer.allocUnsafe(bytes);
    let at = 0;
    if (lead) data[at++] = NEWLINE;
    for (let k = i; k < j; k++) {
      const written = data.write(batch[k].line, at, 'utf8');
      // byteLength and write agree on every string (a lone surrogate is 3 bytes in both); were
      // they ever to differ, a line would be cut, so the plain way is taken instead.
      if (written !== sizes[k - i]) return Buffer.from(`${lead ? '\n' : ''}${batch.slice(i, j).map((p) => `${p.line}\n`).join('')}`, 'utf8');
      at += written;
      data[at++] = NEWLINE;
    }
    return data;
  }

  /**
   * After a vanished folder was recreated, swaps the queued lines of that file for the full
   * content the owner supplies (which already holds them), so the new file is complete.
   */
  private applyRebuild(batch: PendingLine[], i: number, j: number, file: string): { batch: PendingLine[]; end: number } {
    this.unterminated.delete(file);
    let lines: readonly string[] | undefined;
    for (const l of this.listeners) {
      lines = l.rebuild?.(file);
      if (lines !== undefined) break;
    }
    if (lines === undefined) return { batch, end: j };
    const full = lines.map((line) => ({ file, line }));
    const rest = batch.slice(j).filter((p) => p.file !== file);
    this.queue = this.queue.filter((p) => p.file !== file);
    return { batch: batch.slice(0, i).concat(full, rest), end: i + full.length };
  }

  private succeeded(): void {
    if (this.failures === 0) return;
    const recovery: JournalWriteRecovery = { since: this.failingSince, attempts: this.failures };
    this.failures = 0;
    this.notify((l) => l.onRecover?.(recovery));
  }

  private failed(file: string, err: unknown): void {
    // A failed append may have written part of its data; close that line off before the next one.
    this.unterminated.add(file);
    this.failures++;
    if (this.failures === 1) {
      this.failingSince = this.clock();
      const code = errorCode(err);
      const failure: JournalWriteFailure = {
        file,
        ...(code !== undefined ? { code } : {}),
        message: `Session Journal could not write ${file}: ${errorMessage(err)}. `
          + `${this.pendingLines} event(s) are kept in memory and will be written when the disk accepts them.`,
        pendingLines: this.pendingLines,
        since: this.failingSince,
      };
      this.notify((l) => l.onError?.(failure));
    }
    if (!this.disposed) this.schedule(this.retryDelay());
  }

  /** A throwing listener must not stop the writer (it would break the flush chain for good). */
  private notify(call: (l: JournalWriterListener) => void): void {
    for (const l of this.listeners) {
      try {
        call(l);
      } catch {
        // Ignored on purpose: reporting is best effort, writing is not.
      }
    }
  }

  private retryDelay(): number {
    const exp = Math.min(this.failures - 1, 20);
    return Math.min(this.retryInitialMs * 2 ** exp, this.retryMaxMs);
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    const timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    // The extension host, the CLI and tests must be able to exit with a flush pending.
    timer.unref?.();
    this.timer = timer;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

const NEWLINE = 0x0a;

/** End (exclusive) of the run of lines for the same file starting at `i`. */
function groupEnd(batch: readonly PendingLine[], i: number): number {
  const file = batch[i].file;
  let j = i + 1;
  while (j < batch.length && batch[j].file === file) j++;
  return j;
}
