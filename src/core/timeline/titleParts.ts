/**
 * The pieces every event title is made of, shared by `describeEvent` and the per-source
 * describers beside it (`describeAgent`), so each says durations and shortens text the same way.
 */
/**
 * One plain-text line (and optional detail) per event, shared by the timeline panel and the
 * retrospective renderer so both say the same thing. Plain text only: callers escape for
 * their medium (the webview uses textContent, the renderer escapes Markdown).
 */
export interface EventDescription {
  readonly title: string;
  /**
   * The title in pieces, when part of it was captured from outside (a commit subject, a command
   * line, a path, a task name): the retrospective shows those as code, so that a subject such as
   * "TODO: wire X" reads as recorded data and never as the author's own unfinished prose.
   */
  readonly parts?: readonly TitlePart[];
  readonly detail?: string;
  /** Failed commands/tasks, friction: things the eye should catch. */
  readonly attention: boolean;
}

/** A piece of a title: the extension's own words, or captured text with the quotes the plain title puts around it. */
export interface TitlePart {
  readonly text: string;
  readonly captured?: boolean;
  readonly quote?: '`' | '"';
}

export const said = (text: string): TitlePart => ({ text });
export const captured = (text: string, quote?: '`' | '"'): TitlePart => (quote ? { text, captured: true, quote } : { text, captured: true });

/** The plain-text title of some parts (captured text in its quotes), for the panel and the log. */
export function plainTitle(parts: readonly TitlePart[]): string {
  return parts.map((p) => (p.quote ? `${p.quote}${p.text}${p.quote}` : p.text)).join('');
}

export function withParts(parts: TitlePart[], rest: Omit<EventDescription, 'title' | 'parts'>): EventDescription {
  return { title: plainTitle(parts), parts, ...rest };
}

const MAX_TITLE = 160;

/** Shortens a string to `max` characters with an ellipsis, so a 1 MB command line stays one line. */
export function shorten(text: string, max = MAX_TITLE): string {
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ⏎ ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/** "1.2 s", "3 min 5 s", "2 h 4 min": durations as people say them. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const totalMin = Math.floor(s / 60);
  if (totalMin < 60) {
    const rest = Math.round(s - totalMin * 60);
    return rest ? `${totalMin} min ${rest} s` : `${totalMin} min`;
  }
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

