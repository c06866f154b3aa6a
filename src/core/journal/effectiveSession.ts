/**
 * The shown session as the Timeline's `init` needs it (the events after edits and deletes, and
 * the summary), kept up to date as the journal grows instead of recomputed from every event for
 * each `init` and each batch of appends: at 50,000 events that walk took 250-600 ms of the
 * extension host on a loaded machine, before the first rows could be sent.
 *
 * It reads the session's live event array (the recorder appends to it and never changes what it
 * holds): the same array grown is taken in from where it was left, anything else (a new session,
 * a resumed one, a shorter array) is read afresh. Equal, at every step, to
 * {@link effectiveEvents} and {@link summarize} over the same events (test/unit/effectiveSession.test.ts).
 */
import type { DeleteEvent, EditEvent, JournalEvent } from './events';
import { isLifecycleKind, isUserEntry } from './eventKinds';
import type { SessionSnapshot } from './sessionState';
import { applyEdit } from './sessionState';
import { SummaryAccumulator } from './summaryAccumulator';

type Change = EditEvent | DeleteEvent;

export class EffectiveSession {
  private source: readonly JournalEvent[] = [];
  /** How many of {@link source}'s events have been taken in. */
  private taken = 0;
  /** Every event kept by id (the first with an id wins), edited in place; undefined once deleted. */
  private slots: (JournalEvent | undefined)[] = [];
  private slotOf = new Map<string, number>();
  /** Edits and deletes whose target has not been recorded yet, in journal order: they apply when it is. */
  private waiting = new Map<string, Change[]>();
  /**
   * The effective events handed out. Only ever appended to: an edit or delete builds a new array
   * instead, so what an earlier caller holds keeps meaning what it meant (see {@link events}).
   */
  private effective: JournalEvent[] | undefined = [];
  private summary: SummaryAccumulator | undefined = new SummaryAccumulator();

  /** Takes in what `events` (the session's live array, in journal order) holds beyond what was seen. */
  sync(events: readonly JournalEvent[]): void {
    if (events !== this.source || events.length < this.taken) this.reset(events);
    for (; this.taken < events.length; this.taken++) {
      const e = events[this.taken];
      if (e) this.take(e);
    }
  }

  /**
   * The events as the user means them, in journal order. The array may grow after it is handed
   * out (later events are appended to it) but what it holds up to its length then never changes:
   * a caller that keeps it keeps its length too.
   */
  events(): readonly JournalEvent[] {
    this.effective ??= this.slots.filter((e): e is JournalEvent => e !== undefined);
    return this.effective;
  }

  /** The event with this id as the user means it (edited; undefined once deleted or never recorded), without a walk. */
  find(id: string): JournalEvent | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** The session's times and counts at `now`; null when it has no events. */
  summarize(now: number): SessionSnapshot | null {
    if (this.taken === 0) return null;
    if (!this.summary) {
      this.summary = new SummaryAccumulator();
      for (const e of this.events()) this.summary.add(e);
    }
    return this.summary.finish(now);
  }

  private reset(events: readonly JournalEvent[]): void {
    this.source = events;
    this.taken = 0;
    this.slots = [];
    this.slotOf = new Map();
    this.waiting = new Map();
    this.effective = [];
    this.summary = new SummaryAccumulator();
  }

  private take(e: JournalEvent): void {
    if (e.kind === 'edit' || e.kind === 'delete') {
      const slot = this.slotOf.get(e.targetId);
      if (slot === undefined) {
        const waiting = this.waiting.get(e.targetId);
        if (waiting) waiting.push(e);
        else this.waiting.set(e.targetId, [e]);
      } else {
        this.change(slot, e);
      }
      return;
    }
    if (this.slotOf.has(e.id)) return; // the first event with an id is the one kept
    let kept: JournalEvent | undefined = e;
    const waiting = this.waiting.get(e.id);
    if (waiting) {
      this.waiting.delete(e.id);
      for (const change of waiting) kept = kept && applyChange(kept, change);
    }
    this.slotOf.set(e.id, this.slots.length);
    this.slots.push(kept);
    if (kept) {
      this.effective?.push(kept);
      this.summary?.add(kept);
    }
  }

  /** Applies an edit or delete to a recorded event, as effectiveEvents does. */
  private change(slot: number, change: Change): void {
    const target = this.slots[slot];
    if (target === undefined) return;
    const next = applyChange(target, change);
    if (next === target) return;
    this.slots[slot] = next;
    this.effective = undefined;
    // Counts cannot be taken back out of the accumulator: it is rebuilt when next asked. An edit
    // changes no count (only titles, texts and categories), so the summary stands.
    if (next === undefined) this.summary = undefined;
  }
}

/** The event after one edit or delete; undefined once deleted; the same object when it does not apply. */
function applyChange(target: JournalEvent, change: Change): JournalEvent | undefined {
  if (change.kind === 'delete') {
    // Lifecycle events carry the session's time line; deleting one would make its times meaningless.
    return isLifecycleKind(target.kind) ? target : undefined;
  }
  return isUserEntry(target) ? applyEdit(target, change) : target;
}
