/**
 * Shapes the validator hands out. They are a contract with the CLI, CI scripts and the
 * VS Code diagnostics, so rule ids never change meaning (new ones may be added).
 */

/** Stable rule ids, in the order results and checklists list them. */
export const RULE_IDS = [
  'header-fields',
  'required-sections',
  'timeline-times',
  'friction-count',
  'diary-length',
  'feedback-length',
  'lessons-actionable',
  'next-steps-specific',
  'no-placeholders',
  'metrics-present',
  // Rules of the report, phase and handoff layouts (templateRules.ts).
  'action-items-priority',
  'recommendations-by-horizon',
  'task-status',
  'times-real',
  // Reported only when a retrospective's marker names a template nobody knows.
  'known-template',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** One problem found in a retrospective, pointing at the line to fix. */
export interface Finding {
  readonly rule: RuleId;
  readonly message: string;
  /** 1-based line in the validated document. */
  readonly line: number;
  /** Only errors make a rule fail; warnings are advice. */
  readonly severity: 'error' | 'warning';
  /** Canonical key of the section the finding is about, when there is one. */
  readonly section?: string;
  /**
   * Other rules the same cause makes fail, reported once: a missing section fails
   * required-sections and the section's own rule (diary-length for the diary), and a reader
   * needs one finding to fix, not two.
   */
  readonly alsoFails?: readonly RuleId[];
}

/** Whether one rule passed, so a UI can say "7 of 10 checks pass". */
export interface RuleOutcome {
  readonly rule: RuleId;
  readonly title: string;
  readonly passed: boolean;
  /** Set when the configuration turned the rule off; a disabled rule counts as passed. */
  readonly disabled?: boolean;
}

/** Everything {@link validateRetrospective} learnt about a document. */
export interface ValidationResult {
  /** True when every enabled rule passed. */
  readonly passed: boolean;
  readonly findings: Finding[];
  /** One per rule id, in {@link RULE_IDS} order. */
  readonly rules: RuleOutcome[];
}

/** Facts from the captured record that the retrospective must agree with. */
export interface RecordFacts {
  readonly commits?: number;
  /** Epoch ms of the session start. */
  readonly start?: number;
  /** Epoch ms of the session end. */
  readonly end?: number;
}
