/**
 * The carried-over checklist through the journal to the draft: the state the ticks leave, the
 * "Carried Over" section (done with its local time, not done), the open items offered as the
 * first next steps, the metrics row, and Finish adding that row to an edited file.
 */
import { strict as assert } from 'node:assert';
import { carriedOverCount, carriedOverList, carriedOverState, itemByText, MAX_ITEMS_PER_SOURCE } from '../../src/core/handoff/carriedOver';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { replaceMetricsSection } from '../../src/core/retrospective/retrospectiveFile';
import { JournalFixture } from './retrospectiveFixture';

/** 2026-12-04 09:00 UTC; the session's clock is UTC+02:00, so 11:00 local. */
const BASE = Date.UTC(2026, 11, 4, 9, 0, 0);

function session(ticks: readonly (readonly [number, string, boolean])[]): JournalFixture {
  const j = new JournalFixture(BASE);
  j.add({ kind: 'session-start', time: j.at(0), focus: 'Queue rework', folders: ['app'], trusted: true, utcOffsetMinutes: 120 });
  j.add({
    kind: 'carried-over', time: j.at(0),
    items: carriedOverList(['Fix the flaky receiver test', 'Document the socket behaviour'], ['Tag the release']),
    retrospective: 'retrospectives/sessions/2026-12-03_1400_queue.md', plan: 'PLAN.md',
  });
  for (const [minute, itemId, done] of ticks) j.add({ kind: 'carried-over-tick', time: j.at(minute), itemId, text: itemId, done, via: 'timeline' });
  j.add({ kind: 'session-end', time: j.at(60) });
  return j;
}

describe('handoff: the carried-over checklist in the journal and the draft', () => {
  it('applies the ticks in order: the last one wins and a done item keeps the time it was ticked', () => {
    const state = carriedOverState(session([[5, 'r1', true], [7, 'p1', true], [8, 'p1', false], [20, 'r2', true]]).events);
    assert.ok(state);
    assert.deepEqual(state.items.map((i) => [i.id, i.doneAt]), [['r1', BASE + 5 * 60_000], ['r2', BASE + 20 * 60_000], ['p1', undefined]]);
    assert.deepEqual(carriedOverCount(state), { done: 2, total: 3 });
    assert.equal(itemByText(state, '  tag THE release ', 'plan')?.id, 'p1');
    assert.equal(itemByText(state, 'Tag the release', 'retrospective'), undefined);
    assert.equal(carriedOverState(new JournalFixture(BASE).events), undefined, 'nothing carried over');
  });

  it('gives each source its own ids, drops the plan\'s copies of the retrospective\'s items and caps each source', () => {
    const list = carriedOverList(['A', 'B'], ['b', 'C', ...Array.from({ length: 80 }, (_, i) => `Plan ${i}`)]);
    assert.deepEqual(list.slice(0, 4).map((i) => `${i.id}:${i.text}`), ['r1:A', 'r2:B', 'p1:C', 'p2:Plan 0']);
    assert.equal(list.filter((i) => i.from === 'plan').length, MAX_ITEMS_PER_SOURCE);
  });

  it('writes the Carried Over section, offers the items not done as the first next steps, and counts them in the metrics', () => {
    const model = buildRetrospective(session([[5, 'r1', true]]).events, { now: BASE + 3_600_000, utcOffsetMinutes: 120 });
    const md = renderRetrospective(model);
    const section = /## Carried Over\n\n([\s\S]*?)\n\n## /.exec(md)?.[1];
    assert.equal(section, [
      'From the next steps of `retrospectives/sessions/2026-12-03_1400_queue.md` and the open boxes of `PLAN.md`:',
      '',
      '- [x] Fix the flaky receiver test — done at 11:05',
      '- [ ] Document the socket behaviour — not done',
      '- [ ] Tag the release — not done',
    ].join('\n'));
    const next = /## Next Steps\n\n([\s\S]*?)\n\n## /.exec(md)?.[1] ?? '';
    assert.match(next, /^- \[ \] Document the socket behaviour\n- \[ \] Tag the release\n\n<!-- hint: /);
    assert.match(md, /\| Carried Over \| 1 of 3 done \|/);
    assert.ok(md.indexOf('## Carried Over') < md.indexOf('## Next Steps'));
  });

  it('leaves the section and the metrics row out when nothing was carried over', () => {
    const j = new JournalFixture(BASE);
    j.add({ kind: 'session-start', time: j.at(0), folders: [], trusted: true, utcOffsetMinutes: 0 });
    const md = renderRetrospective(buildRetrospective(j.events, { now: BASE + 60_000, utcOffsetMinutes: 0 }));
    assert.doesNotMatch(md, /Carried Over/);
    assert.match(md, /## Next Steps\n\n<!-- hint: /);
  });

  it('adds the "Carried Over" row to the metrics of an edited file at Finish', () => {
    const model = buildRetrospective(session([[5, 'r1', true], [6, 'r2', true]]).events, { now: BASE + 3_600_000, utcOffsetMinutes: 120 });
    const edited = '# Session Retrospective\n\n## Metrics\n\n| Metric | Value |\n| --- | ---: |\n| Commits | 9 |\n| My own row | 3 |\n';
    const refreshed = replaceMetricsSection(edited, model);
    assert.match(refreshed, /\| Commits \| 0 \|\n\| My own row \| 3 \|[\s\S]*\| Carried Over \| 2 of 3 done \|/);
  });
});
