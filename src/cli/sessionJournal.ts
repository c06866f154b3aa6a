/**
 * Entry point of the `session-journal` bin (bundled to dist/cli.js, which gets the
 * `#!/usr/bin/env node` banner from the build): wires main() to the real process.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { main } from './main';

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: (path) => readFile(path),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true });
    // 'wx': never overwrite a retrospective that appeared since the name was chosen.
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  },
  exists: (path) => existsSync(path),
  home: homedir(),
}).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`session-journal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
