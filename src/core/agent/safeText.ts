import { shortenText, MAX_COMMAND_LINE } from '../capture/commandRecord';
import { redact } from '../redaction/redact';
import type { RedactOptions } from '../redaction/redact';

/**
 * The only way free text leaves a parser: redacted first (so a secret is never cut in half
 * and half-kept), then shortened the way terminal command lines are.
 */

/** Longest prompt or command kept, as for terminal command lines. */
export const MAX_AGENT_TEXT = MAX_COMMAND_LINE;
/** Replies are the agent's words, kept only as a glimpse. */
export const MAX_REPLY_TEXT = 280;
/** A failed result's first line: enough to tell one failure from another, never the output. */
export const MAX_STATUS_LINE = 160;

export interface SafeText {
  readonly text: string;
  /** The length before shortening, when it was shortened. */
  readonly originalLength?: number;
}

export function safeText(raw: string, options: RedactOptions | undefined, max = MAX_AGENT_TEXT): SafeText {
  const redacted = redact(raw, options).text;
  const { text, cut } = shortenText(redacted, max);
  return cut ? { text, originalLength: raw.length } : { text };
}

/** The first non-empty line of a tool result, markup tags removed, redacted and short. */
export function statusLine(raw: string, options: RedactOptions | undefined): string | undefined {
  const first = raw.replace(/<\/?[a-z_-]+>/g, '').split('\n').map((l) => l.trim()).find((l) => l !== '');
  return first === undefined ? undefined : safeText(first, options, MAX_STATUS_LINE).text;
}
