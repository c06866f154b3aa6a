import * as vscode from 'vscode';
import type { LockOwner } from '../core/journal/sessionLock';
import { acquireSessionLock, lockHolder, refreshSessionLock, releaseSessionLock, workspaceLockKey } from '../core/journal/sessionLock';

/** How often a recording window tells the others it is alive. */
const HEARTBEAT_MS = 60_000;

/**
 * The per-workspace lock that keeps two windows from recording one session twice, held while this
 * window records, with the heartbeat that keeps it fresh. The lock lives in a folder every window
 * shares (global storage); the session controller decides when to take and release it.
 */
export class WorkspaceLock implements vscode.Disposable {
  private readonly key: string;
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly dir: string, storageDir: string) {
    this.key = workspaceLockKey((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()), storageDir);
  }

  /** Takes the lock, or says which window holds it; a held lock is refreshed until released. */
  acquire(): { ok: true } | { ok: false; holder: LockOwner } {
    const lock = acquireSessionLock(this.dir, this.key, Date.now());
    if (lock.ok) this.heartbeat ??= setInterval(() => refreshSessionLock(this.dir, this.key, Date.now()), HEARTBEAT_MS);
    return lock;
  }

  /** The live window that holds the lock, if another one does. */
  holder(): LockOwner | undefined {
    return lockHolder(this.dir, this.key, Date.now());
  }

  release(): void {
    this.stopHeartbeat();
    releaseSessionLock(this.dir, this.key);
  }

  /** Stops refreshing without releasing (the window closes: a reload resumes the session). */
  dispose(): void {
    this.stopHeartbeat();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
