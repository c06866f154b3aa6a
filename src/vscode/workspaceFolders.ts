import * as vscode from 'vscode';
import type { WorkspaceFolderInfo } from '../core/capture/workspacePaths';

/** The workspace folders as core code takes them (name and file-system path). */
export function workspaceFolders(): WorkspaceFolderInfo[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, path: f.uri.fsPath }));
}
