/**
 * Validator thresholds. Teams disagree on how long a diary must be or which sections they
 * want, so every threshold is configurable and a user's JSON config is checked field by
 * field: a typo yields a clear error instead of a silently ignored setting.
 */
import { SECTION_KEYS, sectionKeyForHeading } from './sectionNames';
import type { SectionKey } from './sectionNames';
import { RULE_IDS } from './types';
import type { RuleId } from './types';
import { DEFAULT_MAX_CHARS } from './document';

/** Header fields the header-fields rule can require. */
export const HEADER_FIELDS = ['date', 'start', 'end', 'duration', 'focus', 'type'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Everything the rules can be tuned with. */
export interface ValidatorConfig {
  readonly requiredSections: readonly SectionKey[];
  readonly requiredHeaderFields: readonly HeaderField[];
  readonly minFrictionPoints: number;
  readonly minDiaryWords: number;
  /**
   * First-person words (I, me, my, we, our, and their equivalents in other languages) the diary
   * must contain. One is enough to tell a first-person narrative from a report: good diaries
   * written in the plural or in a reflective past tense use few pronouns.
   */
  readonly minFirstPersonWords: number;
  readonly minFeedbackWords: number;
  readonly minNextSteps: number;
  readonly minNextStepWords: number;
  readonly minLessons: number;
  readonly minLessonWords: number;
  /** How far timeline rows may lie outside the header's start and end. */
  readonly timeSlackMinutes: number;
  /** Rules turned off; they are reported as passed and disabled. */
  readonly disabledRules: readonly RuleId[];
  /** Characters validated at most; the rest of a larger document is ignored with a warning. */
  readonly maxDocumentChars: number;
}

/** The defaults the retrospective format documents (shared/retrospective-format.md). */
export const DEFAULT_VALIDATOR_CONFIG: ValidatorConfig = Object.freeze({
  requiredSections: Object.freeze([
    'summary', 'timeline', 'diary', 'wentWell', 'couldImprove', 'honestFeedback', 'frictionPoints', 'lessons',
    'nextSteps', 'metrics',
  ] as SectionKey[]),
  requiredHeaderFields: Object.freeze([...HEADER_FIELDS]),
  minFrictionPoints: 3,
  minDiaryWords: 150,
  minFirstPersonWords: 1,
  minFeedbackWords: 100,
  minNextSteps: 1,
  minNextStepWords: 3,
  minLessons: 1,
  minLessonWords: 4,
  timeSlackMinutes: 1,
  disabledRules: Object.freeze([] as RuleId[]),
  maxDocumentChars: DEFAULT_MAX_CHARS,
});

type NumericKey = {
  [K in keyof ValidatorConfig]: ValidatorConfig[K] extends number ? K : never;
}[keyof ValidatorConfig];

/** Earlier names of settings, still read so an existing config file keeps working. */
const RENAMED: ReadonlyMap<string, NumericKey> = new Map([['minDiaryFirstPerson', 'minFirstPersonWords']]);

const NUMERIC_KEYS: readonly NumericKey[] = [
  'minFrictionPoints', 'minDiaryWords', 'minFirstPersonWords', 'minFeedbackWords', 'minNextSteps',
  'minNextStepWords', 'minLessons', 'minLessonWords', 'timeSlackMinutes', 'maxDocumentChars',
];

/** Fills the gaps of a partial config with the defaults. */
export function resolveConfig(options?: Partial<ValidatorConfig>): ValidatorConfig {
  const merged: Record<string, unknown> = { ...DEFAULT_VALIDATOR_CONFIG };
  if (options !== null && typeof options === 'object') {
    for (const [key, value] of Object.entries(options)) {
      if (value !== undefined && key in DEFAULT_VALIDATOR_CONFIG) merged[key] = value;
    }
  }
  const config = merged as unknown as ValidatorConfig;
  // Programmatic callers are trusted less than the types say: bad values fall back to defaults.
  const { config: checked } = loadValidatorConfig(config);
  return checked;
}

function sectionKeyOf(value: unknown): SectionKey | undefined {
  if (typeof value !== 'string') return undefined;
  if ((SECTION_KEYS as readonly string[]).includes(value)) return value as SectionKey;
  return sectionKeyForHeading(value);
}

function stringList<T extends string>(
  value: unknown, name: string, resolve: (v: unknown) => T | undefined, errors: string[],
): T[] | undefined {
  if (!Array.isArray(value)) {
    errors.push(`"${name}" must be an array of strings.`);
    return undefined;
  }
  const out: T[] = [];
  for (const item of value) {
    const resolved = resolve(item);
    if (resolved === undefined) errors.push(`"${name}" has an unknown entry ${JSON.stringify(item) ?? String(item)}.`);
    else if (!out.includes(resolved)) out.push(resolved);
  }
  return out;
}

/**
 * Checks a user's config object (e.g. parsed from a `--config` file or the VS Code settings)
 * and returns the config to use plus one message per problem; bad fields keep their defaults.
 */
export function loadValidatorConfig(json: unknown): { config: ValidatorConfig; errors: string[] } {
  const errors: string[] = [];
  const config: Record<string, unknown> = { ...DEFAULT_VALIDATOR_CONFIG };
  if (json === undefined || json === null) return { config: DEFAULT_VALIDATOR_CONFIG, errors };
  if (typeof json !== 'object' || Array.isArray(json)) {
    return { config: DEFAULT_VALIDATOR_CONFIG, errors: ['The validator config must be a JSON object.'] };
  }
  for (const [written, value] of Object.entries(json as Record<string, unknown>)) {
    const key = RENAMED.get(written) ?? written;
    if ((NUMERIC_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) config[key] = value;
      else errors.push(`"${key}" must be a whole number of 0 or more, not ${JSON.stringify(value) ?? String(value)}.`);
    } else if (key === 'requiredSections') {
      const list = stringList(value, key, sectionKeyOf, errors);
      if (list) config[key] = list;
    } else if (key === 'requiredHeaderFields') {
      const list = stringList(value, key, (v) => (HEADER_FIELDS as readonly unknown[]).includes(v) ? v as HeaderField : undefined, errors);
      if (list) config[key] = list;
    } else if (key === 'disabledRules') {
      const list = stringList(value, key, (v) => (RULE_IDS as readonly unknown[]).includes(v) ? v as RuleId : undefined, errors);
      if (list) config[key] = list;
    } else if (key !== '$schema') {
      errors.push(`Unknown validator setting "${key}".`);
    }
  }
  if (config.maxDocumentChars === 0) config.maxDocumentChars = DEFAULT_MAX_CHARS;
  return { config: config as unknown as ValidatorConfig, errors };
}
