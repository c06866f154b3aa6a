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
      this.item.text = `$(circle-large-outline) ${vscode.l10n.t('Journal')}`;
      this.item.tooltip = vscode.l10n.t('Session Journal: not recording. Click to open the Timeline and start a session.');
      this.item.accessibilityInformation = { label: vscode.l10n.t('Session Journal: not recording') };
      this.item.backgroundColor = undefined;
      this.item.show();
      this.stopTimer();
      return;
    }
    const paused = this.controller.paused;
    this.item.text = `${paused ? '$(debug-pause)' : '$(record)'} ${clock(summary.elapsedMs)}`;
    const counts = summary.counts;
    this.item.tooltip = new vscode.MarkdownString(
      `${paused ? vscode.l10n.t('**Session Journal** paused') : vscode.l10n.t('**Session Journal** recording')}\n\n` +
        `${summary.focus ? `${vscode.l10n.t('Focus: {0}', summary.focus.replace(/[\\`*_[\]<>]/g, '\\$&'))}\n\n` : ''}` +
        `${vscode.l10n.t('Active {0} · {1} commits · {2} commands ({3} failed) · {4} friction', clock(summary.activeMs), counts.commits, counts.commands, counts.commandsFailed, counts.friction)}\n\n` +
        vscode.l10n.t('Click to show the Timeline.'),
    );
    this.item.accessibilityInformation = {
      label: paused ? vscode.l10n.t('Session Journal paused for {0}', clock(summary.elapsedMs)) : vscode.l10n.t('Session Journal recording for {0}', clock(summary.elapsedMs)),
    };
    this.item.show();
    if (!this.timer) this.timer = setInterval(() => this.update(), 15_000);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
