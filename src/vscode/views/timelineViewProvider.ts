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
import type { JournalEvent } from '../../core/journal/events';
import type { PageRange } from '../../shared/eventPages';
import { pageRanges } from '../../shared/eventPages';
import type { SentInit } from '../../shared/initHandshake';
import { answerReady } from '../../shared/initHandshake';
import { isWebviewMessage } from '../../shared/protocol';
import { timelinePageHtml } from '../../shared/timelinePage';
import { webviewStrings } from '../../shared/webviewStrings';
import type { TimelineTrace } from './timelineTrace';

export type { TimelineChange, TimelineState } from '../../shared/protocol';

/** What the Timeline view shows, and how it learns that it changed. Implemented by TimelineFeed, which batches the appends. */
export interface TimelineSource {
  /**
   * The state now, kept up to date by the source rather than computed for each call. Its
   * `events` may grow after it is returned, but what they hold up to their length then does not
   * change: the provider pages through that length.
   */
  snapshot(): TimelineState;
  readonly onDidChange: vscode.Event<TimelineChange>;
}

/**
 * Where the view's page is. `loading`: its HTML is set and its script has not said `ready` yet;
 * messages posted now are normally kept by VS Code and delivered once the page has loaded, so
 * the host sends the newest window then, without waiting for the `ready` round trip; the page's
 * `ready` says whether it got it (see {@link TimelineViewProvider.onWebviewMessage}). `live`: the page said `ready`.
 * `none`: no page (hidden and discarded).
 */
type PageState = 'none' | 'loading' | 'live';

/** An older page of the current `init`, copied out of its snapshot only when posted. */
interface QueuedPage extends PageRange {
  readonly type: 'page';
  readonly generation: number;
  readonly events: readonly JournalEvent[];
}

/** The current `init`: what the page is told it holds, and what its older pages come from. */
interface CurrentInit extends SentInit {
  readonly events: readonly JournalEvent[];
  readonly pages: readonly PageRange[];
}

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
  private outbox: (HostToWebviewMessage | QueuedPage)[] = [];
  /**
   * The newest window went alone to a loading page: what follows it (its older pages, live
   * changes) waits for the page's `ready`, which says whether the window arrived.
   */
  private awaitingReady = false;
  private current: CurrentInit | undefined;
  private draining: ReturnType<typeof setTimeout> | undefined;
  private rejected = 0;
  /** The header's carried-over checklist, kept to send again to a page that reloads. */
  private carriedOver: CarriedOverMessage | undefined;
  /** Show Timeline ran while the page was loading: focus the list once it is live. */
  private focusWhenLive = false;
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

  /**
   * Puts the keyboard on the list (see FocusListMessage); Show Timeline calls it once VS Code has
   * shown and focused the view. A page still loading gets it once it says `ready`, right after
   * the `init` that answers (not behind the older pages).
   */
  focusList(): void {
    if (this.page === 'live' && this.canPost()) this.post({ type: 'focusList' });
    else this.focusWhenLive = true;
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
      // VS Code drops what it queued for a page whose content it loads a second time (the first
      // show lost it in the e2e and in bench/realWebview.mjs, and some re-shows), so the page
      // says which `init` it holds: the session is sent again only when it lacks the current one.
      const answer = answerReady(message.initGeneration, this.current);
      this.trace?.('ready', `holds ${message.initGeneration ?? 'none'}, current ${this.current?.generation ?? 'none'}: ${answer}`);
      this.page = 'live';
      this.awaitingReady = false;
      if (answer === 'init') this.sendInit();
      else if (answer === 'older-pages') this.queueOlderPages();
      if (this.focusWhenLive) {
        this.focusWhenLive = false;
        this.post({ type: 'focusList' });
      }
      this.drainOutbox();
    }
    this.messages.fire(message);
  }

  /** A kept page (retained context) is kept up to date while hidden; a discarded one is reloaded when shown. */
  private onVisibility(view: vscode.WebviewView): void {
    if (TimelineViewProvider.webviewOptions.retainContextWhenHidden) return;
    this.page = view.visible ? 'loading' : 'none';
    if (view.visible) {
      this.trace?.('shown');
      this.sendInit('first-window');
    } else {
      this.current = undefined;
      this.focusWhenLive = false;
      this.clearOutbox();
    }
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
   * Live appends queue behind the pages, so the webview still gets everything in order. The
   * snapshot is the source's, kept up to date as events come: this costs the window and a few
   * objects per page, not a walk over the session.
   */
  private sendInit(extent: 'first-window' | 'all' = 'all'): void {
    if (!this.canPost()) return;
    const started = performance.now();
    this.clearOutbox();
    const snapshot = this.source.snapshot();
    const total = snapshot.events.length;
    const ranges = pageRanges(total);
    const generation = ++this.generation;
    const snapshotMs = performance.now() - started;
    this.post({
      type: 'init',
      summary: snapshot.summary,
      events: snapshot.events.slice(ranges.firstStart, total),
      total,
      generation,
      trusted: snapshot.trusted,
      notices: snapshot.notices,
      settings: { order: readOrder() },
      strings: webviewStrings(vscode.l10n),
    });
    this.trace?.('init-posted', `${total - ranges.firstStart} of ${total}, generation ${generation}, ${extent}; snapshot ${snapshotMs.toFixed(2)} ms, in all ${(performance.now() - started).toFixed(2)} ms`);
    this.current = { generation, olderPagesSent: false, events: snapshot.events, pages: ranges.older };
    // The checklist lives at the session's start, which the first window may not hold: right after it.
    if (this.carriedOver) this.post(this.carriedOver);
    // The early `init` to a loading page goes alone: were it dropped, its pages would sit in
    // VS Code's queue ahead of the `init` that answers `ready` (seconds at 50,000 events). The
    // rest waits for the page to say it holds this `init`.
    if (extent === 'first-window') {
      this.awaitingReady = true;
      return;
    }
    this.queueOlderPages();
    this.drainOutbox();
  }

  /** Puts the current `init`'s older pages at the head of the queue, ahead of the live changes held behind the window. */
  private queueOlderPages(): void {
    const current = this.current;
    if (!current || current.olderPagesSent) return;
    this.current = { ...current, olderPagesSent: true };
    const pages = current.pages.map((range): QueuedPage => ({ type: 'page', generation: current.generation, events: current.events, ...range }));
    this.outbox.unshift(...pages);
  }

  /** Posts now, unless older pages are still queued or held for `ready`: then after them, so the order holds. */
  private send(message: HostToWebviewMessage): void {
    if (this.outbox.length > 0 || this.awaitingReady) this.outbox.push(message);
    else this.post(message);
  }

  /** Posts the next queued message in a task of its own, until the queue is empty. */
  private drainOutbox(): void {
    if (this.draining || this.awaitingReady || this.outbox.length === 0) return;
    this.draining = setTimeout(() => {
      this.draining = undefined;
      const message = this.outbox.shift();
      if (message?.type === 'page') {
        this.post({ type: 'older', generation: message.generation, events: message.events.slice(message.start, message.end), remaining: message.remaining });
      } else if (message) {
        this.post(message);
      }
      if (this.outbox.length === 0) this.trace?.('pages-posted');
      this.drainOutbox();
    }, 0);
  }

  private clearOutbox(): void {
    this.outbox = [];
    this.awaitingReady = false;
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
    this.current = undefined;
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
