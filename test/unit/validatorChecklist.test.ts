import assert from 'node:assert/strict';
import { validateRetrospective } from '../../src/core/validator/validate';
import { renderValidationChecklist, upsertValidationChecklist } from '../../src/core/validator/checklist';
import { DEFAULT_VALIDATOR_CONFIG, loadValidatorConfig } from '../../src/core/validator/config';
import { parseDocument } from '../../src/core/validator/document';
import { edit, goodDoc, lineOf } from './validatorFixture';

const broken = (): string => edit(goodDoc(), /\n3\. \*\*Slow feedback loop\*\*[^\n]*/, '');

describe('renderValidationChecklist', () => {
  it('writes one checked line per passing rule', () => {
    const result = validateRetrospective(goodDoc());
    const lines = renderValidationChecklist(result).trimEnd().split('\n');
    assert.equal(lines.length, 10);
    assert.deepEqual(lines, result.rules.map((r) => `- [x] ${r.title}`));
  });

  it('writes the reason next to a failing rule', () => {
    const text = renderValidationChecklist(validateRetrospective(broken()));
    assert.match(text, /^- \[ \] At least 3 friction points documented — Only 2 friction points documented; at least 3 are needed\.$/m);
    assert.equal((text.match(/^- \[x\]/gm) ?? []).length, 9);
  });

  it('mentions further findings of the same rule', () => {
    const md = edit(edit(goodDoc(), '| 10:24 |', '| 25:24 |'), '| 11:05 |', '| 26:05 |');
    assert.match(renderValidationChecklist(validateRetrospective(md)), /is not a valid time \(HH:MM, 00:00 to 23:59\)\. \(and 1 more\)$/m);
  });
});

describe('upsertValidationChecklist', () => {
  it('appends the section at the end, leaving the document before it untouched', () => {
    const md = goodDoc();
    const out = upsertValidationChecklist(md, validateRetrospective(md));
    assert.ok(out.startsWith(md));
    assert.equal(out.slice(md.length), `\n## Retrospective Validation\n\n${renderValidationChecklist(validateRetrospective(md))}`);
    const noNewline = upsertValidationChecklist('# T\nText', validateRetrospective(''));
    assert.ok(noNewline.startsWith('# T\nText\n\n## Retrospective Validation\n\n- [ ] '));
  });

  it('replaces its own section under a numbered or decorated heading, keeping what follows byte for byte', () => {
    const md = goodDoc();
    const tail = '\n## Appendix\n\n\tRaw notes stay   exactly as they were.  \n\n\n';
    const withOld = md.replace('## Metrics', '## ✅ 11. Retrospective Validation:\n\n- [ ] stale line\n- [x] another stale line\n\n## Metrics') + tail;
    // The old checklist is neither a next step nor a placeholder.
    assert.equal(validateRetrospective(withOld).passed, true);
    const result = validateRetrospective(broken());
    const out = upsertValidationChecklist(withOld, result);
    const [before] = withOld.split('## ✅ 11. Retrospective Validation:');
    assert.ok(out.startsWith(`${before}## ✅ 11. Retrospective Validation:\n\n${renderValidationChecklist(result)}\n## Metrics`));
    assert.ok(out.endsWith(withOld.slice(withOld.indexOf('## Metrics'))));
    assert.ok(!out.includes('stale line'));
  });

  describe('never writes into a section the user wrote', () => {
    const userText = 'I verified the retry path by killing the receiver mid-delivery and watching the dead-letter table fill.';
    const userSections: [string, string][] = [
      ['a "### Validation" under Technical Details', edit(goodDoc(), '### Commands\n', `### Validation\n\n${userText}\n\n### Commands\n`)],
      ['a "## Validation" section', edit(goodDoc(), '## Session Diary\n', `## Validation\n\n${userText}\n\n## Session Diary\n`)],
      ['a "## Validation Checklist" section', edit(goodDoc(), '## Session Diary\n', `## Validation Checklist\n\n- ${userText}\n\n## Session Diary\n`)],
      ['a level-3 "### Retrospective Validation"', edit(goodDoc(), '### Commands\n', `### Retrospective Validation\n\n${userText}\n\n### Commands\n`)],
    ];
    for (const [name, md] of userSections) {
      it(`keeps ${name} and appends the checklist at the end`, () => {
        const result = validateRetrospective(md);
        const out = upsertValidationChecklist(md, result);
        assert.ok(out.startsWith(md), 'the document before the checklist changed');
        assert.ok(out.endsWith(`\n## Retrospective Validation\n\n${renderValidationChecklist(result)}`));
        // A second Finish rewrites the appended checklist, not the user's section.
        const twice = upsertValidationChecklist(out, validateRetrospective(out));
        assert.equal(twice, out);
        assert.equal(twice.split(userText).length, 2);
      });
    }
  });

  it('counts the prose of a user\'s "### Validation" section but blanks its own checklist', () => {
    const md = edit(goodDoc(), '### Commands\n', '### Validation\n\nI checked it by hand, TODO: add the load test.\n\n### Commands\n');
    const doc = parseDocument(md);
    assert.ok(doc.prose.includes('I checked it by hand, TODO: add the load test.'));
    const placeholders = validateRetrospective(md).findings.filter((f) => f.rule === 'no-placeholders');
    assert.deepEqual(placeholders.map((f) => f.line), [lineOf(md, 'I checked it by hand')]);

    const withChecklist = upsertValidationChecklist(goodDoc(), validateRetrospective(broken()));
    const checklistLine = lineOf(withChecklist, '- [ ] At least 3 friction points');
    assert.equal(parseDocument(withChecklist).prose[checklistLine - 1], '');
  });

  it('is idempotent and the written checklist does not change the verdict', () => {
    for (const md of [goodDoc(), broken()]) {
      const once = upsertValidationChecklist(md, validateRetrospective(md));
      const again = validateRetrospective(once);
      assert.deepEqual(again.rules, validateRetrospective(md).rules);
      assert.equal(upsertValidationChecklist(once, again), once);
    }
  });

  it('keeps CRLF line endings', () => {
    const md = goodDoc().replace(/\n/g, '\r\n');
    const once = upsertValidationChecklist(md, validateRetrospective(md));
    assert.ok(once.startsWith(md));
    assert.ok(!/[^\r]\n/.test(once));
    assert.equal(upsertValidationChecklist(once, validateRetrospective(once)), once);
  });

  it('replaces a checklist that is the last line without a line break', () => {
    const md = '# T\n\n## Retrospective Validation';
    const out = upsertValidationChecklist(md, validateRetrospective(''));
    assert.ok(out.startsWith('# T\n\n## Retrospective Validation\n\n- [ ] '));
  });
});

describe('loadValidatorConfig', () => {
  it('returns the defaults for no config', () => {
    assert.deepEqual(loadValidatorConfig(undefined), { config: DEFAULT_VALIDATOR_CONFIG, errors: [] });
    assert.equal(DEFAULT_VALIDATOR_CONFIG.minFrictionPoints, 3);
    assert.equal(DEFAULT_VALIDATOR_CONFIG.minDiaryWords, 150);
    assert.equal(DEFAULT_VALIDATOR_CONFIG.minFeedbackWords, 100);
    assert.equal(DEFAULT_VALIDATOR_CONFIG.requiredSections.length, 10);
  });

  it('accepts thresholds, section names or keys, header fields and disabled rules', () => {
    const { config, errors } = loadValidatorConfig({
      minFrictionPoints: 1, requiredSections: ['Timeline', 'nextSteps', 'Key Takeaways'],
      requiredHeaderFields: ['date'], disabledRules: ['diary-length'],
    });
    assert.deepEqual(errors, []);
    assert.equal(config.minFrictionPoints, 1);
    assert.deepEqual(config.requiredSections, ['timeline', 'nextSteps', 'lessons']);
    assert.deepEqual(config.requiredHeaderFields, ['date']);
    assert.deepEqual(config.disabledRules, ['diary-length']);
    assert.equal(config.minDiaryWords, 150);
  });

  it('reports each bad field and keeps its default', () => {
    const { config, errors } = loadValidatorConfig({
      minFrictionPoints: -1, minDiaryWords: '150', requiredSections: ['Nope'], disabledRules: 'all', colour: 'blue',
    });
    assert.equal(errors.length, 5);
    assert.match(errors.join('\n'), /"minFrictionPoints" must be a whole number/);
    assert.match(errors.join('\n'), /"requiredSections" has an unknown entry "Nope"/);
    assert.match(errors.join('\n'), /Unknown validator setting "colour"/);
    assert.equal(config.minFrictionPoints, 3);
    assert.equal(config.minDiaryWords, 150);
    assert.deepEqual(loadValidatorConfig([1, 2]).errors, ['The validator config must be a JSON object.']);
  });

  it('lets bad programmatic options fall back to the defaults', () => {
    const result = validateRetrospective(goodDoc(), { minFrictionPoints: Number.NaN, requiredSections: null as unknown as [] });
    assert.equal(result.passed, true);
  });
});
