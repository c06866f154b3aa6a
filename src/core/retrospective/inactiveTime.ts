/**
 * Active time is wall-clock time minus the stretches nobody worked: idle stretches the idle
 * detector recorded, paused recording, gaps while VS Code was closed or crashed, and (when the
 * caller asks) long silences between events. Stretches overlap (an idle stretch inside a pause),
 * so they are merged before they are subtracted; nothing is counted twice.
 *
 * An AI agent's turn in progress is active time: an idle stretch or a silence while an agent
 * worked is not idle (the person waits for it or reviews its work). A pause or a gap stays
 * inactive whatever an agent did meanwhile: the person stopped recording.
 */
import type { JournalEvent } from '../journal/events';
import { agentTurns, subtractIntervals } from './agentTurns';
import type { Interval } from './model';

/** Stretches without work, merged, sorted and clipped to [start, end]. */
export function inactiveIntervals(
  events: readonly JournalEvent[],
  start: number,
  end: number,
  idleMinutes?: number,
): Interval[] {
  const raw: Interval[] = [];
  const quiet: Interval[] = [];
  let pausedAt: number | undefined;
  let previous: number | undefined;
  const silenceMs = idleMinutes !== undefined && idleMinutes > 0 ? idleMinutes * 60_000 : undefined;
  for (const e of events) {
    switch (e.kind) {
      case 'idle':
        quiet.push({ from: e.from, to: e.to });
        break;
      case 'session-gap':
        raw.push({ from: e.from, to: e.to });
        break;
      case 'session-pause':
        pausedAt ??= e.time;
        break;
      case 'session-resume':
        if (pausedAt !== undefined) raw.push({ from: pausedAt, to: e.time });
        pausedAt = undefined;
        break;
      default:
        break;
    }
    if (silenceMs !== undefined) {
      // Spans (commands, tasks, save bursts) were active from their start, not just at `time`.
      const began = 'start' in e && typeof e.start === 'number' ? e.start : e.time;
      if (previous !== undefined && began - previous > silenceMs) quiet.push({ from: previous, to: began });
      previous = previous === undefined ? e.time : Math.max(previous, e.time);
    }
  }
  if (pausedAt !== undefined) raw.push({ from: pausedAt, to: end });
  const turns = mergeIntervals(agentTurns(events), start, end);
  const idle = turns.length === 0 ? quiet : subtractIntervals(mergeIntervals(quiet, start, end), turns);
  return mergeIntervals([...raw, ...idle], start, end);
}

/** Sorts, clips and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[], start: number, end: number): Interval[] {
  const clipped = intervals
    .map((i) => ({ from: Math.max(i.from, start), to: Math.min(i.to, end) }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const i of clipped) {
    const last = merged[merged.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}

/** Total length of already merged intervals. */
export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const i of intervals) sum += i.to - i.from;
  return sum;
}
