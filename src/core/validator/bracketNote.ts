/**
 * A note standing in for content, in brackets and often in italics: `*[…timestamps pending…]*`,
 * `[details to be added]`. A link (`[pending review](url)`) is text, not a note. Bounded
 * repetitions keep the expression linear.
 */
export const PENDING_NOTE = /\[[^\]\n]{0,80}?\b(?:pending|tbd|to be (?:added|filled in|written|confirmed|completed)|coming soon|fill(?:ed)? in later)\b[^\]\n]{0,80}\](?!\()/i;
