/**
 * The built-in `session` template: the reference layout of docs/retrospective-format.md, the one
 * End Session writes by default. Its headings, synonyms, hints and thresholds are the only copy
 * in the code base; the renderer, the validator, the quick fix and Finish read them from here.
 */
import { COULD_IMPROVE_NAMES, METRICS_NAMES, SUMMARY_NAMES, WENT_WELL_NAMES } from './roleNames';
import type { RetrospectiveTemplate } from './types';
import { VALIDATION_SECTION } from './validationSection';

export const SESSION_TEMPLATE: RetrospectiveTemplate = {
  name: 'session',
  description: 'The reference layout: timeline, diary, friction points, lessons, next steps (the default)',
  title: 'Session Retrospective',
  header: true,
  sections: [
    {
      key: 'summary', title: 'Session Summary', level: 2, fill: 'author', required: true,
      synonyms: [...SUMMARY_NAMES],
      hint: 'a short paragraph: the goal, what got done, where it stands',
      example: 'Two or three sentences: what the session set out to do and where it ended.',
    },
    {
      key: 'timeline', title: 'Timeline', level: 2, fill: 'record', required: true,
      synonyms: ['timeline', 'session timeline', 'chronology'],
      example: '| Time | Event |\n|------|-------|\n| HH:MM | What happened |',
    },
    {
      key: 'technicalDetails', title: 'Technical Details', level: 2, fill: 'record', required: false,
      synonyms: ['technical details', 'technical detail'],
      example: '### Files Modified\n\n### Commits\n\n### Commands',
    },
    {
      key: 'diary', title: 'Session Diary', agentTitle: 'AI Diary', level: 2, fill: 'author', required: true,
      synonyms: ['diary', 'ai diary', 'session diary', 'journal', 'narrative', 'session narrative', 'session journal'],
      hint: '{minDiaryWords}+ words in the first person: what you set out to do, what happened, what you would do differently',
      example: 'A first-person narrative of the session: what you tried, what surprised you, how it felt.',
    },
    {
      key: 'wentWell', title: 'What Went Well', level: 2, fill: 'author', required: true,
      synonyms: [...WENT_WELL_NAMES],
      hint: 'bullets',
      example: '- What worked, and why it worked',
    },
    {
      key: 'couldImprove', title: 'What Could Improve', level: 2, fill: 'author', required: true,
      synonyms: [...COULD_IMPROVE_NAMES, 'improvements'],
      hint: 'bullets',
      example: '- What dragged, and what you would do differently',
    },
    {
      key: 'honestFeedback', title: 'Honest Feedback', level: 2, fill: 'both', required: true,
      synonyms: ['honest feedback', 'feedback', 'candid feedback'],
      hint: 'a candid paragraph ({minFeedbackWords}+ words with the friction points): what slowed you down, what you would tell a teammate',
      example: 'A candid paragraph about the session.',
    },
    {
      key: 'frictionPoints', title: 'Friction Points', level: 3, fill: 'both', required: true,
      synonyms: ['friction points', 'friction', 'pain points', 'friction log'],
      hint: 'one sentence: what dragged and what it cost',
      example: '1. **Title**: what dragged and what it cost.',
    },
    {
      key: 'lessons', title: 'Lessons Learned', level: 2, fill: 'both', required: true,
      synonyms: [
        'lessons learned', 'lessons learnt', 'key takeaways', 'takeaways', 'learnings', 'lessons', 'key learnings',
        'key insights', 'insights', 'key learnings captured', 'lessons captured', 'learnings captured',
      ],
      hint: 'bullets, each a rule someone could apply on another project',
      example: '- A rule someone could apply on another project',
    },
    {
      // Filled only when the session started with a carried-over checklist; left out otherwise.
      key: 'carriedOver', title: 'Carried Over', level: 2, fill: 'record', required: false,
      synonyms: ['carried over', 'carried over items', 'carried over from last session', 'from last session', 'handoff from last session'],
      example: '- [x] A next step of the last session — done at HH:MM\n- [ ] Another one — not done',
    },
    {
      // The record offers the carried-over items not done as the first next steps; the author adds the rest.
      key: 'nextSteps', title: 'Next Steps', level: 2, fill: 'both', required: true,
      synonyms: [
        'next steps', 'action items', 'follow up actions', 'follow ups', 'todo', 'to do', 'todos', 'next actions',
        'next session', 'pending', 'open items', 'remaining work',
      ],
      hint: 'task items "- [ ] ..." specific enough to act on without a follow-up question',
      example: '- [ ] A task specific enough to act on without a follow-up question',
    },
    {
      key: 'metrics', title: 'Metrics', level: 2, fill: 'record', required: true,
      synonyms: [...METRICS_NAMES],
      example: '| Metric | Value |\n|--------|-------|\n| Commits | 0 |',
    },
    VALIDATION_SECTION,
  ],
  rules: [
    'header-fields', 'required-sections', 'timeline-times', 'friction-count', 'diary-length', 'feedback-length',
    'lessons-actionable', 'next-steps-specific', 'no-placeholders', 'metrics-present',
  ],
  thresholds: {
    minFrictionPoints: 3,
    minDiaryWords: 150,
    minFirstPersonWords: 1,
    minFeedbackWords: 100,
    minNextSteps: 1,
    minNextStepWords: 3,
    minLessons: 1,
    minLessonWords: 4,
    timeSlackMinutes: 1,
    minImmediateActions: 1,
  },
};
