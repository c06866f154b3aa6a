/**
 * What a retrospective template is: the one definition of a layout that the renderer, the
 * validator, the quick fix, the metrics refresh and Finish all read. A template names its
 * sections by role (SectionKey), because the rules are written against roles ("the diary must be
 * first person"), not against the words a heading happens to use.
 */
import type { RuleId } from '../validator/types';

/**
 * The section roles the renderer and the rules know. A template picks some of them, in its own
 * order and under its own headings; a role a rule reads must be listed here first.
 */
export const SECTION_KEYS = [
  'summary',
  'timeline',
  'technicalDetails',
  'diary',
  'wentWell',
  'couldImprove',
  'honestFeedback',
  'frictionPoints',
  'lessons',
  'carriedOver',
  'nextSteps',
  'metrics',
  'validation',
  // The report, phase and handoff layouts (reportTemplate.ts, phaseTemplate.ts, handoffTemplate.ts).
  'patterns',
  'antiPatterns',
  'recommendations',
  'artifacts',
  'conclusion',
  'goldenPath',
  'planAlignment',
  'improvementsNext',
  'workCompleted',
  'commits',
  'taskStatus',
  'criticalPath',
  'blockersResolved',
  'blockersRemaining',
  'deliverables',
  'risksMitigated',
  'filesForReview',
  'sessionQuality',
  'handoffNotes',
] as const;

/**
 * A role the code knows, or a section of a team's own template (teamTemplate.ts) that no rule
 * reads: `custom:` and the heading's normal form.
 */
export type SectionKey = (typeof SECTION_KEYS)[number] | `custom:${string}`;

/** Who writes a section: the record, the author, or both (the record prefills, the author completes). */
export type SectionFill = 'record' | 'author' | 'both' | 'validator';

/** One section of a layout. */
export interface TemplateSection {
  readonly key: SectionKey;
  /** The heading the draft and the quick fix write. */
  readonly title: string;
  /** The heading when an agent writes the retrospective ("AI Diary"); `title` otherwise. */
  readonly agentTitle?: string;
  /** 2 for `##`; 3 for a `###` nested in the section before it. */
  readonly level: 2 | 3;
  /**
   * Other headings people write for it, in normal form (see normalizeHeading); the title is
   * always recognised and need not be repeated.
   */
  readonly synonyms: readonly string[];
  readonly fill: SectionFill;
  /** Whether required-sections demands it. */
  readonly required: boolean;
  /**
   * What the author is asked to write, shown in the draft as a hint comment. `{minDiaryWords}`
   * and the other threshold names are replaced by the thresholds in force, so a hint asks for
   * what the validator will demand.
   */
  readonly hint?: string;
  /** The body the "insert the missing section" quick fix writes (kept in a hint comment). */
  readonly example: string;
}

/**
 * The numbers the rules compare with. Every template states all of them, so a rule never falls
 * back on another layout's threshold.
 */
export interface RuleThresholds {
  readonly minFrictionPoints: number;
  readonly minDiaryWords: number;
  /** First-person words the diary must contain; one tells a narrative from a report. */
  readonly minFirstPersonWords: number;
  readonly minFeedbackWords: number;
  readonly minNextSteps: number;
  readonly minNextStepWords: number;
  readonly minLessons: number;
  readonly minLessonWords: number;
  /** How far timeline rows may lie outside the header's start and end. */
  readonly timeSlackMinutes: number;
  /** Action items the report layout wants under Immediate / P0 (action-items-priority). */
  readonly minImmediateActions: number;
}

export type ThresholdName = keyof RuleThresholds;

/** A retrospective layout. */
export interface RetrospectiveTemplate {
  /** The name a retrospective or a setting refers to it by. */
  readonly name: string;
  /** One line saying what the layout is for, shown by `session-journal templates` and End Session. */
  readonly description?: string;
  /** The file a team's template was read from; undefined for a built-in one. */
  readonly source?: string;
  /** The document's `#` title. */
  readonly title: string;
  /** Whether the draft opens with the header block (date, start, end, duration, focus, type). */
  readonly header: boolean;
  /** Sections in document order, the validator's checklist last. */
  readonly sections: readonly TemplateSection[];
  /** The rules that apply, in any order (results list them in RULE_IDS order). */
  readonly rules: readonly RuleId[];
  readonly thresholds: RuleThresholds;
}
