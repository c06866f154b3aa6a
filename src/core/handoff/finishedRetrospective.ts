/**
 * Which retrospective hands its next steps to the next session: a finished one. Finish writes the
 * validator's "Retrospective Validation" checklist into the file (also when finished as a draft);
 * a draft End Session wrote and nobody finished has none, and neither has a note that only looks
 * like a retrospective.
 */
import { parseDocument } from '../validator/document';

export function isFinishedRetrospective(markdown: string): boolean {
  return parseDocument(markdown, Number.MAX_SAFE_INTEGER).sections.some((s) => s.key === 'validation');
}

/** A retrospective file in the folder, as the workspace lists it. */
export interface RetrospectiveFileInfo {
  readonly name: string;
  readonly mtimeMs: number;
}

/**
 * The order to look for the latest finished one in: the file finished last first (Finish saves
 * it), the name (which starts with the session's date and time) breaking ties.
 */
export function newestFirst<T extends RetrospectiveFileInfo>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}
