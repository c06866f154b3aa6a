import { randomBytes } from 'node:crypto';

// Random hex for this many ids is drawn at once: a UUID per event cost more than serialising
// the event's id, and a slice of a pooled hex string is almost free.
const IDS_PER_POOL = 512;
const ID_LENGTH = 16;
let pool = '';
let nextInPool = IDS_PER_POOL;

/**
 * Event id: unique within a journal, short enough to keep lines small.
 * 16 hex digits (64 random bits from the system's CSPRNG) make a collision within one session
 * vanishingly unlikely, also across a resumed session's recorders.
 */
export function newId(): string {
  if (nextInPool === IDS_PER_POOL) {
    pool = randomBytes((IDS_PER_POOL * ID_LENGTH) / 2).toString('hex');
    nextInPool = 0;
  }
  const at = nextInPool++ * ID_LENGTH;
  return pool.slice(at, at + ID_LENGTH);
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
