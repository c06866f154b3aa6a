/* global document, performance, requestAnimationFrame, setTimeout, window -- functions passed to evaluate run in the browser */
// The Timeline where users see it: code-server's real webview, in Chromium, with a session of 10k
// and 50k events resumed by the extension (test/e2e/bigSession.ts). Timed from the press on
// "Session Journal: Show Timeline" in the command palette to the first frame with event rows,
// inside the pages (bench/webviewClock.mjs), and broken down into VS Code's steps and ours:
//   resolve     the host has the view: resolveWebviewView is called the first time it is shown,
//               later shows reuse the resolved view and fire its visibility change instead
//               (each run says which, `shown by`)                       (VS Code: view, webview, RPC)
//   page        the webview's content frame starts loading our HTML   (VS Code: html to the frame)
//   script      our script runs (webview.js and the CSS fetched)      (browser, our bundle's size)
//   ready       the host receives the script's `ready`                (VS Code: message to the host)
//   init        the host has posted `init` (snapshot built, sent)     (ours; its cost inside the host
//               is traced too, and how many `init`s each show sent: one unless VS Code dropped the first)
//   received    the webview receives `init`                           (VS Code: message to the frame)
//   first row   the frame that draws the first rows (its rAF)         (ours: the view built)
// Beside it, the floor: an extension showing a static webview view (bench/emptyWebviewView.mjs),
// in the same code-server, timed the same way to its first contentful paint. Each run starts from
// the Explorer, so the Timeline's page is created afresh (it is not retained when hidden).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { join } from 'node:path';
import { register } from 'tsx/cjs/api';
import { workbenchUrl } from '../scripts/codeServer.mjs';
import { EMPTY_VIEW_COMMAND, EMPTY_VIEW_EXTENSION_ID, writeEmptyWebviewExtension } from './emptyWebviewView.mjs';
import { summarize } from './statsJs.mjs';
import { clickCommand, frameTimes, hostSteps, waitForMark } from './webviewClock.mjs';

const SIZES = [10_000, 50_000];
const RUNS = 5;
const FLOOR_RUNS = 7;
const ROW_HEIGHT = 22;
const TIMELINE_IFRAME = 'iframe.webview[src*="extensionId=session-journal.session-journal"]';
const FLOOR_IFRAME = `iframe.webview[src*="extensionId=${EMPTY_VIEW_EXTENSION_ID}"]`;
/** The variable src/vscode/views/timelineTrace.ts reads; code-server passes it to the extension host. */
const TRACE_ENV = 'SESSION_JOURNAL_TIMELINE_TRACE';

function contentFrame(page, iframe) {
  return page.frameLocator(`${iframe}.ready`).frameLocator('iframe#active-frame');
}

/** Shows the Explorer and waits until the view is hidden (its page gone, unless the context is retained). */
async function hideView(page, iframe) {
  await clickCommand(page, 'View: Show Explorer');
  await page.locator(iframe).waitFor({ state: 'hidden', timeout: 30_000 });
}

/**
 * Switching away from the Timeline and back, the user's most common case: the press on Show
 * Timeline to the first frame in which the rows are on screen. That is the later of the frame in
 * which the workbench shows the webview's frame (a requestAnimationFrame loop in the workbench
 * page) and, when the page is built afresh, the frame that draws its first rows. Also the JS heap
 * the hidden view keeps (none when its page is discarded).
 */
async function reshowRun(page) {
  await hideView(page, TIMELINE_IFRAME);
  const kept = page.locator(`${TIMELINE_IFRAME}.ready`);
  let hiddenHeapBytes = 0;
  if ((await kept.count()) > 0) {
    // What the kept page holds, not the garbage it has not collected yet.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    hiddenHeapBytes = await contentFrame(page, TIMELINE_IFRAME).locator('body').evaluate(() => performance.memory?.usedJSHeapSize ?? Number.NaN);
  }
  await page.evaluate((selector) => {
    window.sjShownAt = new Promise((resolve) => {
      const check = () => {
        const el = document.querySelector(selector);
        if (el?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) resolve(performance.timeOrigin + performance.now());
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, `${TIMELINE_IFRAME}.ready`);
  const t0 = await clickCommand(page, 'Session Journal: Show Timeline');
  const body = contentFrame(page, TIMELINE_IFRAME).locator('body');
  await body.locator('.row.event').first().waitFor({ timeout: 60_000 });
  const shownAt = await page.evaluate(() => window.sjShownAt);
  const inner = await frameTimes(body);
  const drawnAt = inner.marks['sj:first-frame'] > t0 ? inner.marks['sj:first-frame'] : 0;
  return { reshow: Math.max(shownAt, drawnAt) - t0, hiddenHeapBytes };
}

/** Every host trace line stamped at or after `since`, in order: [step, epoch ms, detail]. */
function hostStepList(file, since) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').map((line) => line.split('\t')).filter(([step, time]) => step && Number(time) >= since).map(([step, time, detail]) => [step, Number(time), detail ?? '']);
}

/** The host's own time for the first `init` of a show: from the trace's detail (`snapshot x ms, in all y ms`). */
function initCost(detail) {
  const m = /snapshot ([\d.]+) ms, in all ([\d.]+) ms/.exec(detail ?? '');
  return m ? { snapshotMs: Number(m[1]), initMs: Number(m[2]) } : { snapshotMs: Number.NaN, initMs: Number.NaN };
}

/** How often the host answered `ready` each way (its trace's detail ends with the answer), e.g. `older-pages ×5`. */
function answerCounts(results) {
  const counts = new Map();
  for (const r of results) {
    const answer = r.readyAnswer.split(': ').pop();
    counts.set(answer, (counts.get(answer) ?? 0) + 1);
  }
  return [...counts].map(([answer, n]) => `${answer} ×${n}`).join(', ');
}

/** One cold show of the Timeline, broken down; every time in ms after the press. */
async function timelineRun(page, size, traceFile) {
  await hideView(page, TIMELINE_IFRAME);
  const t0 = await clickCommand(page, 'Session Journal: Show Timeline');
  const frame = contentFrame(page, TIMELINE_IFRAME);
  const body = frame.locator('body');
  await frame.locator('.row.event').first().waitFor({ timeout: 60_000 });
  await waitForMark(body, 'sj:first-frame');
  const inner = await frameTimes(body);
  const outerOrigin = await page.frameLocator(`${TIMELINE_IFRAME}.ready`).locator('body').evaluate(() => performance.timeOrigin);
  const host = hostSteps(traceFile, t0 - 1);
  // Every event has a row once the canvas is as tall as the events (plus hour headers).
  await frame.locator('.virtual-canvas').evaluate((el, want) => new Promise((resolve) => {
    const check = () => (el.getBoundingClientRect().height >= want ? resolve() : setTimeout(check, 20));
    check();
  }), size * ROW_HEIGHT);
  const allMs = performance.timeOrigin + performance.now() - t0;
  const after = await frameTimes(body);
  const steps = hostStepList(traceFile, t0 - 1);
  // The view is resolved the first time it is shown; afterwards the same view is shown again.
  const shownBy = host.resolve ? 'resolve' : host.shown ? 'visibility' : 'unknown';
  const viewAt = (host.resolve ?? host.shown)?.time;
  const since = (t) => (t === undefined ? Number.NaN : t - t0);
  const script = inner.resources.find((r) => r.name === 'webview.js');
  return {
    resolve: since(viewAt), shownBy, inits: steps.filter(([step]) => step === 'init-posted').length,
    readyAnswer: host.ready?.detail ?? 'no ready', ...initCost(host['init-posted']?.detail), outerFrame: since(outerOrigin), page: since(inner.origin),
    scriptLoaded: since(script?.end), script: since(inner.marks['sj:script']), readyPosted: since(inner.marks['sj:ready-posted']),
    ready: since(host.ready?.time), init: since(host['init-posted']?.time), pagesPosted: since(host['pages-posted']?.time),
    received: since(inner.marks['sj:init-received']), rendered: since(inner.marks['sj:init-rendered']),
    firstRow: since(inner.marks['sj:first-frame']), fcp: since(inner.paints['first-contentful-paint']),
    allMs, heapBytes: after.heapBytes, domNodes: after.domNodes, scriptBytes: script?.bytes ?? Number.NaN,
  };
}

/** One cold show of the empty view: press to its content frame, and to its first contentful paint. */
async function floorRun(page) {
  await hideView(page, FLOOR_IFRAME);
  const t0 = await clickCommand(page, EMPTY_VIEW_COMMAND);
  const body = contentFrame(page, FLOOR_IFRAME).locator('body');
  await body.locator('.row').waitFor({ timeout: 60_000 });
  await body.evaluate(() => new Promise((resolve) => {
    const check = () => (performance.getEntriesByName('first-contentful-paint').length ? resolve() : setTimeout(check, 5));
    check();
  }));
  const inner = await frameTimes(body);
  return { page: inner.origin - t0, fcp: inner.paints['first-contentful-paint'] - t0 };
}

/** The empty view in the same code-server: a window with only it as the development extension. */
async function measureFloor(big, runs) {
  const dir = writeEmptyWebviewExtension();
  try {
    await big.page.goto(workbenchUrl(big.server, { folder: big.workspace, extensionDevelopmentPath: dir }), { waitUntil: 'commit' });
    await big.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // Its container's icon shows once VS Code has read the extension: only then does the palette list its command.
    await big.page.locator('.activitybar [aria-label^="Empty Floor"]').first().waitFor({ timeout: 90_000 });
    // The first show activates the extension (the Timeline's extension is active before its first show).
    await clickCommand(big.page, EMPTY_VIEW_COMMAND);
    await contentFrame(big.page, FLOOR_IFRAME).locator('.row').waitFor({ timeout: 60_000 });
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await floorRun(big.page));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const STEPS = [
  ['resolve', 'the host has the view (resolveWebviewView, or the resolved view shown again)'], ['page', 'content frame starts loading our HTML'],
  ['script', 'our script runs'], ['ready', '`ready` received by the host'], ['init', '`init` posted by the host'],
  ['received', '`init` received by the webview'], ['firstRow', 'first frame with rows'],
];

/** Real-webview figures in the shape of bench/figure.ts. */
export async function measureRealWebview({ sizes = SIZES, runs = RUNS, reshowRuns = RUNS, floorRuns = FLOOR_RUNS, onRun = () => {} } = {}) {
  // Loaded as CommonJS, as the e2e tests load it, so its __dirname-relative paths hold.
  register();
  const { openBigSession } = createRequire(import.meta.url)('../test/e2e/bigSession.ts');
  const traceDir = mkdtempSync(join(tmpdir(), 'sj-trace-'));
  const traceFile = join(traceDir, 'timeline.trace');
  const previousTrace = process.env[TRACE_ENV];
  process.env[TRACE_ENV] = traceFile;
  const figures = [];
  let floor;
  try {
    for (const size of sizes) {
      const k = `${size / 1000}k`;
      const big = await openBigSession(size);
      const results = [];
      const reshows = [];
      try {
        for (let i = 0; i < runs; i++) {
          results.push(await timelineRun(big.page, size, traceFile));
          onRun(size, results.at(-1));
        }
        for (let i = 0; i < reshowRuns; i++) {
          reshows.push(await reshowRun(big.page));
          onRun(`${size} reshow`, reshows.at(-1));
        }
        if (!floor) {
          const floorResults = await measureFloor(big, floorRuns);
          for (const r of floorResults) onRun('floor', r);
          floor = summarize(floorResults.map((r) => r.fcp));
        }
      } finally {
        await big.close();
      }
      const s = (pick) => summarize(results.map(pick));
      const firstRow = s((r) => r.firstRow);
      const resolved = results.filter((r) => r.shownBy === 'resolve').length;
      const shownAgain = results.filter((r) => r.shownBy === 'visibility').length;
      figures.push(
        { id: `realWebview.${k}.firstRow`, label: `Timeline in code-server, ${k} events: Show Timeline to first row`, unit: 'ms', summary: firstRow, spread: 'min-max', target: { op: '<', value: 300 },
          note: 'press on the palette command (stamped in the workbench page) to the animation frame that draws the first rows (a mark in the webview); VS Code\'s webview start-up and the host messages included; code-server 4.100.3 in Debian Chromium' },
        ...STEPS.map(([step, what]) => ({ id: `realWebview.${k}.at.${step}`, label: `  ${k}: ${what}, after the press`, unit: 'ms', summary: s((r) => r[step]), spread: 'min-max',
          ...(step === 'resolve' ? { note: `resolveWebviewView in ${resolved} of ${results.length} runs, the resolved view shown again (onDidChangeVisibility) in ${shownAgain}: VS Code resolves a view once and keeps it while hidden, only its page is discarded` } : {}) })),
        { id: `realWebview.${k}.host.init`, label: `  ${k}: the host's own time for the first \`init\` (snapshot, window, post)`, unit: 'ms', summary: s((r) => r.initMs), spread: 'min-max',
          note: 'performance.now() inside the extension host, from the trace (src/vscode/views/timelineTrace.ts)' },
        { id: `realWebview.${k}.host.snapshot`, label: `  ${k}: of which the snapshot (effective events and summary)`, unit: 'ms', summary: s((r) => r.snapshotMs), spread: 'min-max' },
        { id: `realWebview.${k}.host.inits`, label: `  ${k}: \`init\` messages the host sent per show`, unit: 'inits', summary: s((r) => r.inits), spread: 'min-max', target: { op: '<', value: 2 },
          note: `one unless the page said at \`ready\` that it lacked the current one; the host's answers to \`ready\`: ${answerCounts(results)}` },
        { id: `realWebview.${k}.fcp`, label: `Timeline in code-server, ${k} events: Show Timeline to first contentful paint`, unit: 'ms', summary: s((r) => r.fcp), spread: 'min-max', note: 'the content frame\'s first-contentful-paint entry: the floor\'s method' },
        { id: `realWebview.${k}.ratio`, label: `Timeline in code-server, ${k} events: first paint / an empty webview view's`, unit: '×', summary: s((r) => r.fcp / floor.median), spread: 'min-max',
          note: `each run's first contentful paint over the empty view's median (${floor.median.toFixed(0)} ms)` },
        { id: `realWebview.${k}.all`, label: `Timeline in code-server, ${k} events: Show Timeline to every row in`, unit: 'ms', summary: s((r) => r.allMs), spread: 'min-max' },
        { id: `realWebview.${k}.heap`, label: `Timeline in code-server, ${k} events: webview JS heap, all in`, unit: 'MB', summary: s((r) => r.heapBytes / 2 ** 20), spread: 'min-max', note: 'performance.memory.usedJSHeapSize in the webview frame (Chromium rounds it without --enable-precise-memory-info)' },
        { id: `realWebview.${k}.reshow`, label: `Timeline in code-server, ${k} events: back to the Timeline from the Explorer, to rows on screen`, unit: 'ms', summary: summarize(reshows.map((r) => r.reshow)), spread: 'min-max',
          note: 'press to the later of the frame showing the webview (workbench rAF) and the frame drawing the rows (webview mark); the page is discarded when hidden, so this is a cold start' },
        { id: `realWebview.${k}.hiddenHeap`, label: `Timeline in code-server, ${k} events: webview JS heap kept while hidden`, unit: 'MB', summary: summarize(reshows.map((r) => r.hiddenHeapBytes / 2 ** 20)), spread: 'min-max', note: 'after a garbage collection (CDP HeapProfiler.collectGarbage); 0 when the page is discarded' },
        { id: `realWebview.${k}.domNodes`, label: `Timeline in code-server, ${k} events: webview DOM nodes`, unit: 'nodes', summary: s((r) => r.domNodes), spread: 'min-max', target: { op: '<', value: 1000 } },
      );
      if (size === sizes[0]) {
        figures.push({ id: 'realWebview.floor', label: 'Empty webview view in code-server: Show to first contentful paint (the floor)', unit: 'ms', summary: floor, spread: 'min-max',
          note: 'an extension whose view is one static element (bench/emptyWebviewView.mjs), in the same code-server, timed the same way' });
      }
    }
  } finally {
    if (previousTrace === undefined) delete process.env[TRACE_ENV];
    else process.env[TRACE_ENV] = previousTrace;
    rmSync(traceDir, { recursive: true, force: true });
  }
  return figures;
}
