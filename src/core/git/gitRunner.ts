import { simpleGit } from 'simple-git';
import { showArgs, unreachableArgs } from './commitDetails';

/** Runs the few git commands Session Journal needs (through simple-git), with a time limit. */
export interface GitRunner {
  /** `git show` of one commit: first line `subject NUL author-seconds`, then its numstat. */
  show(repoRoot: string, hash: string): Promise<string>;
  /** `git rev-list` of the commits only `from` holds (see unreachableArgs). */
  unreachable(repoRoot: string, from: string): Promise<string>;
  /** Any other read-only git command (the refs-only capture's for-each-ref and log). */
  raw(repoRoot: string, args: readonly string[]): Promise<string>;
  /** `git diff --numstat HEAD` (uncommitted changes, for the retrospective's files). */
  uncommittedNumstat(repoRoot: string): Promise<string>;
  /** `git show --stat --patch` of one commit, for a person to read. */
  showPatch(repoRoot: string, hash: string): Promise<string>;
}

/** True when the error says git itself is not installed (spawn ENOENT). */
export function isGitMissing(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${(err as NodeJS.ErrnoException).code ?? ''}` : String(err);
  return /ENOENT/.test(text) && /\bgit\b|spawn/.test(text);
}

/** The real runner; `gitPath()` is read on every call (VS Code's `git.path` setting, when set). */
export function createGitRunner(gitPath: () => string | undefined = () => undefined): GitRunner {
  // `completion.onExit: false`: simple-git by default ends a task 50 ms after git exits, with
  // whatever output it has read by then. On a loaded machine the rest of a large output is still
  // in the pipe, and a 10,000-file commit was once recorded with 7,871 files. Waiting for the
  // streams to close gives the whole output; the read-only commands run here leave no child
  // holding the pipe open.
  const git = (baseDir: string) =>
    simpleGit({ baseDir, binary: gitPath() || 'git', maxConcurrentProcesses: 2, timeout: { block: 30_000 }, completion: { onExit: false, onClose: true } });
  return {
    show: (root, hash) => git(root).raw(showArgs(hash)),
    unreachable: (root, from) => git(root).raw(unreachableArgs(from)),
    raw: (root, args) => git(root).raw([...args]),
    uncommittedNumstat: (root) => git(root).raw(['-c', 'core.quotepath=off', 'diff', '--numstat', '-M', 'HEAD']),
    showPatch: (root, hash) => git(root).raw(['show', '--stat', '--patch', '--format=fuller', hash]),
  };
}
