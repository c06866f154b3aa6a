import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReflogCursor, ReflogFileState } from './reflogResume';
import { cursorAfter, cursorFromTime, EMPTY_CURSOR, lastCompleteLine, linesAfterRewrite, reflogFileChange } from './reflogResume';
import { DebouncedReader } from './debouncedReader';

/** Enough of the file's end to hold its last line when following starts. */
const TAIL_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Follows `<gitDir>/logs/HEAD` as git appends to it, so commits made anywhere (a terminal,
 * a hook, another tool) are seen without polling: inotify (fs.watch) tells when it grows and
 * only the new bytes are read. Lines are delivered whole; a line still being written waits.
 * When git rewrites the file (reflog expire, often right after the commit it follows), it is
 * read again and only the entries never delivered are passed on.
 */
export class ReflogWatcher {
  private known: ReflogFileState = { offset: 0 };
  /** The start of a line still being written, as bytes (a character may be cut in two). */
  private partial: Buffer = Buffer.alloc(0);
  private cursor: ReflogCursor = EMPTY_CURSOR;
  private watcher: fs.FSWatcher | undefined;
  private disposed = false;
  private readonly reader: DebouncedReader;
  readonly file: string;

  constructor(
    private readonly gitDir: string,
    private readonly onLines: (lines: string[]) => void,
    private readonly onError: (err: unknown) => void,
    debounceMs = 100,
    fromStart = false,
  ) {
    this.file = path.join(gitDir, 'logs', 'HEAD');
    this.reader = new DebouncedReader(() => this.read(), onError, debounceMs);
    if (!fromStart) this.skipExisting();
    this.watch();
    if (fromStart) this.schedule();
  }

  /** Starts after what the file holds now, remembering its last entry to resume after a rewrite. */
  private skipExisting(): void {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return; // no reflog yet: every line to come is new
    }
    try {
      const stat = fs.fstatSync(fd);
      this.known = { offset: stat.size, inode: stat.ino, mtimeMs: stat.mtimeMs };
      if (stat.size === 0) return;
      const length = Math.min(stat.size, TAIL_BYTES);
      const tail = Buffer.alloc(length);
      const bytesRead = fs.readSync(fd, tail, 0, length, stat.size - length);
      const last = lastCompleteLine(tail.subarray(0, bytesRead).toString('utf8'), length === stat.size);
      this.cursor = last === undefined ? cursorFromTime(Date.now()) : cursorAfter(EMPTY_CURSOR, [last]);
    } catch (err) {
      this.onError(err);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Watches logs/ when it exists, else the git dir itself (a repository with no commits yet). */
  private watch(): void {
    if (this.disposed) return;
    this.watcher?.close();
    const logsDir = path.dirname(this.file);
    const target = fs.existsSync(logsDir) ? logsDir : this.gitDir;
    try {
      this.watcher = fs.watch(target, { persistent: false }, () => this.schedule());
      this.watcher.on('error', (err) => this.onError(err));
    } catch (err) {
      this.onError(err);
    }
  }

  /** Reads now (also called when the window regains focus, as a safety net for missed events). */
  schedule(): void {
    this.reader.schedule();
  }

  /** Resolves once the read scheduled now (if any) has delivered its lines. */
  idle(): Promise<void> {
    return this.reader.idle();
  }

  private async read(): Promise<void> {
    const watchingLogs = this.watcher && fs.existsSync(path.dirname(this.file));
    await this.readNewLines();
    if (!watchingLogs && fs.existsSync(path.dirname(this.file))) this.watch();
  }

  /** Reads what was appended, or the whole file when it was rewritten, and delivers new lines. */
  private async readNewLines(): Promise<void> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(this.file, 'r');
    } catch (err) {
      // No reflog (yet, or for a moment): nothing to read, and what was delivered stays known.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    try {
      // fstat, not stat: the size and inode are those of the file actually read.
      const stat = await handle.stat();
      const change = reflogFileChange(this.known, { size: stat.size, inode: stat.ino, mtimeMs: stat.mtimeMs });
      if (change === 'none') return;
      const rewritten = change === 'rewritten';
      const from = rewritten ? 0 : this.known.offset;
      const bytes = await readRange(handle, from, stat.size);
      this.known = { offset: from + bytes.length, inode: stat.ino, mtimeMs: stat.mtimeMs };
      const lines = this.completeLines(rewritten ? bytes : Buffer.concat([this.partial, bytes]));
      this.deliver(rewritten ? linesAfterRewrite(this.cursor, lines) : lines);
    } finally {
      await handle.close();
    }
  }

  /** Splits read bytes into whole lines, keeping a line still being written for the next read. */
  private completeLines(bytes: Buffer): string[] {
    const end = bytes.lastIndexOf(NEWLINE);
    this.partial = Buffer.from(bytes.subarray(end + 1));
    if (end < 0) return [];
    return bytes
      .subarray(0, end)
      .toString('utf8')
      .split('\n')
      .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
      .filter((line) => line.length > 0);
  }

  private deliver(lines: string[]): void {
    if (lines.length === 0) return;
    this.cursor = cursorAfter(this.cursor, lines);
    this.onLines(lines);
  }

  dispose(): void {
    this.disposed = true;
    this.reader.dispose();
    this.watcher?.close();
  }
}

/** The bytes of the open file from `from` to `to` (fewer if it shrank meanwhile). */
async function readRange(handle: fs.promises.FileHandle, from: number, to: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.max(0, to - from));
  if (buffer.length === 0) return buffer;
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, from);
  return buffer.subarray(0, bytesRead);
}
