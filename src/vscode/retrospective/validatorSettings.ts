import type { ValidatorConfig } from '../../core/validator/config';
import type { Settings } from '../settings';

/** The validator thresholds the user set in `sessionJournal.validation.*`. */
export function validatorOptions(settings: Settings): Partial<ValidatorConfig> {
  return {
    minFrictionPoints: settings.validation.minFrictionPoints,
    minDiaryWords: settings.validation.minDiaryWords,
    minFirstPersonWords: settings.validation.minFirstPersonWords,
    minFeedbackWords: settings.validation.minFeedbackWords,
  };
}
