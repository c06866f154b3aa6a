import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type {
  CarriedOverMessage,
  HostToWebviewMessage,
  TimelineChange,
  TimelineOrder,
  TimelineState,
  WebviewToHostMessage,
} from '../../shared/protocol';
import { pageEvents } from '../../shared/eventPages';
import { isWebviewMessage } from '../../shared/protocol';
import { timelinePageHtml } from '../../shared/timelinePage';
import { webviewStrings } from '../../shared/webviewStrings';
import type { TimelineTrace } from './timelineTrace';

export type { TimelineChange, TimelineState } from '../../shared/protocol';

/** What the Timeline view shows, and how it learns that it changed. Implemented by TimelineFeed, which batches the appends. */
export interface TimelineSource {
  snapshot(): TimelineState;
  readonly onDidChange: vscode.Event<TimelineChange>;
}

/**
 * Where the view's page is. `loading`: its HTML is set and its script has not said `ready` yet;
 * messages posted now are normally kept by VS Code and delivered once the page has loaded, so
 * the host sends the session then, without waiting for the `ready` round trip (it answers
 * `ready` too, see {@link TimelineViewProvider.onWebviewMessage}). `live`: the page said `ready`.
 * `none`: no page (hidden and discarded).
 */
type PageState = 'none' | 'loading' | 'live';

/**
 * Hosts the Timeline webview in the activity bar: serves its HTML under a strict CSP, sends it
 * the session (as the page loads, then batched live changes), and hands every message from it,
 * once validated, to whoever listens on {@link onMessage}.
 */
export class TimelineViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'sessionJournal.timeline';
  /**
   * How the view is registered. The page is discarded when the view is hidden and built afresh
   * when shown; the provider relies on it (see {@link onVisibility}).
   */
  static readonly webviewOptions = { retainContextWhenHidden: false } as const;

  private readonly messages = new vscode.EventEmitter<WebviewToHostMessage>();
  /** Messages from the webview that passed {@link isWebviewMessage}; anything else is dropped. */
  readonly onMessage: vscode.Event<WebviewToHostMessage> = this.messages.event;

  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  private view: vscode.WebviewView | undefined;
  private page: PageState = 'none';
  /** Older pages and the live changes after them, posted one per task (see {@link drainOutbox}). */
  private outbox: HostToWebviewMessage[] = [];
  private draining: ReturnType<typeof setTimeout> | undefined;
  private rejected = 0;
  /** The header's carried-over checklist, kept to send again to a page that reloads. */
  private carriedOver: CarriedOverMessage | undefined;
  private generation = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: TimelineSource,
    /** Start-up steps, for bench/realWebview.mjs; absent for users. */
    private readonly trace?: TimelineTrace,
  ) {
    this.disposables.push(
      this.messages,
      source.onDidChange((change) => this.onChange(change)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sessionJournal.timeline.order')) this.sendInit();
      }),
    );
  }

  /** Shows the carried-over checklist (CarriedOverService sends it), now and after every `init`. */
  showCarriedOver(message: CarriedOverMessage): void {
    this.carriedOver = message;
    this.send(message);
  }

  /** How many malformed messages the webview sent (kept for diagnostics and tests). */
  get rejectedMessages(): number {
    return this.rejected;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.trace?.('resolve');
    this.disposeView();
    this.view = view;
    const roots = [
      vscode.Uri.joinPath(this.extensionUri, 'media'),
      vscode.Uri.joinPath(this.extensionUri, 'dist'),
      vscode.Uri.joinPath(this.extensionUri, 'dist', 'codicons'),
    ];
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    view.webview.html = this.html(view.webview);
    this.trace?.('html-set');
    this.page = 'loading';
    this.sendInit('first-window');
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => this.onWebviewMessage(message)),
      // Hidden, the page is discarded (retainContextWhenHidden is off) and nothing is posted;
      // shown again, VS Code loads the page afresh, and the session goes to it as it loads.
      view.onDidChangeVisibility(() => this.onVisibility(view)),
      view.onDidDispose(() => {
        if (this.view === view) this.disposeView();
      }),
    );
  }

  dispose(): void {
    this.disposeView();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private onWebviewMessage(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.rejected++;
      return;
    }
    if (message.type === 'ready') {
      this.trace?.('ready');
      // Sent again even to a page that was loading when the first one was posted: VS Code drops
      // what it queued for a page whose content it loads a second time (the first show lost it in
      // the e2e and in bench/realWebview.mjs, and some re-shows), and the webview cannot yet say
      // which `init` it holds. It draws the first it gets; the repeat (one window) replaces it.
      this.page = 'live';
      this.sendInit();
    }
    this.messages.fire(message);
  }

  /** A kept page (retained context) is kept up to date while hidden; a discarded one is reloaded when shown. */
  private onVisibility(view: vscode.WebviewView): void {
    if (TimelineViewProvider.webviewOptions.retainContextWhenHidden) return;
    this.page = view.visible ? 'loading' : 'none';
    if (view.visible) this.sendInit('first-window');
    else this.clearOutbox();
  }

  private onChange(change: TimelineChange): void {
    if (!this.canPost()) return; // the next show (or `ready`) brings a full snapshot
    switch (change.type) {
      case 'append':
        // Already batched by the source (TimelineFeed): one timer from the journal to the webview.
        this.send({ type: 'append', events: change.events, summary: change.summary });
        return;
      case 'reset':
        this.post({ type: 'reset' });
        this.sendInit();
        return;
    }
  }

  /**
   * The newest events first, so the first screen does not wait for the whole session, then
   * (unless only the first window is asked for) the older ones page by page, each posted in a
   * task of its own: the extension host writes its messages to VS Code once the running task
   * ends, so pages posted in the same task would hold the `init` back until all of them were
   * serialised (over 400 ms at 50,000 events, bench/realWebview.mjs).
   * Live appends queue behind the pages, so the webview still gets everything in order.
   */
  private sendInit(extent: 'first-window' | 'all' = 'all'): void {
    if (!this.canPost()) return;
    this.clearOutbox();
    const snapshot = this.source.snapshot();
    const pages = pageEvents(snapshot.events);
    const generation = ++this.generation;
    this.post({
      type: 'init',
      summary: snapshot.summary,
      events: pages.first,
      total: snapshot.events.length,
      generation,
      trusted: snapshot.trusted,
      notices: snapshot.notices,
      settings: { order: readOrder() },
      strings: webviewStrings(vscode.l10n),
    });
    this.trace?.('init-posted', `${pages.first.length} of ${snapshot.events.length}`);
    // The checklist lives at the session's start, which the first window may not hold: right after it.
    if (this.carriedOver) this.post(this.carriedOver);
    // The early `init` to a loading page goes alone: were it dropped, its pages would sit in
    // VS Code's queue ahead of the `init` that answers `ready` (seconds at 50,000 events).
    if (extent === 'first-window') return;
    let remaining = snapshot.events.length - pages.first.length;
    for (const events of pages.older) {
      remaining -= events.length;
      this.outbox.push({ type: 'older', generation, events, remaining });
    }
    this.drainOutbox();
  }

  /** Posts now, unless older pages are still queued: then after them, so the order holds. */
  private send(message: HostToWebviewMessage): void {
    if (this.outbox.length > 0) this.outbox.push(message);
    else this.post(message);
  }

  /** Posts the next queued message in a task of its own, until the queue is empty. */
  private drainOutbox(): void {
    if (this.draining || this.outbox.length === 0) return;
    this.draining = setTimeout(() => {
      this.draining = undefined;
      const message = this.outbox.shift();
      if (message) this.post(message);
      if (this.outbox.length === 0) this.trace?.('pages-posted');
      this.drainOutbox();
    }, 0);
  }

  private clearOutbox(): void {
    this.outbox = [];
    if (this.draining) clearTimeout(this.draining);
    this.draining = undefined;
  }

  /** A page exists (loading or live) and is shown: what is posted now reaches it. */
  private canPost(): boolean {
    return this.page !== 'none' && (this.view?.visible === true || TimelineViewProvider.webviewOptions.retainContextWhenHidden);
  }

  private post(message: HostToWebviewMessage): void {
    if (!this.view || !this.canPost()) return;
    void this.view.webview.postMessage(message);
  }

  private disposeView(): void {
    this.page = 'none';
    this.clearOutbox();
    this.view = undefined;
    for (const d of this.viewDisposables.splice(0)) d.dispose();
  }

  private html(webview: vscode.Webview): string {
    const uri = (...segments: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...segments)).toString();
    return timelinePageHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      styles: [uri('dist', 'codicons', 'codicon.css'), uri('media', 'timeline.css')],
      scripts: [uri('dist', 'webview.js')],
      lang: vscode.env.language,
      title: vscode.l10n.t('Timeline'),
    });
  }
}

/** The `sessionJournal.timeline.order` setting, defaulting to newest first for anything unexpected. */
function readOrder(): TimelineOrder {
  const value = vscode.workspace.getConfiguration('sessionJournal').get<string>('timeline.order');
  return value === 'oldest-first' ? 'oldest-first' : 'newest-first';
}
