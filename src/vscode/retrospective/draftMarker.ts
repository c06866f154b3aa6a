/**
 * The first line of a draft links it to its journal, so Finish can refresh metrics even after a
 * window reload. It is an HTML comment: it never renders and the validator ignores it.
 */
const MARKER = /^<!-- session-journal:session ([\w-]{1,64}) -->/;

export function draftMarker(sessionId: string): string {
  return `<!-- session-journal:session ${sessionId} -->`;
}

/** The session id of a draft written by End Session, or undefined for any other Markdown. */
export function sessionIdOfDraft(text: string): string | undefined {
  return MARKER.exec(text.slice(0, 200))?.[1];
}
