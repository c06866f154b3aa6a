// Entry point of the integration suite: loaded by VS Code's extension host (code-server here,
// @vscode/test-electron on desktops) through `extensionTestsPath`. It must export run().
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` beside this file (SJ_GREP narrows the tests). A run that ran no test
 * proves nothing, so it fails: no test file found (a broken build or bundle layout), or an
 * SJ_GREP that matches no test (a typo would otherwise look like a green suite).
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.SJ_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort();
  if (files.length === 0) {
    return Promise.reject(new Error(`No integration test files (*.test.js) found in ${__dirname}: run \`npm run build\` and check the bundle's output folder.`));
  }
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else if (runner.total === 0) reject(new Error(grep ? `SJ_GREP="${grep}" matches no integration test: nothing ran.` : `The ${files.length} integration test file(s) hold no test: nothing ran.`));
      else resolve();
    });
  });
}
