/**
 * The files the handoff loop reads at Start Session: the latest finished retrospective of the
 * workspace and the plan file. Reading workspace files is safe in an untrusted workspace (no git,
 * no process), and paths from settings never lead outside the workspace folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { retrospectiveKit } from './lazy/loadRetrospectiveKit';
import { retrospectiveDir } from '../core/retrospective/retrospectiveDir';

/** Files read at most, newest first, looking for a finished one among drafts nobody finished. */
const MAX_FILES_READ = 100;

/** A file's text and its path relative to the workspace folder, with `/` separators. */
export interface WorkspaceText {
  readonly relative: string;
  readonly text: string;
}

function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The retrospective finished last in the folder of `sessionJournal.retrospective.folder`; undefined when there is none. */
export async function latestFinishedRetrospective(root: string, folderSetting: string): Promise<WorkspaceText | undefined> {
  const { dir } = retrospectiveDir(root, folderSetting);
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md'))
      .map(async (e) => ({ name: e.name, mtimeMs: (await fs.promises.stat(path.join(dir, e.name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  const { isFinishedRetrospective, newestFirst } = retrospectiveKit();
  for (const file of newestFirst(files).slice(0, MAX_FILES_READ)) {
    const full = path.join(dir, file.name);
    const text = await fs.promises.readFile(full, 'utf8').catch(() => undefined);
    // Whether a file was finished is read with the validator's document reader, loaded on first use.
    if (text !== undefined && isFinishedRetrospective(text)) return { relative: relativeTo(root, full), text };
  }
  return undefined;
}

/** The plan file a setting names (workspace-relative), or undefined when it is empty or leads outside the folder. */
export function planFilePath(root: string, setting: string): string | undefined {
  if (!setting.trim()) return undefined;
  const file = path.resolve(root, setting.trim());
  const rel = path.relative(root, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : file;
}

/** The plan file's text; undefined when it does not exist or cannot be read. */
export async function readPlan(root: string, file: string): Promise<WorkspaceText | undefined> {
  const text = await fs.promises.readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { relative: relativeTo(root, file), text };
}
