import type { EventDraft, IdleEvent } from './events';

/** What the idle detector needs: the threshold and where to send idle stretches. */
export interface IdleDetectorOptions {
  /** A gap between two activities longer than this is an idle stretch. */
  readonly idleMs: number;
  readonly emit: (draft: EventDraft<IdleEvent>) => void;
}

/**
 * Finds stretches without activity so the retrospective can report active time, not just wall
 * clock. An idle stretch is only emitted once activity resumes, because until then it has no
 * end; the periodic `check` merely notes that we are idle (for a status bar, say).
 */
export class IdleDetector {
  private lastActivity: number | undefined;
  private idleMs: number;
  private readonly emit: (draft: EventDraft<IdleEvent>) => void;

  constructor(options: IdleDetectorOptions) {
    this.idleMs = options.idleMs;
    this.emit = options.emit;
  }

  /** Records activity at `time`; emits the idle stretch that this activity ends, if any. */
  activity(time: number): void {
    const last = this.lastActivity;
    // Events can arrive slightly out of order (a command's end reported after a save);
    // an older timestamp must not move the clock back and invent a later idle gap.
    if (last !== undefined && time <= last) return;
    if (last !== undefined && time - last > this.idleMs) {
      this.emit({ kind: 'idle', time, from: last, to: time });
    }
    this.lastActivity = time;
  }

  /**
   * Changes the threshold (the user edited `idleMinutes`) and keeps the last activity, so a
   * stretch already under way is still reported, judged by the new threshold, when it ends.
   */
  setIdleMs(idleMs: number): void {
    this.idleMs = idleMs;
  }

  /** Periodic tick: true while idle. Emits nothing, so the idle stretch keeps an honest end. */
  check(now: number): boolean {
    return this.isIdle(now);
  }

  /** Whether more than idleMs passed since the last activity (false before any activity). */
  isIdle(now: number): boolean {
    return this.lastActivity !== undefined && now - this.lastActivity > this.idleMs;
  }

  /** Time of the last recorded activity, e.g. for a session-gap after a crash. */
  get lastActivityTime(): number | undefined {
    return this.lastActivity;
  }

  /**
   * Forgets the last activity, e.g. when the session is paused: a pause is not idle time, and
   * the first activity after resume must not produce an idle stretch spanning the pause.
   */
  reset(): void {
    this.lastActivity = undefined;
  }
}
