/** How many items one `unshift` call takes: arguments live on the stack. */
const UNSHIFT_SLICE = 8192;

/**
 * Puts `items` in front of `target`, in place. `items.concat(target)` would copy a 50,000-item
 * array into a new one each time a few items join the front (a page of older events, a live
 * event at the top of a newest-first list): large arrays are only freed by a full garbage
 * collection, which then pauses a frame.
 */
export function prependInPlace<T>(target: T[], items: readonly T[]): void {
  for (let end = items.length; end > 0; end -= UNSHIFT_SLICE) target.unshift(...items.slice(Math.max(0, end - UNSHIFT_SLICE), end));
}
