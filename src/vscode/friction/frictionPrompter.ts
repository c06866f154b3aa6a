import * as vscode from 'vscode';
import type { JournalEvent } from '../../core/journal/events';
import { FrictionDetector } from '../../core/friction/frictionDetector';
import type { FrictionSignal } from '../../core/friction/frictionTypes';
import { resolveFrictionConfig } from '../../core/friction/frictionTypes';
import { PromptGate } from '../../core/friction/promptGate';
import { CommandIds } from '../commands/commandIds';
import type { LogFrictionArgs } from '../commands/logFriction';
import { Disposable } from '../dispose';
import type { SessionController } from '../sessionController';
import type { Settings } from '../settings';


/** "Not Now" means: not for a while. */
const NOT_NOW_SNOOZE_MS = 10 * 60_000;

/**
 * Asks "what got in the way?" the moment a rule fires: a non-modal notification (it never
 * takes the keyboard), at most one per interval, never while the user types, never for a
 * failure already explained. The rules and the pacing are pure (src/core/friction).
 */
export class FrictionPrompter extends Disposable {
  private detector: FrictionDetector;
  private gate: PromptGate;
  private deferred: FrictionSignal | undefined;
  private deferTimer: ReturnType<typeof setTimeout> | undefined;
  /** Prompts shown in this session (tests and the log read it). */
  shown = 0;
  /** The signal of the last prompt shown (tests read what Log Friction would be given). */
  lastShown: FrictionSignal | undefined;

  constructor(controller: SessionController, private settings: Settings) {
    super();
    this.detector = this.makeDetector();
    this.gate = this.makeGate();
    this.register(controller.onDidRecord((e) => this.observe(e)));
    this.register(controller.onDidChangeLifecycle(() => {
      if (!controller.active) this.reset();
    }));
    this.register({ dispose: () => this.clearDeferred() });
  }

  /**
   * Whether a signal waits for the user to stop typing. Every other signal is decided (shown or
   * dropped) the moment its event is recorded, so once this is false nothing more will be shown
   * for what was recorded so far: tests wait for that instead of watching for a while.
   */
  get deferring(): boolean {
    return this.deferred !== undefined;
  }

  /** Typing defers prompts until the user pauses. */
  noteTyping(time: number): void {
    this.gate.noteTyping(time);
  }

  updateSettings(settings: Settings): void {
    const changed = JSON.stringify(settings.friction) !== JSON.stringify(this.settings.friction);
    this.settings = settings;
    // Other settings leave the detector's history and the gate's memory (what was explained) alone.
    if (!changed) return;
    const muted = this.gate.isMuted;
    this.detector = this.makeDetector();
    this.gate = this.makeGate();
    if (muted) this.gate.mute();
  }

  private makeDetector(): FrictionDetector {
    return new FrictionDetector(resolveFrictionConfig({ slowCommandMs: this.settings.friction.slowCommandSeconds * 1000 }));
  }

  private makeGate(): PromptGate {
    const gate = new PromptGate({ minPromptIntervalMs: this.settings.friction.minPromptIntervalMinutes * 60_000 });
    gate.enabled = this.settings.friction.prompts;
    return gate;
  }

  private reset(): void {
    this.clearDeferred();
    this.detector = this.makeDetector();
    this.gate = this.makeGate();
  }

  private observe(e: JournalEvent): void {
    if (e.kind === 'friction') {
      this.gate.noteExplained(e);
      return;
    }
    const signals = this.detector.observe(e);
    if (signals.length === 0) return;
    const strongest = signals.reduce((a, b) => (b.severity > a.severity ? b : a));
    this.consider(strongest);
  }

  private consider(signal: FrictionSignal): void {
    const now = Date.now();
    switch (this.gate.consider(signal, now)) {
      case 'prompt':
        this.clearDeferred();
        this.gate.notePrompted(now);
        void this.prompt(signal);
        return;
      case 'defer':
        this.deferred = signal;
        if (this.deferTimer) clearTimeout(this.deferTimer);
        this.deferTimer = setTimeout(() => {
          this.deferTimer = undefined;
          const pending = this.deferred;
          this.deferred = undefined;
          if (pending) this.consider(pending);
        }, Math.max(250, this.gate.nextCheckDelay(now)));
        return;
      case 'drop':
        return;
    }
  }

  private async prompt(signal: FrictionSignal): Promise<void> {
    this.shown++;
    this.lastShown = signal;
    // Looked up here, not at load: the l10n bundle is read when the extension activates.
    const LOG = vscode.l10n.t('Log Friction…');
    const NOT_NOW = vscode.l10n.t('Not Now');
    const MUTE = vscode.l10n.t('Mute for This Session');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0}. What got in the way?', signal.message), LOG, NOT_NOW, MUTE);
    if (answer === LOG) {
      const args: LogFrictionArgs = { eventId: signal.eventId, title: signal.suggestedTitle, category: signal.suggestedCategory, trigger: signal.trigger };
      await vscode.commands.executeCommand(CommandIds.logFriction, args);
    } else if (answer === MUTE) {
      this.gate.mute();
    } else if (answer === NOT_NOW) {
      this.gate.snooze(NOT_NOW_SNOOZE_MS, Date.now());
    }
  }

  private clearDeferred(): void {
    if (this.deferTimer) clearTimeout(this.deferTimer);
    this.deferTimer = undefined;
    this.deferred = undefined;
  }
}
