import * as vscode from 'vscode';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';

/**
 * Typing, switching editors and focusing the window count as activity for idle detection.
 * Typing fires often, so it is sampled: at most one activity note per second.
 */
export class ActivityAdapter extends Disposable {
  private last = 0;

  constructor(private readonly sink: CaptureSink, private readonly onTyping?: (time: number) => void) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme !== 'file' || e.contentChanges.length === 0) return;
      const now = Date.now();
      this.onTyping?.(now);
      this.note(now);
    }));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.note(Date.now())));
    this.register(vscode.window.onDidChangeWindowState((s) => { if (s.focused) this.note(Date.now()); }));
  }

  private note(now: number): void {
    if (now - this.last < 1000) return;
    this.last = now;
    this.sink.activity(now);
  }
}
