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
 * Hosts the Timeline webview in the activity bar: serves its HTML under a strict CSP, sends it
 * the session (a snapshot when it says `ready`, then batched live changes), and hands every
 * message from it, once validated, to whoever listens on {@link onMessage}.
 */
export class TimelineViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'sessionJournal.timeline';

  private readonly messages = new vscode.EventEmitter<WebviewToHostMessage>();
  /** Messages from the webview that passed {@link isWebviewMessage}; anything else is dropped. */
  readonly onMessage: vscode.Event<WebviewToHostMessage> = this.messages.event;

  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  private view: vscode.WebviewView | undefined;
  /** True from the webview's first `ready` until the view is disposed: before that, posts would be lost. */
  private ready = false;
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
    this.post(message);
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
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => this.onWebviewMessage(message)),
      // Nothing is posted while hidden. Shown again, a page that was kept (retainContextWhenHidden)
      // needs the state it missed; a page that was discarded reloads and asks with `ready` anyway.
      view.onDidChangeVisibility(() => {
        if (view.visible) this.sendInit();
      }),
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
      this.ready = true;
      this.sendInit();
    }
    this.messages.fire(message);
  }

  private onChange(change: TimelineChange): void {
    if (!this.ready || !this.view?.visible) return; // the next `ready` or show brings a full snapshot
    switch (change.type) {
      case 'append':
        // Already batched by the source (TimelineFeed): one timer from the journal to the webview.
        this.post({ type: 'append', events: change.events, summary: change.summary });
        return;
      case 'reset':
        this.post({ type: 'reset' });
        this.sendInit();
        return;
    }
  }

  /**
   * The newest events first, so the first screen does not wait for the whole session, then the
   * older ones page by page. All are posted now, in order: the webview takes each message as its
   * own task, with frames in between, and live appends posted later arrive after the last page.
   */
  private sendInit(): void {
    if (!this.ready) return;
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
    let remaining = snapshot.events.length - pages.first.length;
    for (const events of pages.older) {
      remaining -= events.length;
      this.post({ type: 'older', generation, events, remaining });
    }
    if (this.carriedOver) this.post(this.carriedOver);
    this.trace?.('pages-posted', String(pages.older.length));
  }

  private post(message: HostToWebviewMessage): void {
    if (!this.view || !this.ready || !this.view.visible) return;
    void this.view.webview.postMessage(message);
  }

  private disposeView(): void {
    this.ready = false;
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
