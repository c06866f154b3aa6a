// Starts code-server (VS Code 1.100 with its real Node extension host) on 127.0.0.1 and opens it
// in Debian's Chromium through playwright-core. Shared by the integration runner, the e2e
// runner, `npm start` and the benchmark. See ../shared/real-vscode.md for why it is done this way.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './installCodeServer.mjs';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Settings for the test profile: quiet start, bash with shell integration, no trust dialog. */
export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'terminal.integrated.defaultProfile.linux': 'bash',
  'terminal.integrated.shellIntegration.enabled': true,
  'terminal.integrated.enablePersistentSessions': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
  'workbench.colorTheme': 'Default Dark Modern',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/**
 * Starts code-server in its own process group with a throwaway profile.
 * @returns {{ url: string, port: number, root: string, stop: () => void }}
 */
export async function startCodeServer({ settings = {}, quiet = true, port: wantedPort, workspaceTrust = false, root: reuseRoot, installVsix } = {}) {
  const bin = ensureCodeServer();
  // Passing an earlier server's `root` restarts on the same profile (crash and restart tests).
  const root = reuseRoot ?? mkdtempSync(join(tmpdir(), 'sj-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    ...DEFAULT_USER_SETTINGS,
    ...(workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    ...settings,
  }, null, 2));
  const xdg = {
    XDG_CONFIG_HOME: join(root, 'config'), XDG_DATA_HOME: join(root, 'data'),
    // The AI agents' homes of this profile, not the machine's: a test never reads a real ~/.claude or ~/.codex,
    // and one that needs an agent's transcripts writes them here (they do not exist until it does).
    CLAUDE_CONFIG_DIR: join(root, 'agent-homes', 'claude'), CODEX_HOME: join(root, 'agent-homes', 'codex'),
  };
  if (installVsix) {
    // As a user would: code-server --install-extension file.vsix
    execFileSync(bin, ['--install-extension', installVsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], {
      stdio: quiet ? 'ignore' : 'inherit', env: { ...process.env, ...xdg },
    });
  }
  const port = wantedPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(bin, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ], {
    detached: true,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'],
    env: { ...process.env, ...xdg },
  });
  let stopped = false;
  const stop = ({ keepProfile = false } = {}) => {
    if (stopped) return;
    stopped = true;
    // The extension host outlives the browser; kill the whole group.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    if (!keepProfile) {
      try { rmSync(root, { recursive: true, force: true }); } catch { /* best effort */ }
    }
  };
  try {
    await waitForHealth(url, child);
  } catch (err) {
    stop();
    throw err;
  }
  return { url, port, root, userDataDir, extensionsDir, child, stop };
}

/** The workbench URL that opens `folder` with this working tree loaded as a development extension. */
export function workbenchUrl(server, { folder, extensionTestsPath, extensionDevelopmentPath = projectRoot, env, logLevel } = {}) {
  // extensionDevelopmentPath: null opens the workbench with installed extensions only.
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.unshift(['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${extensionTestsPath}`]);
  if (env) payload.push(['extensionEnvironment', JSON.stringify(env)]);
  // The workbench's own log level (trace shows the text file model's save and resolve steps).
  if (logLevel) payload.push(['logLevel', logLevel]);
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}

/** Launches Debian's Chromium with a fresh profile. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run \`npm run setup\` (it installs the Debian package chromium).`);
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'sj-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport, headless: true,
  });
  const close = async () => {
    try { await context.close(); } catch { /* already closed */ }
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}
