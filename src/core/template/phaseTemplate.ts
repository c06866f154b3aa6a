/**
 * The built-in `phase` template: the retrospective of one phase of a plan ("Retrospective:
 * Phase 2 — Storage"), with the golden path the phase should have taken, recommendations by
 * horizon, and how the phase lines up with the plan's validation levels.
 */
import { COULD_IMPROVE_NAMES, METRICS_NAMES, WENT_WELL_NAMES } from './roleNames';
import type { RetrospectiveTemplate } from './types';
import { SESSION_TEMPLATE } from './sessionTemplate';

export const PHASE_TEMPLATE: RetrospectiveTemplate = {
  name: 'phase',
  description: 'Retrospective of a plan phase: golden path, recommendations by horizon, plan alignment, key takeaway',
  title: 'Retrospective: Phase',
  header: false,
  sections: [
    {
      key: 'wentWell', title: 'What Went Well', level: 2, fill: 'author', required: true,
      synonyms: [...WENT_WELL_NAMES],
      hint: 'numbered subsections "### 1. Title", each saying what happened and why it worked',
      example: '### 1. A title\n\nWhat happened and why it worked.',
    },
    {
      key: 'couldImprove', title: 'What Could Have Been Better', level: 2, fill: 'author', required: true,
      synonyms: [...COULD_IMPROVE_NAMES],
      hint: 'numbered subsections "### 1. Title", each with what it cost and what would have avoided it',
      example: '### 1. A title\n\nWhat it cost and what would have avoided it.',
    },
    {
      key: 'goldenPath', title: 'The Golden Path', level: 2, fill: 'author', required: true,
      synonyms: ['the golden path', 'golden path', 'the ideal path', 'ideal path', 'the happy path', 'in hindsight'],
      hint: 'the numbered steps the phase would have taken had everything been known up front',
      example: '1. The first step, knowing what we know now\n2. …',
    },
    {
      key: 'recommendations', title: 'Recommendations', level: 2, fill: 'author', required: true,
      synonyms: ['recommendations', 'recommendations by horizon', 'recommended changes', 'suggestions'],
      hint: 'three groups: "### Immediate", "### Near-Term", "### Strategic", each with bullets',
      example: '### Immediate\n\n- …\n\n### Near-Term\n\n- …\n\n### Strategic\n\n- …',
    },
    {
      key: 'metrics', title: 'Metrics', level: 2, fill: 'record', required: true,
      synonyms: [...METRICS_NAMES, 'phase metrics'],
      example: '| Metric | Value |\n|--------|-------|\n| Commits | 0 |',
    },
    {
      key: 'lessons', title: 'Key Takeaway', level: 2, fill: 'author', required: true,
      synonyms: ['key takeaway', 'key takeaways', 'takeaway', 'takeaways', 'the takeaway', 'key lesson', 'main lesson'],
      hint: 'one paragraph: the lesson of this phase someone could apply to the next',
      example: 'One paragraph: the lesson of this phase someone could apply to the next.',
    },
    {
      key: 'planAlignment', title: 'Plan Alignment', level: 2, fill: 'author', required: true,
      synonyms: ['plan alignment', 'alignment with the plan', 'alignment with plan', 'plan validation', 'validation levels', 'plan vs actual', 'plan versus actual'],
      hint: 'each of the plan\'s validation levels and where the phase stands on it',
      example: '| Level | Plan | Status |\n|-------|------|--------|',
    },
    {
      key: 'improvementsNext', title: 'Improvements That Would Help Next', level: 2, fill: 'author', required: true,
      synonyms: ['improvements that would help next', 'improvements for next phase', 'improvements for the next phase', 'what would help next', 'for the next phase', 'next phase'],
      hint: 'bullets: changes to tooling, plan or process that would make the next phase faster',
      example: '- A change that would make the next phase faster',
    },
  ],
  rules: ['required-sections', 'no-placeholders', 'metrics-present', 'recommendations-by-horizon', 'times-real'],
  thresholds: { ...SESSION_TEMPLATE.thresholds },
};
