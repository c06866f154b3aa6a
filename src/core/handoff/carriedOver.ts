/**
 * The "Carried over" checklist as data: built at Start Session from the earlier retrospective's
 * next steps and the plan's open boxes, and read back from the journal (its `carried-over` event
 * and the ticks after it) by the Timeline, the draft and the metrics alike.
 */
import type { CarriedOverItem, CarriedOverSource, JournalEvent } from '../journal/events';
import { itemKey } from './markdownItems';

/** At most this many items from each source: a plan of 300 boxes is a plan, not a handoff. */
export const MAX_ITEMS_PER_SOURCE = 50;

/**
 * The checklist the session starts with: the retrospective's next steps, then the plan's open
 * boxes that are not among them, each with an id unique within the session.
 */
export function carriedOverList(fromRetrospective: readonly string[], fromPlan: readonly string[]): CarriedOverItem[] {
  const seen = new Set<string>();
  const out: CarriedOverItem[] = [];
  const add = (texts: readonly string[], from: CarriedOverSource, prefix: string): void => {
    let n = 0;
    for (const text of texts) {
      const key = itemKey(text);
      if (!key || seen.has(key) || n >= MAX_ITEMS_PER_SOURCE) continue;
      seen.add(key);
      n++;
      out.push({ id: `${prefix}${n}`, text, from });
    }
  };
  add(fromRetrospective, 'retrospective', 'r');
  add(fromPlan, 'plan', 'p');
  return out;
}

/** An item with its state: `doneAt` is when it was ticked (the last tick wins), absent when not done. */
export interface CarriedOverStatus extends CarriedOverItem {
  readonly doneAt?: number;
}

/** The checklist of a session and where it came from. */
export interface CarriedOverState {
  readonly items: readonly CarriedOverStatus[];
  readonly retrospective?: string;
  readonly plan?: string;
}

function isItem(value: unknown): value is CarriedOverItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['text'] === 'string' && (v['from'] === 'retrospective' || v['from'] === 'plan');
}

/**
 * The checklist as the journal tells it: the session's first `carried-over` event (items a hand
 * edit broke are skipped) with every tick applied in order. Undefined when nothing was carried over.
 */
export function carriedOverState(events: readonly JournalEvent[]): CarriedOverState | undefined {
  let list: Extract<JournalEvent, { kind: 'carried-over' }> | undefined;
  const done = new Map<string, number | undefined>();
  for (const e of events) {
    if (e.kind === 'carried-over') list ??= e;
    else if (e.kind === 'carried-over-tick') done.set(e.itemId, e.done ? e.time : undefined);
  }
  if (!list) return undefined;
  const items = list.items.filter(isItem).map((item): CarriedOverStatus => {
    const at = done.get(item.id);
    return at === undefined ? { id: item.id, text: item.text, from: item.from } : { id: item.id, text: item.text, from: item.from, doneAt: at };
  });
  return { items, ...(list.retrospective ? { retrospective: list.retrospective } : {}), ...(list.plan ? { plan: list.plan } : {}) };
}

/** The item a text names (a box ticked in the plan file), matched as the plan's boxes are. */
export function itemByText(state: CarriedOverState, text: string, from?: CarriedOverSource): CarriedOverStatus | undefined {
  const key = itemKey(text);
  return state.items.find((i) => itemKey(i.text) === key && (from === undefined || i.from === from));
}

/** "carried over: N of M done". */
export interface CarriedOverCount {
  readonly done: number;
  readonly total: number;
}

export function carriedOverCount(state: CarriedOverState | undefined): CarriedOverCount {
  const items = state?.items ?? [];
  return { done: items.filter((i) => i.doneAt !== undefined).length, total: items.length };
}
