/**
 * One window records a session at a time. Two windows on the same workspace (two browser tabs
 * on code-server, say) share the journal folder; without a lock both would resume the open
 * session and record every commit twice. The lock is a file next to the journal holding the
 * recording process's pid; a lock whose process is gone (a crash, a kill) is stale and taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sessionsDir } from './journalStore';

/** Who holds a session's lock. */
export interface LockOwner {
  readonly pid: number;
  readonly since: number;
}

function lockFile(storageDir: string, sessionId: string): string {
  return path.join(sessionsDir(storageDir), `${sessionId}.lock`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof value === 'object' && value !== null) {
      const { pid, since } = value as Record<string, unknown>;
      if (typeof pid === 'number' && typeof since === 'number') return { pid, since };
    }
  } catch {
    // unreadable or half-written: treated as stale
  }
  return undefined;
}

/** The live process (other than this one) recording `sessionId`, if any. */
export function lockHolder(storageDir: string, sessionId: string, pid = process.pid): LockOwner | undefined {
  const owner = readOwner(lockFile(storageDir, sessionId));
  return owner && owner.pid !== pid && isAlive(owner.pid) ? owner : undefined;
}

/**
 * Takes the lock for this process. Returns the other live holder when it cannot; a stale lock
 * (dead process, unreadable file) is replaced. Exclusive creation makes two windows racing for
 * it agree on one winner.
 */
export function acquireSessionLock(storageDir: string, sessionId: string, now: number, pid = process.pid): { ok: true } | { ok: false; holder: LockOwner } {
  const file = lockFile(storageDir, sessionId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid, since: now }), { flag: 'wx' });
      return { ok: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      if (owner?.pid === pid) return { ok: true };
      if (owner && isAlive(owner.pid)) return { ok: false, holder: owner };
      try {
        fs.unlinkSync(file);
      } catch {
        // another window removed it first; try again
      }
    }
  }
  const holder = readOwner(file);
  return holder ? { ok: false, holder } : { ok: true };
}

/** Releases the lock when this process holds it. */
export function releaseSessionLock(storageDir: string, sessionId: string, pid = process.pid): void {
  const file = lockFile(storageDir, sessionId);
  if (readOwner(file)?.pid !== pid) return;
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}
