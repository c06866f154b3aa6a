/**
 * Section lookup for the editor side: diagnostics need each section's heading line, and the
 * "insert missing section" quick fix needs to know where sections are (the skeleton to insert
 * comes from sectionSkeleton in src/core/template/skeleton.ts).
 */
import { parseDocument } from './document';
import type { SectionInfo } from './document';


/** The recognised sections of a retrospective, in document order, with heading lines and body ranges. */
export function findSections(markdown: string): SectionInfo[] {
  try {
    return [...parseDocument(typeof markdown === 'string' ? markdown : '').sections];
  } catch {
    return [];
  }
}
