/**
 * Finish finds the sections it reads for the metrics log through the template's synonyms, as the
 * validator does, not through headings of its own: a "What worked" heading is What Went Well.
 */
import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { finishText, firstItemOf, metricsLogRow } from '../../src/core/retrospective/finish';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { basicSession, BASIC_OFFSET } from './retrospectiveFixture';

function model() {
  const j = basicSession();
  return buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
}

describe('Finish reads sections by the template', () => {
  it('finds a "What worked" heading and a "Pain points" heading for the metrics log', () => {
    const m = model();
    const draft = renderRetrospective(m)
      .replace('## What Went Well\n\n<!-- hint: bullets -->', '## 👍 What worked\n\n- **CSV export** shipped with tests')
      .replace('### Friction Points', '### Pain points (3 required)');
    const { text } = finishText(draft, m);
    const row = metricsLogRow('s-1', m, text);
    assert.equal(row.biggestWin, 'CSV export shipped with tests');
    // Cut to a table cell's 80 characters.
    assert.equal(row.mainFriction, 'Tests fail on a clean checkout — The fixture database is not created by npm test');
  });

  it('finds an "Action Items" heading as Next Steps, and nothing for a section that is missing', () => {
    const text = '# Retro\n\n## Action Items\n\n- [ ] Cache the type-check between runs\n';
    assert.equal(firstItemOf(text, 'nextSteps'), 'Cache the type-check between runs');
    assert.equal(firstItemOf(text, 'wentWell'), undefined);
  });

  it('stops at the next heading and skips items with nothing visible', () => {
    const text = '## What went right\n\n- <!-- hint: bullets -->\n\n### Details\n\n- Not the first win\n';
    assert.equal(firstItemOf(text, 'wentWell'), undefined);
  });
});
