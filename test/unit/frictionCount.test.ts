import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { stripHints } from '../../src/core/retrospective/retrospectiveFile';
import { countFrictionPoints } from '../../src/core/validator/frictionCount';
import { validateRetrospective } from '../../src/core/validator/validate';
import { JournalFixture } from './retrospectiveFixture';
import { goodDoc, replaceBody } from './validatorFixture';

const FRICTION_HEADING = '### Friction Points';

/** A draft with one captured friction point, as End Session writes it. */
function draftWithOneCapturedFriction(): string {
  const j = new JournalFixture(Date.UTC(2026, 10, 22, 8, 0, 0));
  j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
  j.add({ kind: 'friction', time: j.at(5), title: 'Slow type-check', category: 'tooling', detail: 'Every save waited ten seconds for tsc.' });
  j.add({ kind: 'session-end', time: j.at(60) });
  return renderRetrospective(buildRetrospective(j.events, { now: j.at(60), utcOffsetMinutes: 60 }));
}

function items(n: number): string {
  return Array.from({ length: n }, (_, i) => `${i + 1}. **Point ${i + 1}**: something dragged and cost time.`).join('\n');
}

/** Whether the validator's friction-count rule passes with the given minimum. */
function frictionRulePasses(markdown: string, minFrictionPoints: number): boolean {
  const rule = validateRetrospective(markdown, { minFrictionPoints }).rules.find((r) => r.rule === 'friction-count');
  assert.ok(rule);
  return rule.passed;
}

describe('countFrictionPoints', () => {
  it('counts the captured friction of a draft, not the hint asking for more', () => {
    assert.equal(countFrictionPoints(draftWithOneCapturedFriction()), 1);
  });

  it('counts what the user added next to what was captured', () => {
    const draft = stripHints(draftWithOneCapturedFriction());
    const added = draft.replace(/(1\. \*\*Slow type-check\*\*[^\n]*\n)/, '$12. **Flaky fixture**: the seed script failed twice.\n3. **Unclear spec**: I asked twice which format was right.\n');
    assert.notEqual(added, draft, 'the fixture still has the captured item');
    assert.equal(countFrictionPoints(added), 3);
  });

  it('skips items without words and counts subheadings when there is no list', () => {
    const empty = replaceBody(goodDoc(), FRICTION_HEADING, `${items(2)}\n3. \n4. <!-- hint: one more -->`);
    assert.equal(countFrictionPoints(empty), 2);
    const headings = replaceBody(goodDoc(), FRICTION_HEADING, '#### Hanging test\n\nIt hung.\n\n#### Slow suite\n\nIt was slow.');
    assert.equal(countFrictionPoints(headings), 2);
  });

  it('is undefined when there is no Friction Points section', () => {
    const without = goodDoc().replace(/### Friction Points\n[\s\S]*?(?=\n## )/, '');
    assert.ok(!/Friction Points/.test(without));
    assert.equal(countFrictionPoints(without), undefined);
  });

  it('agrees with the friction-count rule of the validator', () => {
    for (let n = 0; n <= 6; n++) {
      const doc = replaceBody(goodDoc(), FRICTION_HEADING, items(n));
      const count = countFrictionPoints(doc);
      assert.equal(count, n);
      assert.equal(frictionRulePasses(doc, Math.max(1, n)), n >= 1, `${n} items pass a minimum of ${n}`);
      assert.equal(frictionRulePasses(doc, n + 1), false, `${n} items fail a minimum of ${n + 1}`);
    }
  });
});
