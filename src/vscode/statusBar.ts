import * as vscode from 'vscode';
import { CommandIds } from './commands/commandIds';
import { Disposable } from './dispose';
import type { SessionController } from './sessionController';

function clock(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Shows that a session is recording and for how long; a click reveals the Timeline. */
export class StatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('sessionJournal.status', vscode.StatusBarAlignment.Left, 50));
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly controller: SessionController) {
    super();
    this.item.name = 'Session Journal';
    this.item.command = CommandIds.showTimeline;
    this.register(controller.onDidChangeLifecycle(() => this.update()));
    this.register({ dispose: () => this.stopTimer() });
    this.update();
  }

  private update(): void {
    const summary = this.controller.active ? this.controller.summary() : null;
    if (!summary) {
      this.item.text = '$(circle-large-outline) Journal';
      this.item.tooltip = 'Session Journal: not recording. Click to open the Timeline and start a session.';
      this.item.accessibilityInformation = { label: 'Session Journal: not recording' };
      this.item.backgroundColor = undefined;
      this.item.show();
      this.stopTimer();
      return;
    }
    const state = this.controller.paused ? 'paused' : 'recording';
    this.item.text = `${this.controller.paused ? '$(debug-pause)' : '$(record)'} ${clock(summary.elapsedMs)}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**Session Journal** ${state}\n\n${summary.focus ? `Focus: ${summary.focus.replace(/[\\`*_[\]<>]/g, '\\$&')}\n\n` : ''}` +
        `Active ${clock(summary.activeMs)} · ${summary.counts.commits} commits · ${summary.counts.commands} commands (${summary.counts.commandsFailed} failed) · ${summary.counts.friction} friction\n\nClick to show the Timeline.`,
    );
    this.item.accessibilityInformation = { label: `Session Journal ${state} for ${clock(summary.elapsedMs)}` };
    this.item.show();
    if (!this.timer) this.timer = setInterval(() => this.update(), 15_000);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
