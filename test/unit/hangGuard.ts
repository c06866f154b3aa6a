/**
 * A guard against hangs (catastrophic regexes, quadratic loops), not a speed measurement:
 * speed is measured by `npm run bench`. The limit is far above any healthy run and counts this
 * process's CPU time, so a busy machine (two shared cores in CI) does not make it flaky.
 */
import * as assert from 'node:assert/strict';

export const HANG_LIMIT_MS = 5000;

/** Runs `fn` and fails only when it burns more than HANG_LIMIT_MS of CPU: a hang, not slowness. */
export function withinHangLimit<T>(what: string, fn: () => T, limitMs = HANG_LIMIT_MS): T {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < limitMs, `${what} used ${ms.toFixed(0)} ms of CPU: it looks like a hang`);
  return result;
}
