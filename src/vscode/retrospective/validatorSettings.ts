import { SESSION_TEMPLATE } from '../../core/template/sessionTemplate';
import type { RetrospectiveTemplate } from '../../core/template/types';
import type { ValidatorConfig } from '../../core/validator/config';
import type { Settings } from '../settings';

/**
 * The validator thresholds the user set in `sessionJournal.validation.*`. The settings' defaults
 * are the session layout's thresholds; for another template only a value the user changed from
 * those defaults overrides the template's own (a team template asking for 50 diary words keeps 50).
 */
export function validatorOptions(settings: Settings, template: RetrospectiveTemplate = SESSION_TEMPLATE): Partial<ValidatorConfig> {
  const set: Partial<ValidatorConfig> = {
    minFrictionPoints: settings.validation.minFrictionPoints,
    minDiaryWords: settings.validation.minDiaryWords,
    minFirstPersonWords: settings.validation.minFirstPersonWords,
    minFeedbackWords: settings.validation.minFeedbackWords,
  };
  if (template === SESSION_TEMPLATE) return set;
  const defaults = SESSION_TEMPLATE.thresholds;
  return Object.fromEntries(Object.entries(set).filter(([name, value]) => value !== defaults[name as keyof typeof defaults]));
}
