import { strict as assert } from 'node:assert';
import { ofKind } from '../../src/core/journal/events';
import { findRecurringFriction } from '../../src/core/friction/recurringFriction';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { JournalFixture } from './retrospectiveFixture';

const OFFSET = 60;

/** A one-hour session on 2026-11-`day` from 08:00 UTC (09:00 at UTC+01:00) with one friction point. */
function sessionOn(id: string, day: number, title = 'Slow type-check on save'): JournalFixture {
  const j = new JournalFixture(Date.UTC(2026, 10, day, 8, 0, 0), id);
  j.add({ kind: 'session-start', time: j.at(0), focus: 'X', folders: ['app'], trusted: true, utcOffsetMinutes: OFFSET });
  j.add({ kind: 'friction', time: j.at(5), title, category: 'tooling' });
  j.add({ kind: 'session-end', time: j.at(60), sessionType: 'feature' });
  return j;
}

function recurringLines(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('- ') && l.includes('earlier session'));
}

describe('recurring friction in the retrospective', () => {
  const past1 = sessionOn('s-20', 20);
  const past2 = sessionOn('s-21', 21);
  const current = sessionOn('s-22', 22);
  // The product rule: a theme in 3 of the last 7 sessions, the current one included.
  const themes = findRecurringFriction([current, past1, past2].map((j) => ({ id: j.sessionId, start: j.base, friction: ofKind(j.events, 'friction') })));

  it('leaves the current session out of the earlier sessions it counts and lists', () => {
    assert.deepEqual(themes[0].sessionIds, ['s-20', 's-21', 's-22'], 'the rule itself still counts the current session');
    const m = buildRetrospective(current.events, { now: current.at(60), utcOffsetMinutes: OFFSET, recurringFriction: themes });
    assert.deepEqual(m.recurringFriction, [{ theme: 'Slow type-check on save', earlierSessions: [{ id: 's-20' }, { id: 's-21' }] }]);
    assert.deepEqual(recurringLines(renderRetrospective(m)), ['- Slow type-check on save: 2 earlier sessions (s-20, s-21)']);
  });

  it('names the earlier sessions by their local start date and time when their starts are known', () => {
    const sessionStarts = new Map([past1, past2, current].map((j) => [j.sessionId, j.base]));
    const m = buildRetrospective(current.events, { now: current.at(60), utcOffsetMinutes: OFFSET, recurringFriction: themes, sessionStarts });
    assert.deepEqual(recurringLines(renderRetrospective(m)), ['- Slow type-check on save: 2 earlier sessions (2026-11-20 09:00, 2026-11-21 09:00)']);
  });

  it('keeps a theme from earlier sessions only, and drops one that has no earlier session', () => {
    const m = buildRetrospective(current.events, {
      now: current.at(60),
      utcOffsetMinutes: OFFSET,
      recurringFriction: [
        { theme: 'Flaky e2e tests', sessionIds: ['s-18', 's-19', 's-20'] },
        { theme: 'Only today', sessionIds: ['s-22'] },
      ],
      sessionStarts: new Map([['s-19', Date.UTC(2026, 10, 19, 16, 45)]]),
    });
    assert.deepEqual(recurringLines(renderRetrospective(m)), ['- Flaky e2e tests: 3 earlier sessions (s-18, 2026-11-19 17:45, s-20)']);
  });
});
