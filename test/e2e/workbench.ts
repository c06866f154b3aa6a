// Drives a real VS Code (code-server) in Debian's Chromium the way a person does: keyboard,
// mouse, command palette. Each test file opens its own workbench on a fresh sample workspace.
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';

interface Server { url: string; port: number; stop(): void }
interface CodeServerModule {
  projectRoot: string;
  startCodeServer(options?: { settings?: Record<string, unknown> }): Promise<Server>;
  workbenchUrl(server: Server, options: { folder: string }): string;
  launchBrowser(options?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
}
interface SampleModule { makeSampleWorkspace(prefix?: string): string }

const root = path.resolve(__dirname, '..', '..');
export const OUTPUT_DIR = path.join(root, 'test-output');

export interface Workbench {
  page: Page;
  workspace: string;
  close(): Promise<void>;
}

/** Starts code-server with the development extension, opens the sample workspace in Chromium. */
export async function openWorkbench(options: { settings?: Record<string, unknown> } = {}): Promise<Workbench> {
  const cs = (await import(path.join(root, 'scripts', 'codeServer.mjs'))) as CodeServerModule;
  const sample = (await import(path.join(root, 'scripts', 'sampleWorkspace.mjs'))) as SampleModule;
  const workspace = sample.makeSampleWorkspace('sj-e2e-');
  const server = await cs.startCodeServer({ settings: options.settings });
  const browser = await cs.launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(cs.workbenchUrl(server, { folder: workspace }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The activity bar entry appears once the extension's contributions are registered.
  await page.locator('.activitybar a[aria-label^="Session Journal"], .activitybar [aria-label^="Session Journal"]').first().waitFor({ timeout: 60_000 });
  return {
    page,
    workspace,
    async close() {
      await browser.close();
      server.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** Runs a command from the command palette by its title, as a user would type it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Clicks the Session Journal icon in the activity bar and returns the Timeline webview's frame. */
export async function openTimeline(page: Page): Promise<FrameLocator> {
  const icon = page.locator('.activitybar [aria-label^="Session Journal"]').first();
  const expanded = await icon.getAttribute('aria-expanded');
  if (expanded !== 'true') await icon.click();
  return timelineFrame(page);
}

/** The Timeline webview's content frame (webviews live in two nested iframes). */
export function timelineFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Types a command into the integrated terminal (opening one if needed) and presses Enter. */
export async function typeInTerminal(page: Page, command: string): Promise<void> {
  const terminal = page.locator('.terminal-wrapper .xterm').first();
  if (!(await terminal.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Backquote');
    await terminal.waitFor({ timeout: 30_000 });
  }
  await terminal.click();
  await page.keyboard.type(command, { delay: 10 });
  await page.keyboard.press('Enter');
}

/** Saves a screenshot of the whole window into test-output/ for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
