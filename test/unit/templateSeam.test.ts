/**
 * The template seam: a layout defined only here, with its own headings and a stricter threshold,
 * is rendered from a record, validated, given a quick-fix skeleton and finished by the same code
 * that serves the built-in session layout. Nothing in src knows this template.
 */
import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { finishText } from '../../src/core/retrospective/finish';
import { renderMetricsTable } from '../../src/core/retrospective/renderMetrics';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { SESSION_TEMPLATE } from '../../src/core/template/sessionTemplate';
import { sectionSkeleton } from '../../src/core/template/skeleton';
import type { RetrospectiveTemplate } from '../../src/core/template/types';
import { validateRetrospective } from '../../src/core/validator/validate';
import { basicSession, BASIC_OFFSET } from './retrospectiveFixture';

/** A stand-up note: three sections, none headed as the session layout heads them, two next steps required. */
const STANDUP: RetrospectiveTemplate = {
  name: 'standup',
  title: 'Stand-up Note',
  header: false,
  sections: [
    {
      key: 'summary', title: 'What Happened', level: 2, fill: 'author', required: true,
      synonyms: ['yesterday'], hint: 'two sentences about the day', example: 'Two sentences about the day.',
    },
    {
      key: 'nextSteps', title: 'Tomorrow', level: 2, fill: 'author', required: true,
      synonyms: ['plan for tomorrow'], hint: 'at least {minNextSteps} task items', example: '- [ ] A task for tomorrow',
    },
    {
      key: 'metrics', title: 'Numbers', level: 2, fill: 'record', required: true,
      synonyms: [], example: '| Metric | Value |',
    },
  ],
  rules: ['required-sections', 'next-steps-specific', 'no-placeholders', 'metrics-present'],
  thresholds: { ...SESSION_TEMPLATE.thresholds, minNextSteps: 2 },
};

function model() {
  const j = basicSession();
  return buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
}

const SUMMARY = 'I added the CSV export endpoint and its tests. The type-check was slow all afternoon.';
const TWO_STEPS = '- [ ] Add a quoting test for fields that contain commas\n- [ ] Cache the type-check between runs';

/** The draft with the author's parts written; `steps` goes under Tomorrow. */
function written(draft: string, steps: string): string {
  return draft
    .replace('<!-- hint: two sentences about the day -->', SUMMARY)
    .replace('<!-- hint: at least 2 task items -->', steps);
}

describe('a template defined only in a test', () => {
  it('renders its own title, headings, hints and thresholds, filling the record part from the record', () => {
    const m = model();
    assert.equal(renderRetrospective(m, {}, STANDUP), [
      '# Stand-up Note', '',
      '## What Happened', '', '<!-- hint: two sentences about the day -->', '',
      '## Tomorrow', '', '<!-- hint: at least 2 task items -->', '',
      '## Numbers', '', renderMetricsTable(m.metrics), '',
    ].join('\n'));
  });

  it('validates the draft by its own rules and headings: only the author parts fail', () => {
    const m = model();
    const result = validateRetrospective(renderRetrospective(m, {}, STANDUP), undefined, { commits: m.metrics.commits }, STANDUP);
    assert.deepEqual(result.rules.map((r) => r.rule), ['required-sections', 'next-steps-specific', 'no-placeholders', 'metrics-present']);
    const failing = result.rules.filter((r) => !r.passed).map((r) => r.rule);
    assert.deepEqual(failing, ['next-steps-specific', 'no-placeholders']);
    const messages = result.findings.map((f) => f.message);
    assert.ok(messages.includes('The What Happened section is empty.'), messages.join('\n'));
    assert.ok(messages.some((x) => x.startsWith('Tomorrow has 0 task-list items') && x.includes('at least 2 are needed')), messages.join('\n'));
    assert.equal(result.rules.find((r) => r.rule === 'next-steps-specific')?.title, 'Tomorrow are specific task-list items');
  });

  it('passes once the author writes two next steps, and fails on one: the template threshold, not the session one', () => {
    const draft = renderRetrospective(model(), {}, STANDUP);
    const one = validateRetrospective(written(draft, '- [ ] Add a quoting test for fields that contain commas'), undefined, undefined, STANDUP);
    assert.equal(one.passed, false);
    assert.deepEqual(one.findings.map((f) => f.rule), ['next-steps-specific']);
    const two = validateRetrospective(written(draft, TWO_STEPS), undefined, undefined, STANDUP);
    assert.equal(two.passed, true, two.findings.map((f) => f.message).join('\n'));
    // The same text is not a session retrospective: the session layout's sections are missing.
    const asSession = validateRetrospective(written(draft, TWO_STEPS));
    assert.ok(asSession.findings.some((f) => f.message.startsWith('The required section "Session Diary" is missing.')));
  });

  it('recognises the template synonyms and not the session layout headings', () => {
    const draft = written(renderRetrospective(model(), {}, STANDUP), TWO_STEPS);
    assert.equal(validateRetrospective(draft.replace('## Tomorrow', '## 2. Plan for Tomorrow:'), undefined, undefined, STANDUP).passed, true);
    const renamed = validateRetrospective(draft.replace('## Tomorrow', '## Next Steps'), undefined, undefined, STANDUP);
    assert.equal(renamed.passed, false);
    assert.ok(renamed.findings.some((f) => f.message.startsWith('The required section "Tomorrow" is missing.')));
  });

  it('gives the quick fix its own heading and example', () => {
    assert.equal(sectionSkeleton(STANDUP, 'nextSteps'), '## Tomorrow\n\n<!-- hint: - [ ] A task for tomorrow -->\n');
    assert.equal(sectionSkeleton(STANDUP, 'diary'), '', 'no skeleton for a section the template does not have');
  });

  it('is finished by Finish: the metrics section comes back under its own heading, the checklist lists its rules', () => {
    const m = model();
    const draft = written(renderRetrospective(m, {}, STANDUP), TWO_STEPS);
    const withoutNumbers = draft.slice(0, draft.indexOf('## Numbers'));
    const { text, result } = finishText(withoutNumbers, m, undefined, STANDUP);
    assert.equal(result.passed, true, result.findings.map((f) => f.message).join('\n'));
    assert.match(text, /## Tomorrow\n\n- \[ \] Add a quoting test[^\n]*\n- \[ \] Cache the type-check between runs\n\n## Numbers\n\n\| Metric \| Value \|/);
    assert.match(text, /## Retrospective Validation\n\n- \[x\] All required sections present\n- \[x\] Tomorrow are specific task-list items\n- \[x\] No placeholders or empty sections left\n- \[x\] Numbers present and consistent with the record\n$/);
  });
});
