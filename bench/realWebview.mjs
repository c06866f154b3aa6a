/* global document, performance, setTimeout -- functions passed to evaluate run in the browser */
// The Timeline where users see it: code-server's real webview, in Chromium, with a session of 10k
// and 50k events resumed by the extension (test/e2e/bigSession.ts). Measured from the click on
// "Session Journal: Show Timeline" in the command palette to the first event row in the webview
// (VS Code's webview start-up, the page load, the host's `init` message and the first frame
// included), then to every row in, and the webview's JS heap. Each run starts from the Explorer,
// so the Timeline's page is created afresh (it is not retained when hidden).
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';
import { summarize } from './statsJs.mjs';

const SIZES = [10_000, 50_000];
const RUNS = 3;
const ROW_HEIGHT = 22;
const TIMELINE_IFRAME = 'iframe.webview[src*="extensionId=session-journal.session-journal"]';

/** Runs a palette command, returning the time of the click that runs it (the palette's own typing not counted). */
async function clickCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') && document.activeElement.value === '>');
  await page.keyboard.type(title, { delay: 5 });
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).first();
  await row.waitFor();
  const t0 = Date.now();
  await row.click();
  return t0;
}

async function oneRun(page, size) {
  // Away from the Timeline: its page is disposed, so the next show starts it cold.
  await clickCommand(page, 'View: Show Explorer');
  await page.locator(TIMELINE_IFRAME).waitFor({ state: 'detached', timeout: 30_000 });
  const t0 = await clickCommand(page, 'Session Journal: Show Timeline');
  const frame = page.frameLocator(`${TIMELINE_IFRAME}.ready`).frameLocator('iframe#active-frame');
  await frame.locator('.row.event').first().waitFor({ timeout: 60_000 });
  const firstRowMs = Date.now() - t0;
  // Every event has a row once the canvas is as tall as the events (plus hour headers).
  await frame.locator('.virtual-canvas').evaluate((el, want) => new Promise((resolve) => {
    const check = () => (el.getBoundingClientRect().height >= want ? resolve() : setTimeout(check, 20));
    check();
  }), size * ROW_HEIGHT);
  const allMs = Date.now() - t0;
  const inner = frame.locator('body');
  const heapBytes = await inner.evaluate(() => performance.memory?.usedJSHeapSize ?? Number.NaN);
  const domNodes = await inner.evaluate(() => document.querySelectorAll('*').length);
  return { firstRowMs, allMs, heapBytes, domNodes };
}

/** Real-webview figures in the shape of bench/figure.ts. */
export async function measureRealWebview({ sizes = SIZES, runs = RUNS } = {}) {
  // Loaded as CommonJS, as the e2e tests load it, so its __dirname-relative paths hold.
  register();
  const { openBigSession } = createRequire(import.meta.url)('../test/e2e/bigSession.ts');
  const figures = [];
  for (const size of sizes) {
    const k = `${size / 1000}k`;
    const big = await openBigSession(size);
    const results = [];
    try {
      for (let i = 0; i < runs; i++) results.push(await oneRun(big.page, size));
    } finally {
      await big.close();
    }
    const s = (pick) => summarize(results.map(pick));
    figures.push(
      { id: `realWebview.${k}.firstRow`, label: `Timeline in code-server, ${k} events: Show Timeline to first row`, unit: 'ms', summary: s((r) => r.firstRowMs), spread: 'min-max', target: { op: '<', value: 300 },
        note: 'click on the palette command to the first .row.event as Playwright sees it (its polling included); VS Code\'s webview start-up and the host message included; code-server 4.100.3 in Debian Chromium' },
      { id: `realWebview.${k}.all`, label: `Timeline in code-server, ${k} events: Show Timeline to every row in`, unit: 'ms', summary: s((r) => r.allMs), spread: 'min-max' },
      { id: `realWebview.${k}.heap`, label: `Timeline in code-server, ${k} events: webview JS heap, all in`, unit: 'MB', summary: s((r) => r.heapBytes / 2 ** 20), spread: 'min-max', note: 'performance.memory.usedJSHeapSize in the webview frame (Chromium rounds it without --enable-precise-memory-info)' },
      { id: `realWebview.${k}.domNodes`, label: `Timeline in code-server, ${k} events: webview DOM nodes`, unit: 'nodes', summary: s((r) => r.domNodes), spread: 'min-max', target: { op: '<', value: 1000 } },
    );
  }
  return figures;
}
