/* global document, performance, window, requestAnimationFrame -- functions passed to evaluate run in the browser */
// Timing a webview view from inside the pages, on one clock: the click is stamped by a listener in
// the workbench page, the webview's steps by performance entries in its own frame, the extension
// host's by its trace file (src/vscode/views/timelineTrace.ts), all as epoch milliseconds
// (performance.timeOrigin + performance.now(), the same system clock in every process on the
// machine). Nothing is timed by polling from Playwright, whose round trips would be counted.
import { readFileSync } from 'node:fs';

/**
 * Runs a palette command by clicking its row and returns the time of the mouse press on it, as
 * the workbench page stamped it (the palette's own opening and typing not counted).
 */
export async function clickCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') && document.activeElement.value === '>');
  await page.keyboard.type(title, { delay: 5 });
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).first();
  await row.waitFor();
  await page.evaluate(() => {
    window.sjPressedAt = undefined;
    document.addEventListener('mousedown', () => { window.sjPressedAt = performance.timeOrigin + performance.now(); }, { capture: true, once: true });
  });
  await row.click();
  return page.evaluate(() => window.sjPressedAt);
}

/** Waits for a performance mark in the frame of `locator` (a mark, not a poll, gives its time). */
export async function waitForMark(locator, name) {
  await locator.evaluate((_, mark) => new Promise((resolve) => {
    const check = () => (performance.getEntriesByName(mark).length ? resolve() : requestAnimationFrame(check));
    check();
  }), name);
}

/** The start-up of the frame holding `locator`: its origin, marks, first paints, resources and heap, in epoch ms. */
export function frameTimes(locator) {
  return locator.evaluate(() => {
    const at = (t) => performance.timeOrigin + t;
    const marks = {};
    for (const m of performance.getEntriesByType('mark')) marks[m.name] ??= at(m.startTime);
    const paints = {};
    for (const p of performance.getEntriesByType('paint')) paints[p.name] = at(p.startTime);
    const resources = performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('?')[0].split('/').pop(), fetchStart: at(r.fetchStart), end: at(r.responseEnd), bytes: r.encodedBodySize }));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      origin: performance.timeOrigin, marks, paints, resources,
      domContentLoaded: nav ? at(nav.domContentLoadedEventEnd) : Number.NaN,
      heapBytes: performance.memory?.usedJSHeapSize ?? Number.NaN,
      domNodes: document.querySelectorAll('*').length,
    };
  });
}

/** The extension host's trace lines (`step<TAB>epoch ms<TAB>detail`) stamped at or after `since`. */
export function hostSteps(file, since) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const steps = {};
  for (const line of text.split('\n')) {
    const [step, time, detail] = line.split('\t');
    const t = Number(time);
    if (step && t >= since && !(step in steps)) steps[step] = { time: t, detail };
  }
  return steps;
}
