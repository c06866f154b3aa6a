import * as vscode from 'vscode';
import { SaveCoalescer } from '../../core/capture/saveCoalescer';
import { toWorkspaceRelative } from '../../core/capture/workspacePaths';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';
import type { Scheduler } from '../../core/capture/burstCoalescer';
import { realScheduler } from './scheduler';

/**
 * File saves (file scheme only, workspace-relative). Each save costs a Map update: the
 * coalescer turns bursts (format-on-save over 500 files, replace-all) into one event.
 */
export class SaveAdapter extends Disposable {
  private readonly coalescer: SaveCoalescer;

  constructor(private readonly sink: CaptureSink, schedule: Scheduler = realScheduler) {
    super();
    this.coalescer = new SaveCoalescer({ emit: (draft) => this.sink.record(draft), schedule });
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)));
    this.register({ dispose: () => this.coalescer.flush() });
  }

  private saved(doc: vscode.TextDocument): void {
    const time = this.sink.now();
    this.sink.activity(time);
    if (!this.sink.recording || !this.sink.captures('saves') || doc.uri.scheme !== 'file') return;
    const path = toWorkspaceRelative(doc.uri.fsPath, this.sink.folders());
    if (path === undefined || this.sink.isExcludedPath(path)) return;
    this.coalescer.add({ path, languageId: doc.languageId, time });
  }

  /** Emits a pending burst now (session end). */
  flush(): void {
    this.coalescer.flush();
  }
}
