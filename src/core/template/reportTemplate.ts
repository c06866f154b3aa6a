/**
 * The built-in `report` template: the "Retrospective Report" teams write after an AI-assisted
 * session, with an executive summary, numbered findings, prioritised action items, patterns and
 * anti-patterns, metrics tables, recommendations and the artifacts the session left.
 */
import { COULD_IMPROVE_NAMES, METRICS_NAMES, SUMMARY_NAMES, WENT_WELL_NAMES } from './roleNames';
import type { RetrospectiveTemplate } from './types';
import { SESSION_TEMPLATE } from './sessionTemplate';

export const REPORT_TEMPLATE: RetrospectiveTemplate = {
  name: 'report',
  description: 'Retrospective Report: executive summary, numbered findings, action items by priority (P0/P1/P2), patterns, metrics tables',
  title: 'Retrospective Report',
  header: true,
  sections: [
    {
      key: 'summary', title: 'Executive Summary', level: 2, fill: 'both', required: true,
      synonyms: [...SUMMARY_NAMES],
      hint: 'three or four sentences: what the session set out to do, what it delivered, the one thing to remember',
      example: 'Three or four sentences, then a table of headline metrics.',
    },
    {
      key: 'wentWell', title: 'What Went Well', level: 2, fill: 'author', required: true,
      synonyms: [...WENT_WELL_NAMES, 'strengths'],
      hint: 'numbered subsections "### 1.1 Title", each saying what happened and why it worked',
      example: '### 1.1 A title\n\nWhat happened and why it worked.',
    },
    {
      key: 'couldImprove', title: 'What Could Be Improved', level: 2, fill: 'author', required: true,
      synonyms: [...COULD_IMPROVE_NAMES, 'improvements', 'issues', 'problems'],
      hint: 'numbered subsections "### 2.1 Title", each with **Problem**, **Impact** and **Fix**',
      example: '### 2.1 A title\n\n**Problem**: …\n**Impact**: …\n**Fix**: …',
    },
    {
      key: 'nextSteps', title: 'Action Items', level: 2, fill: 'author', required: true,
      synonyms: ['action items', 'actions', 'action plan', 'next steps', 'follow up actions', 'follow ups'],
      hint: 'checklists by priority: "### Immediate (P0, today)" with at least {minImmediateActions} item, "### P1 (this week)", "### P2 (this sprint)"; each item "- [ ] ..."',
      example: '### Immediate (P0, today)\n\n- [ ] A task specific enough to act on\n\n### P1 (this week)\n\n- [ ] …',
    },
    {
      key: 'patterns', title: 'Patterns to Replicate', level: 2, fill: 'author', required: true,
      synonyms: ['patterns to replicate', 'patterns to repeat', 'patterns to keep', 'good patterns', 'patterns', 'what to keep doing'],
      hint: 'bullets: a practice that worked and when to use it again',
      example: '- **Pattern**: when to use it again',
    },
    {
      key: 'antiPatterns', title: 'Anti-Patterns to Avoid', level: 2, fill: 'author', required: true,
      synonyms: ['anti patterns to avoid', 'antipatterns to avoid', 'anti patterns', 'antipatterns', 'patterns to avoid', 'what to stop doing'],
      hint: 'bullets: a habit that cost time and what to do instead',
      example: '- **Anti-pattern**: what to do instead',
    },
    {
      key: 'metrics', title: 'Metrics Summary', level: 2, fill: 'record', required: true,
      synonyms: [...METRICS_NAMES],
      example: '| Metric | Value |\n|--------|-------|\n| Commits | 0 |',
    },
    {
      key: 'recommendations', title: 'Recommendations for Future Sessions', level: 2, fill: 'author', required: true,
      synonyms: ['recommendations for future sessions', 'recommendations', 'recommendations for next time', 'future sessions', 'for future sessions'],
      hint: 'a pre-session checklist, the practices to keep, the quality gates to hold',
      example: '### Pre-Session Checklist\n\n- [ ] …\n\n### Quality Gates\n\n- …',
    },
    {
      key: 'artifacts', title: 'Session Artifacts', level: 2, fill: 'record', required: false,
      synonyms: ['session artifacts', 'artifacts', 'artefacts', 'session artefacts', 'deliverables'],
      example: '### Files\n\n| File | Saves | Added | Removed |',
    },
    {
      key: 'conclusion', title: 'Conclusion', level: 2, fill: 'author', required: true,
      synonyms: ['conclusion', 'conclusions', 'closing thoughts', 'final thoughts', 'wrap up', 'bottom line'],
      hint: 'a short paragraph: where the work stands and what matters most next',
      example: 'A short paragraph: where the work stands and what matters most next.',
    },
  ],
  rules: ['required-sections', 'next-steps-specific', 'no-placeholders', 'metrics-present', 'action-items-priority', 'times-real'],
  thresholds: { ...SESSION_TEMPLATE.thresholds, minNextSteps: 1, minImmediateActions: 1 },
};
