import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commitDraft, gitOpDraft, parseCommitDetails, parseHashList, showArgs, unreachableArgs } from '../../src/core/git/commitDetails';
import type { JournalEvent } from '../../src/core/journal/events';
import { parseNumstat } from '../../src/core/git/numstatParser';
import { ReflogBranchTracker } from '../../src/core/git/reflogBranch';
import { parseReflogLine, reflogRecording } from '../../src/core/git/reflogParser';
import { isLocalBranch, readBranch } from '../../src/core/git/repositoryFinder';
import { JournalFixture } from './retrospectiveFixture';

const IDENTITY = { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' };

/** An hour before now: commits made "before the session" carry this date. */
const BEFORE_SESSION = `@${Math.floor(Date.now() / 1000) - 3600} +0000`;

/**
 * A real repository in a temp folder whose reflog is read the way the git adapter reads it:
 * after every git command, the new lines go through the same parser, branch tracker and draft
 * builders, with the same `git show` and `git rev-list` calls run at that moment. `git log` is
 * then the truth the ledger's result is compared with.
 */
export class RealGitSession {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-real-git-'));
  private readonly journal = new JournalFixture(0);
  private tracker: ReflogBranchTracker | undefined;
  private offset = 0;
  private startTips: string[] = [];

  constructor() {
    this.git('init', '-q', '-b', 'main');
  }

  /** Runs git; output on success, and the failure is thrown unless `mayFail`. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...IDENTITY }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  /** Writes `lines` lines to `file` and commits it, dated an hour ago when before the session. */
  commitFile(file: string, lines: number, subject: string, prefix = 'line'): void {
    fs.writeFileSync(path.join(this.dir, file), Array.from({ length: lines }, (_, i) => `${prefix} ${i}\n`).join(''));
    this.git('add', file);
    this.run('commit', '-q', '-m', subject);
  }

  /** Runs git (in the session: its reflog lines are recorded right after), tolerating a failure such as a rebase conflict. */
  run(...args: string[]): void {
    const env = this.tracker ? IDENTITY : { ...IDENTITY, GIT_AUTHOR_DATE: BEFORE_SESSION, GIT_COMMITTER_DATE: BEFORE_SESSION };
    try {
      execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...env }, stdio: 'ignore' });
    } catch {
      // A conflict stops the rebase or cherry-pick here, as it would in a terminal.
    }
    if (this.tracker) this.recordNewLines();
  }

  /** The session starts now: later reflog lines are recorded. */
  start(): void {
    const gitDir = path.join(this.dir, '.git');
    this.journal.add({ kind: 'session-start', time: Math.floor(Date.now() / 1000) * 1000, folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
    this.tracker = new ReflogBranchTracker(readBranch(gitDir), (name) => isLocalBranch(gitDir, name));
    this.offset = fs.statSync(this.reflogFile).size;
    this.startTips = this.git('for-each-ref', '--format=%(objectname)', 'refs/heads').split('\n');
  }

  events(): JournalEvent[] {
    return [...this.journal.events, { kind: 'session-end', time: Date.now(), v: 1, id: 'end', sessionId: 'session-1' } as JournalEvent];
  }

  /** What git log says the session made: commits on a branch now that none had at the start. */
  madeInSession(): { hashes: string[]; added: number; removed: number } {
    const hashes = parseHashList(this.git('rev-list', '--reverse', '--branches', '--not', ...this.startTips));
    let added = 0;
    let removed = 0;
    for (const hash of hashes) {
      const numstat = parseNumstat(this.git('show', '--first-parent', '--numstat', '--format=', hash));
      added += numstat.added;
      removed += numstat.removed;
    }
    return { hashes, added, removed };
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private get reflogFile(): string {
    return path.join(this.dir, '.git', 'logs', 'HEAD');
  }

  private recordNewLines(): void {
    const bytes = fs.readFileSync(this.reflogFile);
    const lines = bytes.subarray(this.offset).toString('utf8').split('\n').filter(Boolean);
    this.offset = bytes.length;
    for (const line of lines) {
      const entry = parseReflogLine(line);
      if (!entry || !this.tracker) continue;
      const branch = this.tracker.follow(entry);
      const recording = reflogRecording(entry);
      if (recording.type === 'git-op') {
        const dropped = recording.op === 'reset' ? parseHashList(this.git(...unreachableArgs(entry.oldHash))) : [];
        this.journal.add(gitOpDraft(entry, recording.op, '.', branch, dropped));
      } else if (recording.type === 'commit') {
        this.journal.add(commitDraft(entry, recording, '.', branch, parseCommitDetails(this.git(...showArgs(entry.newHash)), entry.time)));
      }
    }
  }
}
