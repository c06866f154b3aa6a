/**
 * Retrospectives written by hand in the report, phase and handoff layouts, with the headings
 * people really write (numbering, emoji, "&", "(If It Existed)"): each is recognised section by
 * section by its template, passes without a single finding, and loses the right section when one
 * is removed.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseTemplate } from '../../src/core/template/marker';
import { builtInTemplate } from '../../src/core/template/templates';
import type { RetrospectiveTemplate } from '../../src/core/template/types';
import { parseDocument } from '../../src/core/validator/document';
import { validateRetrospective } from '../../src/core/validator/validate';

const DIR = path.join(__dirname, '..', 'fixtures', 'templates');

/** Each fixture's headings as written, and the section each must be recognised as. */
const EXPECTED: Record<string, [string, string][]> = {
  report: [
    ['📋 Executive Summary', 'summary'], ['Part 1: What Went Well ✅', 'wentWell'], ['Part 2: What Could Be Improved ⚠️', 'couldImprove'],
    ['🎯 Action Items', 'nextSteps'], ['Patterns to Replicate', 'patterns'], ['Anti-Patterns to Avoid', 'antiPatterns'],
    ['📊 Metrics Summary', 'metrics'], ['Recommendations for Future Sessions', 'recommendations'], ['Session Artifacts', 'artifacts'], ['Conclusion', 'conclusion'],
  ],
  phase: [
    ['1. What Went Well', 'wentWell'], ['2. What Could Have Been Better', 'couldImprove'], ['🌟 The Golden Path (If It Existed)', 'goldenPath'],
    ['Recommendations', 'recommendations'], ['📊 Metrics', 'metrics'], ['💡 Key Takeaway', 'lessons'], ['Plan Alignment', 'planAlignment'],
    ['Improvements That Would Help Next', 'improvementsNext'],
  ],
  handoff: [
    ['🧭 Executive Summary', 'summary'], ['Work Completed', 'workCompleted'], ['Commits', 'commits'], ['📋 Task Status', 'taskStatus'],
    ['Critical Path', 'criticalPath'], ['Blockers Resolved', 'blockersResolved'], ['Blockers Remaining', 'blockersRemaining'],
    ['Deliverables', 'deliverables'], ['Risks Mitigated', 'risksMitigated'], ['Next Session Recommendations', 'nextSteps'],
    ['Files for Review', 'filesForReview'], ['📊 Metrics', 'metrics'], ['Session Quality', 'sessionQuality'], ['Handoff Notes', 'handoffNotes'],
  ],
};

/** The fixture without the `##` section whose heading is `heading` (up to the next `##`). */
function without(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, heading);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(0, start) + (next < 0 ? '\n' : text.slice(next));
}

describe('hand-written retrospectives in each layout (test/fixtures/templates)', () => {
  for (const name of Object.keys(EXPECTED)) {
    describe(`${name}-wild.md`, () => {
      const text = fs.readFileSync(path.join(DIR, `${name}-wild.md`), 'utf8');
      const template = builtInTemplate(name) as RetrospectiveTemplate;

      it('is a real-looking retrospective of at least 150 lines naming its template', () => {
        assert.ok(text.split('\n').length >= 150, `${text.split('\n').length} lines`);
        assert.equal(chooseTemplate(text).template, template);
      });

      it('is recognised section by section, its numbered points not taken for sections', () => {
        const sections = parseDocument(text, undefined, template).sections.map((s) => [s.heading, s.key]);
        assert.deepEqual(sections, EXPECTED[name]);
      });

      it('passes its template with no finding at all', () => {
        const result = validateRetrospective(text, undefined, undefined, template);
        assert.deepEqual(result.findings, []);
        assert.equal(result.passed, true);
      });

      it('is not a session retrospective: the session layout finds its sections missing', () => {
        assert.equal(validateRetrospective(text).passed, false);
      });

      it('reports a removed required section by its title, on required-sections', () => {
        // The report's Executive Summary holds a Metric | Value table, which a reader (and the
        // validator, presence.ts) takes for the metrics when the Metrics Summary is gone.
        const required = template.sections.filter((s) => s.required && !(name === 'report' && s.key === 'metrics'));
        for (const section of required) {
          const written = EXPECTED[name].find(([, key]) => key === section.key)?.[0];
          assert.ok(written, section.key);
          const result = validateRetrospective(without(text, written), undefined, undefined, template);
          const missing = result.findings.filter((f) => f.rule === 'required-sections');
          assert.deepEqual(missing.map((f) => f.section), [section.key], written);
          assert.ok(missing[0].message.startsWith(`The required section "${section.title}" is missing.`), missing[0].message);
          assert.ok(result.findings.every((f) => f.rule === 'required-sections' || f.rule === 'known-template'), JSON.stringify(result.findings));
        }
      });
    });
  }
});
