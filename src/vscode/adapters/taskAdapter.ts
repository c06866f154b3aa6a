import * as vscode from 'vscode';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';

/** Tasks (build, test, watch…) with their exit code; a task that ends without one is "unknown". */
export class TaskAdapter extends Disposable {
  private readonly starts = new Map<vscode.TaskExecution, number>();

  constructor(private readonly sink: CaptureSink) {
    super();
    this.register(vscode.tasks.onDidStartTaskProcess((e) => {
      const now = Date.now();
      this.starts.set(e.execution, now);
      // A background task (a watcher) runs all day whether or not anyone works.
      if (e.execution.task.isBackground) this.sink.activity(now);
      else this.sink.spanStarted(e.execution, now);
    }));
    this.register(vscode.tasks.onDidEndTaskProcess((e) => {
      const end = Date.now();
      const start = this.starts.get(e.execution) ?? end;
      this.starts.delete(e.execution);
      this.sink.spanEnded(e.execution, end);
      const task = e.execution.task;
      this.sink.capture({
        kind: 'task',
        time: end,
        start,
        durationMs: Math.max(0, end - start),
        name: task.name,
        source: task.source,
        exitCode: typeof e.exitCode === 'number' ? e.exitCode : null,
      });
    }));
  }
}
