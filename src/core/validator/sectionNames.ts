/**
 * The session template's section recognition and skeletons under the names they had before
 * templates (test/unit/validatorVariants.test.ts reads them so). Nothing here is defined anew:
 * the definitions live in src/core/template; new code imports from there.
 */
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import { sectionKeyIn } from '../template/headings';
import { sectionSkeleton as templateSkeleton } from '../template/skeleton';
import type { SectionKey } from '../template/types';

export { SECTION_KEYS } from '../template/types';
export type { SectionKey } from '../template/types';
export { normalizeHeading } from '../template/headings';

/** The session template's section a heading names, or undefined when it names none. */
export function sectionKeyForHeading(text: string): SectionKey | undefined {
  return sectionKeyIn(SESSION_TEMPLATE, text);
}

/** The session template's skeleton of a missing section (see template/skeleton.ts). */
export function sectionSkeleton(key: SectionKey): string {
  return templateSkeleton(SESSION_TEMPLATE, key);
}
