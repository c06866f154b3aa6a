import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireSessionLock, LOCK_STALE_MS, lockHolder, refreshSessionLock, releaseSessionLock, workspaceLockKey } from '../../src/core/journal/sessionLock';

function deadPid(): number {
  // A process that has exited: its pid is free (reuse within the test is practically impossible).
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('sessionLock', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-lock-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one process take a free lock and take it again', () => {
    assert.deepEqual(acquireSessionLock(dir, 's1', 1), { ok: true });
    assert.deepEqual(acquireSessionLock(dir, 's1', 2), { ok: true });
    assert.equal(lockHolder(dir, 's1', 7), undefined, 'this process is not "another" holder');
  });

  it('refuses a lock held by another live process and names it', () => {
    const other = process.ppid; // alive for the whole test
    assert.deepEqual(acquireSessionLock(dir, 's1', 5, other), { ok: true });
    const result = acquireSessionLock(dir, 's1', 6);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.holder.pid, other);
    assert.equal(lockHolder(dir, 's1', 7)?.pid, other);
  });

  it('takes over a stale lock left by a dead process', () => {
    const dead = deadPid();
    assert.deepEqual(acquireSessionLock(dir, 's1', 5, dead), { ok: true });
    assert.equal(lockHolder(dir, 's1', 7), undefined);
    assert.deepEqual(acquireSessionLock(dir, 's1', 6), { ok: true });
  });

  it('takes over a lock whose heartbeat stopped, even if its pid is alive again (reused)', () => {
    const other = process.ppid;
    assert.deepEqual(acquireSessionLock(dir, 's1', 1000, other), { ok: true });
    assert.equal(acquireSessionLock(dir, 's1', 1000 + LOCK_STALE_MS - 1).ok, false, 'fresh: held');
    assert.equal(lockHolder(dir, 's1', 1000 + LOCK_STALE_MS), undefined, 'stale: nobody holds it');
    assert.deepEqual(acquireSessionLock(dir, 's1', 1000 + LOCK_STALE_MS), { ok: true });
  });

  it('stays held while its holder keeps the heartbeat', () => {
    const other = process.ppid;
    acquireSessionLock(dir, 's1', 0, other);
    refreshSessionLock(dir, 's1', LOCK_STALE_MS, other);
    assert.equal(lockHolder(dir, 's1', LOCK_STALE_MS + 1000)?.pid, other);
    refreshSessionLock(dir, 's1', 10 * LOCK_STALE_MS); // not ours: ignored
    assert.equal(lockHolder(dir, 's1', 2 * LOCK_STALE_MS)?.pid, undefined, 'a stranger cannot refresh it');
  });

  it('treats an unreadable lock file as stale', () => {
    fs.writeFileSync(path.join(dir, 's1.lock'), '{"pid": 12');
    assert.deepEqual(acquireSessionLock(dir, 's1', 1), { ok: true });
  });

  it('keys a workspace by its folders, whatever their order', () => {
    const a = workspaceLockKey(['file:///a', 'file:///b'], 'x');
    assert.equal(a, workspaceLockKey(['file:///b', 'file:///a'], 'y'));
    assert.notEqual(a, workspaceLockKey(['file:///a'], 'x'));
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(workspaceLockKey([], '/storage/one'), workspaceLockKey([], '/storage/two'));
  });

  it('releases only its own lock', () => {
    const other = process.ppid;
    acquireSessionLock(dir, 's1', 1, other);
    releaseSessionLock(dir, 's1');
    assert.equal(lockHolder(dir, 's1', 7)?.pid, other, "another process's lock stays");
    releaseSessionLock(dir, 's1', other);
    assert.equal(lockHolder(dir, 's1', 7), undefined);
    assert.deepEqual(acquireSessionLock(dir, 's1', 2), { ok: true });
  });
});
