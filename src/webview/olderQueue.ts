import type { JournalEvent } from '../core/journal/events';
import { isMutation } from './timelineModel';

/** A page of older events as the host sends it: journal order, and how many the host sends after it. */
export interface OlderPage {
  readonly events: readonly JournalEvent[];
  readonly remaining: number;
}

/** Events to take in at once, and how many older events are still to come after them. */
export interface OlderChunk {
  readonly events: readonly JournalEvent[];
  readonly pending: number;
}

/**
 * The most events `next` hands out at once, unless asked for fewer. How many a frame takes is
 * paced by count (src/webview/intakePace.ts); the chunks only cut pages into slices.
 */
export const OLDER_CHUNK_EVENTS = 200;

/**
 * The `older` pages received and not yet taken in, handed out in chunks newest first, so that
 * each chunk is older than everything taken before it (the model puts it in front in one step)
 * and the webview can stop between any two chunks when its time in a frame is up. A page's edits
 * and deletions go with its last chunk: they may target any event of the page, as when the page
 * was taken whole.
 */
export class OlderQueue {
  private readonly pages: { readonly events: readonly JournalEvent[]; readonly mutations: readonly JournalEvent[]; readonly remaining: number; end: number }[] = [];

  constructor(private readonly chunkEvents = OLDER_CHUNK_EVENTS) {
    if (chunkEvents < 1) throw new RangeError('a chunk holds at least one event');
  }

  get empty(): boolean {
    return this.pages.length === 0;
  }

  push(page: OlderPage): void {
    const mutations = page.events.filter(isMutation);
    const events = mutations.length ? page.events.filter((e) => !isMutation(e)) : page.events;
    this.pages.push({ events, mutations, remaining: page.remaining, end: events.length });
  }

  clear(): void {
    this.pages.length = 0;
  }

  /** The newest events not yet taken of the oldest page received, up to a chunk (or `max`); undefined when none wait. */
  next(max = this.chunkEvents): OlderChunk | undefined {
    const page = this.pages[0];
    if (!page) return undefined;
    const start = Math.max(0, page.end - Math.max(1, Math.min(max, this.chunkEvents)));
    const events = page.events.slice(start, page.end);
    page.end = start;
    if (start > 0) return { events, pending: page.remaining + start + page.mutations.length };
    this.pages.shift();
    return { events: page.mutations.length ? events.concat(page.mutations) : events, pending: page.remaining };
  }
}

/**
 * Hands chunks from `next` (asked for no more events than are still allowed) to `take` until
 * `allowance` events are taken or none wait, at least one chunk so that the stream always moves;
 * returns how many events were taken. A page's last chunk carries its edits and deletions too, so
 * the allowance can be passed by those.
 */
export function takeUpTo(allowance: number, next: (max: number) => OlderChunk | undefined, take: (chunk: OlderChunk) => void): number {
  let taken = 0;
  for (let chunk = next(Math.max(1, allowance)); chunk !== undefined; chunk = taken < allowance ? next(allowance - taken) : undefined) {
    take(chunk);
    taken += chunk.events.length;
  }
  return taken;
}
