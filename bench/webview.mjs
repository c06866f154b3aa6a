/* global window, document, requestAnimationFrame, MessageEvent, MessageChannel, performance, setTimeout -- functions passed to page.evaluate run in the browser */
// The Timeline webview in headless Chromium (standalone page, fake host, no VS Code): the first
// frame at 10k and 50k events, delivered as the view provider sends them (the newest events, then
// older pages); the whole session streamed in (time, worst frame gap, JS heap); and live appends
// into a 50k list, one message at a time and a burst of 1,000 in one message.
import { tsImport } from 'tsx/esm/api';
import { largeSession, measureFirstRender, measureFirstScreenFloor, openPreview } from '../scripts/previewWebview.mjs';
import { summarize } from './statsJs.mjs';

const { StripCounts } = await tsImport('../src/webview/stripBuckets.ts', import.meta.url);

const RENDER_RUNS = 5;
const APPEND_RUNS = 3;
const APPENDS = 1000;
const SIZES = [10_000, 50_000];

/**
 * Appends `count` events into a view holding `events` (all pages in), either one `append` message
 * each (`burst: false`: each handling timed; a macrotask turn between messages, as separate
 * postMessage deliveries give) or all in one message. A frame counter records the worst gap.
 */
async function measureAppendRun({ events = 50_000, count = APPENDS, burst = false, idleMs = 0 } = {}) {
  const init = { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], ...largeSession(events) };
  const { page, problems, close } = await openPreview({ init });
  try {
    const result = await page.evaluate(async ({ count, burst, idleMs }) => {
      const template = window.__init.events.filter((e) => e.kind !== 'session-start');
      const handle = [];
      // Real host messages arrive as separate tasks; a MessageChannel hop is one task without setTimeout's 4 ms clamp.
      const channel = new MessageChannel();
      const nextTask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
      const live = (i) => ({ ...template[i % template.length], id: `live${i}`, time: Date.now() });
      const send = (events) => {
        const h0 = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: { type: 'append', events, summary: window.__init.summary } }));
        handle.push(performance.now() - h0);
      };
      // Settle: start measuring from a quiet page.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      let last = performance.now();
      let worst = 0;
      let running = true;
      const onFrame = (t) => {
        worst = Math.max(worst, t - last);
        last = t;
        if (running) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      const t0 = performance.now();
      if (idleMs > 0) {
        // The floor: the same page sent nothing, its frames watched as long as the appends took.
        await new Promise((r) => setTimeout(r, idleMs));
      } else if (burst) {
        send(Array.from({ length: count }, (_, i) => live(i)));
      } else {
        for (let i = 0; i < count; i++) {
          send([live(i)]);
          await nextTask();
        }
      }
      // Two frames: the list update scheduled by the last message, then one more to see its gap.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
      const totalMs = performance.now() - t0;
      running = false;
      return {
        handle, totalMs, worstFrameGapMs: worst, domNodes: document.querySelectorAll('*').length, shown: document.querySelectorAll('.row.event').length,
        stripNodes: document.querySelectorAll('.strip *').length, heapBytes: performance.memory?.usedJSHeapSize ?? Number.NaN,
      };
    }, { count, burst, idleMs });
    if (result.shown === 0) throw new Error('no event rows after the appends');
    return { ...result, problems };
  } finally {
    await close();
  }
}

const mb = (bytes) => bytes / 2 ** 20;

const STRIP_RUNS = 7;
const STRIP_COLUMNS = 96;

/**
 * The session strip's own work, in Node (the same code the webview runs): counting a whole
 * session into per-second sums and cutting them into the strip's 96 columns, and then one live
 * event added and the columns cut again, as each frame of live appends does. Its DOM part (kept
 * rectangles, changed only where a column changed) is inside the frame-gap figures.
 */
function measureStrip(size) {
  const { events, summary } = largeSession(size);
  const build = [];
  const append = [];
  for (let run = 0; run < STRIP_RUNS; run++) {
    const t0 = performance.now();
    const counts = new StripCounts();
    for (let i = 0; i < events.length; i += 1000) counts.add(events.slice(Math.max(0, events.length - i - 1000), events.length - i));
    counts.buckets(summary.start, Date.now(), STRIP_COLUMNS);
    build.push(performance.now() - t0);
    const live = [];
    for (let i = 0; i < 200; i++) {
      const a0 = performance.now();
      counts.add([{ ...events[events.length - 1], id: `live${i}`, time: Date.now() + i * 10 }]);
      counts.buckets(summary.start, Date.now() + i * 10, STRIP_COLUMNS);
      live.push(performance.now() - a0);
    }
    append.push(summarize(live).median);
  }
  return { build: summarize(build), append: summarize(append) };
}

/** All webview figures, in the shape of bench/figure.ts. */
export async function measureWebview() {
  const figures = [];
  const problems = new Set();
  for (const size of SIZES) {
    const k = `${size / 1000}k`;
    // The webview's runs and its floor's, alternated so a machine slowing down weighs on both alike.
    const { firstScreen } = await measureFirstRender({ events: size, captureFirstScreen: true });
    const renders = [];
    const floors = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      const render = await measureFirstRender({ events: size });
      renders.push(render);
      floors.push(await measureFirstScreenFloor({ events: size, firstScreen, watchMs: render.allLoadedMs - render.firstFrameMs }));
    }
    for (const r of renders) for (const p of r.problems) problems.add(p);
    const s = (pick) => summarize(renders.map(pick));
    const floor = summarize(floors.map((f) => f.firstFrameMs));
    const floorGap = summarize(floors.map((f) => f.idleWorstFrameGapMs));
    figures.push(
      { id: `webview.${k}.firstRender`, label: `Timeline webview, ${k} events: init handled`, unit: 'ms', summary: s((r) => r.firstRenderMs), spread: 'min-max', note: 'the init message carries the newest 200 events (shared/eventPages.ts)' },
      { id: `webview.${k}.firstFrame`, label: `Timeline webview, ${k} events: first frame drawn`, unit: 'ms', summary: s((r) => r.firstFrameMs), spread: 'min-max', target: { op: '<', value: size > 10_000 ? 100 : 200 }, note: 'headless Chromium, 360×800, newest-first, standalone page (no VS Code): see realWebview for the figure in code-server' },
      { id: `webview.${k}.firstFrameFloor`, label: `The same first screen as static HTML, ${k} events' page: first frame drawn (the floor)`, unit: 'ms', summary: floor, spread: 'min-max', note: 'the HTML the webview drew, inserted at the moment init would arrive, in a fresh page with the same stylesheets and session data: the browser\'s own style, first use of the fonts, layout and paint, none of the webview\'s code (scripts/previewWebview.mjs, writeFloorPage)' },
      { id: `webview.${k}.firstFrameRatio`, label: `Timeline webview, ${k} events: first frame / the floor's`, unit: '×', summary: s((r) => r.firstFrameMs / floor.median), spread: 'min-max', note: `each run's first frame over the floor's median (${floor.median.toFixed(0)} ms)` },
      { id: `webview.${k}.allLoaded`, label: `Timeline webview, ${k} events: every older page in and drawn`, unit: 'ms', summary: s((r) => r.allLoadedMs), spread: 'min-max', note: 'the host posts pages of 1,000, each its own message task; the webview takes them in chunks of 200 for 4 ms a frame (src/webview/olderQueue.ts)' },
      { id: `webview.${k}.streamGap`, label: `Timeline webview, ${k} events: worst frame gap while pages stream`, unit: 'ms', summary: s((r) => r.streamWorstFrameGapMs), spread: 'min-max', target: { op: '<', value: 33 }, note: 'from the first frame painted (it has its own figure above) until every page is in and drawn' },
      { id: `webview.${k}.streamGapFloor`, label: `The floor page, ${k}: worst frame gap over as long as the pages streamed`, unit: 'ms', summary: floorGap, spread: 'min-max', note: 'the static first screen with nothing more to do, frames watched from its first one for as long as the webview run before it took to stream its pages in: what the browser alone shows (the icon font arriving and laid out, the machine)' },
      { id: `webview.${k}.streamGapRatio`, label: `Timeline webview, ${k} events: worst gap while pages stream / the floor page's`, unit: '×', summary: s((r) => r.streamWorstFrameGapMs / floorGap.median), spread: 'min-max', note: 'each run\'s worst gap over the floor page\'s median' },
      { id: `webview.${k}.heap`, label: `Timeline webview, ${k} events: JS heap, all in`, unit: 'MB', summary: s((r) => mb(r.heapBytes)), spread: 'min-max', note: 'performance.memory.usedJSHeapSize (--enable-precise-memory-info), no GC forced' },
      { id: `webview.${k}.domNodes`, label: `Timeline webview, ${k} events: DOM nodes`, unit: 'nodes', summary: s((r) => r.domNodes), spread: 'min-max', target: { op: '<', value: 1000 } },
    );
  }
  for (const size of SIZES) {
    const k = `${size / 1000}k`;
    const strip = measureStrip(size);
    figures.push(
      { id: `webview.${k}.stripBuild`, label: `Session strip, ${k} events: counted (in pages, as streamed) and cut into 96 columns`, unit: 'ms', summary: strip.build, spread: 'min-max', note: 'Node, the webview\'s own StripCounts; the DOM part is in the frame figures' },
      { id: `webview.${k}.stripAppend`, label: `Session strip, ${k} events: one live event counted and the columns cut again`, unit: 'ms', summary: strip.append, spread: 'min-max', note: 'median of 200 per run; once a frame during live appends' },
    );
  }
  const singles = [];
  const idles = [];
  for (let i = 0; i < APPEND_RUNS; i++) {
    const single = await measureAppendRun();
    singles.push(single);
    idles.push(await measureAppendRun({ idleMs: single.totalMs }));
  }
  const bursts = [];
  for (let i = 0; i < APPEND_RUNS; i++) bursts.push(await measureAppendRun({ burst: true }));
  for (const r of [...singles, ...bursts]) for (const p of r.problems) problems.add(p);
  const perAppend = singles.map((a) => summarize(a.handle));
  const idleGap = summarize(idles.map((a) => a.worstFrameGapMs));
  if (problems.size) figures[1].note += `; page problems: ${[...problems].join(' | ').slice(0, 300)}`;
  return [
    ...figures,
    { id: 'webview.append.p50', label: '1,000 appends one at a time into 50k: handling per append, median', unit: 'ms', summary: summarize(perAppend.map((s) => s.median)), spread: 'min-max' },
    { id: 'webview.append.p99', label: '1,000 appends one at a time into 50k: handling per append, p99', unit: 'ms', summary: summarize(perAppend.map((s) => s.p99)), spread: 'min-max', note: 'the message only keeps its events; the next frame takes in all appends since the last one, so that work is in the worst-gap figure below' },
    { id: 'webview.append.total', label: '1,000 appends one at a time into 50k: wall time', unit: 'ms', summary: summarize(singles.map((a) => a.totalMs)), spread: 'min-max', note: 'one macrotask turn between messages' },
    { id: 'webview.append.worstFrame', label: '1,000 appends one at a time into 50k: worst gap between frames', unit: 'ms', summary: summarize(singles.map((a) => a.worstFrameGapMs)), spread: 'min-max', target: { op: '<', value: 33 } },
    { id: 'webview.append.idleWorstFrame', label: 'The same 50k page sent nothing: worst gap between frames over as long as the appends took (the floor)', unit: 'ms', summary: idleGap, spread: 'min-max', note: 'each run watched for the wall time of the append run before it: the gaps the page and the machine show with no work of ours' },
    { id: 'webview.append.idleRatio', label: '1,000 appends one at a time into 50k: worst gap / the floor\'s', unit: '×', summary: summarize(singles.map((a) => a.worstFrameGapMs / idleGap.median)), spread: 'min-max', note: 'each run\'s worst gap over the idle page\'s median: 2.0 is one frame missed' },
    { id: 'webview.burst.handle', label: 'A burst of 1,000 in one message into 50k: handling', unit: 'ms', summary: summarize(bursts.map((a) => a.handle[0])), spread: 'min-max' },
    { id: 'webview.burst.worstFrame', label: 'A burst of 1,000 in one message into 50k: worst gap between frames', unit: 'ms', summary: summarize(bursts.map((a) => a.worstFrameGapMs)), spread: 'min-max', target: { op: '<', value: 33 } },
    { id: 'webview.append.domNodes', label: 'After the appends: DOM nodes', unit: 'nodes', summary: summarize(singles.map((a) => a.domNodes)), spread: 'min-max', target: { op: '<', value: 1000 } },
    { id: 'webview.append.stripNodes', label: 'After the appends: DOM nodes of the session strip (of those)', unit: 'nodes', summary: summarize(singles.map((a) => a.stripNodes)), spread: 'min-max', note: 'a rectangle and its hover text per lane and column with events: at most 96 × lanes × 2' },
    { id: 'webview.append.heap', label: 'After 1,000 appends into 50k: JS heap', unit: 'MB', summary: summarize(singles.map((a) => mb(a.heapBytes))), spread: 'min-max', note: 'performance.memory.usedJSHeapSize, no GC forced; the page also holds the 50k session as the fake host\'s data' },
    { id: 'webview.burst.heap', label: 'After a burst of 1,000 into 50k: JS heap', unit: 'MB', summary: summarize(bursts.map((a) => mb(a.heapBytes))), spread: 'min-max' },
  ];
}
