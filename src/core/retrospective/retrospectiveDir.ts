import * as path from 'node:path';

export const DEFAULT_RETROSPECTIVE_FOLDER = 'retrospectives/sessions';

/**
 * The folder retrospectives go to, inside the workspace folder `root`. A setting that points
 * outside it (`../x`, an absolute path) is not followed: a workspace's settings must not make
 * the extension write elsewhere on the disk. `rejected` says what was ignored.
 */
export function retrospectiveDir(root: string, folderSetting: string): { dir: string; rejected?: string } {
  const dir = path.resolve(root, folderSetting || DEFAULT_RETROSPECTIVE_FOLDER);
  const rel = path.relative(root, dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return { dir: path.resolve(root, DEFAULT_RETROSPECTIVE_FOLDER), rejected: folderSetting };
  }
  return { dir };
}

/** The running metrics log sits beside the sessions folder (`retrospectives/session-metrics.md`). */
export function metricsLogFile(root: string, folderSetting: string): string {
  return path.join(path.dirname(retrospectiveDir(root, folderSetting).dir), 'session-metrics.md');
}
