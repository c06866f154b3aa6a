import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The identity the sample workspace uses, so child-process commits never depend on global config. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Sample Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Sample Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
};

/** Runs git in `cwd` as a child process (the way a user's own tools commit) and returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return gitWithEnv(cwd, {}, ...args);
}

/** `git` with extra environment, e.g. GIT_AUTHOR_DATE/GIT_COMMITTER_DATE for a back-dated commit. */
export function gitWithEnv(cwd: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, ...env } }).trim();
}

/** Makes `dir` a new repository on `main` with the sample identity in its own config. */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', GIT_ENV.GIT_AUTHOR_NAME);
  git(dir, 'config', 'user.email', GIT_ENV.GIT_AUTHOR_EMAIL);
}

/** Keeps `folder` (relative to `root`) out of the repository's status through .git/info/exclude, once. */
export function excludeFromStatus(root: string, folder: string): void {
  const exclude = path.join(root, '.git', 'info', 'exclude');
  fs.mkdirSync(path.dirname(exclude), { recursive: true });
  if (!fs.readFileSync(exclude, { encoding: 'utf8', flag: 'a+' }).includes(`${folder}/`)) fs.appendFileSync(exclude, `\n${folder}/\n`);
}

/** HEAD's full hash in `cwd`. */
export function head(cwd: string): string {
  return git(cwd, 'rev-parse', 'HEAD');
}

/** Writes `lines` to `relativePath` under `root` (creating folders), for commits with known line counts. */
export function writeLines(root: string, relativePath: string, lines: readonly string[]): void {
  const file = path.join(root, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
}

/** A name nobody else in the suite uses, so tests that share the workspace never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
