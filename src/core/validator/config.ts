/**
 * Validator thresholds. Teams disagree on how long a diary must be or which sections they
 * want, so every threshold is configurable and a user's JSON config is checked field by
 * field: a typo yields a clear error instead of a silently ignored setting.
 */
import { sectionKeyIn, sectionsOf } from '../template/headings';
import { SESSION_TEMPLATE } from '../template/sessionTemplate';
import type { RetrospectiveTemplate, RuleThresholds, SectionKey } from '../template/types';
import { RULE_IDS } from './types';
import type { RuleId } from './types';
import { DEFAULT_MAX_CHARS } from './document';

/** Header fields the header-fields rule can require. */
export const HEADER_FIELDS = ['date', 'start', 'end', 'duration', 'focus', 'type'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Everything the rules can be tuned with: the template's thresholds, and what is asked for beyond them. */
export interface ValidatorConfig extends RuleThresholds {
  readonly requiredSections: readonly SectionKey[];
  readonly requiredHeaderFields: readonly HeaderField[];
  /** Rules turned off; they are reported as passed and disabled. */
  readonly disabledRules: readonly RuleId[];
  /** Characters validated at most; the rest of a larger document is ignored with a warning. */
  readonly maxDocumentChars: number;
}

const configs = new WeakMap<RetrospectiveTemplate, ValidatorConfig>();

/** A template's defaults: its thresholds and its required sections. */
export function templateConfig(template: RetrospectiveTemplate): ValidatorConfig {
  const cached = configs.get(template);
  if (cached) return cached;
  const config: ValidatorConfig = Object.freeze({
    ...template.thresholds,
    requiredSections: Object.freeze(template.sections.filter((s) => s.required).map((s) => s.key)),
    requiredHeaderFields: Object.freeze([...HEADER_FIELDS]),
    disabledRules: Object.freeze([] as RuleId[]),
    maxDocumentChars: DEFAULT_MAX_CHARS,
  });
  configs.set(template, config);
  return config;
}

/** The defaults the retrospective format documents (docs/retrospective-format.md): the session template's. */
export const DEFAULT_VALIDATOR_CONFIG: ValidatorConfig = templateConfig(SESSION_TEMPLATE);

type NumericKey = {
  [K in keyof ValidatorConfig]: ValidatorConfig[K] extends number ? K : never;
}[keyof ValidatorConfig];

/** Earlier names of settings, still read so an existing config file keeps working. */
const RENAMED: ReadonlyMap<string, NumericKey> = new Map([['minDiaryFirstPerson', 'minFirstPersonWords']]);

const NUMERIC_KEYS: readonly NumericKey[] = [
  'minFrictionPoints', 'minDiaryWords', 'minFirstPersonWords', 'minFeedbackWords', 'minNextSteps',
  'minNextStepWords', 'minLessons', 'minLessonWords', 'timeSlackMinutes', 'minImmediateActions', 'maxDocumentChars',
];

/** Fills the gaps of a partial config with the template's defaults. */
export function resolveConfig(options?: Partial<ValidatorConfig>, template: RetrospectiveTemplate = SESSION_TEMPLATE): ValidatorConfig {
  const defaults = templateConfig(template);
  const merged: Record<string, unknown> = { ...defaults };
  if (options !== null && typeof options === 'object') {
    for (const [key, value] of Object.entries(options)) {
      if (value !== undefined && key in defaults) merged[key] = value;
    }
  }
  const config = merged as unknown as ValidatorConfig;
  // Programmatic callers are trusted less than the types say: bad values fall back to defaults.
  const { config: checked } = loadValidatorConfig(config, template);
  return checked;
}

/** A section named by its key or by a heading; only the template's own sections. */
function sectionKeyOf(value: unknown, template: RetrospectiveTemplate): SectionKey | undefined {
  if (typeof value !== 'string') return undefined;
  const byKey = sectionsOf(template).find((s) => s.key === value);
  if (byKey) return byKey.key;
  return sectionKeyIn(template, value);
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
export function loadValidatorConfig(json: unknown, template: RetrospectiveTemplate = SESSION_TEMPLATE): { config: ValidatorConfig; errors: string[] } {
  const errors: string[] = [];
  const defaults = templateConfig(template);
  const config: Record<string, unknown> = { ...defaults };
  if (json === undefined || json === null) return { config: defaults, errors };
  if (typeof json !== 'object' || Array.isArray(json)) {
    return { config: defaults, errors: ['The validator config must be a JSON object.'] };
  }
  for (const [written, value] of Object.entries(json as Record<string, unknown>)) {
    const key = RENAMED.get(written) ?? written;
    if ((NUMERIC_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) config[key] = value;
      else errors.push(`"${key}" must be a whole number of 0 or more, not ${JSON.stringify(value) ?? String(value)}.`);
    } else if (key === 'requiredSections') {
      const list = stringList(value, key, (v) => sectionKeyOf(v, template), errors);
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
