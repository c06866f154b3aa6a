import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { formatUtcOffset, localClock, localDate } from '../../src/core/retrospective/localTime';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { validateRetrospective } from '../../src/core/validator/validate';
import { JournalFixture, basicSession, midnightSession, BASIC_OFFSET, MIDNIGHT_OFFSET } from './retrospectiveFixture';

/** 2026-06-30 22:10 UTC: a different local day east and west of UTC. */
const BASE = Date.UTC(2026, 5, 30, 22, 10, 0);

function render(offset: number): string {
  const j = new JournalFixture(BASE);
  j.add({ kind: 'session-start', time: j.at(0), focus: 'offsets', folders: [], trusted: true, utcOffsetMinutes: offset });
  j.commit(25, 'aaaaaaa1', 'first', [['a.ts', 1, 0]]);
  j.add({ kind: 'session-end', time: j.at(40), sessionType: 'feature' });
  return renderRetrospective(buildRetrospective(j.events, { now: j.at(60), utcOffsetMinutes: offset }));
}

describe('retrospective local times', () => {
  it('formats offsets with sign, hours and minutes', () => {
    assert.equal(formatUtcOffset(-300), 'UTC-05:00');
    assert.equal(formatUtcOffset(0), 'UTC+00:00');
    assert.equal(formatUtcOffset(330), 'UTC+05:30');
    assert.equal(formatUtcOffset(-570), 'UTC-09:30');
  });

  it('computes local date and clock from the offset alone', () => {
    assert.equal(localDate(BASE, -300), '2026-06-30');
    assert.equal(localClock(BASE, -300), '17:10');
    assert.equal(localDate(BASE, 330), '2026-07-01');
    assert.equal(localClock(BASE, 330), '03:40');
    assert.equal(localClock(BASE + 59_999, 0), '22:10');
  });

  const cases: [number, string, string, string, string][] = [
    [-300, '2026-06-30', '17:10', '17:50', '17:35'],
    [0, '2026-06-30', '22:10', '22:50', '22:35'],
    [330, '2026-07-01', '03:40', '04:20', '04:05'],
  ];
  for (const [offset, date, start, end, commit] of cases) {
    it(`shows every time in local time at UTC${offset >= 0 ? '+' : ''}${offset / 60}`, () => {
      const md = render(offset);
      const zone = formatUtcOffset(offset);
      assert.ok(md.includes(`**Date**: ${date}\n`));
      assert.ok(md.includes(`**Start Time**: ${start} (${zone})\n`));
      assert.ok(md.includes(`**End Time**: ${end} (${zone})\n`));
      assert.ok(md.includes(`${date} (times in ${zone})`));
      assert.ok(md.includes(`| ${start} | Session started: offsets |`));
      assert.ok(md.includes(`| ${commit} | Commit aaaaaaa: \`first\``));
      assert.ok(md.includes(`| ${end} | Session ended |`));
      assert.ok(md.includes(`Active :${date} ${start}, ${date} ${end}`));
    });
  }

  it('does not depend on the machine time zone: shifting the offset shifts every time by it', () => {
    const utc = render(0);
    const east = render(330);
    const times = (md: string): string[] => [...md.matchAll(/^\| (\d\d:\d\d) \|/gm)].map((m) => m[1]);
    const shift = (t: string, minutes: number): string => {
      const total = (Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) + minutes + 1440) % 1440;
      return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
    };
    assert.equal(times(utc).length, 3);
    assert.deepEqual(times(east), times(utc).map((t) => shift(t, 330)));
  });
});

describe('retrospective and the validator', () => {
  const AUTO_RULES = ['header-fields', 'required-sections', 'timeline-times', 'metrics-present'];

  it('passes the rules the record decides, leaving only the user parts open', () => {
    const j = basicSession();
    const m = buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
    const result = validateRetrospective(renderRetrospective(m), undefined, { commits: m.metrics.commits, start: m.start, end: m.end });
    for (const rule of AUTO_RULES) assert.ok(result.rules.find((r) => r.rule === rule)?.passed, `${rule}: ${JSON.stringify(result.findings)}`);
    assert.equal(result.passed, false, 'the diary and next steps are still to be written');
  });

  it('passes the timeline rule for a session across midnight', () => {
    const j = midnightSession();
    const m = buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: MIDNIGHT_OFFSET, sessionType: 'bug fix' });
    const result = validateRetrospective(renderRetrospective(m), undefined, { commits: 1, start: m.start, end: m.end });
    for (const rule of AUTO_RULES) assert.ok(result.rules.find((r) => r.rule === rule)?.passed, `${rule}: ${JSON.stringify(result.findings)}`);
  });
});
