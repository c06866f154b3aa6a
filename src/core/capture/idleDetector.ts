import type { EventDraft, IdleEvent } from '../journal/events';

/** What the idle detector needs: the threshold and where to send idle stretches. */
export interface IdleDetectorOptions {
  /** A gap between two activities longer than this is an idle stretch. */
  readonly idleMs: number;
  readonly emit: (draft: EventDraft<IdleEvent>) => void;
  /**
   * How long a running span (a task, a debug session) keeps the session active. Watching a
   * 30-minute build is work; a debug session left open over lunch is not, so a span stops
   * counting after this long. Default one hour.
   */
  readonly spanActiveMs?: number;
}

const DEFAULT_SPAN_ACTIVE_MS = 60 * 60_000;

/**
 * Finds stretches without activity so the retrospective can report active time, not just wall
 * clock. An idle stretch is only emitted once activity resumes (or the session pauses or ends,
 * see {@link close}), because until then it has no end; the periodic `check` merely notes that
 * we are idle (for a status bar, say).
 */
export class IdleDetector {
  private lastActivity: number | undefined;
  private idleMs: number;
  private readonly spanActiveMs: number;
  private readonly emit: (draft: EventDraft<IdleEvent>) => void;
  /** Running spans by the caller's key (an execution, a debug session id), with their start. */
  private readonly spans = new Map<unknown, number>();

  constructor(options: IdleDetectorOptions) {
    this.idleMs = options.idleMs;
    this.spanActiveMs = options.spanActiveMs ?? DEFAULT_SPAN_ACTIVE_MS;
    this.emit = options.emit;
  }

  /** Records activity at `time`; emits the idle stretch that this activity ends, if any. */
  activity(time: number): void {
    const last = this.lastActiveBefore(time);
    if (last !== undefined && time - last > this.idleMs) {
      this.emit({ kind: 'idle', time, from: last, to: time });
    }
    // Events can arrive slightly out of order (a command's end reported after a save);
    // an older timestamp must not move the clock back and invent a later idle gap.
    if (this.lastActivity === undefined || time > this.lastActivity) this.lastActivity = time;
  }

  /** A task or debug session started: the session is active while it runs (up to spanActiveMs). */
  spanStarted(key: unknown, time: number): void {
    this.activity(time);
    this.spans.set(key, time);
  }

  /** The span started under `key` ended: activity at `time`, judged while the span still counts. */
  spanEnded(key: unknown, time: number): void {
    this.activity(time);
    this.spans.delete(key);
  }

  /**
   * The session pauses or ends at `now`: a quiet spell under way has its end now, so it is
   * emitted (an hour away before End Session is not active time). Forgets the clock afterwards.
   */
  close(now: number): void {
    this.activity(now);
    this.reset();
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
    const last = this.lastActiveBefore(now);
    return last !== undefined && now - last > this.idleMs;
  }

  /** Time of the last recorded activity, e.g. for a session-gap after a crash. */
  get lastActivityTime(): number | undefined {
    return this.lastActivity;
  }

  /**
   * Forgets the last activity and running spans, e.g. when the session is paused: a pause is not
   * idle time, and the first activity after resume must not produce an idle stretch spanning it.
   */
  reset(): void {
    this.lastActivity = undefined;
    this.spans.clear();
  }

  /** The last moment the session was active as seen at `time`: the last activity, or a running span up to its cap. */
  private lastActiveBefore(time: number): number | undefined {
    let last = this.lastActivity;
    for (const start of this.spans.values()) {
      const activeUntil = Math.min(time, start + this.spanActiveMs);
      if (last === undefined || activeUntil > last) last = activeUntil;
    }
    return last;
  }
}
