import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Follows `<gitDir>/logs/HEAD` as git appends to it, so commits made anywhere (a terminal,
 * a hook, another tool) are seen without polling: inotify (fs.watch) tells when it grows and
 * only the new bytes are read. Lines are delivered whole; a line still being written waits.
 */
export class ReflogWatcher {
  private offset = 0;
  private partial = '';
  private watcher: fs.FSWatcher | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading = false;
  private again = false;
  private disposed = false;
  readonly file: string;

  constructor(
    private readonly gitDir: string,
    private readonly onLines: (lines: string[]) => void,
    private readonly onError: (err: unknown) => void,
    private readonly debounceMs = 100,
    fromStart = false,
  ) {
    this.file = path.join(gitDir, 'logs', 'HEAD');
    this.offset = fromStart ? 0 : this.size();
    this.watch();
    if (fromStart) this.schedule();
  }

  private size(): number {
    try {
      return fs.statSync(this.file).size;
    } catch {
      return 0;
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
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), this.debounceMs);
  }

  private async read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      const watchingLogs = this.watcher && fs.existsSync(path.dirname(this.file));
      const size = this.size();
      if (size < this.offset) {
        // The reflog was rewritten (expire, gc): start over from its new end.
        this.offset = size;
        this.partial = '';
      } else if (size > this.offset) {
        const handle = await fs.promises.open(this.file, 'r');
        try {
          const buffer = Buffer.alloc(size - this.offset);
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
          this.offset += bytesRead;
          const text = this.partial + buffer.subarray(0, bytesRead).toString('utf8');
          const lastNewline = text.lastIndexOf('\n');
          this.partial = lastNewline === -1 ? text : text.slice(lastNewline + 1);
          const lines = lastNewline === -1 ? [] : text.slice(0, lastNewline).split('\n').filter((l) => l.length > 0);
          if (lines.length) this.onLines(lines);
        } finally {
          await handle.close();
        }
      }
      if (!watchingLogs && fs.existsSync(path.dirname(this.file))) this.watch();
    } catch (err) {
      this.onError(err);
    } finally {
      this.reading = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
  }
}
