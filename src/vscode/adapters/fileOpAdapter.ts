import * as vscode from 'vscode';
import { FileOpCoalescer } from '../../core/capture/fileOpCoalescer';
import { toWorkspaceRelative } from '../../core/capture/workspacePaths';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';
import type { Scheduler } from '../../core/capture/burstCoalescer';
import { realScheduler } from './scheduler';

/** Files created, deleted and renamed from VS Code (explorer, refactorings), coalesced into bursts. */
export class FileOpAdapter extends Disposable {
  private readonly coalescer: FileOpCoalescer;

  constructor(private readonly sink: CaptureSink, schedule: Scheduler = realScheduler) {
    super();
    this.coalescer = new FileOpCoalescer({ emit: (draft) => this.sink.record(draft), schedule });
    this.register(vscode.workspace.onDidCreateFiles((e) => this.paths('create', e.files)));
    this.register(vscode.workspace.onDidDeleteFiles((e) => this.paths('delete', e.files)));
    this.register(vscode.workspace.onDidRenameFiles((e) => {
      if (!this.sink.recording || !this.sink.captures('saves')) return;
      const renames = e.files
        .map((f) => ({ from: this.relative(f.oldUri), to: this.relative(f.newUri) }))
        .filter((r): r is { from: string; to: string } => r.from !== undefined && r.to !== undefined);
      if (renames.length) this.coalescer.add({ op: 'rename', renames, time: this.sink.now() });
    }));
    this.register({ dispose: () => this.coalescer.flush() });
  }

  private relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== 'file') return undefined;
    const rel = toWorkspaceRelative(uri.fsPath, this.sink.folders());
    return rel === undefined || this.sink.isExcludedPath(rel) ? undefined : rel;
  }

  private paths(op: 'create' | 'delete', uris: readonly vscode.Uri[]): void {
    const time = this.sink.now();
    this.sink.activity(time);
    if (!this.sink.recording || !this.sink.captures('saves')) return;
    const paths = uris.map((u) => this.relative(u)).filter((p): p is string => p !== undefined);
    if (paths.length) this.coalescer.add({ op, paths, time });
  }

  flush(): void {
    this.coalescer.flush();
  }
}
