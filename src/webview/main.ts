/**
 * Entry point of the Timeline webview bundle (dist/webview.js). The host posts the newest window
 * (`init`) as the page loads; VS Code delivers it once the page has loaded, or, now and then,
 * drops it. So the page says `ready` when it knows which: as that `init` arrives (naming it), or,
 * without one, once what VS Code handed it at `load` has been delivered (see {@link LOADED}); the
 * host sends the session again only in that case. The
 * view is built on the first `init`, which carries the texts in the UI language.
 *
 * The page's start-up steps are left as performance marks (`sj:*`, a few microseconds each) so
 * bench/realWebview.mjs can time them inside the page, with no polling from outside.
 */
import type { CarriedOverMessage } from '../shared/protocol';
import { isHostMessage } from '../shared/protocol';
import { useStrings } from './strings';
import { TimelineView } from './timelineView';
import { connectHost } from './vscodeApi';

performance.mark('sj:script');
// The icon font is otherwise fetched only when the first rows are laid out: that layout then
// looks up fallbacks for the icons, draws them blank (font-display: block), and the whole list
// is laid out and painted again when the font arrives, in the middle of the older pages
// streaming in. Asked for now, it arrives while the page waits for its `init`.
void document.fonts.load('16px codicon');
const host = connectHost();
const root = document.getElementById('root') ?? document.body;
let view: TimelineView | undefined;
/**
 * The checklist, were it to come before the first `init`: it lives apart from the state. Other
 * messages before `init` describe state the `init` replaces.
 */
let earlyChecklist: CarriedOverMessage | undefined;
/** Show Timeline's focusList, were it to come before the first `init` (the host sends it after one). */
let earlyFocus = false;
let readySent = false;
/**
 * VS Code's outer frame posts the messages it kept for the page from its own `load` listener on
 * the page's window, which runs before ours. Posted from ours, this marker is a task of the same
 * source on the same window, so it arrives after them: when it does, no `init` is on its way.
 */
const LOADED = 'sj:loaded';

/** Says `ready` once, with the generation of the `init` held, if any. */
function sayReady(initGeneration?: number): void {
  if (readySent) return;
  readySent = true;
  host.post(initGeneration === undefined ? { type: 'ready' } : { type: 'ready', initGeneration });
  performance.mark('sj:ready-posted');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source === window && event.data === LOADED) {
    sayReady();
    return;
  }
  if (!isHostMessage(event.data)) return;
  const message = event.data;
  if (view) {
    view.handle(message);
    return;
  }
  if (message.type !== 'init') {
    if (message.type === 'carriedOver') earlyChecklist = message;
    if (message.type === 'focusList') earlyFocus = true;
    return;
  }
  performance.mark('sj:init-received');
  // First, so the host starts on the older pages while this one draws.
  sayReady(message.generation);
  useStrings(message.strings);
  view = new TimelineView(root, host);
  view.handle(message);
  if (earlyChecklist) view.handle(earlyChecklist);
  if (earlyFocus) view.handle({ type: 'focusList' });
  performance.mark('sj:init-rendered');
  // The frame that shows the first rows: its animation-frame callback runs just before it is painted.
  requestAnimationFrame(() => performance.mark('sj:first-frame'));
});
const markLoaded = (): void => {
  try {
    window.postMessage(LOADED, window.origin);
  } catch {
    // Without the marker the page cannot tell: it says it holds nothing, and gets the session again.
    sayReady();
  }
};
if (document.readyState === 'complete') markLoaded();
else window.addEventListener('load', markLoaded, { once: true });
