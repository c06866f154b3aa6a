// Makes a small, real git repository in a temp folder: the sample workspace for `npm start`
// and the tests. Real git, real commits, nothing mocked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, realpathSync } from 'node:fs';
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
