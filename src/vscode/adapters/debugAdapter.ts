import * as vscode from 'vscode';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';

/** Debug sessions: when they started, how long they ran. */
export class DebugAdapter extends Disposable {
  private readonly starts = new Map<string, number>();

  constructor(private readonly sink: CaptureSink) {
    super();
    this.register(vscode.debug.onDidStartDebugSession((s) => {
      const now = Date.now();
      this.starts.set(s.id, now);
      this.sink.spanStarted(s.id, now);
    }));
    this.register(vscode.debug.onDidTerminateDebugSession((s) => {
      const end = Date.now();
      const start = this.starts.get(s.id) ?? end;
      this.starts.delete(s.id);
      this.sink.spanEnded(s.id, end);
      this.sink.capture({ kind: 'debug', time: end, start, durationMs: Math.max(0, end - start), name: s.name, type: s.type });
    }));
  }
}
