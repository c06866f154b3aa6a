import assert from 'node:assert/strict';
import { renderValidationChecklist, upsertValidationChecklist } from '../../src/core/validator/checklist';
import { adoptEarlierChecklist, earlierChecklists, isChecklistHeading } from '../../src/core/validator/earlierChecklist';
import { parseDocument } from '../../src/core/validator/document';
import { validateRetrospective } from '../../src/core/validator/validate';
import { edit, goodDoc } from './validatorFixture';

const OLD_ITEMS = '- [x] Header fields present\n- [ ] At least 3 friction points documented — Placeholder left in the text: "TODO"\n';

/** goodDoc with a checklist an earlier version wrote under `heading`, before the Metrics section. */
function withEarlier(heading: string, items = OLD_ITEMS): string {
  return edit(goodDoc(), '## Metrics\n', `${heading}\n\n${items}\n## Metrics\n`);
}

const count = (text: string, what: string): number => text.split(what).length - 1;

describe('checklists under an earlier heading', () => {
  it('knows the checklist headings, numbered or decorated', () => {
    for (const h of ['Validation Checklist', 'Checklist', '✅ Validation', '11. Validation Checklist:', '**Retrospective Checklist**', 'Retrospective Validation']) {
      assert.equal(isChecklistHeading(h), true, h);
    }
    for (const h of ['Validation of the retry path', 'Next Steps', 'Testing']) assert.equal(isChecklistHeading(h), false, h);
  });

  for (const heading of ['## Validation Checklist', '## Checklist', '## ✅ Validation', '## 11. Validation Checklist']) {
    it(`Finish replaces the checklist under "${heading}" instead of appending a second one`, () => {
      const md = withEarlier(heading);
      assert.equal(earlierChecklists(md).length, 1);
      const adopted = adoptEarlierChecklist(md);
      const result = validateRetrospective(adopted);
      const out = upsertValidationChecklist(md, result);
      assert.equal(count(out, '## Retrospective Validation'), 1);
      assert.ok(!out.includes(heading), 'the old heading is the validator\'s heading now');
      assert.ok(!out.includes('Header fields present'), 'the stale lines are gone');
      assert.ok(out.includes(`## Retrospective Validation\n\n${renderValidationChecklist(result)}\n## Metrics`), 'in place, before Metrics');
      // A second Finish changes nothing.
      assert.equal(upsertValidationChecklist(out, validateRetrospective(out)), out);
    });
  }

  it('does not read the old checklist\'s lines as prose once adopted', () => {
    const adopted = adoptEarlierChecklist(withEarlier('## Validation Checklist'));
    const line = adopted.split('\n').indexOf('- [x] Header fields present');
    assert.ok(line > 0);
    assert.equal(parseDocument(adopted).prose[line], '', 'blanked like the validator\'s own checklist');
    assert.equal(validateRetrospective(adopted).passed, true);
  });

  it('removes a stale copy from a file an older Finish already appended to', () => {
    const md = `${withEarlier('## Validation Checklist')}\n## Retrospective Validation\n\n- [x] Header fields present\n`;
    const out = adoptEarlierChecklist(md);
    assert.ok(!out.includes('## Validation Checklist'));
    assert.equal(count(out, '- [x] Header fields present'), 1);
    assert.ok(out.includes('\n## Metrics\n'), 'the section after the stale copy stays');
  });

  it('keeps CRLF line endings', () => {
    const md = withEarlier('## Checklist').replace(/\n/g, '\r\n');
    const out = adoptEarlierChecklist(md);
    assert.ok(out.includes('## Retrospective Validation\r\n'));
    assert.ok(!/[^\r]\n/.test(out));
  });

  const userText = 'I verified the retry path by killing the receiver mid-delivery and watching the dead-letter table fill.';
  const userSections: [string, string][] = [
    ['prose under "## Validation"', withEarlier('## Validation', `${userText}\n`)],
    ['plain bullets under "## Validation Checklist"', withEarlier('## Validation Checklist', `- ${userText}\n`)],
    ['task items mixed with prose under "## Checklist"', withEarlier('## Checklist', `${userText}\n\n- [x] load test\n`)],
    ['task items under "### Validation Checklist"', withEarlier('### Validation Checklist')],
    ['task items under "## Next Steps"-like headings', withEarlier('## Release Checklist Notes')],
  ];
  for (const [name, md] of userSections) {
    it(`leaves ${name} alone`, () => {
      assert.deepEqual(earlierChecklists(md), []);
      assert.equal(adoptEarlierChecklist(md), md);
    });
  }
});
