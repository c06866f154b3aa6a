import type { JournalEvent } from '../core/journal/events';
import { EVENT_ROLES } from '../core/journal/eventKinds';
import { describeEvent } from '../core/timeline/describeEvent';
import { t } from './strings';

/** Timers the announcer uses; the webview passes `window`'s, unit tests a fake clock. */
export interface AnnouncerTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/**
 * A screen reader hears about new Timeline rows without being flooded: rows that arrive
 * together are said once, after the stream has been quiet for {@link QUIET_MS}, and a stream
 * that never pauses (a save storm, an agent at work) is still said at most every
 * {@link MAX_WAIT_MS}. So a burst of 500 saves is one announcement, not 500 and not 20.
 */
export class NewRowsAnnouncer {
  static readonly QUIET_MS = 1000;
  static readonly MAX_WAIT_MS = 5000;

  private count = 0;
  private attention = 0;
  private only: JournalEvent | undefined;
  private firstAt = 0;
  private timer: number | undefined;

  constructor(private readonly say: (text: string) => void, private readonly timers: AnnouncerTimers) {}

  /** New events from the host; edits and deletes change rows already there, so they are not "new". */
  add(events: readonly JournalEvent[]): void {
    for (const e of events) {
      if (EVENT_ROLES[e.kind] === 'user-change') continue;
      if (this.count === 0) this.firstAt = this.timers.now();
      this.count++;
      this.only = this.count === 1 ? e : undefined;
      if (describeEvent(e).attention) this.attention++;
    }
    if (this.count === 0) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    const left = NewRowsAnnouncer.MAX_WAIT_MS - (this.timers.now() - this.firstAt);
    this.timer = this.timers.setTimeout(() => this.flush(), Math.max(0, Math.min(NewRowsAnnouncer.QUIET_MS, left)));
  }

  /** Drops what was waiting (the session was replaced): old news is not announced. */
  clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.count = 0;
    this.attention = 0;
    this.only = undefined;
  }

  private flush(): void {
    const text = announcement(this.count, this.attention, this.only);
    this.clear();
    this.say(text);
  }
}

/** "New: `npm test` failed (exit 1)" for one row; "500 new entries" or "12 new entries, 2 need attention" for many. */
export function announcement(count: number, attention: number, only?: JournalEvent): string {
  if (count === 1 && only) return t('newOne', describeEvent(only).title);
  if (!attention) return t('newEntries', count);
  return t(attention === 1 ? 'newEntriesAttentionOne' : 'newEntriesAttentionMany', count, attention);
}
