import * as vscode from 'vscode';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';

/** Files created, deleted and renamed from VS Code (explorer, refactorings); the pipeline gathers bursts. */
export class FileOpAdapter extends Disposable {
  constructor(private readonly sink: CaptureSink) {
    super();
    this.register(vscode.workspace.onDidCreateFiles((e) => this.paths('create', e.files)));
    this.register(vscode.workspace.onDidDeleteFiles((e) => this.paths('delete', e.files)));
    this.register(vscode.workspace.onDidRenameFiles((e) => {
      const renames = e.files
        .filter((f) => f.oldUri.scheme === 'file' && f.newUri.scheme === 'file')
        .map((f) => ({ from: f.oldUri.fsPath, to: f.newUri.fsPath }));
      this.sink.capture({ kind: 'files-changed', op: 'rename', renames, time: Date.now() });
    }));
  }

  private paths(op: 'create' | 'delete', uris: readonly vscode.Uri[]): void {
    const time = Date.now();
    this.sink.activity(time);
    const files = uris.filter((u) => u.scheme === 'file').map((u) => u.fsPath);
    this.sink.capture({ kind: 'files-changed', op, files, time });
  }
}
