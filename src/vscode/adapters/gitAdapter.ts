import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommitDetails } from '../../core/git/commitDetails';
import { commitDraft, gitOpDraft, parseCommitDetails, parseHashList } from '../../core/git/commitDetails';
import type { ReflogEntry } from '../../core/git/reflogParser';
import { parseReflogLine, reflogRecording } from '../../core/git/reflogParser';
import { ReflogBranchTracker } from '../../core/git/reflogBranch';
import { toWorkspaceRelative } from '../../core/capture/workspacePaths';
import { Disposable } from '../dispose';
import type { Log } from '../log';
import { describeError } from '../log';
import type { GitRunner } from '../../core/git/gitRunner';
import { isGitMissing } from '../../core/git/gitRunner';
import type { FoundRepository } from '../../core/git/repositoryFinder';
import { commonDir, findRepositories, findRepositoriesAsync, isLocalBranch, readBranch, SKIP_DIRS, unfollowedParentRepositories } from '../../core/git/repositoryFinder';
import { mayChangeRepositories } from '../../core/git/repositoryCommands';
import type { LastWalk } from '../../core/git/focusWalk';
import { focusMayWalk } from '../../core/git/focusWalk';
import { followParentRepositories } from '../git/parentFolders';
import { ReflogWatcher } from '../../core/git/reflogWatcher';
import type { RefsChanged } from '../../core/git/refsFollower';
import { RefsFollower } from '../../core/git/refsFollower';
import { madeBefore, missingReflogReason, refChangeDrafts } from '../../core/git/refCapture';
import type { SourceEvent } from '../../core/capture/sourceEvents';
import type { CaptureSink } from './captureSink';
import { workspaceFolders } from '../workspaceFolders';

/** The setting that lets repositories above a workspace folder be followed. */
const PARENT_FOLDERS_SETTING = 'git.openRepositoryInParentFolders';

/** How far back a repository picked up mid-session is read when the session start is unknown. */
const LATE_REPOSITORY_LOOKBACK_MS = 60_000;

/**
 * Commits in every repository of the workspace (nested ones and worktrees too), however they
 * were made: each repository's reflog is followed, and each new commit is looked up once with
 * `git show --numstat`. Only constructed in trusted workspaces: git reads the repository's
 * configuration, which can run code.
 */
export class GitAdapter extends Disposable {
  /** What follows each repository's commits: its reflog, or its refs when it keeps no reflog. */
  private readonly watchers = new Map<string, ReflogWatcher | RefsFollower>();
  /** Repositories followed through their refs, with why they have no reflog (their notice says so). */
  private readonly refsOnly = new Map<string, { repo: FoundRepository; reason: string }>();
  /** Reflog lines already handed to a lookup, by repository; see onReflogLines. */
  private readonly handled = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private scanned = false;
  private candidates: string[] = [];
  private candidateTimer: ReturnType<typeof setTimeout> | undefined;
  /** The walk looking for repositories in the background, while it runs. */
  private walking: Promise<void> | undefined;
  private walkAgain = false;
  /** How many folders the last background walk read and when it ended: what a focus may spend. */
  private lastWalk: LastWalk = { folders: 0, end: 0 };
  /** How many times the repositories found were applied: a background walk older than one is taken again. */
  private scans = 0;

  constructor(
    private readonly sink: CaptureSink,
    private readonly runner: GitRunner,
    private readonly log: Log,
    /** When the session being recorded started (undefined when none is): how far back a repository picked up mid-session is read. */
    private readonly sessionStart?: () => number | undefined,
  ) {
    super();
    // The first walk of the workspace reads folders synchronously: not during activation.
    const first = setTimeout(() => this.scan(), 0);
    this.register({ dispose: () => clearTimeout(first) });
    // A repository created or cloned during the session (git init in a terminal) is picked up.
    // Recursive watchers may report only the new folder, not the .git/HEAD inside it, so any
    // creation is a candidate: a .git path, or a new folder that holds a .git.
    const created = this.register(vscode.workspace.createFileSystemWatcher('**/*', false, true, true));
    this.register(created.onDidCreate((uri) => this.candidate(uri)));
    this.register({ dispose: () => { if (this.candidateTimer) clearTimeout(this.candidateTimer); } });
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.scan()));
    // Following the parent-repository notice's advice takes effect at once, not at the next pause.
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(PARENT_FOLDERS_SETTING)) this.scan(); }));
    // inotify can miss events on some file systems, and a fresh window's watcher can stay silent
    // for seconds: focusing the window re-reads the reflogs and looks for new repositories
    // (one made in another terminal or program while the window was in the background).
    this.register(vscode.window.onDidChangeWindowState((s) => { if (s.focused) this.focused(); }));
    this.register({ dispose: () => { for (const w of this.watchers.values()) w.dispose(); this.watchers.clear(); } });
  }

  /** The repositories followed right now. */
  get repositories(): string[] {
    return [...this.watchers.keys()];
  }

  /** Re-reads every reflog now. */
  recheck(): void {
    for (const w of this.watchers.values()) w.schedule();
  }

  /** Waits until every commit seen so far has been looked up and recorded (for tests and End Session). */
  async settle(): Promise<void> {
    // A repository being looked for (`git init && git commit` just ended) is followed first;
    // a walk asked for during that one starts as it ends.
    while (this.walking) await this.walking;
    this.recheck();
    // Room for file events already on their way, then every read scheduled has delivered its commits.
    await new Promise((r) => setTimeout(r, 250));
    await Promise.all([...this.watchers.values()].map((w) => w.idle()));
    // The pipeline stores what a read delivers in the same turn the read settles, before this resumes.
    await this.queue;
  }

  /** Collects created paths (an npm install creates thousands: batched, and node_modules skipped). */
  private candidate(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || uri.fsPath.split(/[\\/]/).some((part) => SKIP_DIRS.has(part) && part !== '.git')) return;
    // Past a few hundred paths in one batch, one full scan is cheaper than looking at each.
    if (this.candidates.length < 200) this.candidates.push(uri.fsPath);
    else this.candidates[0] = '/.git';
    // A build writing thousands of files gives at most one look every two seconds.
    this.candidateTimer ??= setTimeout(() => {
      this.candidateTimer = undefined;
      const paths = this.candidates.splice(0);
      if (paths.some(isRepositoryCandidate)) this.scan();
    }, 2000);
  }

  /** Looks for repositories again (a session just started: its notices can now be shown). */
  rescan(): void {
    this.scan();
  }

  /**
   * A terminal command ended. One that may have made, moved or removed a repository (the rule is
   * core's) makes a walk of the workspace now: the file watcher may never report it (a fresh
   * window under load, files.watcherExclude, the inotify limit).
   */
  commandEnded(commandLine: string): void {
    if (mayChangeRepositories(commandLine)) this.walkInBackground();
  }

  private focused(): void {
    this.recheck();
    if (focusMayWalk(Date.now(), this.lastWalk)) this.walkInBackground();
  }

  /** Walks without holding the extension host; one walk at a time, and one more if asked for during it. */
  private walkInBackground(): void {
    if (this.walking) {
      this.walkAgain = true;
      return;
    }
    this.walking = this.walk().catch((err: unknown) => this.log.warn(`Looking for repositories failed: ${describeError(err)}`)).finally(() => {
      this.walking = undefined;
      if (!this.walkAgain || this.isDisposed) return;
      this.walkAgain = false;
      this.walkInBackground();
    });
  }

  private async walk(): Promise<void> {
    const folders = workspaceFolders().map((f) => f.path);
    const includeParents = followParentRepositories();
    const scansBefore = this.scans;
    const { repositories: repos, foldersRead } = await findRepositoriesAsync(folders, 4, includeParents);
    this.lastWalk = { folders: foldersRead, end: Date.now() };
    if (this.isDisposed) return;
    // A synchronous scan (folders changed, a session started) ran meanwhile: this walk may hold
    // the workspace as it was before it, so it is taken again rather than undoing that scan.
    if (this.scans !== scansBefore) {
      this.walkAgain = true;
      return;
    }
    this.follow(folders, includeParents, repos);
  }

  private scan(): void {
    const folders = workspaceFolders().map((f) => f.path);
    const includeParents = followParentRepositories();
    this.follow(folders, includeParents, findRepositories(folders, 4, includeParents));
  }

  /** Follows the repositories just found, and no longer those gone; says when there are none. */
  private follow(folders: readonly string[], includeParents: boolean, repos: readonly FoundRepository[]): void {
    this.scans++;
    if (!includeParents) {
      for (const parent of unfollowedParentRepositories(folders, repos)) {
        this.sink.notice('not-a-repository', `The repository at ${parent.root} is above this workspace folder, so its commits are not captured (its git configuration is not covered by trusting this folder). Set git.openRepositoryInParentFolders to "always" to capture them.`);
      }
    }
    if (repos.length === 0 && folders.length > 0) {
      this.sink.notice('not-a-repository', 'No git repository was found in this workspace, so no commits are captured. Run git init in a terminal of this window to start one: it is picked up when the command ends (one made elsewhere, when you come back to this window).');
    }
    // A repository that appears later was made (or let in) during the session: read its reflog
    // from the start (git init && git commit leaves no time for the watcher), but only entries
    // made since the session started.
    const fromStart = this.scanned;
    const since = this.sessionStart?.() ?? Date.now() - LATE_REPOSITORY_LOOKBACK_MS;
    this.scanned = true;
    for (const repo of repos) {
      if (this.watchers.has(repo.gitDir)) continue;
      this.log.info(`Following commits in ${repo.root}`);
      const branches = new ReflogBranchTracker(readBranch(repo.gitDir), (name) => isLocalBranch(repo.gitDir, name));
      const watcher = new ReflogWatcher(
        repo.gitDir,
        (lines) => this.onReflogLines(repo, branches, lines, fromStart ? since : undefined),
        (err) => this.log.warn(`Reading the reflog of ${repo.root} failed: ${describeError(err)}`),
        undefined,
        fromStart,
      );
      this.watchers.set(repo.gitDir, watcher);
      void this.followRefsIfNoReflog(repo, watcher, fromStart ? since : undefined);
    }
    for (const { repo, reason } of this.refsOnly.values()) this.noticeRefsOnly(repo, reason);
    // A folder removed from the workspace (or a repository deleted) is no longer followed.
    const current = new Set(repos.map((r) => r.gitDir));
    for (const [gitDir, watcher] of this.watchers) {
      if (current.has(gitDir)) continue;
      watcher.dispose();
      this.watchers.delete(gitDir);
      this.refsOnly.delete(gitDir);
      this.log.info(`No longer following commits in ${gitDir}`);
    }
  }

  /**
   * A repository that keeps no reflog (core.logAllRefUpdates=false, the reftable format) never
   * gets a logs/HEAD: its commits are read from its refs instead, and the timeline says so.
   * The reflog watcher starts at once regardless, so a commit made while git answers is not missed
   * in a repository that does keep one; it is replaced here when there is none.
   */
  private async followRefsIfNoReflog(repo: FoundRepository, reflogWatcher: ReflogWatcher, since: number | undefined): Promise<void> {
    // Git keeps appending to a reflog that exists, whatever the setting says.
    if (fs.existsSync(reflogWatcher.file)) return;
    const setting = await this.runner.raw(repo.root, ['config', '--default', 'true', '--get', 'core.logAllRefUpdates']).catch(() => 'true');
    const reason = missingReflogReason(setting, fs.existsSync(path.join(commonDir(repo.gitDir), 'reftable')));
    if (reason === undefined || this.watchers.get(repo.gitDir) !== reflogWatcher) return;
    reflogWatcher.dispose();
    this.log.info(`Following commits in ${repo.root} through its refs: it keeps no reflog (${reason})`);
    const follower = new RefsFollower(
      repo.root,
      repo.gitDir,
      this.runner,
      (change) => this.onRefsChanged(repo, change, since),
      (err) => this.log.warn(`Reading the refs of ${repo.root} failed: ${describeError(err)}`),
      since !== undefined,
    );
    this.watchers.set(repo.gitDir, follower);
    this.refsOnly.set(repo.gitDir, { repo, reason });
    this.noticeRefsOnly(repo, reason);
  }

  private noticeRefsOnly(repo: FoundRepository, reason: string): void {
    const name = toWorkspaceRelative(repo.root, workspaceFolders()) ?? repo.root;
    this.sink.notice('no-reflog', `Repository ${name === '.' ? path.basename(repo.root) : name}: commits are captured from its refs (branch tips), because it keeps no reflog (${reason}). Each commit is recorded once; checkouts and resets show only as far as the branches tell.`);
  }

  private onRefsChanged(repo: FoundRepository, change: RefsChanged, since: number | undefined): void {
    const repoPath = toWorkspaceRelative(repo.root, workspaceFolders()) ?? path.basename(repo.root);
    // A folder removed and added back reads its refs from the session start again: each commit once.
    const commits = change.commits.filter((c) => {
      const key = `${repo.gitDir}\0${c.hash}`;
      if (this.handled.has(key)) return false;
      this.handled.add(key);
      return true;
    });
    const now = Date.now();
    const drafts = refChangeDrafts({ repo: repoPath || '.', ...change, commits, time: now, ...(since !== undefined ? { since } : {}) });
    if (drafts.length === 0) return;
    this.sink.activity(now);
    for (const draft of drafts) this.sink.capture(draft);
  }

  private onReflogLines(repo: FoundRepository, branches: ReflogBranchTracker, lines: string[], since?: number): void {
    for (const line of lines) {
      const entry = parseReflogLine(line);
      if (!entry) {
        this.log.warn(`Skipped an unreadable reflog line in ${repo.root}`);
        continue;
      }
      // Every entry moves the branch, old ones too; each is stamped now, not when its lookup runs.
      if (since !== undefined && madeBefore(entry.time, since)) {
        branches.followBeforeSession(entry);
        continue;
      }
      const branch = branches.follow(entry);
      // A folder removed and added back is read again from the session start: each reflog line
      // is handled once, whichever watcher delivers it.
      const key = `${repo.gitDir}\0${line}`;
      if (this.handled.has(key)) continue;
      this.handled.add(key);
      this.sink.activity(Date.now());
      // The pipeline decides now, when git wrote the line, whether git is asked about it at all.
      this.sink.captureLater('commits', () => {
        // Lookups run one at a time: a rebase of 50 commits never spawns 50 git processes at once.
        const read = this.queue.then(() => this.handle(repo, entry, branch));
        this.queue = read.then(() => undefined, () => undefined);
        return read;
      });
    }
  }

  private async handle(repo: FoundRepository, entry: ReflogEntry, branch: string | undefined): Promise<SourceEvent | undefined> {
    const repoPath = toWorkspaceRelative(repo.root, workspaceFolders()) ?? path.basename(repo.root);
    const what = reflogRecording(entry);
    if (what.type === 'ignore') return undefined;
    if (what.type === 'git-op') {
      const dropped = what.op === 'reset' ? await this.unreachable(repo, entry.oldHash) : [];
      return gitOpDraft(entry, what.op, repoPath || '.', branch, dropped);
    }
    return commitDraft(entry, what, repoPath || '.', branch, await this.lookup(repo, entry));
  }

  /** The commits a reset discarded: counted no more, since git log no longer has them. */
  private async unreachable(repo: FoundRepository, from: string): Promise<string[]> {
    try {
      return parseHashList(await this.runner.unreachable(repo.root, from));
    } catch (err) {
      this.log.warn(`git rev-list ${from.slice(0, 7)} in ${repo.root} failed: ${describeError(err)}`);
      return [];
    }
  }

  private async lookup(repo: FoundRepository, entry: ReflogEntry): Promise<CommitDetails | undefined> {
    try {
      return parseCommitDetails(await this.runner.show(repo.root, entry.newHash), entry.time);
    } catch (err) {
      if (isGitMissing(err)) {
        this.sink.notice('git-missing', 'git was not found on PATH, so commits are recorded from the reflog without their files and line counts. Install git or set git.path.');
      } else {
        this.log.warn(`git show ${entry.newHash.slice(0, 7)} in ${repo.root} failed: ${describeError(err)}`);
      }
      return undefined;
    }
  }
}

/** A created path that may mean a new repository: `.git` itself, a file in it, or a folder holding one. */
function isRepositoryCandidate(p: string): boolean {
  if (/[\\/]\.git([\\/]|$)/.test(p)) return true;
  try {
    return fs.statSync(p).isDirectory() && fs.existsSync(path.join(p, '.git'));
  } catch {
    return false;
  }
}
