import * as vscode from 'vscode';

/**
 * Whether repositories in folders above the workspace are followed: only when the user told
 * VS Code's git to open them without asking (`git.openRepositoryInParentFolders: always`),
 * because trusting a folder does not trust its parents' git configuration.
 */
export function followParentRepositories(): boolean {
  return vscode.workspace.getConfiguration('git').get<string>('openRepositoryInParentFolders') === 'always';
}
