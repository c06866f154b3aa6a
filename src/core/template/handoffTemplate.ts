/**
 * The built-in `handoff` template: the "Session Summary" a session leaves for the next one (often
 * another agent), with the work per task, one subsection per commit, a task status table, blockers
 * and the notes the next session needs to pick up without asking.
 */
import { METRICS_NAMES, SUMMARY_NAMES } from './roleNames';
import type { RetrospectiveTemplate } from './types';
import { SESSION_TEMPLATE } from './sessionTemplate';

export const HANDOFF_TEMPLATE: RetrospectiveTemplate = {
  name: 'handoff',
  description: 'Session Summary for the next session: work per task, commits, task status table, blockers, handoff notes',
  title: 'Session Summary',
  header: true,
  sections: [
    {
      key: 'summary', title: 'Executive Summary', level: 2, fill: 'author', required: true,
      synonyms: [...SUMMARY_NAMES],
      hint: 'two or three sentences: what this session moved forward and where it stopped',
      example: 'Two or three sentences: what this session moved forward and where it stopped.',
    },
    {
      key: 'workCompleted', title: 'Work Completed', level: 2, fill: 'author', required: true,
      synonyms: ['work completed', 'completed work', 'work done', 'what was done', 'accomplishments', 'progress'],
      hint: 'one "### Task N: title" subsection per task: what was done and where',
      example: '### Task 1: A title\n\n- What was done, and in which files',
    },
    {
      key: 'commits', title: 'Commits', level: 2, fill: 'record', required: true,
      synonyms: ['commits', 'commit log', 'commits made', 'git commits', 'git history'],
      example: '### `abc1234` Subject\n\n- **Time**: 14:05',
    },
    {
      key: 'taskStatus', title: 'Task Status', level: 2, fill: 'author', required: true,
      synonyms: ['task status', 'tasks status', 'status of tasks', 'task tracker', 'task table', 'status'],
      hint: 'a table "| Task | Status | Notes |" with a status for every task (done, in progress, blocked, not started)',
      example: '| Task | Status | Notes |\n|------|--------|-------|\n| A task | done | |',
    },
    {
      key: 'criticalPath', title: 'Critical Path', level: 2, fill: 'author', required: false,
      synonyms: ['critical path', 'the critical path', 'dependencies'],
      hint: 'the chain of tasks that decides when the work is done',
      example: 'Task 3 → Task 4 → release',
    },
    {
      key: 'blockersResolved', title: 'Blockers Resolved', level: 2, fill: 'author', required: false,
      synonyms: ['blockers resolved', 'resolved blockers', 'issues resolved', 'problems solved'],
      hint: 'bullets: what blocked and how it was unblocked',
      example: '- What blocked, and how it was unblocked',
    },
    {
      key: 'blockersRemaining', title: 'Blockers Remaining', level: 2, fill: 'author', required: true,
      synonyms: ['blockers remaining', 'remaining blockers', 'open blockers', 'blockers', 'known issues', 'open issues'],
      hint: 'bullets: what still blocks, who or what can unblock it; "None" when nothing does',
      example: '- What still blocks, and who can unblock it',
    },
    {
      key: 'deliverables', title: 'Deliverables', level: 2, fill: 'author', required: false,
      synonyms: ['deliverables', 'outputs', 'artifacts', 'artefacts'],
      hint: 'bullets: what a reviewer can open or run',
      example: '- What a reviewer can open or run',
    },
    {
      key: 'risksMitigated', title: 'Risks Mitigated', level: 2, fill: 'author', required: false,
      synonyms: ['risks mitigated', 'risks', 'risk mitigation', 'risks and mitigations'],
      hint: 'bullets: a risk and what now keeps it in check',
      example: '- A risk, and what now keeps it in check',
    },
    {
      key: 'nextSteps', title: 'Next Session Recommendations', level: 2, fill: 'author', required: true,
      synonyms: ['next session recommendations', 'recommendations for next session', 'next session', 'next steps', 'recommended next steps', 'for the next session'],
      hint: 'task items "- [ ] ..." the next session can start on without a follow-up question',
      example: '- [ ] A task the next session can start on',
    },
    {
      key: 'filesForReview', title: 'Files for Review', level: 2, fill: 'record', required: false,
      synonyms: ['files for review', 'files to review', 'review files', 'files changed', 'files modified', 'changed files'],
      example: '| File | Saves | Added | Removed |',
    },
    {
      key: 'metrics', title: 'Metrics', level: 2, fill: 'record', required: true,
      synonyms: [...METRICS_NAMES],
      example: '| Metric | Value |\n|--------|-------|\n| Commits | 0 |',
    },
    {
      key: 'sessionQuality', title: 'Session Quality', level: 2, fill: 'author', required: false,
      synonyms: ['session quality', 'quality', 'quality assessment', 'self assessment', 'session rating'],
      hint: 'a rating and one sentence why',
      example: '**Rating**: 4/5, because …',
    },
    {
      key: 'handoffNotes', title: 'Handoff Notes', level: 2, fill: 'author', required: true,
      synonyms: ['handoff notes', 'handover notes', 'notes for next session', 'notes for the next session', 'handoff', 'handover'],
      hint: 'what the next session must know first: state of the branch, commands to run, traps',
      example: '- The branch is …; run … first',
    },
  ],
  rules: ['required-sections', 'next-steps-specific', 'no-placeholders', 'metrics-present', 'task-status', 'times-real'],
  thresholds: { ...SESSION_TEMPLATE.thresholds },
};
