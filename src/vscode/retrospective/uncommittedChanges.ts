import * as path from 'node:path';
import type { FileChange } from '../../core/journal/events';
import { parseNumstat } from '../../core/git/numstatParser';
import { toWorkspaceRelative } from '../../core/capture/workspacePaths';
import type { WorkspaceFolderInfo } from '../../core/capture/workspacePaths';
import type { GitRunner } from '../../core/git/gitRunner';
import { findRepositories } from '../../core/git/repositoryFinder';
import { followParentRepositories } from '../git/parentFolders';
import type { Log } from '../log';

/** Lines added and removed but not committed yet, in every repository, as workspace-relative paths. */
export async function uncommittedChanges(runner: GitRunner, folders: readonly WorkspaceFolderInfo[], log: Log): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  for (const repo of findRepositories(folders.map((f) => f.path), 4, followParentRepositories())) {
    try {
      const { files } = parseNumstat(await runner.uncommittedNumstat(repo.root));
      for (const f of files) {
        const rel = toWorkspaceRelative(path.join(repo.root, f.path), folders);
        if (rel !== undefined) changes.push({ ...f, path: rel });
      }
    } catch (err) {
      // A repository without commits has no HEAD to diff against; that is not an error worth a dialog.
      log.info(`No uncommitted changes read in ${repo.root}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  return changes;
}
