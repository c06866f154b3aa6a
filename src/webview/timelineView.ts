// Over 300 lines on purpose: this is the one class that holds the webview's state together (model,
// header, toolbar, virtual list, sticky hour, focus and keyboard); its parts already live in their
// own files (timelineModel, rowView, virtualList, toolbar, sessionHeader). Splitting the wiring
// further would scatter one set of invariants (which row is active, what is expanded) over files.
import type { JournalEvent } from '../core/journal/events';
import type { HostToWebviewMessage, SessionSnapshot, TimelineCategory, TimelineOrder } from '../shared/protocol';
import { el, setHidden } from './dom';
import { isEditable } from './eventStyle';
import { formatHourLabel } from './format';
import { NewRowsAnnouncer } from './newRowsAnnouncer';
import { IntakePace } from './intakePace';
import { OlderQueue, takeUpTo } from './olderQueue';
import type { OlderChunk } from './olderQueue';
import { isFocusable, refreshRowTimes, timelineRenderer } from './rowView';
import type { RowContext } from './rowView';
import { CarriedOverChecklist } from './carriedOver';
import { SessionHeader } from './sessionHeader';
import { SessionStrip } from './sessionStrip';
import { t } from './strings';
import { RowList } from './rowList';
import type { RowOptions, TimelineRow } from './timelineModel';
import { TimelineModel } from './timelineModel';
import { canPatchRows, patchRows } from './rowPatch';
import { rowAtOrBefore } from './revealTime';
import { Toolbar } from './toolbar';
import type { UiState } from './uiState';
import type { WebviewHost } from './vscodeApi';
import { VirtualList } from './virtualList';
import type { FollowEdge } from './virtualList';

/** Compact rows like VS Code's own trees. Must match `--row-height` in timeline.css. */
export const ROW_HEIGHT = 22;

/**
 * The most time one intake of older events takes, all of it (model, strip, rows), when the idle
 * time before the next frame is longer (up to 50 ms when nothing else happens): a key pressed
 * meanwhile waits at most this long.
 */
const OLDER_BUDGET_MS = 4;
/**
 * What an older event is assumed to cost before one was measured: the first pages run in code not
 * yet compiled (measured: about 25 µs an event, against 2–4 µs once warm), so the first frame takes few.
 */
const OLDER_FIRST_MS_PER_EVENT = 0.025;
/** Older events a frame takes at the least, however slow the last were: the stream always moves. */
const OLDER_LEAST_EVENTS = 50;
/** How long older events wait for idle time before they are taken in anyway. */
const OLDER_IDLE_TIMEOUT_MS = 200;

/**
 * The Timeline webview: owns the model, the header, the toolbar and the virtual list, applies
 * host messages and turns clicks and keys into protocol messages. Live appends are batched into
 * one list update per animation frame.
 */
export class TimelineView {
  private readonly model = new TimelineModel();
  private readonly header = new SessionHeader();
  private readonly strip = new SessionStrip((time) => this.revealTime(time));
  private readonly carriedOver = new CarriedOverChecklist((itemId, done) => this.host.post({ type: 'tickCarriedOver', itemId, done }));
  private readonly toolbar: Toolbar;
  private readonly viewport = el('div', 'viewport');
  private readonly sticky = el('div', 'sticky-hour');
  private readonly noMatch = el('div', 'no-match', t('noMatch'));
  /** Where a screen reader hears about new rows: one polite region, rate-limited by the announcer. */
  private readonly liveRegion = el('div', 'visually-hidden');
  private readonly announcer = new NewRowsAnnouncer((text) => { this.liveRegion.textContent = text; }, {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (handle) => window.clearTimeout(handle),
  });
  private readonly rows = new RowList();
  private readonly list: VirtualList<TimelineRow>;
  private readonly ctx: RowContext;
  private order: TimelineOrder = 'newest-first';
  private summary: SessionSnapshot | null = null;
  private notices: readonly string[] = [];
  private hidden: ReadonlySet<TimelineCategory>;
  private search: string;
  private readonly expanded: Set<string>;
  private activeKey: string | undefined;
  /** The `init` whose pages are being taken in; pages of an older one are dropped. */
  private generation = 0;
  /** Events the host still has to send in `older` pages. */
  private pendingOlder = 0;
  private now = Date.now();
  private pendingFrame = 0;
  /** The events of `append` messages received since the last frame, taken in by the next one (see {@link takeAppends}). */
  private readonly appends: (readonly JournalEvent[])[] = [];
  private restoredScroll: number | undefined;
  private saveTimer = 0;
  /** `older` pages received and not yet taken in (see {@link scheduleOlderPage}). */
  private readonly olderPages = new OlderQueue();
  private readonly olderPace = new IntakePace(OLDER_BUDGET_MS, OLDER_FIRST_MS_PER_EVENT, OLDER_LEAST_EVENTS);
  private olderScheduled = false;

  constructor(private readonly root: HTMLElement, private readonly host: WebviewHost) {
    const state = host.loadState();
    this.hidden = new Set(state.hidden);
    this.search = state.search;
    this.expanded = new Set(state.expanded);
    this.activeKey = state.focusedKey;
    this.restoredScroll = state.scrollTop;
    this.ctx = { now: () => this.now, activeKey: () => this.activeKey };

    this.toolbar = new Toolbar(state.hidden, state.search, {
      onFilterChange: (hidden) => {
        this.hidden = new Set(hidden);
        this.rebuildRows();
        this.saveState();
      },
      onSearch: (text) => {
        this.search = text;
        this.rebuildRows();
        this.list.scrollTo(0);
        this.saveState();
      },
      onJumpToNow: () => this.jumpToNow(),
    });

    this.viewport.setAttribute('role', 'list');
    this.viewport.setAttribute('aria-label', t('sessionTimeline'));
    this.list = new VirtualList(this.rows, this.viewport, timelineRenderer(this.ctx), ROW_HEIGHT, 8, (first) => this.updateSticky(first));
    this.sticky.setAttribute('aria-hidden', 'true');
    const listWrap = el('div', 'list-wrap');
    listWrap.append(this.sticky, this.viewport, this.noMatch);
    this.liveRegion.setAttribute('role', 'status');
    this.liveRegion.setAttribute('aria-live', 'polite');
    this.header.attach(this.carriedOver.element);
    root.append(this.header.element, this.strip.element, this.toolbar.element, listWrap, this.liveRegion);

    root.addEventListener('click', (e) => this.onClick(e));
    this.viewport.addEventListener('keydown', (e) => this.onKey(e));
    this.viewport.addEventListener('scroll', () => this.saveStateSoon(), { passive: true });
    window.setInterval(() => {
      this.now = Date.now();
      this.header.tick(this.now);
    }, 1000);
    window.setInterval(() => {
      this.now = Date.now();
      this.list.forEachRendered((element, row) => refreshRowTimes(element, row, this.ctx));
      this.strip.tick();
      this.updateSticky(Math.floor(this.list.scrollTop / ROW_HEIGHT));
    }, 60_000);
    this.render();
  }

  /** Applies one message from the host. */
  handle(message: HostToWebviewMessage): void {
    this.now = Date.now();
    switch (message.type) {
      case 'init':
        this.order = message.settings.order === 'oldest-first' ? 'oldest-first' : 'newest-first';
        this.toolbar.setOrder(this.order === 'newest-first');
        this.summary = message.summary;
        this.notices = message.notices;
        this.generation = message.generation;
        this.pendingOlder = Math.max(0, message.total - message.events.length);
        this.olderPages.clear();
        // Appends not yet taken in are in this state already.
        this.appends.length = 0;
        this.model.load(message.events);
        this.strip.clear();
        this.strip.add(message.events);
        this.toolbar.setChipShown('agent', message.events.some((e) => e.kind === 'agent'));
        this.render();
        this.restoreScroll();
        break;
      case 'older':
        // Pages of an earlier `init` are dropped: that init's queue was cleared.
        if (message.generation !== this.generation) break;
        this.olderPages.push(message);
        this.scheduleOlderPage();
        break;
      case 'append':
        // Only kept here: a busy session sends many appends between two frames, and each one
        // describing its events, redrawing the header and counting the strip would fill the
        // frame's time with work whose result only the next frame shows (see takeAppends).
        this.appends.push(message.events);
        this.summary = message.summary;
        this.scheduleRows();
        break;
      case 'reset':
        this.appends.length = 0;
        this.announcer.clear();
        this.model.clear();
        this.toolbar.setChipShown('agent', false);
        this.strip.clear();
        this.pendingOlder = 0;
        this.olderPages.clear();
        this.summary = null;
        this.render();
        break;
      case 'carriedOver':
        this.carriedOver.update(message);
        break;
      case 'focusList':
        this.focusList();
        break;
      default:
        assertNever(message);
    }
  }

  /**
   * Takes in older events when the page is idle: the host posts all of a 50,000-event session's
   * pages at once, and taking them as they arrive (or a whole page a frame) would hold back the
   * first frame, and every frame while they stream, behind them.
   *
   * In the idle time the browser has left before its next frame, not right after each frame: in
   * the first tenth of a second after the first frame the page is still busy (the icon font laid
   * out, the collection of what `init` made, code compiled) and a frame's worth of older events
   * taken then missed the next frame in every run; measured, waiting for idle time left no frame
   * missed while 50,000 events stream in (src/webview/intakePace.ts says how many fit). The
   * timeout keeps a page that is never idle taking them in, at the full budget.
   */
  private scheduleOlderPage(): void {
    if (this.olderScheduled || this.olderPages.empty) return;
    this.olderScheduled = true;
    requestIdleCallback((deadline) => this.takeOlderEvents(deadline), { timeout: OLDER_IDLE_TIMEOUT_MS });
  }

  /** As many older events as the idle time (at most the budget) holds; their rows join the list in the same task. */
  private takeOlderEvents(deadline: IdleDeadline): void {
    this.olderScheduled = false;
    const start = performance.now();
    const budget = deadline.didTimeout ? OLDER_BUDGET_MS : deadline.timeRemaining();
    const taken = takeUpTo(this.olderPace.allowance(budget), (max) => this.olderPages.next(max), (chunk) => this.takeOlderChunk(chunk));
    if (taken > 0) {
      this.applyChanges(this.followEdge());
      this.olderPace.record(taken, performance.now() - start);
    }
    this.scheduleOlderPage();
  }

  private takeOlderChunk(chunk: OlderChunk): void {
    this.pendingOlder = chunk.pending;
    this.model.addOlder(chunk.events);
    this.strip.add(chunk.events);
    if (chunk.events.some((e) => e.kind === 'agent')) this.toolbar.setChipShown('agent', true);
  }

  private render(): void {
    this.header.update(this.summary, this.notices, this.now);
    this.strip.setSession(this.summary);
    this.rebuildRows();
  }

  /**
   * Scrolls to where the reader was (or, oldest-first, to "now" at the bottom) once the rows
   * there exist: pages of older events may still have to arrive to reach a deep position.
   */
  private restoreScroll(): void {
    if (this.restoredScroll === undefined) return;
    const fresh = this.restoredScroll === 0 && this.order === 'oldest-first';
    const target = fresh ? this.list.length * ROW_HEIGHT : this.restoredScroll;
    if (!fresh && this.pendingOlder > 0 && target + this.list.viewportHeight > this.list.length * ROW_HEIGHT) return;
    this.restoredScroll = undefined;
    this.list.scrollTo(target);
  }

  /** Live appends and older pages that arrive in a burst become one list update in the next frame. */
  private scheduleRows(): void {
    if (this.pendingFrame) return;
    this.pendingFrame = requestAnimationFrame(() => {
      this.pendingFrame = 0;
      this.takeAppends();
      this.applyChanges(this.followEdge());
    });
  }

  /** The live events of every `append` since the last frame, taken in at once: one header and strip update for all. */
  private takeAppends(): void {
    if (this.appends.length === 0) return;
    const events = this.appends.length === 1 ? (this.appends[0] as readonly JournalEvent[]) : this.appends.flat();
    this.appends.length = 0;
    this.model.append(events);
    this.announcer.add(events);
    this.strip.add(events);
    if (events.some((e) => e.kind === 'agent')) this.toolbar.setChipShown('agent', true);
    this.header.update(this.summary, this.notices, this.now);
    this.strip.setSession(this.summary);
  }

  /** The list's newest end, where a reader who is there stays as rows arrive. */
  private followEdge(): FollowEdge {
    return this.order === 'newest-first' ? 'top' : 'bottom';
  }

  private rowOptions(): RowOptions {
    return { order: this.order, hidden: this.hidden, search: this.search, expanded: this.expanded };
  }

  /**
   * Brings the rows up to date with the model, touching only what changed (src/webview/rowPatch.ts):
   * new events join the newest end, older pages the oldest end, edited entries and grown agent
   * turns keep their place. Anything else (a deletion, an event out of time order) rebuilds the list.
   */
  private applyChanges(follow?: FollowEdge): void {
    const changes = this.model.takeChanges();
    const options = this.rowOptions();
    if (!canPatchRows(this.rows, this.model, changes, options)) return this.rebuildRows(follow);
    this.list.update(() => patchRows(this.rows, this.model, changes, options), follow);
    this.afterRows();
  }

  /** Builds every row again from the model (filters, search, order or expansion changed). */
  private rebuildRows(follow?: FollowEdge): void {
    this.model.takeChanges();
    const rows = this.model.rows(this.rowOptions());
    this.list.update(() => this.rows.reset(rows), follow);
    this.afterRows();
  }

  private afterRows(): void {
    const shown = this.rows.eventCount;
    this.toolbar.setStatus(shown, this.model.size + this.pendingOlder);
    setHidden(this.noMatch, shown > 0 || this.model.size === 0);
    // Shown before drawing: a hidden viewport has no height, and would get only the overscan rows.
    const wasHidden = this.viewport.hidden;
    this.viewport.hidden = this.summary === null && this.model.size === 0;
    if (this.activeKey === undefined || (this.rows.indexOf(this.activeKey) < 0 && this.pendingOlder === 0)) {
      const first = this.focusableFrom(0, 1);
      this.activeKey = first >= 0 ? this.rows.at(first)?.key : undefined;
    }
    // The rows were just drawn: again only if the viewport appeared or another row must stay in
    // the DOM. A viewport that changed height draws itself again (its ResizeObserver).
    if (this.list.pin(this.activeKey) || wasHidden !== this.viewport.hidden) this.list.render();
    // Rows drawn before the active row was chosen keep their tabindex: give the list its one tab
    // stop now, or Tab would skip the list (axe: a scrollable region without focusable content).
    this.list.forEachRendered((element, row) => {
      if (isFocusable(row)) element.tabIndex = row.key === this.activeKey ? 0 : -1;
    });
    // Before the first `init` there is nothing to restore the scroll position into.
    if (this.generation > 0) this.restoreScroll();
  }

  private updateSticky(first: number): void {
    const row = this.list.rowAt(this.rows.headerIndexOf(first));
    const hidden = row?.kind !== 'hour';
    if (this.sticky.hidden !== hidden) this.sticky.hidden = hidden;
    if (row?.kind !== 'hour') return;
    // Called at every draw (each frame while pages stream in): the text is replaced only when it
    // changes, so an unchanged header is not laid out again.
    const text = `${formatHourLabel(row.hour, this.now)} · ${row.count}`;
    if (this.sticky.textContent !== text) this.sticky.textContent = text;
  }

  /** The strip was clicked: bring the list to the newest shown row at or before `time` (the oldest after it, if none). */
  private revealTime(time: number): void {
    let best = rowAtOrBefore(this.rows, time, this.order === 'newest-first');
    if (best < 0) best = this.focusableFrom(this.order === 'newest-first' ? this.list.length - 1 : 0, this.order === 'newest-first' ? -1 : 1);
    if (best < 0) return;
    this.list.reveal(best, 'start');
    this.focusRow(best);
  }

  private jumpToNow(): void {
    if (!this.list.length) return;
    const index = this.order === 'newest-first' ? 0 : this.list.length - 1;
    this.list.reveal(index, this.order === 'newest-first' ? 'start' : 'end');
    const target = this.order === 'newest-first' ? this.focusableFrom(0, 1) : this.focusableFrom(this.list.length - 1, -1);
    if (target >= 0) this.focusRow(target);
  }

  /**
   * The keyboard to the current row, else the first row, else the first control (the empty
   * state's Start Session). A control of the page that holds the focus already keeps it: Show
   * Timeline from the palette must not take a half-typed search away.
   */
  private focusList(): void {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body && this.root.contains(focused)) return;
    const current = this.activeKey === undefined ? -1 : this.list.indexOf(this.activeKey);
    const row = current >= 0 ? this.list.rowAt(current) : undefined;
    const index = row && isFocusable(row) ? current : this.focusableFrom(0, 1);
    if (index >= 0) {
      this.focusRow(index);
      return;
    }
    // Shown ones only: focus() on a control inside a hidden part does nothing. Buttons first, so
    // the empty state offers its Start Session rather than the search field.
    const shown = (selector: string): HTMLElement | undefined =>
      [...this.root.querySelectorAll<HTMLElement>(selector)].find((c) => !c.matches(':disabled') && c.getClientRects().length > 0);
    (shown('button') ?? shown('input'))?.focus({ preventScroll: true });
  }

  private focusableFrom(start: number, step: 1 | -1): number {
    for (let i = start; i >= 0 && i < this.list.length; i += step) {
      const row = this.list.rowAt(i);
      if (row && isFocusable(row)) return i;
    }
    return -1;
  }

  private focusRow(index: number): void {
    const row = this.list.rowAt(index);
    if (!row || !isFocusable(row)) return;
    const previous = this.activeKey === undefined ? undefined : this.list.elementOf(this.activeKey);
    if (previous) previous.tabIndex = -1;
    this.activeKey = row.key;
    this.list.pin(row.key);
    this.list.reveal(index);
    const element = this.list.elementOf(row.key);
    if (element) {
      element.tabIndex = 0;
      element.focus({ preventScroll: true });
    }
    this.saveStateSoon();
  }

  private onKey(e: KeyboardEvent): void {
    const current = this.activeKey === undefined ? -1 : this.list.indexOf(this.activeKey);
    const page = Math.max(1, Math.floor(this.list.viewportHeight / ROW_HEIGHT) - 1);
    const row = this.list.rowAt(current);
    let target = -1;
    switch (e.key) {
      case 'ArrowDown': target = this.focusableFrom(current + 1, 1); break;
      case 'ArrowUp': target = this.focusableFrom(current - 1, -1); break;
      case 'Home': target = this.focusableFrom(0, 1); break;
      case 'End': target = this.focusableFrom(this.list.length - 1, -1); break;
      case 'PageDown': target = this.focusableFrom(Math.min(this.list.length - 1, current + page), -1); break;
      case 'PageUp': target = this.focusableFrom(Math.max(0, current - page), 1); break;
      case 'Enter':
      case ' ':
        if (row) this.activate(row);
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        if (row?.kind === 'event' && row.expandable && row.expanded !== (e.key === 'ArrowRight')) this.toggleBurst(row.entry.event.id);
        else if (row?.kind === 'file' && e.key === 'ArrowLeft') target = this.list.indexOf(`e:${row.burstId}`);
        else return;
        break;
      case 'Delete':
        if (row?.kind === 'event' && isEditable(row.entry.event)) this.host.post({ type: 'deleteEntry', eventId: row.entry.event.id });
        break;
      case 'F2':
        if (row?.kind === 'event' && isEditable(row.entry.event)) this.host.post({ type: 'editEntry', eventId: row.entry.event.id });
        break;
      default:
        return;
    }
    e.preventDefault();
    if (target >= 0) this.focusRow(target);
  }

  private onClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const button = target?.closest<HTMLElement>('[data-action]');
    const rowElement = target?.closest<HTMLElement>('.row');
    const index = rowElement?.dataset['key'] ? this.list.indexOf(rowElement.dataset['key']) : -1;
    const row = this.list.rowAt(index);
    if (row && isFocusable(row)) this.focusRow(index);
    if (button) {
      e.stopPropagation();
      this.runAction(button.dataset['action'] ?? '', row?.kind === 'event' ? row.entry.event : undefined);
    } else if (row) {
      this.activate(row);
    }
  }

  private runAction(action: string, event: JournalEvent | undefined): void {
    const eventId = event?.id;
    switch (action) {
      case 'start': return this.host.post({ type: 'startSession' });
      case 'walkthrough': return this.host.post({ type: 'openWalkthrough' });
      case 'end': return this.host.post({ type: 'endSession' });
      case 'pause': return this.host.post({ type: 'pauseSession' });
      case 'resume': return this.host.post({ type: 'resumeSession' });
      case 'note': return this.host.post(eventId ? { type: 'addNote', eventId } : { type: 'addNote' });
      case 'friction': return this.host.post(eventId ? { type: 'logFriction', eventId } : { type: 'logFriction' });
      case 'edit': if (eventId) this.host.post({ type: 'editEntry', eventId }); return;
      case 'delete': if (eventId) this.host.post({ type: 'deleteEntry', eventId }); return;
    }
  }

  /** What Enter or a click on a row does: the natural "open" for each kind. */
  private activate(row: TimelineRow): void {
    if (row.kind === 'file') return this.host.post({ type: 'openFile', path: row.path });
    if (row.kind !== 'event') return;
    const e = row.entry.event;
    // An agent's turn opens to its prompt and tool calls.
    if (e.kind === 'agent' && row.expandable) return this.toggleBurst(e.id);
    switch (e.kind) {
      case 'commit': return this.host.post({ type: 'showCommit', repo: e.repo, hash: e.hash });
      case 'command': return this.host.post({ type: 'showCommand', eventId: e.id });
      case 'saves':
        if (row.expandable) return this.toggleBurst(e.id);
        if (e.files[0]) this.host.post({ type: 'openFile', path: e.files[0].path });
        return;
      case 'file-op':
        if (e.op !== 'delete' && e.paths[0]) this.host.post({ type: 'openFile', path: e.op === 'rename' && e.renames?.[0] ? e.renames[0].to : e.paths[0] });
        return;
      case 'friction':
      case 'note':
      case 'lesson':
        return this.host.post({ type: 'editEntry', eventId: e.id });
      default:
        return;
    }
  }

  private toggleBurst(id: string): void {
    if (this.expanded.has(id)) this.expanded.delete(id);
    else this.expanded.add(id);
    this.rebuildRows();
    const element = this.activeKey === undefined ? undefined : this.list.elementOf(this.activeKey);
    element?.focus({ preventScroll: true });
    this.saveState();
  }

  private saveStateSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.saveState(), 200);
  }

  private saveState(): void {
    const state: UiState = {
      hidden: [...this.hidden],
      search: this.search,
      expanded: [...this.expanded],
      scrollTop: this.viewport.scrollTop,
      ...(this.activeKey === undefined ? {} : { focusedKey: this.activeKey }),
    };
    this.host.saveState(state);
  }
}

function assertNever(value: never): void {
  // A host newer than this webview may send more; ignoring it beats breaking the view.
  console.warn('Session Journal timeline: unknown message', value);
}
