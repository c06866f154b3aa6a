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
 * The git runner, made on first use, and only in a trusted workspace (git reads repository
 * configuration, which can run code): undefined otherwise. Reading a commit or the uncommitted
 * changes needs git even when commits are not captured.
 */
export function trustedGitRunner(): () => GitRunner | undefined {
  let runner: GitRunner | undefined;
  return () => (vscode.workspace.isTrusted ? (runner ??= createGitRunner(() => gitPathSetting())) : undefined);
}

/** Commit capture: the git adapter runs only while commits are captured in a trusted workspace, so no repository is watched for nothing. */
export class CommitCapture extends Disposable {
  private adapter: GitAdapter | undefined;

  constructor(
    private readonly sink: CaptureSink,
    private readonly git: () => GitRunner | undefined,
    private readonly log: Log,
    private readonly sessionStart: () => number | undefined,
  ) {
    super();
    this.register({ dispose: () => this.adapter?.dispose() });
  }

  /** A terminal command ended: a repository it made (git init, git clone) is followed now. */
  commandEnded(commandLine: string): void {
    this.adapter?.commandEnded(commandLine);
  }

  /** The git adapter, when it runs. */
  get running(): GitAdapter | undefined {
    return this.adapter;
  }

  /** Starts or stops commit capture after a trust or settings change. */
  update(captureCommits: boolean): void {
    const runner = captureCommits ? this.git() : undefined;
    if (runner && !this.adapter) {
      this.adapter = new GitAdapter(this.sink, runner, this.log, this.sessionStart);
    } else if (!runner && this.adapter) {
      this.adapter.dispose();
      this.adapter = undefined;
    }
  }
}
