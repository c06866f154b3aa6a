import * as vscode from 'vscode';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';

/** File saves: each is activity; a saved file (not an untitled buffer) is a source event (the pipeline gathers bursts). */
export class SaveAdapter extends Disposable {
  constructor(private readonly sink: CaptureSink) {
    super();
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)));
  }

  private saved(doc: vscode.TextDocument): void {
    const time = Date.now();
    this.sink.activity(time);
    if (doc.uri.scheme === 'file') this.sink.capture({ kind: 'file-saved', file: doc.uri.fsPath, languageId: doc.languageId, time });
  }
}
