// Makes a small, real git repository in a temp folder: the sample workspace for `npm start`
// and the tests. Real git, real commits, nothing mocked.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, mkdirSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Sample Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Sample Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' } });
}

/** Creates the sample workspace and returns its absolute path. */
export function makeSampleWorkspace(prefix = 'sj-sample-') {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'README.md'), '# Sample project\n\nA tiny project to try Session Journal on.\n');
  writeFileSync(join(dir, 'src', 'greet.js'), 'export function greet(name) {\n  return `Hello, ${name}!`;\n}\n');
  writeFileSync(join(dir, 'src', 'greet.test.js'), "import { greet } from './greet.js';\nif (greet('you') !== 'Hello, you!') { console.error('greet is broken'); process.exit(1); }\nconsole.log('ok');\n");
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'sample', type: 'module', scripts: { test: 'node src/greet.test.js' } }, null, 2) + '\n');
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Sample Dev');
  git(dir, 'config', 'user.email', 'dev@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Initial commit');
  return dir;
}

/**
 * The folder of the test workspace that VS Code's file watcher is told to ignore: a repository
 * made there can be found only by looking for it, never through a file event
 * (test/integration/gitMadeInTerminal.test.ts names it too).
 */
export const UNWATCHED_FOLDER = 'sj-unwatched';

/**
 * The workspace settings the integration suites run with, in `.vscode/settings.json` (kept out of
 * `git status` through .git/info/exclude, so the sample repository stays clean).
 */
export function addTestWorkspaceSettings(dir) {
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'files.watcherExclude': { [`**/${UNWATCHED_FOLDER}/**`]: true } }, null, 2) + '\n');
  appendFileSync(join(dir, '.git', 'info', 'exclude'), '\n.vscode/\n');
}
