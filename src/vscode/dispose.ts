import type * as vscode from 'vscode';

/**
 * Owns child disposables and disposes them together, newest first, like the markdown
 * extension's `Disposable`: every listener, watcher and timer has exactly one owner.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly children: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected register<T extends vscode.Disposable>(child: T): T {
    if (this.disposed) child.dispose();
    else this.children.push(child);
    return child;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const child of this.children.splice(0).reverse()) {
      try {
        child.dispose();
      } catch {
        // one failing child must not keep the others alive
      }
    }
  }
}
