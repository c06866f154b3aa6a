import type { EditEvent, JournalEvent } from '../core/journal/events';
import { describeEvent } from '../core/timeline/describeEvent';
import type { EventDescription } from '../core/timeline/describeEvent';
import type { TimelineCategory, TimelineOrder } from '../shared/protocol';
import type { EventStyle } from './eventStyle';
import { categoryOf, styleOf } from './eventStyle';
import { hourStart } from './format';
import { applyEdit } from '../core/journal/sessionState';
import { prependInPlace } from './arrays';
import { groupAgentTurns, summarizeTurn, turnOpens, turnRows } from './agentTurns';
import type { AgentTextRow, TurnSummary } from './agentTurns';

/**
 * The timeline's data, kept apart from the DOM so it can be tested in Node and so the list can
 * be rebuilt from it cheaply: descriptions, styles and search text are computed once per event,
 * and turning 10,000 entries into rows is a single pass.
 */

/** One visible event with everything the row needs, computed once per revision. */
export interface TimelineEntry {
  readonly event: JournalEvent;
  /** Bumped when the entry is edited, so the list knows to redraw its row. */
  readonly rev: number;
  readonly title: string;
  readonly detail?: string;
  readonly attention: boolean;
  readonly style: EventStyle;
  readonly category: TimelineCategory;
  readonly hour: number;
  /** Lower-case text the search box matches against (title, detail, file paths). */
  readonly haystack: string;
  /** Arrival order, to keep events with equal times in journal order. */
  readonly seq: number;
}

/** A sticky-able hour header row. */
export interface HourRow { readonly kind: 'hour'; readonly key: string; readonly hour: number; readonly count: number }
/** One event; an agent's prompt carries its turn, a step inside an open turn is `nested`. */
export interface EventRow {
  readonly kind: 'event'; readonly key: string; readonly entry: TimelineEntry; readonly expanded: boolean; readonly expandable: boolean;
  readonly turn?: TurnSummary; readonly nested?: boolean;
}
/** One file of an expanded save burst, as a row of its own so rows keep one fixed height. */
export interface FileRow { readonly kind: 'file'; readonly key: string; readonly burstId: string; readonly path: string; readonly count: number }
/** The tail of a burst whose file list was cut by the journal. */
export interface MoreRow { readonly kind: 'more'; readonly key: string; readonly burstId: string; readonly count: number }

export type TimelineRow = HourRow | EventRow | FileRow | MoreRow | AgentTextRow;

/** What the toolbar and UI state decide about the list. */
export interface RowOptions {
  readonly order: TimelineOrder;
  readonly hidden: ReadonlySet<TimelineCategory>;
  readonly search: string;
  readonly expanded: ReadonlySet<string>;
}

/**
 * What changed in the model since the view last drew, so it can add rows at the ends instead of
 * rebuilding all of them: entries newer than all others, a page of entries older than all others,
 * entries replaced in place, or `full` when anything else moved.
 */
export interface ModelChanges {
  readonly full: boolean;
  /** Oldest first. */
  readonly newer: readonly TimelineEntry[];
  /** Oldest first. */
  readonly older: readonly TimelineEntry[];
  readonly replaced: readonly TimelineEntry[];
  /**
   * Agent prompts already drawn whose turn gained a step at the newest end: only their row
   * changes (its counts), so the view replaces that row instead of rebuilding every row.
   */
  readonly turns: readonly TimelineEntry[];
}

function emptyChanges(full: boolean): { full: boolean; newer: TimelineEntry[]; older: TimelineEntry[]; replaced: TimelineEntry[]; turns: TimelineEntry[] } {
  return { full, newer: [], older: [], replaced: [], turns: [] };
}

/** Edits and deletions change other entries; they are never rows of their own. */
export function isMutation(e: JournalEvent): e is EditEvent | Extract<JournalEvent, { kind: 'delete' }> {
  return e.kind === 'edit' || e.kind === 'delete';
}

function searchText(e: JournalEvent, title: string, detail: string | undefined): string {
  const parts = [title, detail ?? ''];
  if (e.kind === 'saves') for (const f of e.files) parts.push(f.path);
  if (e.kind === 'commit') {
    parts.push(e.hash);
    for (const f of e.files) parts.push(f.path);
  }
  if (e.kind === 'file-op') parts.push(...e.paths);
  if (e.kind === 'agent') parts.push(e.text ?? '', ...(e.paths ?? []));
  return parts.join('\n').toLowerCase();
}

/**
 * An entry whose texts are made the first time something reads them: a row drawn on screen (its
 * title, detail and style) or a search (its haystack). A 50,000-event session mostly sits off
 * screen, and describing each event as it arrives made about a kilobyte per event that lived on:
 * the minor garbage collections that copy it paused the frames in which older pages arrived.
 */
class DescribedLater implements TimelineEntry {
  readonly category: TimelineCategory;
  readonly hour: number;
  private description: EventDescription | undefined;
  private eventStyle: EventStyle | undefined;
  private search: string | undefined;

  constructor(readonly event: JournalEvent, readonly rev: number, readonly seq: number) {
    this.category = categoryOf(event);
    this.hour = hourStart(event.time);
  }

  get title(): string {
    return this.described().title;
  }

  get detail(): string | undefined {
    return this.described().detail || undefined;
  }

  get attention(): boolean {
    return this.described().attention;
  }

  get style(): EventStyle {
    return (this.eventStyle ??= styleOf(this.event));
  }

  get haystack(): string {
    if (this.search === undefined) {
      const d = this.described();
      this.search = searchText(this.event, d.title, d.detail);
    }
    return this.search;
  }

  private described(): EventDescription {
    return (this.description ??= describeEvent(this.event));
  }
}

function compare(a: TimelineEntry, b: TimelineEntry): number {
  return a.event.time - b.event.time || a.seq - b.seq;
}

/** The events of the current session in time order, with edits and deletions applied. */
export class TimelineModel {
  private entries: TimelineEntry[] = [];
  private readonly byId = new Map<string, TimelineEntry>();
  private seq = 0;
  /** Older pages arrive after newer events, yet sort before them at equal times: they count down. */
  private olderSeq = 0;
  private changes = emptyChanges(true);
  /**
   * The latest prompt of each agent session (`agent:session`), which a step arriving at the newest
   * end joins. Undefined when something other than a live append moved entries: found again with
   * one pass the next time a step arrives.
   */
  private openPrompts: Map<string, TimelineEntry> | undefined;

  /** Number of visible entries (edits and deletions excluded). */
  get size(): number {
    return this.entries.length;
  }

  /** The entries in time order (oldest first). */
  all(): readonly TimelineEntry[] {
    return this.entries;
  }

  get(id: string): TimelineEntry | undefined {
    return this.byId.get(id);
  }

  /** Replaces everything, as an `init` message does. */
  load(events: readonly JournalEvent[]): void {
    this.clear();
    this.olderSeq = 0;
    const mutations: JournalEvent[] = [];
    for (const e of events) {
      if (isMutation(e)) mutations.push(e);
      else if (!this.byId.has(e.id)) this.entries.push(this.track(this.makeEntry(e, 0)));
    }
    this.entries.sort(compare);
    for (const m of mutations) this.apply(m);
  }

  /**
   * Adds a page of events older than those held (the host streams a session newest first); they
   * go in front in one step. A page that overlaps what is held still lands in time order.
   */
  addOlder(events: readonly JournalEvent[]): void {
    const page: TimelineEntry[] = [];
    const mutations: JournalEvent[] = [];
    let seq = this.olderSeq - events.length;
    this.olderSeq = seq;
    // A page may hold a session's only prompt: found again when a step next arrives.
    this.openPrompts = undefined;
    for (const e of events) {
      if (isMutation(e)) mutations.push(e);
      else if (!this.byId.has(e.id)) page.push(this.track(this.makeEntry(e, 0, seq++)));
    }
    page.sort(compare);
    const last = page[page.length - 1];
    const first = this.entries[0];
    if (last && first && compare(last, first) > 0) {
      for (const entry of page) this.insert(entry);
      this.changes.full = true;
    } else if (page.some((entry) => entry.event.kind === 'agent')) {
      // A page boundary can split an agent's turn: its rows are rebuilt whole.
      prependInPlace(this.entries, page);
      this.changes.full = true;
    } else if (page.length) {
      prependInPlace(this.entries, page);
      this.changes.older = page.concat(this.changes.older);
    }
    for (const m of mutations) this.apply(m);
  }

  /** What changed since the last call; the next call starts empty. */
  takeChanges(): ModelChanges {
    const taken = this.changes;
    this.changes = emptyChanges(false);
    return taken;
  }

  /** Whether an entry shows under these filters and search. */
  matches(entry: TimelineEntry, options: RowOptions): boolean {
    if (options.hidden.has(entry.category)) return false;
    const needle = options.search.trim().toLowerCase();
    return !needle || entry.haystack.includes(needle);
  }

  /** Adds live events; an id already known replaces its entry (a host resend is harmless). */
  append(events: readonly JournalEvent[]): void {
    for (const e of events) this.apply(e);
  }

  /** Applies one event: a mutation, a new version of a known entry, or a new entry. */
  apply(e: JournalEvent): void {
    if (e.kind === 'delete') {
      this.remove(e.targetId);
    } else if (e.kind === 'edit') {
      const target = this.byId.get(e.targetId);
      if (target) this.swap(target, applyEdit(target.event, e));
    } else {
      const known = this.byId.get(e.id);
      if (known) this.swap(known, e);
      else this.insert(this.track(this.makeEntry(e, 0)));
    }
  }

  clear(): void {
    this.entries = [];
    this.byId.clear();
    this.openPrompts = undefined;
    this.changes.full = true;
  }

  /** Builds the flat row list the virtual list draws: hour headers, events, expanded files. */
  rows(options: RowOptions): TimelineRow[] {
    return buildRows(this.entries, options);
  }

  /**
   * The row `entry` has in {@link rows} when its turn is closed: a prompt's row carries the
   * summary of its whole turn (its session's steps up to its next prompt), which a step arriving
   * live changes. Costs the entries after the prompt, not the whole list.
   */
  rowOf(entry: TimelineEntry, options: RowOptions): EventRow | undefined {
    const group = [entry];
    const e = entry.event;
    if (e.kind === 'agent' && e.action === 'prompt') {
      for (let i = this.indexOfEntry(entry) + 1; i > 0 && i < this.entries.length; i++) {
        const next = this.entries[i] as TimelineEntry;
        const ne = next.event;
        if (ne.kind !== 'agent' || ne.agent !== e.agent || ne.agentSession !== e.agentSession) continue;
        if (ne.action === 'prompt') break;
        group.push(next);
      }
    }
    const key = `e:${e.id}`;
    const row = buildRows(group, { ...options, expanded: new Set() }).find((r) => r.key === key);
    return row?.kind === 'event' ? row : undefined;
  }

  /** Where an entry is, by binary search over the time order (the entries are sorted by {@link compare}). */
  private indexOfEntry(entry: TimelineEntry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.entries[mid] as TimelineEntry, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return this.entries[lo] === entry ? lo : this.entries.indexOf(entry);
  }

  private makeEntry(e: JournalEvent, rev: number, seq = this.seq++): TimelineEntry {
    return new DescribedLater(e, rev, seq);
  }

  private track(entry: TimelineEntry): TimelineEntry {
    this.byId.set(entry.event.id, entry);
    return entry;
  }

  /** Live events nearly always come last, so the common case is a push, not a re-sort. */
  private insert(entry: TimelineEntry): void {
    const list = this.entries;
    let i = list.length;
    while (i > 0 && compare(list[i - 1] as TimelineEntry, entry) > 0) i--;
    list.splice(i, 0, entry);
    if (i !== list.length - 1) {
      this.openPrompts = undefined;
      this.changes.full = true;
      return;
    }
    const e = entry.event;
    if (e.kind !== 'agent') {
      this.changes.newer.push(entry);
      return;
    }
    // An agent's step folds into its turn's row, which may already be drawn: that one row is
    // replaced (a 2,000-call turn must not rebuild 50,000 rows per step, issue 15). A step whose
    // prompt arrived in the same batch is grouped with it when the batch's rows are built.
    const session = `${e.agent}:${e.agentSession}`;
    const prompts = this.prompts();
    const prompt = prompts.get(session);
    if (e.action === 'prompt') prompts.set(session, entry);
    if ((e.action === 'tool' || e.action === 'reply') && prompt && !this.changes.newer.includes(prompt)) {
      if (!this.changes.turns.includes(prompt)) this.changes.turns.push(prompt);
    } else {
      this.changes.newer.push(entry);
    }
  }

  private prompts(): Map<string, TimelineEntry> {
    if (this.openPrompts) return this.openPrompts;
    const prompts = new Map<string, TimelineEntry>();
    for (const entry of this.entries) {
      const e = entry.event;
      if (e.kind === 'agent' && e.action === 'prompt') prompts.set(`${e.agent}:${e.agentSession}`, entry);
    }
    return (this.openPrompts = prompts);
  }

  private remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    this.openPrompts = undefined;
    const i = this.entries.indexOf(entry);
    if (i >= 0) this.entries.splice(i, 1);
    this.changes.full = true;
  }

  private swap(old: TimelineEntry, event: JournalEvent): void {
    const next = this.makeEntry(event, old.rev + 1, old.seq);
    this.byId.set(event.id, next);
    this.openPrompts = undefined;
    const i = this.entries.indexOf(old);
    if (i < 0) return;
    if (next.event.time === old.event.time) {
      this.entries[i] = next;
      this.changes.replaced.push(next);
    } else {
      this.entries.splice(i, 1);
      this.insert(next);
      // Its row moves from where it was: not an addition at an end.
      this.changes.full = true;
    }
  }
}

/**
 * The flat rows for `entries` (oldest first) under the options: hour headers, events, expanded
 * files. Used for the whole list and for a block of new entries joined at one end.
 */
export function buildRows(entries: readonly TimelineEntry[], options: RowOptions): TimelineRow[] {
  const needle = options.search.trim().toLowerCase();
  const visible: TimelineEntry[] = [];
  for (const entry of entries) {
    if (options.hidden.has(entry.category)) continue;
    if (needle && !entry.haystack.includes(needle)) continue;
    visible.push(entry);
  }
  // An agent's replies and tool calls fold into their prompt's row (src/webview/agentTurns.ts).
  const agentTurns = groupAgentTurns(visible);
  if (options.order === 'newest-first') visible.reverse();

  const rows: TimelineRow[] = [];
  let headerIndex = -1;
  let headerHour = Number.NaN;
  let count = 0;
  const closeHeader = (): void => {
    if (headerIndex >= 0) rows[headerIndex] = { kind: 'hour', key: `h:${headerHour}`, hour: headerHour, count };
  };
  for (const entry of visible) {
    if (agentTurns.members.has(entry.event.id)) continue;
    if (entry.hour !== headerHour) {
      closeHeader();
      headerHour = entry.hour;
      headerIndex = rows.length;
      count = 0;
      rows.push({ kind: 'hour', key: `h:${headerHour}`, hour: headerHour, count: 0 });
    }
    count++;
    const e = entry.event;
    const turn = agentTurns.turns.get(e.id);
    const expandable = turn ? turnOpens(entry, turn) : e.kind === 'saves' && e.files.length + (e.filesTruncated ?? 0) > 1;
    const expanded = expandable && options.expanded.has(e.id);
    rows.push({ kind: 'event', key: `e:${e.id}`, entry, expanded, expandable, ...(turn && turn.members.length > 0 ? { turn: summarizeTurn(turn) } : {}) });
    if (expanded && turn) rows.push(...turnRows(entry, turn, options.order === 'newest-first'));
    if (expanded && e.kind === 'saves') {
      for (const f of e.files) rows.push({ kind: 'file', key: `f:${e.id}:${f.path}`, burstId: e.id, path: f.path, count: f.count });
      if (e.filesTruncated) rows.push({ kind: 'more', key: `m:${e.id}`, burstId: e.id, count: e.filesTruncated });
    }
  }
  closeHeader();
  return rows;
}
