/**
 * Entry point of the Timeline webview bundle (dist/webview.js). It says `ready` first, because
 * the host holds back its state until the page can receive it, then renders what arrives. The
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
const host = connectHost();
const root = document.getElementById('root') ?? document.body;
let view: TimelineView | undefined;
/**
 * The checklist, were it to come before the first `init` (the host answers `ready` with `init`):
 * it lives apart from the state. Other messages before `init` describe state the `init` replaces.
 */
let earlyChecklist: CarriedOverMessage | undefined;
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  const message = event.data;
  if (view) {
    view.handle(message);
    return;
  }
  if (message.type !== 'init') {
    if (message.type === 'carriedOver') earlyChecklist = message;
    return;
  }
  performance.mark('sj:init-received');
  useStrings(message.strings);
  view = new TimelineView(root, host);
  view.handle(message);
  if (earlyChecklist) view.handle(earlyChecklist);
  performance.mark('sj:init-rendered');
  // The frame that shows the first rows: its animation-frame callback runs just before it is painted.
  requestAnimationFrame(() => performance.mark('sj:first-frame'));
});
host.post({ type: 'ready' });
performance.mark('sj:ready-posted');
