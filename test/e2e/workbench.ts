// Drives a real VS Code (code-server) in Debian's Chromium the way a person does: keyboard,
// mouse, command palette. Each test file opens its own workbench on a fresh sample workspace.
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { errorMessage } from '../../src/core/journal/journalFs';

interface Server { url: string; port: number; root: string; stop(): void }
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
  /** The profile's AI agent homes (CLAUDE_CONFIG_DIR, CODEX_HOME of the extension host; scripts/codeServer.mjs). */
  agentHomes: { claude: string; codex: string };
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
  // Done once the page is committed: a person waits for the workbench, not for the load event of every script.
  await page.goto(cs.workbenchUrl(server, { folder: workspace }), { waitUntil: 'commit' });
  await waitForSessionJournal(page, 60_000);
  return {
    page,
    workspace,
    agentHomes: { claude: path.join(server.root, 'agent-homes', 'claude'), codex: path.join(server.root, 'agent-homes', 'codex') },
    async close() {
      await browser.close();
      server.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/**
 * The Session Journal item in the status bar ("Journal", or the recording clock). The extension
 * creates it when it activates, so a person who sees it knows the extension is running.
 */
export function journalStatusItem(page: Page): Locator {
  return page.locator('.statusbar-item[aria-label^="Session Journal"]').first();
}

/**
 * Waits until the workbench is up and Session Journal runs in it, as a person sees it: the window,
 * then the extension's status bar item. The activity-bar icon is no proof: after a reload, and in
 * a second window of the same profile, VS Code draws the icons it remembers before the extension
 * is registered, and a palette opened then never lists the extension's commands. The extension
 * activates on `onStartupFinished`, after the workbench restored its views and editors, so once
 * its item shows, its commands are registered and no restoring view takes the focus.
 */
export async function waitForSessionJournal(page: Page, timeout = 90_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await journalStatusItem(page).waitFor({ timeout });
}

/**
 * Runs a command from the command palette by its title, as a person does: once the window has
 * started, opens the palette (F1), sees its field focused and showing ">", types the title, sees
 * it typed, and clicks the row with exactly that label. The palette lists the commands known when
 * its text changes, so it is only opened once the extension's commands are (see waitForSessionJournal).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await waitForSessionJournal(page);
  await waitForWebviewFocusToLand(page);
  await page.keyboard.press('F1');
  const input = quickInput(page);
  await expectFocusedValue(page, '>', 'the command palette to open with its field focused and showing ">"');
  await page.keyboard.type(title, { delay: 5 });
  await expectFocusedValue(page, `>${title}`, `the command palette to show ">${title}"`);
  // The palette ranks fuzzy matches, so the first row is not always the command asked for
  // ("Color Theme" also finds "Browse Color Themes in Marketplace"): choose the exact label.
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
  try {
    await row.waitFor();
  } catch (err) {
    const listed = await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts().catch(() => []);
    const file = await screenshot(page, `palette-missing-${title.replace(/\W+/g, '-')}`).catch(() => '(no screenshot)');
    throw new Error(`The command palette, showing "${await input.inputValue().catch(() => '?')}", lists no command "${title}"; `
      + `it lists: ${listed.map((l) => `"${l}"`).join(', ') || 'nothing'}. Screenshot: ${file}\n${firstLineOf(err)}`);
  }
  await row.click();
}

/**
 * When the focus is going into a webview, waits until it has arrived. VS Code focuses a webview in
 * two steps: its outer frame at once, the page inside a moment later, on a debounced message
 * (webviewElement's focus delayer, microsoft/vscode#75209). A palette opened in between loses the
 * focus to that second step and closes at once: the key a person presses after seeing the view
 * focused then opens nothing. Focus on the webview's outer frame, not on its page, is that "in
 * between"; a webview only keeps it when it has no page, so the wait is bounded and says so.
 */
export async function waitForWebviewFocusToLand(page: Page, timeout = 20_000): Promise<void> {
  const outer = await page.evaluateHandle(() => {
    const el = document.activeElement;
    return el instanceof HTMLIFrameElement && el.classList.contains('webview') ? el : null;
  });
  const element = outer.asElement();
  const frame = element ? await element.contentFrame().catch(() => null) : null;
  if (!frame) return;
  try {
    await frame.waitForFunction(() => document.activeElement?.id === 'active-frame', undefined, { timeout });
  } catch (err) {
    const seen = await frame.evaluate(() => `<${document.activeElement?.tagName.toLowerCase() ?? 'nothing'} id="${document.activeElement?.id ?? ''}">`).catch(() => 'nothing readable');
    throw new Error(`The focus went into a webview (${await element?.getAttribute('src').then((s) => s?.split('?')[0]).catch(() => '?')}) and never reached its page: `
      + `its frame's focus stays on ${seen}.\n${firstLineOf(err)}`);
  }
}

/** Waits until the focused element is the quick input's field holding exactly `value`. */
async function expectFocusedValue(page: Page, value: string, what: string): Promise<void> {
  try {
    await page.waitForFunction((want) => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.closest('.quick-input-widget') !== null && el.value === want;
    }, value);
  } catch (err) {
    const seen = await describeFocus(page);
    const file = await screenshot(page, 'palette-not-ready').catch(() => '(no screenshot)');
    throw new Error(`Timed out waiting for ${what}: ${seen}. Screenshot: ${file}\n${firstLineOf(err)}`);
  }
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
  return page.frameLocator(TIMELINE_IFRAME).frameLocator('iframe#active-frame');
}

/** Types a command into the integrated terminal (opening one if needed) and presses Enter. */
export async function typeInTerminal(page: Page, command: string): Promise<void> {
  const terminal = page.locator('.terminal-wrapper .xterm').first();
  if (!(await terminal.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Backquote');
    await terminal.waitFor({ timeout: 30_000 });
    // Keys typed before bash prints its first prompt would run before shell integration is on;
    // the prompt's gutter decoration only appears once shell integration reported the prompt.
    await page.locator('.terminal-wrapper .terminal-command-decoration').first().waitFor({ timeout: 30_000 });
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

/** The Timeline webview's outer iframe; matched by extension id so a Markdown preview beside it never confuses the locator. */
export const TIMELINE_IFRAME = 'iframe.webview.ready[src*="extensionId=session-journal.session-journal"]';

/** The quick input (palette, input box, quick pick) text field. */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget input[type="text"], .quick-input-widget input:not([type])').first();
}

/**
 * Waits for the input box or quick pick titled `title`. After a palette command the palette's
 * widget stays on screen until the command's own input replaces it; keys typed in between are lost.
 */
export async function waitForQuickInputTitled(page: Page, title: string | RegExp): Promise<Locator> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  const input = quickInput(page);
  await input.waitFor();
  // Keys go where the focus is: a person types once the caret is in the box.
  try {
    await page.waitForFunction(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.closest('.quick-input-widget') !== null;
    }, undefined, { timeout: 20_000 });
  } catch (err) {
    throw new Error(`The input "${String(title)}" is shown but its field never got the focus: ${await describeFocus(page)}. Screenshot: ${await screenshot(page, 'input-without-focus').catch(() => '(none)')}\n`
      + `${firstLineOf(err)}`);
  }
  return input;
}

/** The first line of what a wait threw (Playwright adds a call log below it), for failure messages. */
export function firstLineOf(err: unknown): string {
  return errorMessage(err).split('\n')[0] ?? '';
}

/** Where the keyboard focus is, for failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return `focus on <${el?.tagName.toLowerCase() ?? 'nothing'} class="${el?.className ?? ''}">${el instanceof HTMLInputElement ? ` holding "${el.value}"` : ''}`;
  }).catch(() => 'nothing readable');
}

/**
 * Answers the input box titled `title`: waits for it, replaces its text when `text` is given (a
 * prefilled suggestion is selected, so typing replaces it), checks what it holds, and presses Enter.
 */
export async function answerInputBox(page: Page, title: string | RegExp, text?: string): Promise<void> {
  await waitForQuickInputTitled(page, title);
  if (text !== undefined) {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text, { delay: 5 });
    await page.waitForFunction((want) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === want, text);
  }
  await page.keyboard.press('Enter');
  // Gone, or replaced by the command's next step (a quick pick reuses the widget).
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'hidden' });
}

/** Picks the quick-pick item whose label matches, by typing to filter as a person does, then Enter. */
export async function pickQuickItem(page: Page, label: string): Promise<void> {
  const input = quickInput(page);
  await input.waitFor();
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  // Taken: the box closed, or moved on to the command's next question (its text is no longer the label).
  await page.waitForFunction((typed) => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    return widget === null || widget.style.display === 'none' || widget.querySelector('input')?.value !== typed;
  }, label);
}

/** Start Session from the palette with `focus` typed in its input box; returns the Timeline frame. */
export async function startSession(page: Page, focus: string): Promise<FrameLocator> {
  const frame = await openTimeline(page);
  await frame.locator('.header').waitFor({ timeout: 30_000 });
  await runCommand(page, 'Session Journal: Start Session');
  await answerInputBox(page, 'Start Session', focus);
  await frame.locator('.session[data-state="recording"]').waitFor({ timeout: 20_000 });
  return frame;
}

/** A timeline event row (of `kind`, e.g. "command", "commit", "saves") whose title contains `text`. */
export function timelineRow(frame: FrameLocator, kind: string, text: string | RegExp): Locator {
  return frame.locator(`.row.event.kind-${kind}`, { has: frame.locator('.title', { hasText: text }) });
}

/** The Timeline's inner document as a Playwright Frame, for `evaluate` (globals, DOM queries). */
export async function timelineContentFrame(page: Page): Promise<Frame> {
  const handle = await timelineFrame(page).owner().elementHandle({ timeout: 30_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The Timeline webview has no content frame');
  return frame;
}

/** Opens a workspace file with Quick Open (Ctrl+P), typing `query` and taking the first match. */
export async function quickOpen(page: Page, query: string, expectedTab: string | RegExp): Promise<void> {
  await waitForWebviewFocusToLand(page);
  await page.keyboard.press('Control+P');
  const input = quickInput(page);
  await input.waitFor();
  await page.keyboard.type(query, { delay: 5 });
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: expectedTab }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: expectedTab }).waitFor();
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

/** Types into the focused editor at the end of the document and saves with Ctrl+S. */
export async function editAndSave(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 5 });
  const dirty = page.locator('.tabs-container .tab.active.dirty');
  await dirty.waitFor();
  await page.keyboard.press('Control+S');
  await dirty.waitFor({ state: 'detached', timeout: 10_000 });
}

/** Switches the colour theme through "Preferences: Color Theme", as a person does. */
export async function setColorTheme(page: Page, theme: string, kind: ThemeKind): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await pickQuickItem(page, theme);
  await page.locator(`.monaco-workbench.${WORKBENCH_THEME_CLASS[kind]}`).waitFor();
}

export type ThemeKind = 'light' | 'dark' | 'hc-dark' | 'hc-light';

/** The class the workbench puts on its root for each kind of theme. */
const WORKBENCH_THEME_CLASS: Readonly<Record<ThemeKind, string>> = { dark: 'vs-dark', light: 'vs', 'hc-dark': 'hc-black', 'hc-light': 'hc-light' };

/** Every `dialog` (alert, confirm, prompt) any frame of the page opens, dismissed and counted. */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

/** The visible notification toast whose message contains `text`. */
export function notificationToast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}
