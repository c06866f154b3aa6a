import { appendFileSync } from 'node:fs';

/** Records one host-side step of showing the Timeline, with an optional detail. */
export type TimelineTrace = (step: string, detail?: string) => void;

/** The environment variable naming the trace file; bench/realWebview.mjs sets it on code-server. */
export const TIMELINE_TRACE_ENV = 'SESSION_JOURNAL_TIMELINE_TRACE';

/**
 * The host's half of the real-webview benchmark: when {@link TIMELINE_TRACE_ENV} names a file,
 * each step is appended to it as `step<TAB>epoch ms<TAB>detail`, on the same clock as the
 * webview's `performance.timeOrigin + performance.now()`, so the two halves line up. Unset (every
 * user), there is no trace and no cost.
 */
export function timelineTraceFromEnv(env: NodeJS.ProcessEnv = process.env): TimelineTrace | undefined {
  const file = env[TIMELINE_TRACE_ENV];
  if (!file) return undefined;
  return (step, detail = '') => {
    try {
      appendFileSync(file, `${step}\t${(performance.timeOrigin + performance.now()).toFixed(2)}\t${detail}\n`);
    } catch {
      // A benchmark aid: a trace that cannot be written must never break the view.
    }
  };
}
