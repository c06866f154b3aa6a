import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openTimeline, screenshot } from './workbench';

interface Server { url: string; port: number; extensionsDir: string; stop(): void }
interface CodeServerModule {
  startCodeServer(options: { installVsix: string }): Promise<Server>;
  workbenchUrl(server: Server, options: { folder: string; extensionDevelopmentPath: null }): string;
  launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }>;
}

const root = path.resolve(__dirname, '..', '..');

describe('the packaged .vsix (e2e)', () => {
  let server: Server | undefined;
  let close: (() => Promise<void>) | undefined;
  let page: Page;
  let workspace: string;
  const vsix = path.join(root, 'test-output', 'session-journal.vsix');

  before(async function () {
    this.timeout(300_000);
    fs.mkdirSync(path.dirname(vsix), { recursive: true });
    // Exactly what `npm run package` does (vsce runs `vscode:prepublish`, the production build),
    // into test-output/ so the working tree stays clean. vsce prints warnings on stderr and asks
    // before going on (a missing repository, say); a release has none, so any is a failure here.
    const packaged = spawnSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '-o', vsix], { cwd: root, encoding: 'utf8', input: 'n\n' });
    assert.equal(packaged.status, 0, `vsce package failed:\n${packaged.stdout}\n${packaged.stderr}`);
    assert.doesNotMatch(`${packaged.stdout}\n${packaged.stderr}`, /\bWARNING\b/i, `vsce package warned:\n${packaged.stdout}\n${packaged.stderr}`);
    // Leave a development build behind for the other suites.
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    const cs = (await import(path.join(root, 'scripts', 'codeServer.mjs'))) as CodeServerModule;
    const sample = (await import(path.join(root, 'scripts', 'sampleWorkspace.mjs'))) as { makeSampleWorkspace(prefix?: string): string };
    workspace = sample.makeSampleWorkspace('sj-vsix-');
    server = await cs.startCodeServer({ installVsix: vsix });
    const browser = await cs.launchBrowser();
    close = browser.close;
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // Done once the page is committed (as openWorkbench does): a person waits for the workbench,
    // not for the load event of every script, which a loaded machine can hold back past 30 s.
    await page.goto(cs.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: null }), { waitUntil: 'commit' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await close?.();
    server?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('installs with --install-extension and ships only the bundles, media and codicons', () => {
    const installed = fs.readdirSync(server!.extensionsDir).find((d) => d.startsWith('session-journal.session-journal'));
    assert.ok(installed, 'installed into the extensions folder');
    const dir = path.join(server!.extensionsDir, installed);
    // dist/retrospectiveKit.js is required on first use (the validator and the retrospective builder): without it, End Session and Finish fail.
    for (const file of ['dist/extension.js', 'dist/retrospectiveKit.js', 'dist/webview.js', 'dist/cli.js', 'dist/preview/mermaidPreview.js', 'dist/codicons/codicon.ttf', 'media/icon.svg', 'media/icon.png', 'LICENSE.txt', 'package.json', 'package.nls.json', 'l10n/bundle.l10n.json']) {
      assert.ok(fs.existsSync(path.join(dir, file)), `${file} is in the package`);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'src')), 'sources are not shipped');
    assert.ok(!fs.existsSync(path.join(dir, 'node_modules')), 'node_modules is not shipped');
  });

  it('activates: the icon is in the activity bar and the Timeline renders with its codicons', async () => {
    await page.locator('.activitybar [aria-label^="Session Journal"]').first().waitFor({ timeout: 60_000 });
    const frame = await openTimeline(page);
    await frame.getByText('No session is recording', { exact: false }).waitFor({ timeout: 30_000 });
    // The codicon font face loaded from inside the package (served through asWebviewUri).
    const fontLoaded = await frame.locator('body').evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'codicon' && f.status === 'loaded');
    });
    assert.equal(fontLoaded, true, 'codicon font loaded');
    await screenshot(page, 'vsix-timeline');
  });
});
