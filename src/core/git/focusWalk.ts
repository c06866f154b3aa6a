/**
 * When focusing the window looks for new repositories again. A walk of the workspace costs in
 * proportion to its folders (measured with the synchronous walk: 2-15 ms for a small project,
 * ~100 ms for 6,800 folders, 100-220 ms for /usr's 2,800 on a loaded 2-core machine), and people
 * switch windows often. So a focus walks only once 20 times the last walk's duration has passed
 * since it ended: walking takes at most 1/20 of the time, a small workspace is walked at every
 * focus, and ~6,800 folders (~280 ms in the background) at most every ~6 s.
 */
export const FOCUS_WALK_COST_FACTOR = 20;

/** What the last walk cost: how long it took and when it ended (epoch ms); none yet is `{ ms: 0, end: 0 }`. */
export interface LastWalk {
  readonly ms: number;
  readonly end: number;
}

/** Whether a window focus at `now` may walk the workspace again, given what the last walk cost. */
export function focusMayWalk(now: number, last: LastWalk): boolean {
  return now - last.end >= FOCUS_WALK_COST_FACTOR * last.ms;
}
