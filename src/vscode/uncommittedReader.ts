import type { FileChange } from '../core/journal/events';
import type { GitRunner } from '../core/git/gitRunner';
import type { Log } from './log';
import { uncommittedChanges } from './retrospective/uncommittedChanges';
import { workspaceFolders } from './workspaceFolders';

/**
 * Lines changed but not committed right now, for Start (work already in progress) and End
 * Session. Git runs only in trusted workspaces (`git()` gives none otherwise). A failed read is
 * logged and gives none: it must never keep a session from starting or ending.
 */
export function uncommittedReader(git: () => GitRunner | undefined, log: Log): () => Promise<FileChange[]> {
  return async () => {
    const runner = git();
    if (!runner) return [];
    try {
      return await uncommittedChanges(runner, workspaceFolders(), log);
    } catch (err) {
      log.warn(`Uncommitted changes could not be read: ${String(err)}`);
      return [];
    }
  };
}
