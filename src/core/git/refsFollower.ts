import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RefSnapshot } from './refCapture';
import { BRANCHES_ARGS, EMPTY_SNAPSHOT, HEAD_ARGS, parseLoggedCommits, parseRefSnapshot, refQueries } from './refCapture';
import type { LoggedCommit } from './refCapture';
import { parseHashList } from './commitDetails';
import type { GitRunner } from './gitRunner';
import { commonDir } from './repositoryFinder';
import { DebouncedReader } from './debouncedReader';

/** What one change of the refs brought, for the adapter to record. */
export interface RefsChanged {
  readonly prev: RefSnapshot;
  readonly next: RefSnapshot;
  readonly commits: LoggedCommit[];
  readonly dropped: string[];
}

/**
 * Follows a repository that keeps no reflog: git writes HEAD, index and COMMIT_EDITMSG in the
 * git dir and branch tips under refs/ (or packed-refs, or reftable/), so a change there makes
 * it read the branch tips again, and git says what they gained and lost. Reads run one at a
 * time; a change during a read is read right after it.
 */
export class RefsFollower {
  private readonly watchers: fs.FSWatcher[] = [];
  private snapshot: RefSnapshot | undefined;
  private disposed = false;
  private readonly reader: DebouncedReader;

  constructor(
    private readonly root: string,
    private readonly gitDir: string,
    private readonly runner: GitRunner,
    private readonly onChange: (change: RefsChanged) => void,
    private readonly onError: (err: unknown) => void,
    /** Read from nothing (a repository picked up mid-session) rather than from the refs as they are now. */
    fromStart: boolean,
    debounceMs = 100,
  ) {
    this.reader = new DebouncedReader(() => this.read(), onError, debounceMs);
    if (fromStart) this.snapshot = EMPTY_SNAPSHOT;
    for (const dir of [gitDir, path.join(commonDir(gitDir), 'refs'), path.join(commonDir(gitDir), 'reftable')]) this.watch(dir);
    this.schedule();
  }

  /** Reads the refs soon (also the safety net when the window regains focus). */
  schedule(): void {
    this.reader.schedule();
  }

  /** Resolves once the reads scheduled so far are done. */
  idle(): Promise<void> {
    return this.reader.idle();
  }

  private watch(dir: string): void {
    if (!fs.existsSync(dir)) return;
    // Branch names with a slash live in subfolders of refs/heads: recursive where Node can.
    const recursive = dir !== this.gitDir;
    try {
      this.add(fs.watch(dir, { persistent: false, recursive }, () => this.schedule()));
    } catch (err) {
      if (!recursive) return this.onError(err);
      try {
        this.add(fs.watch(dir, { persistent: false }, () => this.schedule()));
      } catch (again) {
        this.onError(again);
      }
    }
  }

  private add(watcher: fs.FSWatcher): void {
    watcher.on('error', (err) => this.onError(err));
    this.watchers.push(watcher);
  }

  private async read(): Promise<void> {
    if (this.disposed) return;
    const next = await this.readSnapshot();
    const prev = this.snapshot;
    this.snapshot = next;
    // The first read only learns where the refs are: what they hold was made before.
    if (!prev) return;
    const queries = refQueries(prev, next);
    if (!queries.newCommits && !queries.dropped && prev.branch === next.branch) return;
    const [logged, dropped] = await Promise.all([
      queries.newCommits ? this.runner.raw(this.root, queries.newCommits) : Promise.resolve(''),
      queries.dropped ? this.runner.raw(this.root, queries.dropped) : Promise.resolve(''),
    ]);
    this.onChange({ prev, next, commits: parseLoggedCommits(logged), dropped: parseHashList(dropped) });
  }

  private async readSnapshot(): Promise<RefSnapshot> {
    // One read of the branches also gives HEAD when it is on one: a second git call could see
    // HEAD after a `checkout -b && commit` that the first did not, and file the commit under
    // the branch left. Only a detached HEAD needs asking for separately.
    const branches = await this.runner.raw(this.root, BRANCHES_ARGS);
    const onBranch = parseRefSnapshot(branches, undefined);
    if (onBranch.branch !== undefined) return onBranch;
    // Before the first commit HEAD names nothing and rev-parse fails.
    const head = await this.runner.raw(this.root, HEAD_ARGS).catch(() => undefined);
    return parseRefSnapshot(branches, head);
  }

  dispose(): void {
    this.disposed = true;
    this.reader.dispose();
    for (const w of this.watchers) w.close();
  }
}
