/**
 * Entry point of the `session-journal` bin (bundled to dist/cli.js, which gets the
 * `#!/usr/bin/env node` banner from the build): wires main() to the real process.
 */
import { readdir, readFile } from 'node:fs/promises';
import { main } from './main';

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: (path) => readFile(path),
  readDir: async (path) => (await readdir(path, { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() })),
  cwd: () => process.cwd(),
}).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`session-journal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
