/**
 * One window records a workspace at a time. Two windows on the same workspace (two browser
 * tabs on code-server, say) would otherwise both record every commit. VS Code may even give
 * the second window a storage folder of its own, so the lock lives in a folder every window
 * shares (the extension's global storage) under a key derived from the workspace's folders.
 * The lock file holds the recording process's pid and a heartbeat the holder refreshes every
 * minute; a lock whose process is gone (a crash, a kill), or whose heartbeat stopped (the pid
 * was reused by another program after a restart), is stale and taken over.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A lock not refreshed for this long is stale even if its pid is alive (pids get reused). */
export const LOCK_STALE_MS = 5 * 60_000;

/** Who holds a session's lock. */
export interface LockOwner {
  readonly pid: number;
  readonly since: number;
}

/** A stable file-name-safe key for a workspace: the hash of its folder URIs, in any order. */
export function workspaceLockKey(folderUris: readonly string[], fallback: string): string {
  const identity = folderUris.length ? [...folderUris].sort().join('\n') : fallback;
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

function lockFile(lockDir: string, key: string): string {
  return path.join(lockDir, `${key}.lock`);
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

function isLive(owner: LockOwner, now: number): boolean {
  return now - owner.since < LOCK_STALE_MS && isAlive(owner.pid);
}

/** The live process (other than this one) holding the lock `key`, if any. */
export function lockHolder(lockDir: string, key: string, now: number, pid = process.pid): LockOwner | undefined {
  const owner = readOwner(lockFile(lockDir, key));
  return owner && owner.pid !== pid && isLive(owner, now) ? owner : undefined;
}

/** The holder's heartbeat: rewrites `since` so other windows keep seeing the lock as live. */
export function refreshSessionLock(lockDir: string, key: string, now: number, pid = process.pid): void {
  const file = lockFile(lockDir, key);
  if (readOwner(file)?.pid !== pid) return;
  try {
    fs.writeFileSync(file, JSON.stringify({ pid, since: now }));
  } catch {
    // the next heartbeat tries again; a missed one only makes the lock look older
  }
}

/**
 * Takes the lock for this process. Returns the other live holder when it cannot; a stale lock
 * (dead process, unreadable file) is replaced. Exclusive creation makes two windows racing for
 * it agree on one winner.
 */
export function acquireSessionLock(lockDir: string, key: string, now: number, pid = process.pid): { ok: true } | { ok: false; holder: LockOwner } {
  const file = lockFile(lockDir, key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid, since: now }), { flag: 'wx' });
      return { ok: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      if (owner?.pid === pid) {
        refreshSessionLock(lockDir, key, now, pid);
        return { ok: true };
      }
      if (owner && isLive(owner, now)) return { ok: false, holder: owner };
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
export function releaseSessionLock(lockDir: string, key: string, pid = process.pid): void {
  const file = lockFile(lockDir, key);
  if (readOwner(file)?.pid !== pid) return;
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}
