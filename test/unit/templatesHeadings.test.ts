/** Headings as people write them, matched to a template's sections. */
import { strict as assert } from 'node:assert';
import { isNumberedSubsection, normalizeHeading, sectionKeyIn, sectionsOf } from '../../src/core/template/headings';
import { HANDOFF_TEMPLATE } from '../../src/core/template/handoffTemplate';
import { PHASE_TEMPLATE } from '../../src/core/template/phaseTemplate';
import { REPORT_TEMPLATE } from '../../src/core/template/reportTemplate';
import { SESSION_TEMPLATE } from '../../src/core/template/sessionTemplate';
import { parseDocument } from '../../src/core/validator/document';

describe('heading variants', () => {
  const cases: [string, string][] = [
    ['Part 1: What Went Well', 'what went well'],
    ['1. What Went Well', 'what went well'],
    ['1.1 What Went Well', 'what went well'],
    ['Section II: Metrics', 'metrics'],
    ['🎯 Action Items', 'action items'],
    ['✅ What Went Well ✅', 'what went well'],
    ['Risks & Mitigations', 'risks and mitigations'],
    ['Blockers&Risks', 'blockers and risks'],
    ['The Golden Path (If It Existed)', 'the golden path'],
    ['Task Status (Mandatory):', 'task status'],
    ['Handoff Notes (Mandatory) (Read First)', 'handoff notes'],
    ['what could have been better', 'what could have been better'],
    ['WHAT COULD HAVE BEEN BETTER', 'what could have been better'],
    ['Next session recommendations', 'next session recommendations'],
    ['**Anti-Patterns to Avoid**', 'anti patterns to avoid'],
  ];
  for (const [heading, normal] of cases) {
    it(`"${heading}" → "${normal}"`, () => assert.equal(normalizeHeading(heading), normal));
  }

  it('finds each template\'s sections under the variants', () => {
    assert.equal(sectionKeyIn(PHASE_TEMPLATE, '🌟 The Golden Path (If It Existed)'), 'goldenPath');
    assert.equal(sectionKeyIn(PHASE_TEMPLATE, '3. Plan Alignment'), 'planAlignment');
    assert.equal(sectionKeyIn(REPORT_TEMPLATE, 'Part 4: Anti-Patterns to Avoid'), 'antiPatterns');
    assert.equal(sectionKeyIn(REPORT_TEMPLATE, 'Recommendations For Future Sessions'), 'recommendations');
    assert.equal(sectionKeyIn(HANDOFF_TEMPLATE, 'Risks & Mitigation'), undefined, 'a different name is not guessed');
    assert.equal(sectionKeyIn(HANDOFF_TEMPLATE, 'Risks and Mitigations'), 'risksMitigated');
    assert.equal(sectionKeyIn(HANDOFF_TEMPLATE, '📋 Task Status (Mandatory)'), 'taskStatus');
    assert.equal(sectionKeyIn(SESSION_TEMPLATE, 'Lessons Learned & Takeaways'), undefined);
  });

  it('tells numbered points from numbered sections', () => {
    for (const t of ['1.1 Tests first', '2.3. Timeline drift', '1.2: Metrics', '**1.1** Tests', '10.2 — Commits']) assert.equal(isNumberedSubsection(t), true, t);
    for (const t of ['1. What Went Well', 'Part 1: Metrics', 'Metrics 1.1', '1 Summary', 'v1.2 release']) assert.equal(isNumberedSubsection(t), false, t);
  });

  it('does not take a numbered point under What Went Well for a section, but keeps a numbered nested section', () => {
    const md = [
      '# Retrospective', '', '## 1. What Went Well', '', '### 1.1 Timeline', '', 'The timeline was accurate.', '',
      '### 1.2 Metrics', '', 'Numbers were right.', '', '## 2. Honest Feedback', '', 'Candid words.', '',
      '### 2.1 Friction Points', '', '1. **Slow** — it dragged.', '',
    ].join('\n');
    const keys = parseDocument(md).sections.map((s) => [s.heading, s.key]);
    assert.deepEqual(keys, [['1. What Went Well', 'wentWell'], ['2. Honest Feedback', 'honestFeedback'], ['2.1 Friction Points', 'frictionPoints']]);
    const phase = parseDocument('## What Went Well\n\n### 1.4 Metrics\n\nok\n\n## Metrics\n\n| Metric | Value |\n', undefined, PHASE_TEMPLATE).sections.map((s) => s.line);
    assert.deepEqual(phase, [1, 7]);
  });
});

describe('section names across layouts', () => {
  const templates = [SESSION_TEMPLATE, REPORT_TEMPLATE, PHASE_TEMPLATE, HANDOFF_TEMPLATE];

  it('never gives one heading to two sections of the same template', () => {
    for (const template of templates) {
      const owner = new Map<string, string>();
      for (const section of sectionsOf(template)) {
        for (const name of [section.title, ...section.synonyms].map(normalizeHeading)) {
          const earlier = owner.get(name);
          assert.ok(earlier === undefined || earlier === section.key, `${template.name}: "${name}" names both ${earlier} and ${section.key}`);
          owner.set(name, section.key);
        }
      }
    }
  });

  it('reads the shared sections by the same names whichever layout the file follows', () => {
    const shared: [string, string][] = [['What Went Right', 'wentWell'], ['Key Metrics', 'metrics'], ['What Could Have Gone Better', 'couldImprove'], ['Statistics', 'metrics']];
    for (const template of templates) {
      for (const [heading, key] of shared) {
        if (!template.sections.some((s) => s.key === key)) continue;
        assert.equal(sectionKeyIn(template, heading), key, `${template.name}: ${heading}`);
      }
    }
  });
});
