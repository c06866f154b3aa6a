/**
 * Polling instead of fixed sleeps: the extension host, the terminal and git all finish at
 * their own pace, and a test that waits for what it needs is both faster and less flaky.
 */

/** Resolves with the first truthy value `probe` returns; rejects after `timeoutMs` with `what` in the message. */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await delay(50);
  }
}

/** A short pause, only where the UI needs a moment between two steps (quick pick then input box). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when `probe` stays falsy for the whole of `ms`: for asserting that something does NOT happen. */
export async function staysFalse(probe: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (probe()) return false;
    await delay(50);
  }
  return !probe();
}
