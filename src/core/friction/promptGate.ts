/**
 * Decides whether a friction signal becomes a question to the user now. Asking at the moment
 * of failure is the point, but a question while typing, twice in a minute, or about something
 * already explained would itself be friction. Pure: every method takes the time explicitly.
 */

import type { FrictionEvent } from '../journal/events';
import { normalizeCommand } from './commandText';
import type { FrictionSignal } from './frictionTypes';

/** Pacing of prompts; defaults in {@link DEFAULT_PROMPT_GATE_CONFIG}. */
export interface PromptGateConfig {
  /** At most one prompt per this interval. */
  readonly minPromptIntervalMs: number;
  /** A friction logged for the same command within this window counts as already explained. */
  readonly explainedWindowMs: number;
  /** Keystrokes closer than this to now mean the user is typing: defer. */
  readonly typingQuietMs: number;
  /** Signals older than this are no longer worth asking about. */
  readonly maxSignalAgeMs: number;
}

/** Defaults that keep prompts rare: one per three minutes, never mid-keystroke. */
export const DEFAULT_PROMPT_GATE_CONFIG: PromptGateConfig = {
  minPromptIntervalMs: 3 * 60_000,
  explainedWindowMs: 30 * 60_000,
  typingQuietMs: 2000,
  maxSignalAgeMs: 2 * 60_000,
};

/** What to do with a signal: show it now, ask again after {@link PromptGate.nextCheckDelay}, or forget it. */
export type PromptDecision = 'prompt' | 'defer' | 'drop';

/** Explanations remembered at most, so a long session's friction log does not grow the gate. */
const MAX_EXPLANATIONS = 200;

interface Explanation {
  readonly eventId: string;
  readonly command: string;
  readonly time: number;
}

/**
 * Rate limit, mute, snooze, typing deferral and "already explained" in one place, so the
 * VS Code side only asks `consider()` and shows a notification on 'prompt'.
 */
export class PromptGate {
  /** Off means every signal is dropped (the user's setting). */
  enabled = true;
  private readonly config: PromptGateConfig;
  private muted = false;
  private snoozedUntil = Number.NEGATIVE_INFINITY;
  private lastPromptAt = Number.NEGATIVE_INFINITY;
  private lastTypingAt = Number.NEGATIVE_INFINITY;
  private explanations: Explanation[] = [];

  constructor(config: Partial<PromptGateConfig> = {}) {
    this.config = { ...DEFAULT_PROMPT_GATE_CONFIG, ...config };
  }

  /**
   * 'drop' for a quiet signal (an agent's single failure), when prompts are off, muted or snoozed, the signal is stale or already explained,
   * or a prompt was shown within the interval; 'defer' while the user is typing; else 'prompt'.
   * The caller calls {@link notePrompted} once it actually shows the prompt.
   */
  consider(signal: FrictionSignal, now: number): PromptDecision {
    if (signal.quiet) return 'drop';
    if (!this.enabled || this.muted || now < this.snoozedUntil) return 'drop';
    if (now - signal.time > this.config.maxSignalAgeMs) return 'drop';
    if (this.isExplained(signal, now)) return 'drop';
    if (now - this.lastPromptAt < this.config.minPromptIntervalMs) return 'drop';
    if (now - this.lastTypingAt < this.config.typingQuietMs) return 'defer';
    return 'prompt';
  }

  /** Milliseconds until a deferred signal is worth considering again (0: now). */
  nextCheckDelay(now: number): number {
    return Math.max(0, this.lastTypingAt + this.config.typingQuietMs - now);
  }

  /** Records a shown prompt; the interval counts from here. */
  notePrompted(now: number): void {
    this.lastPromptAt = Math.max(this.lastPromptAt, now);
  }

  /** Records a keystroke (or any typing the editor reports). */
  noteTyping(now: number): void {
    this.lastTypingAt = Math.max(this.lastTypingAt, now);
  }

  /** Records a friction the user logged, so signals about the same failure are not asked again. */
  noteExplained(friction: FrictionEvent): void {
    const trigger = friction.trigger;
    if (!trigger) return;
    this.explanations.push({ eventId: trigger.eventId, command: normalizeCommand(trigger.summary), time: friction.time });
    if (this.explanations.length > MAX_EXPLANATIONS) this.explanations.splice(0, this.explanations.length - MAX_EXPLANATIONS);
  }

  /** No more prompts for the rest of the session. */
  mute(): void {
    this.muted = true;
  }

  /** Whether {@link mute} was called. */
  get isMuted(): boolean {
    return this.muted;
  }

  /** No prompts for `ms` from `now` (time is passed in to keep the gate pure). */
  snooze(ms: number, now: number): void {
    this.snoozedUntil = Math.max(this.snoozedUntil, now + ms);
  }

  private isExplained(signal: FrictionSignal, now: number): boolean {
    const command = normalizeCommand(signal.trigger.summary);
    // Signals older than maxSignalAgeMs are dropped anyway, so explanations outside the window can go.
    this.explanations = this.explanations.filter((x) => now - x.time <= this.config.explainedWindowMs);
    return this.explanations.some((x) => x.eventId === signal.eventId || (command !== '' && x.command === command));
  }
}
