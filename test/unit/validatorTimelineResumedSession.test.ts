// A session stays open across window closes, so it can resume on a later day at a later clock
// time than it started. The timeline-times rule must take the end's date from the header (or
// the last day subheading) instead of assuming such a session ends before it started.
import assert from 'node:assert/strict';
import { validateRetrospective } from '../../src/core/validator/validate';
import { parseDocument } from '../../src/core/validator/document';
import { readHeader } from '../../src/core/validator/header';
import type { Finding } from '../../src/core/validator/types';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { JournalFixture } from './retrospectiveFixture';
import { edit, goodDoc, lineOf } from './validatorFixture';

const TIMELINE_TABLE = /\| Time \| Event \|\n[\s\S]*?\| 12:40 \| Session ended \|/;

const TWO_DAY_TIMELINE = [
  '### 2026-11-22', '', '| Time | Event |', '|---|---|', '| 09:00 | Session started |', '| 10:00 | Commit `4f2a9c1` |', '',
  '### 2026-11-23', '', '| Time | Event |', '|---|---|', '| 09:30 | Recording resumed |', '| 10:00 | Commit `9b7e310` |',
  '| 10:30 | Session ended |',
].join('\n');

/** good.md turned into a session from 09:00 on 2026-11-22 to `endTime`, with the two-day timeline. */
function resumedDoc(endTime: string, timeline = TWO_DAY_TIMELINE): string {
  const header = edit(edit(goodDoc(), '**Start Time**: 09:12 (UTC+01:00)', '**Start Time**: 09:00 (UTC+01:00)'),
    '**End Time**: 12:40 (UTC+01:00)', `**End Time**: ${endTime}`);
  return edit(header, TIMELINE_TABLE, timeline);
}

function timelineFindings(md: string): Finding[] {
  return validateRetrospective(md).findings.filter((f) => f.rule === 'timeline-times');
}

describe('validator timeline: a session resumed on a later day', () => {
  it('reads the end date the renderer appends to the End Time', () => {
    const header = readHeader(parseDocument(resumedDoc('10:30 (UTC+01:00) on 2026-11-23')));
    assert.equal(header.endSeconds, 10 * 3600 + 30 * 60);
    assert.equal(header.endDay, Date.UTC(2026, 10, 23) / 86_400_000);
    assert.equal(header.day, Date.UTC(2026, 10, 22) / 86_400_000);
  });

  it('accepts next-day rows at a later clock time than the start when the End Time is dated', () => {
    assert.deepEqual(timelineFindings(resumedDoc('10:30 (UTC+01:00) on 2026-11-23')), []);
  });

  it('takes the end date from the last day subheading when the End Time has none', () => {
    assert.deepEqual(timelineFindings(resumedDoc('10:30 (UTC+01:00)')), []);
  });

  it('still reports a row after the dated end, on its line, naming the end date', () => {
    const md = resumedDoc('10:30 (UTC+01:00) on 2026-11-23', edit(TWO_DAY_TIMELINE, '| 10:00 | Commit `9b7e310` |', '| 11:45 | Commit `9b7e310` |'));
    const findings = timelineFindings(md);
    // 11:45 is out of range, and the 10:30 row after it is out of order.
    assert.deepEqual(findings.map((f) => f.line), [lineOf(md, '| 11:45 |'), lineOf(md, '| 10:30 | Session ended |')]);
    assert.match(findings[0].message, /11:45 lies outside the session \(09:00 to 10:30 on 2026-11-23\)/);
  });

  it('still reports a first-day row before the start', () => {
    const md = resumedDoc('10:30 (UTC+01:00) on 2026-11-23', edit(TWO_DAY_TIMELINE, '| 09:00 | Session started |', '| 08:10 | Session started |'));
    const findings = timelineFindings(md);
    assert.deepEqual(findings.map((f) => f.line), [lineOf(md, '| 08:10 |')]);
  });

  it('ignores an end date before the start and falls back to the midnight rule', () => {
    const midnight = [
      '### 2026-11-22', '', '| Time | Event |', '|---|---|', '| 23:10 | Session started |', '',
      '### 2026-11-23', '', '| Time | Event |', '|---|---|', '| 00:20 | Session ended |',
    ].join('\n');
    const md = edit(resumedDoc('00:30 on 2026-11-21', midnight), '**Start Time**: 09:00', '**Start Time**: 23:10');
    assert.deepEqual(timelineFindings(md), []);
    const late = edit(md, '| 00:20 |', '| 00:50 |');
    const findings = timelineFindings(late);
    assert.deepEqual(findings.map((f) => f.line), [lineOf(late, '| 00:50 |')]);
    assert.match(findings[0].message, /\(23:10 to 00:30 the next day\)/);
  });

  it('passes the draft the renderer writes for a session resumed the next morning', () => {
    // 09:00 at UTC+01:00 on 2026-11-22; the window closes that evening and reopens at 09:30 the next day.
    const j = new JournalFixture(Date.UTC(2026, 10, 22, 8, 0, 0));
    j.add({ kind: 'session-start', time: j.at(0), focus: 'Parser cleanup', folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
    j.commit(60, 'aaaaaaa1111', 'Split the tokenizer', [['src/p.ts', 10, 2]]);
    j.add({ kind: 'session-gap', time: j.at(24 * 60 + 30), from: j.at(9 * 60), to: j.at(24 * 60 + 30) });
    j.commit(24 * 60 + 60, 'ccccccc1111', 'Handle escapes in strings', [['src/p.ts', 10, 2]]);
    j.add({ kind: 'session-end', time: j.at(24 * 60 + 90), sessionType: 'refactoring', focus: 'Parser cleanup' });
    const model = buildRetrospective(j.events, { now: j.at(25 * 60), utcOffsetMinutes: 60 });
    const md = renderRetrospective(model);
    assert.match(md, /\*\*End Time\*\*: 10:30 \(UTC\+01:00\) on 2026-11-23/);
    assert.ok(lineOf(md, '| 09:30 |') > lineOf(md, '### 2026-11-23'));
    assert.deepEqual(timelineFindings(md), []);
  });
});
