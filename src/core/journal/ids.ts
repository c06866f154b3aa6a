import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Event id: unique within a journal, short enough to keep lines small.
 * 16 hex digits (64 random bits) make a collision within one session vanishingly unlikely.
 */
export function newId(): string {
  const uuid = randomUUID();
  // The UUID's first two groups plus the random tail: skips the fixed version/variant digits.
  return uuid.slice(0, 8) + uuid.slice(24, 32);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Session id that sorts by start time as a plain string (`20261122-023145-a1b2c3`), so
 * journal files list in order on disk. Uses UTC, because local time jumps back at DST changes.
 */
export function newSessionId(now: number): string {
  const d = new Date(Number.isFinite(now) ? now : Date.now());
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${date}-${time}-${randomBytes(3).toString('hex')}`;
}

const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * A session id becomes a file name, so anything that could escape the sessions folder
 * (`..`, slashes, drive letters) is refused before it reaches a path.
 */
export function isValidSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}
