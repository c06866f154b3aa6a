// Runs test/integration (mocha, bundled to dist/test/integration) inside code-server's real
// Node extension host, driven headlessly by Chromium, and exits with the suite's code.
// The same suite runs under @vscode/test-electron on desktops (`npm run test:desktop`).
import { existsSync, rmSync } from 'node:fs';
import { format } from 'node:util';
import { join } from 'node:path';
import { startCodeServer, workbenchUrl, launchBrowser, projectRoot } from './codeServer.mjs';
import { addTestWorkspaceSettings, makeSampleWorkspace } from './sampleWorkspace.mjs';

// Workbench chatter that says nothing about the suite (SJ_VERBOSE=1 shows it).
const NOISE = [/connection token/, /Creating a socket/, /builtin extensions cache/, /Service Worker/, /ChatSessionStore/, /open-vsx\.org/];
/** Stack frames inside the workbench's bundle say nothing about a failing test; the message does. */
const WORKBENCH_FRAME = /^\s+at .*(workbench\.js|\/static\/out\/).*$\n?/gm;

const TIMEOUT_MS = Number(process.env.SJ_INTEGRATION_TIMEOUT_MS || 15 * 60 * 1000);

async function main() {
  const suite = join(projectRoot, 'dist', 'test', 'integration', 'index.js');
  if (!existsSync(suite)) throw new Error(`${suite} is missing: run \`npm run build\` first.`);
  const workspace = makeSampleWorkspace('sj-integration-');
  addTestWorkspaceSettings(workspace);
  // The web workbench auto-saves 1 s after an edit by default (desktop VS Code does not). That auto
  // save races the suite's own saves: while it runs its save participants VS Code answers any other
  // save of the document with false (TextFileEditorModel.doSave, "refusing to save() recursively"),
  // which a loaded machine made a flake. Off, as on the desktop, a save is the one the test makes.
  const server = await startCodeServer({ settings: { 'files.autoSave': 'off' } });
  const browser = await launchBrowser();
  const cleanup = async () => {
    await browser.close();
    server.stop();
    rmSync(workspace, { recursive: true, force: true });
  };
  process.on('SIGINT', () => { cleanup().finally(() => process.exit(130)); });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const exitCode = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        let text = format(...(Array.isArray(args) ? args : [args]));
        if (!process.env.SJ_VERBOSE) {
          if (NOISE.some((re) => re.test(text))) return;
          text = text.replace(WORKBENCH_FRAME, '');
        }
        if (type === 'error') console.error(text); else console.log(text);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    const timeout = new Promise((resolve) => setTimeout(() => {
      console.error(`Integration suite did not finish within ${TIMEOUT_MS / 1000} s.`);
      resolve(1);
    }, TIMEOUT_MS).unref());
    // The suite reports its own end through codeAutomationExit; the page's load event (every
    // script and font of the workbench) says nothing about it and comes past Playwright's 30 s
    // default on a busy machine, so navigation is done once the page is committed.
    await page.goto(workbenchUrl(server, {
      folder: workspace,
      extensionTestsPath: suite.replace(/\.js$/, ''),
      env: { SJ_TEST_WORKSPACE: workspace },
      logLevel: process.env.SJ_LOG_LEVEL,
    }), { waitUntil: 'commit' });
    const code = await Promise.race([exitCode, timeout]);
    return code;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack || err.message : err);
    process.exit(1);
  },
);
