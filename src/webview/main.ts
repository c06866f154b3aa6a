/**
 * Entry point of the Timeline webview bundle (dist/webview.js). It says `ready` first, because
 * the host holds back its state until the page can receive it, then renders what arrives.
 */
import { isHostMessage } from '../shared/protocol';
import { TimelineView } from './timelineView';
import { connectHost } from './vscodeApi';

const host = connectHost();
const root = document.getElementById('root') ?? document.body;
const view = new TimelineView(root, host);
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) view.handle(event.data);
});
host.post({ type: 'ready' });
