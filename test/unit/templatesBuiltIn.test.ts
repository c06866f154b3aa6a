/**
 * The built-in report, phase and handoff templates: rendered from a record, validated by their own
 * rules (only the author's parts fail a fresh draft), passing once written, and each
 * template-specific rule failing on the document that breaks it.
 */
import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { finishText } from '../../src/core/retrospective/finish';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { HANDOFF_TEMPLATE } from '../../src/core/template/handoffTemplate';
import { PHASE_TEMPLATE } from '../../src/core/template/phaseTemplate';
import { REPORT_TEMPLATE } from '../../src/core/template/reportTemplate';
import { sectionSkeleton } from '../../src/core/template/skeleton';
import { BUILT_IN_TEMPLATES, builtInTemplate, findTemplate } from '../../src/core/template/templates';
import type { RetrospectiveTemplate } from '../../src/core/template/types';
import { findSections } from '../../src/core/validator/sections';
import { parseDocument } from '../../src/core/validator/document';
import { validateRetrospective } from '../../src/core/validator/validate';
import { RULE_IDS } from '../../src/core/validator/types';
import { basicSession, BASIC_OFFSET } from './retrospectiveFixture';
import { writeAuthorParts } from './templateDrafts';

function model() {
  const j = basicSession();
  return buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET, focus: 'CSV export', sessionType: 'feature' });
}

function failing(md: string, template: RetrospectiveTemplate): string[] {
  return validateRetrospective(md, undefined, { commits: model().metrics.commits }, template).rules.filter((r) => !r.passed).map((r) => r.rule);
}

const OWN_RULES: Record<string, string> = { report: 'action-items-priority', phase: 'recommendations-by-horizon', handoff: 'task-status' };

describe('built-in templates', () => {
  it('are registered by name, session first', () => {
    assert.deepEqual(BUILT_IN_TEMPLATES.map((t) => t.name), ['session', 'report', 'phase', 'handoff']);
    assert.equal(builtInTemplate('report'), REPORT_TEMPLATE);
    assert.equal(builtInTemplate('nope'), undefined);
    const mine = { ...REPORT_TEMPLATE, title: 'Our Report' };
    assert.equal(findTemplate('report', [mine]), mine, 'a workspace template replaces the built-in one of its name');
  });

  for (const template of [REPORT_TEMPLATE, PHASE_TEMPLATE, HANDOFF_TEMPLATE]) {
    describe(template.name, () => {
      it('renders its title and every section, the record parts filled, the author parts as hints', () => {
        const draft = renderRetrospective(model(), {}, template);
        assert.ok(draft.startsWith(`# ${template.title}\n`));
        const keys = findSections(draft).length; // the session layout does not know most of these headings
        assert.ok(keys < template.sections.length, 'the session layout does not recognise this layout');
        const own = parseDocument(draft, undefined, template).sections.map((s) => s.key);
        assert.deepEqual(own, template.sections.map((s) => s.key));
        for (const s of template.sections) {
          const body = draft.slice(draft.indexOf(`## ${s.title}\n`)).split('\n## ')[0];
          if (s.fill === 'record') assert.ok(!body.includes('<!-- hint:'), `${s.title} is filled by the record`);
          else assert.ok(body.includes('<!-- hint:'), `${s.title} asks the author`);
        }
        assert.ok(draft.includes('| Commits | 2 |'), 'the metrics come from the record');
      });

      it('fails a fresh draft only on the author parts, and passes it once they are written', () => {
        const draft = renderRetrospective(model(), {}, template);
        const fresh = failing(draft, template);
        assert.ok(fresh.includes('required-sections') === false, fresh.join());
        assert.ok(fresh.includes('no-placeholders'), fresh.join());
        assert.ok(!fresh.includes('metrics-present') && !fresh.includes('times-real'), fresh.join());
        const written = writeAuthorParts(draft, template);
        const result = validateRetrospective(written, undefined, { commits: 2 }, template);
        assert.equal(result.passed, true, result.findings.map((f) => `${f.line} ${f.rule} ${f.message}`).join('\n'));
        assert.deepEqual(result.rules.map((r) => r.rule), RULE_IDS.filter((r) => template.rules.includes(r)));
      });

      it(`fails ${OWN_RULES[template.name]} when the written draft breaks it`, () => {
        const written = writeAuthorParts(renderRetrospective(model(), {}, template), template);
        const broken = written
          .replace('### Immediate (P0, today)', '### P1 (next week)')
          .replace('### Strategic', '### Later')
          .replace('| API guide | not started |', '| API guide | |');
        assert.deepEqual(failing(broken, template), [OWN_RULES[template.name]]);
      });

      it('fails times-real on a time nobody filled in or one that is not a time', () => {
        const written = writeAuthorParts(renderRetrospective(model(), {}, template), template);
        const slot = validateRetrospective(`${written}\nThe deploy ran at HH:MM.\n`, undefined, undefined, template);
        assert.deepEqual(slot.findings.map((f) => [f.rule, f.message]), [['times-real', '"HH:MM" is a time nobody filled in: write the real time.']]);
        const wrong = validateRetrospective(`${written}\nThe deploy ran at 14:75, the tests took 45:30.\n`, undefined, undefined, template);
        assert.deepEqual(wrong.findings.map((f) => [f.rule, f.message]), [['times-real', '"14:75" is not a clock time.']]);
      });

      it('gives the quick fix its own headings, and Finish writes its checklist', () => {
        const required = template.sections.filter((s) => s.required && s.fill !== 'record');
        for (const s of required) assert.ok(sectionSkeleton(template, s.key).startsWith(`## ${s.title}\n`));
        const written = writeAuthorParts(renderRetrospective(model(), {}, template), template);
        const { text, result } = finishText(written, model(), undefined, template);
        assert.equal(result.passed, true, result.findings.map((f) => f.message).join('\n'));
        assert.match(text, /## Retrospective Validation\n\n- \[x\] All required sections present\n/);
      });
    });
  }

  it('report: the Immediate item may be marked P0 in its text instead of a group heading', () => {
    const written = writeAuthorParts(renderRetrospective(model(), {}, REPORT_TEMPLATE), REPORT_TEMPLATE)
      .replace('### Immediate (P0, today)\n\n- [ ] Add', '### Soon\n\n- [ ] **P0** Add');
    assert.deepEqual(failing(written, REPORT_TEMPLATE), []);
  });

  it('handoff: a task table without a Status column fails task-status with its line', () => {
    const written = writeAuthorParts(renderRetrospective(model(), {}, HANDOFF_TEMPLATE), HANDOFF_TEMPLATE).replace('| Task | Status | Notes |', '| Task | Owner | Notes |');
    const result = validateRetrospective(written, undefined, undefined, HANDOFF_TEMPLATE);
    const f = result.findings.find((x) => x.rule === 'task-status');
    assert.equal(f?.message, 'The table in Task Status has no Status column.');
    assert.equal(written.split('\n')[(f?.line ?? 0) - 1], '| Task | Owner | Notes |');
  });

  it('handoff: the record writes one subsection per commit with its real time', () => {
    const draft = renderRetrospective(model(), {}, HANDOFF_TEMPLATE);
    const commits = draft.slice(draft.indexOf('## Commits\n'), draft.indexOf('## Task Status'));
    assert.equal((commits.match(/^### Commit `[0-9a-f]{7}`: /gm) ?? []).length, 2, commits);
    assert.match(commits, /- \*\*Time\*\*: \d{2}:\d{2}, \d+ files?, \+\d+ −\d+/);
  });
});
