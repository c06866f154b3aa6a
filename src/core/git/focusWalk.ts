/**
 * When focusing the window looks for new repositories again. A walk costs in proportion to the
 * folders it reads: the synchronous walk took 15-50 µs a folder on a loaded 2-core machine
 * (`findRepositories`, depth 4: 2-15 ms for a small project, ~100 ms for 6,800 folders, 100-220 ms
 * for /usr's 2,800), and people switch windows often. So a focus walks once 1 ms per folder of the
 * last walk has passed since it ended: walking takes at most ~1/20 of the time, a project of a few
 * hundred folders is walked at every focus that follows a moment away, 6,800 folders at most every 7 s.
 * The budget counts folders, not the walk's wall time: in the background on a busy extension host
 * a walk of 20 folders can take hundreds of milliseconds without costing more.
 */
export const FOCUS_WALK_MS_PER_FOLDER = 1;

/** What the last walk read and when it ended (epoch ms); before any walk, `{ folders: 0, end: 0 }`. */
export interface LastWalk {
  readonly folders: number;
  readonly end: number;
}

/** Whether a window focus at `now` may walk the workspace again, given what the last walk read. */
export function focusMayWalk(now: number, last: LastWalk): boolean {
  return now - last.end >= FOCUS_WALK_MS_PER_FOLDER * last.folders;
}
