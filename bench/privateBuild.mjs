/* global process -- Node global; bench/ is outside the lint config's script globals */
// A production build of the extension in a private folder. Other engineers build into the
// shared dist/ while the benchmark runs (a development build is twice the size and not
// minified), so the bundle sizes, the .vsix and the activation probe use this copy instead.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../scripts/codeServer.mjs';

/**
 * Runs the project's own esbuild.mjs --production in a temp folder whose src/, node_modules/
 * and build script link to the project, with the manifest and packaged files copied beside.
 * Returns the folder; its dist/ holds the production bundles. The caller removes it.
 */
export function buildPrivateProduction() {
  const dir = mkdtempSync(join(tmpdir(), 'sj-bench-build-'));
  for (const name of ['src', 'node_modules', 'esbuild.mjs', 'tsconfig.json']) symlinkSync(join(projectRoot, name), join(dir, name));
  for (const name of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) cpSync(join(projectRoot, name), join(dir, name));
  cpSync(join(projectRoot, 'media'), join(dir, 'media'), { recursive: true });
  execFileSync(process.execPath, [join(dir, 'esbuild.mjs'), '--production'], { cwd: dir, stdio: 'pipe' });
  return dir;
}
