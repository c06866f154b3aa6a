import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { DEFAULT_VALIDATOR_CONFIG } from '../../src/core/validator/config';
import { validateRetrospective } from '../../src/core/validator/validate';
import { JournalFixture } from './retrospectiveFixture';

/** A short session with one captured friction point. */
function oneFrictionSession(): JournalFixture {
  const j = new JournalFixture(Date.UTC(2026, 4, 6, 9, 0, 0));
  j.add({ kind: 'session-start', time: j.at(0), folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
  j.add({ kind: 'friction', time: j.at(10), title: 'Slow build', category: 'tooling', detail: 'webpack takes a minute.' });
  j.add({ kind: 'session-end', time: j.at(60) });
  return j;
}

function hints(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- hint: (.*?) -->/g)].map((m) => m[1]);
}

function draft(options?: Parameters<typeof renderRetrospective>[1]): string {
  const j = oneFrictionSession();
  return renderRetrospective(buildRetrospective(j.events, { now: j.at(60), utcOffsetMinutes: 0 }), options);
}

describe('retrospective hints quote the validator thresholds', () => {
  it('asks for what a stricter validator demands', () => {
    const options = { minFrictionPoints: 5, minDiaryWords: 250, minFeedbackWords: 40 };
    const h = hints(draft(options));
    assert.ok(h.includes('add 4 more friction points as "N. **Title** — what dragged and what it cost"'), h.join('\n'));
    assert.ok(h.some((x) => x.startsWith('250+ words in the first person')));
    assert.ok(h.some((x) => x.startsWith('a candid paragraph (40+ words with the friction points)')));
    // The validator with the same thresholds agrees on how many friction points are needed.
    const finding = validateRetrospective(draft(options), options).findings.find((f) => f.rule === 'friction-count');
    assert.match(finding?.message ?? '', /at least 5 are needed/);
  });

  it('asks for no more friction points when the threshold is already met', () => {
    assert.equal(hints(draft({ minFrictionPoints: 1 })).some((x) => x.includes('more friction point')), false);
  });

  it('uses the validator defaults when no thresholds are given or they are invalid', () => {
    const d = DEFAULT_VALIDATOR_CONFIG;
    for (const text of [draft(), draft({ minFrictionPoints: Number.NaN, minDiaryWords: -1 })]) {
      const h = hints(text);
      assert.ok(h.some((x) => x.startsWith(`add ${d.minFrictionPoints - 1} more friction points`)));
      assert.ok(h.some((x) => x.startsWith(`${d.minDiaryWords}+ words in the first person`)));
      assert.ok(h.some((x) => x.startsWith(`a candid paragraph (${d.minFeedbackWords}+ words`)));
    }
  });
});
