/* global window, document, requestAnimationFrame, MessageEvent, MessageChannel, performance, setTimeout -- functions passed to page.evaluate run in the browser */
// The Timeline webview in headless Chromium: the first render of 10k events (through
// scripts/previewWebview.mjs's own measurement, repeated) and 1,000 live appends one message at
// a time into that 10k-event list, the way a busy session feeds the view.
import { largeSession, measureFirstRender, openPreview } from '../scripts/previewWebview.mjs';
import { summarize } from './statsJs.mjs';

const RENDER_RUNS = 5;
const APPEND_RUNS = 3;
const APPENDS = 1000;

/**
 * Appends `count` events, one `append` message each, into a view that holds `events` already.
 * Each message's handling is timed synchronously; between messages the page gets a macrotask
 * turn (as separate postMessage deliveries would), and a frame counter records the worst gap.
 */
async function measureAppendRun({ events = 10_000, count = APPENDS } = {}) {
  const init = { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], ...largeSession(events) };
  const { page, problems, close } = await openPreview({ init });
  try {
    const result = await page.evaluate(async (count) => {
      const template = window.__init.events.filter((e) => e.kind !== 'session-start');
      const handle = [];
      // Real host messages arrive as separate tasks; a MessageChannel hop is one task without setTimeout's 4 ms clamp.
      const channel = new MessageChannel();
      const nextTask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
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
      for (let i = 0; i < count; i++) {
        const e = { ...template[i % template.length], id: `live${i}`, time: Date.now() };
        const h0 = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: { type: 'append', events: [e], summary: window.__init.summary } }));
        handle.push(performance.now() - h0);
        await nextTask();
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const totalMs = performance.now() - t0;
      running = false;
      return { handle, totalMs, worstFrameGapMs: worst, domNodes: document.querySelectorAll('*').length };
    }, count);
    return { ...result, problems };
  } finally {
    await close();
  }
}

/** All webview figures, in the shape of bench/figure.ts. */
export async function measureWebview() {
  const renders = [];
  for (let i = 0; i < RENDER_RUNS; i++) renders.push(await measureFirstRender({ events: 10_000 }));
  const appends = [];
  for (let i = 0; i < APPEND_RUNS; i++) appends.push(await measureAppendRun());
  const problems = [...new Set([...renders, ...appends].flatMap((r) => r.problems))];
  const perAppend = appends.map((a) => summarize(a.handle));
  return [
    { id: 'webview.firstRender', label: 'Timeline webview, 10k events: init handled', unit: 'ms', summary: summarize(renders.map((r) => r.firstRenderMs)), spread: 'min-max' },
    { id: 'webview.firstFrame', label: 'Timeline webview, 10k events: first frame drawn', unit: 'ms', summary: summarize(renders.map((r) => r.firstFrameMs)), spread: 'min-max', target: { op: '<', value: 200 }, note: problems.length ? `page problems: ${problems.join(' | ').slice(0, 300)}` : 'headless Chromium, 360×800, newest-first' },
    { id: 'webview.domNodes', label: 'Timeline webview, 10k events: DOM nodes', unit: 'nodes', summary: summarize(renders.map((r) => r.domNodes)), spread: 'min-max', target: { op: '<', value: 1000 } },
    { id: 'webview.append.p50', label: '1,000 appends one at a time: handling per append, median', unit: 'ms', summary: summarize(perAppend.map((s) => s.median)), spread: 'min-max' },
    { id: 'webview.append.p99', label: '1,000 appends one at a time: handling per append, p99', unit: 'ms', summary: summarize(perAppend.map((s) => s.p99)), spread: 'min-max' },
    { id: 'webview.append.total', label: '1,000 appends one at a time: wall time', unit: 'ms', summary: summarize(appends.map((a) => a.totalMs)), spread: 'min-max', note: 'into a 10k-event list; one macrotask turn between messages' },
    { id: 'webview.append.worstFrame', label: '1,000 appends: worst gap between frames', unit: 'ms', summary: summarize(appends.map((a) => a.worstFrameGapMs)), spread: 'min-max' },
    { id: 'webview.append.domNodes', label: '1,000 appends: DOM nodes after', unit: 'nodes', summary: summarize(appends.map((a) => a.domNodes)), spread: 'min-max', target: { op: '<', value: 1000 } },
  ];
}
