// Runs the end-to-end suite: mocha over test/e2e, where each file drives code-server in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './codeServer.mjs';
import { ensureCodeServer } from './installCodeServer.mjs';

if (!existsSync(join(projectRoot, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first.');
  process.exit(1);
}
ensureCodeServer();
const mocha = join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--config', 'test/e2e/.mocharc.json', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' });
process.exit(result.status ?? 1);
