import * as vscode from 'vscode';
import { createGitRunner } from '../core/git/gitRunner';
import type { GitRunner } from '../core/git/gitRunner';
import type { CaptureSink } from './adapters/captureSink';
import { GitAdapter } from './adapters/gitAdapter';
import { Disposable } from './dispose';
import type { Log } from './log';

/** VS Code's `git.path` (a string, or the first of a list), so a user's custom git is honoured. */
function gitPathSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('git').get<unknown>('path');
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first : undefined;
}

/**
 * Git, only in trusted workspaces (git reads repository configuration, which can run code): the
 * runner for reading a commit or the uncommitted changes, and the commit-capture adapter, which
 * exists only while commits are captured, so no repository is watched for nothing.
 */
export class GitService extends Disposable {
  private git: GitRunner | undefined;
  private commits: GitAdapter | undefined;

  constructor(private readonly sink: CaptureSink, private readonly log: Log, private readonly sessionStart: () => number | undefined) {
    super();
    this.register({ dispose: () => this.commits?.dispose() });
  }

  /** The git runner, or undefined in an untrusted workspace. */
  runner(): GitRunner | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    return (this.git ??= createGitRunner(() => gitPathSetting()));
  }

  /** The commit-capture adapter, when it runs. */
  adapter(): GitAdapter | undefined {
    return this.commits;
  }

  /** Starts or stops commit capture after a trust or settings change. */
  update(captureCommits: boolean): void {
    const runner = captureCommits ? this.runner() : undefined;
    if (runner && !this.commits) {
      this.commits = new GitAdapter(this.sink, runner, this.log, this.sessionStart);
    } else if (!runner && this.commits) {
      this.commits.dispose();
      this.commits = undefined;
    }
  }
}
