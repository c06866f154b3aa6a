import assert from 'node:assert/strict';
import { validateRetrospective } from '../../src/core/validator/validate';
import { RULE_IDS } from '../../src/core/validator/types';
import type { RuleId } from '../../src/core/validator/types';
import { SESSION_TEMPLATE } from '../../src/core/template/sessionTemplate';
import { edit, failedRules, goodDoc, lineOf, replaceBody } from './validatorFixture';

/** The session layout's rules in RULE_IDS order (the other layouts' rules are tested in templates*.test.ts). */
const SESSION_RULES = RULE_IDS.filter((rule) => SESSION_TEMPLATE.rules.includes(rule));

const SHORT_FRICTION = [
  '1. **Slow tests**: they dragged.',
  '2. **Flaky network**: it failed twice.',
  '3. **Unclear spec**: I had to ask.',
].join('\n');

/** One document per rule, each breaking only that rule. */
const BREAKERS: Partial<Record<RuleId, (md: string) => string>> = {
  'header-fields': (md) => edit(md, '**Duration**: 3h 28m wall clock, 2h 51m active\n', ''),
  'required-sections': (md) => edit(md, /## What Went Well\n[\s\S]*?(?=## What Could Improve)/, ''),
  'timeline-times': (md) => edit(md, '| 11:05 | Saved 14 files', '| 10:05 | Saved 14 files'),
  'friction-count': (md) => edit(md, /\n3\. \*\*Slow feedback loop\*\*[^\n]*/, ''),
  'diary-length': (md) => replaceBody(md, '## Session Diary', 'I fixed the retry bug and I wrote the dead-letter table. It went fine for me.'),
  'feedback-length': (md) => replaceBody(replaceBody(md, '## Honest Feedback', 'It went well overall.'), '### Friction Points', SHORT_FRICTION),
  'lessons-actionable': (md) => replaceBody(md, '## Lessons Learned', '- Communication\n- Testing'),
  'next-steps-specific': (md) => replaceBody(md, '## Next Steps', '- [ ] continue\n- [ ] Fix it'),
  'no-placeholders': (md) => edit(md, 'finishes in four seconds.', 'finishes in four seconds. TODO: mention the benchmark.'),
  'metrics-present': (md) => replaceBody(md, '## Metrics', 'We measured things.'),
};

/** `md` with only `rule` broken. */
function breaking(rule: RuleId, md: string): string {
  const breaker = BREAKERS[rule];
  if (!breaker) throw new Error(`no breaker for ${rule}`);
  return breaker(md);
}

describe('validateRetrospective', () => {
  it('passes the complete fixture with one outcome per rule, in RULE_IDS order', () => {
    const result = validateRetrospective(goodDoc(), {}, { commits: 2 });
    assert.deepEqual(result.findings.filter((f) => f.severity === 'error'), []);
    assert.equal(result.passed, true);
    assert.deepEqual(result.rules.map((r) => r.rule), SESSION_RULES);
    assert.ok(result.rules.every((r) => r.passed && r.title.length > 0));
  });

  it('has a breaker for every rule of the session layout', () => {
    assert.deepEqual(SESSION_RULES.filter((rule) => BREAKERS[rule] === undefined), []);
  });

  for (const rule of SESSION_RULES) {
    it(`fails only ${rule} when good.md breaks only that rule`, () => {
      const result = validateRetrospective(breaking(rule, goodDoc()));
      assert.deepEqual(failedRules(result), [rule]);
      assert.equal(result.passed, false);
      const errors = result.findings.filter((f) => f.severity === 'error');
      assert.ok(errors.length > 0 && errors.every((f) => f.rule === rule), JSON.stringify(errors));
      assert.ok(errors.every((f) => f.line >= 1 && f.message.length > 0));
    });
  }

  it('reports the missing section by name', () => {
    const result = validateRetrospective(breaking('required-sections', goodDoc()));
    const finding = result.findings.find((f) => f.rule === 'required-sections');
    assert.match(finding?.message ?? '', /What Went Well/);
    assert.equal(finding?.section, 'wentWell');
  });

  it('reports a missing section once, and still fails the section\'s own rule', () => {
    const md = goodDoc().replace(/^## Session Diary[\s\S]*?(?=^## )/m, '');
    assert.ok(!/Session Diary/.test(md), 'the diary is gone');
    const result = validateRetrospective(md);
    const aboutDiary = result.findings.filter((f) => f.section === 'diary');
    assert.equal(aboutDiary.length, 1, JSON.stringify(aboutDiary));
    assert.equal(aboutDiary[0].rule, 'required-sections');
    assert.deepEqual(aboutDiary[0].alsoFails, ['diary-length']);
    assert.deepEqual(failedRules(result).sort(), ['diary-length', 'required-sections']);
    // With required-sections off, the diary's own rule reports it.
    const own = validateRetrospective(md, { disabledRules: ['required-sections'] });
    assert.deepEqual(own.findings.filter((f) => f.section === 'diary').map((f) => f.rule), ['diary-length']);
  });

  it('points the timeline finding at the out-of-order row', () => {
    const md = breaking('timeline-times', goodDoc());
    const finding = validateRetrospective(md).findings.find((f) => f.rule === 'timeline-times');
    assert.equal(finding?.line, lineOf(md, '| 10:05 | Saved 14 files'));
    assert.match(finding?.message ?? '', /order/);
  });

  it('points lesson and next-step findings at their items', () => {
    const lessons = breaking('lessons-actionable', goodDoc());
    const lessonLines = validateRetrospective(lessons).findings.filter((f) => f.rule === 'lessons-actionable').map((f) => f.line);
    assert.deepEqual(lessonLines, [lineOf(lessons, '- Communication'), lineOf(lessons, '- Testing')]);
    const steps = breaking('next-steps-specific', goodDoc());
    const stepFindings = validateRetrospective(steps).findings.filter((f) => f.rule === 'next-steps-specific');
    assert.deepEqual(stepFindings.map((f) => f.line), [lineOf(steps, '- [ ] continue'), lineOf(steps, '- [ ] Fix it')]);
    assert.match(stepFindings[0].message, /placeholder/);
  });

  it('counts friction points and says how many are missing', () => {
    const finding = validateRetrospective(breaking('friction-count', goodDoc())).findings.find((f) => f.rule === 'friction-count');
    assert.match(finding?.message ?? '', /Only 2 friction points/);
  });

  it('requires the diary to be in the first person', () => {
    const md = replaceBody(goodDoc(), '## Session Diary', Array.from({ length: 40 }, () => 'The queue retried deliveries with backoff.').join(' '));
    const findings = validateRetrospective(md).findings.filter((f) => f.rule === 'diary-length');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /first person/);
  });

  it('checks the stated number of commits against the record', () => {
    const md = goodDoc();
    assert.deepEqual(failedRules(validateRetrospective(md, {}, { commits: 3 })), ['metrics-present']);
    const finding = validateRetrospective(md, {}, { commits: 3 }).findings[0];
    assert.equal(finding.line, lineOf(md, '| Commits | 2 |'));
    assert.match(finding.message, /2 commits but the record has 3/);
    const list = replaceBody(md, '## Metrics', '- Duration: 3h 28m\n- Commits: 2\n- Saves: 19');
    assert.deepEqual(failedRules(validateRetrospective(list, {}, { commits: 2 })), []);
    assert.deepEqual(failedRules(validateRetrospective(list, {}, { commits: 5 })), ['metrics-present']);
    const horizontal = replaceBody(md, '## Metrics', '| Duration | Commits | Saves |\n|---|---|---|\n| 3h 28m | 2 | 19 |');
    assert.deepEqual(failedRules(validateRetrospective(horizontal, {}, { commits: 2 })), []);
    const silent = replaceBody(md, '## Metrics', '| Metric | Value |\n|---|---|\n| Saves | 19 |');
    assert.deepEqual(failedRules(validateRetrospective(silent, {}, { commits: 2 })), ['metrics-present']);
  });

  it('checks header times against the record when the header names its UTC offset', () => {
    const start = Date.UTC(2026, 10, 22, 8, 12); // 09:12 at UTC+01:00
    const end = Date.UTC(2026, 10, 22, 11, 40);
    assert.deepEqual(failedRules(validateRetrospective(goodDoc(), {}, { start, end })), []);
    const late = validateRetrospective(goodDoc(), {}, { start: start + 30 * 60_000, end });
    assert.deepEqual(failedRules(late), ['header-fields']);
    assert.match(late.findings[0].message, /09:12 does not match the record \(09:42\)/);
  });

  it('flags header fields that are present but empty or not a time', () => {
    let md = edit(goodDoc(), '**Primary Focus**: Retry logic for the webhook delivery queue', '**Primary Focus**: TBD');
    md = edit(md, '**End Time**: 12:40 (UTC+01:00)', '**End Time**: around lunch');
    const findings = validateRetrospective(md).findings.filter((f) => f.rule === 'header-fields');
    assert.deepEqual(findings.map((f) => f.line), [lineOf(md, '**End Time**'), lineOf(md, '**Primary Focus**')]);
  });

  it('accepts list-style and colon-inside-bold header fields', () => {
    const md = goodDoc()
      .replace('**Date**: 2026-11-22', '- **Date:** 2026-11-22')
      .replace('**Start Time**: 09:12', '- Start Time: 09:12')
      .replace('**Duration**:', '- __Duration__:');
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('lets the config relax thresholds, drop sections and disable rules', () => {
    const md = breaking('friction-count', goodDoc());
    assert.deepEqual(failedRules(validateRetrospective(md, { minFrictionPoints: 2 })), []);
    const noWell = breaking('required-sections', goodDoc());
    const sections = ['summary', 'timeline', 'diary', 'couldImprove', 'honestFeedback', 'frictionPoints', 'lessons', 'nextSteps', 'metrics'] as const;
    assert.deepEqual(failedRules(validateRetrospective(noWell, { requiredSections: sections })), []);
    const disabled = validateRetrospective(md, { disabledRules: ['friction-count'] });
    assert.equal(disabled.passed, true);
    assert.deepEqual(disabled.rules.find((r) => r.rule === 'friction-count'), {
      rule: 'friction-count', title: 'At least 3 friction points documented', passed: true, disabled: true,
    });
    assert.equal(validateRetrospective(md, { minFrictionPoints: 4 }).rules[3].title, 'At least 4 friction points documented');
  });

  it('fails every content rule on an empty document without throwing', () => {
    const result = validateRetrospective('');
    assert.equal(result.passed, false);
    assert.deepEqual(failedRules(result), SESSION_RULES.filter((r) => r !== 'no-placeholders'));
  });
});
