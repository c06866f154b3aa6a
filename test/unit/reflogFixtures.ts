import type { ReflogEntry } from '../../src/core/git/reflogParser';
import { parseReflogLine } from '../../src/core/git/reflogParser';

export const A = '3a262fea5133548db4473ab6602b7cf51c5dced4';
export const B = '84960b216b778c5e27da188c1bad2a3ddbc8266f';

/** A parsed reflog entry (A → B) carrying `message`, for tests that only care about the message. */
export function reflogEntry(message: string): ReflogEntry {
  const parsed = parseReflogLine(`${A} ${B} Ada <ada@example.com> 1700000000 +0000\t${message}`);
  if (!parsed) throw new Error(`unparseable test line: ${message}`);
  return parsed;
}
