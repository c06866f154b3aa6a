/**
 * The validator's own checklist section. Every template ends with it (Finish writes it), so it is
 * defined once here and recognised in every layout, whether or not the template lists it.
 */
import type { TemplateSection } from './types';

export const VALIDATION_SECTION: TemplateSection = Object.freeze({
  key: 'validation',
  title: 'Retrospective Validation',
  level: 2,
  // Only the validator's own heading: Finish rewrites this section's body and the rules skip it
  // as prose, so a looser name ("Validation", "Validation Checklist") would claim a section the
  // user wrote about how they tested their work (earlierChecklist.ts adopts those by their body).
  synonyms: Object.freeze(['retrospective validation']),
  fill: 'validator',
  required: false,
  example: '',
});
