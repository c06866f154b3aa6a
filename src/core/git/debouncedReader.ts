/**
 * The skeleton the git followers share: file-system events call schedule(), a burst of them
 * becomes one read after `debounceMs` of quiet, and reads run one at a time. An event during a
 * read asks for exactly one more read after it (it may have come after the read looked), so
 * nothing git wrote is missed and nothing is read twice at once.
 */
export class DebouncedReader {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading = false;
  private again = false;
  private disposed = false;
  /** Callers of idle() waiting for the scheduled reads to be done. */
  private waiters: (() => void)[] = [];

  constructor(
    private readonly read: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
    private readonly debounceMs: number,
  ) {}

  /** Reads after `debounceMs` without another call (also the safety net when the window regains focus). */
  schedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.debounceMs);
  }

  /**
   * Resolves once nothing is scheduled or being read: a loaded machine can take longer than any
   * fixed wait, and End Session or Pause must not miss what git wrote.
   */
  idle(): Promise<void> {
    if (!this.timer && !this.reading) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** No more reads start; a read under way finishes, then idle() callers are released. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeWaiters();
  }

  private async run(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    if (this.disposed) return this.wakeWaiters();
    this.reading = true;
    try {
      await this.read();
    } catch (err) {
      this.onError(err);
    } finally {
      this.reading = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
      this.wakeWaiters();
    }
  }

  private wakeWaiters(): void {
    if (this.timer || this.reading) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
