import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportFromFiles, isIsoDay } from '../../src/core/report/collectReport';
import type { ReportFile } from '../../src/core/report/collectReport';
import { frictionThemes } from '../../src/core/report/frictionThemes';
import { readMetricsLog } from '../../src/core/report/metricsLogRows';
import { renderTeamReport } from '../../src/core/report/renderTeamReport';
import { frictionTitle, parseMinutes, scanRetrospective } from '../../src/core/report/scanRetrospective';
import { weekOf } from '../../src/core/report/teamReport';

const ROOT = path.join(__dirname, '..', 'fixtures', 'report');

/** Every Markdown file of the fixture folders, with the person's folder as its source. */
function fixtureFiles(): ReportFile[] {
  const out: ReportFile[] = [];
  const walk = (dir: string, source: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, source);
      else if (e.name.endsWith('.md')) out.push({ file: path.relative(ROOT, full), source, text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const person of ['alice', 'bob']) walk(path.join(ROOT, person), person);
  return out;
}

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

describe('the team report', () => {
  describe('reading one retrospective', () => {
    it('takes the header, the friction titles and the checklist Finish wrote', () => {
      const facts = scanRetrospective('a.md', 'alice', read('alice/retrospectives/sessions/2026-11-16-0900-csv-export.md'));
      assert.deepEqual(facts, {
        file: 'a.md', source: 'alice', day: '2026-11-16', start: '09:00', durationMinutes: 120, activeMinutes: 90,
        friction: ['Flaky integration tests', 'Slow type-check'],
        checklist: { done: 3, total: 3 }, passed: true, verdictFrom: 'checklist',
      });
    });

    it('counts Carried Over lines done when ticked or marked done, and ignores what is inside code fences', () => {
      const facts = scanRetrospective('b.md', 'alice', read('alice/retrospectives/sessions/2026-11-24-1400-import.md'));
      assert.deepEqual(facts?.carriedOver, { done: 1, total: 2 });
      assert.deepEqual(facts?.friction, ['Integration tests flaky again']);
      assert.deepEqual(facts?.checklist, { done: 1, total: 2 });
      assert.equal(facts?.passed, false);
      assert.equal(facts?.activeMinutes, 45, 'no active time named: the duration');
    });

    it('recognises a retrospective another tool wrote, and validates it since it has no checklist', () => {
      const facts = scanRetrospective('c.md', 'bob', read('bob/retrospectives/sessions/2026-11-25-bob.md'));
      assert.equal(facts?.day, '2026-11-25');
      assert.equal(facts?.start, '10:15');
      assert.equal(facts?.activeMinutes, 60);
      assert.equal(facts?.verdictFrom, 'validator');
      assert.equal(facts?.passed, false, 'a short retrospective fails the validator');
      assert.deepEqual(facts?.friction, ['Flaky integration test on CI', 'Docs build broke']);
      assert.deepEqual(facts?.carriedOver, { done: 1, total: 2 });
    });

    it('leaves other Markdown alone', () => {
      assert.equal(scanRetrospective('r.md', 'bob', read('bob/README.md')), undefined);
      assert.equal(scanRetrospective('r.md', 'bob', '# Notes\n\n**Date**: 2026-11-01\n\n## Summary\n\ntext\n'), undefined, 'a date and one section are not enough');
    });

    it('reads durations and titles in the shapes people write', () => {
      assert.equal(parseMinutes('1 h 30 min'), 90);
      assert.equal(parseMinutes('2h 15m'), 135);
      assert.equal(parseMinutes('~54 minutes'), 54);
      assert.equal(parseMinutes('1.5 hours'), 90);
      assert.equal(parseMinutes('soon'), undefined);
      assert.equal(frictionTitle('**Fixture path**: the runner resolved from the root'), 'Fixture path');
      assert.equal(frictionTitle('Docs build broke: missing dependency'), 'Docs build broke');
      assert.equal(frictionTitle('x'.repeat(200)).length, 80);
    });
  });

  it('reads the metrics log rows back, escaped pipes and session ids included', () => {
    const rows = readMetricsLog('bob', read('bob/retrospectives/session-metrics.md'));
    assert.deepEqual(rows, [
      { source: 'bob', day: '2026-11-25', start: '10:15', durationMinutes: 75, commits: 3, friction: 2, mainFriction: 'Flaky integration test', sessionId: '20261125-101500-abc123' },
      { source: 'bob', day: '2026-11-26', start: '09:00', durationMinutes: 30, commits: 1, friction: 0 },
    ]);
  });

  it('puts days in their ISO week, Monday first', () => {
    assert.equal(weekOf('2026-11-16'), '2026-11-16');
    assert.equal(weekOf('2026-11-22'), '2026-11-16', 'a Sunday');
    assert.equal(weekOf('2026-11-24'), '2026-11-23');
    assert.equal(weekOf('2027-01-01'), '2026-12-28', 'across a year');
  });

  it('groups friction worded differently into one theme, across people, with the sessions it came from', () => {
    const r = reportFromFiles(fixtureFiles());
    assert.deepEqual(r.sources, ['alice', 'bob']);
    assert.equal(r.retrospectives, 3);
    assert.equal(r.themes.length, 1);
    const [theme] = r.themes;
    assert.deepEqual(theme.sources, ['alice', 'bob']);
    assert.deepEqual(theme.sessions.map((s) => s.day), ['2026-11-16', '2026-11-24', '2026-11-25']);
    assert.deepEqual(new Set(theme.titles), new Set(['Flaky integration tests', 'Integration tests flaky again', 'Flaky integration test on CI']));
  });

  it('adds up weeks, validation, carried-over steps and the metrics log', () => {
    const r = reportFromFiles(fixtureFiles());
    assert.deepEqual(r.weeks, [
      { week: '2026-11-16', sessions: 1, activeMinutes: 90, commits: 0, friction: 2 },
      { week: '2026-11-23', sessions: 2, activeMinutes: 105, commits: 4, friction: 3 },
    ]);
    assert.deepEqual(r.frictionPerSession.map((s) => [s.day, s.friction]), [['2026-11-16', 2], ['2026-11-24', 1], ['2026-11-25', 2]]);
    assert.deepEqual(r.validation, { passed: 1, total: 3, fromChecklist: 2, validatedNow: 1 });
    assert.deepEqual(r.carriedOver, { done: 2, total: 4, retrospectives: 2 });
    assert.deepEqual(r.metricsLog, { rows: 2, withoutRetrospective: 1 });
  });

  it('leaves out sessions before --since', () => {
    const r = reportFromFiles(fixtureFiles(), '2026-11-24');
    assert.equal(r.retrospectives, 2);
    assert.deepEqual(r.weeks.map((w) => w.week), ['2026-11-23']);
    assert.equal(r.themes.length, 1);
    assert.deepEqual(r.themes[0].sessions.map((s) => s.day), ['2026-11-24', '2026-11-25']);
  });

  it('writes Markdown with a table per week, Mermaid charts and the themes\' sessions', () => {
    const md = renderTeamReport(reportFromFiles(fixtureFiles()));
    assert.match(md, /^# Team Session Report\n\n3 retrospectives from alice, bob, 2026-11-16 to 2026-11-25\./);
    assert.match(md, /^\| 2026-11-23 \| 2 \| 1 h 45 min \| 4 \| 3 \|$/m);
    assert.match(md, /```mermaid\nxychart-beta\n {4}title "Sessions per week"\n {4}x-axis \["2026-11-16", "2026-11-23"\]\n {4}y-axis "Sessions"\n {4}bar \[1, 2\]\n```/);
    assert.match(md, /line \[2, 1, 2\]/);
    assert.match(md, /^- 2026-11-25, bob: `bob\/retrospectives\/sessions\/2026-11-25-bob\.md`$/m);
    assert.match(md, /^1 of 3 retrospectives pass \(33%\): 2 by the checklist Finish wrote into them, 1 validated now/m);
    assert.match(md, /pie title "Validation"\n {4}"Pass" : 1\n {4}"Fail" : 2/);
    assert.match(md, /^2 of 4 next steps carried over from an earlier session were done \(50%\), in 2 retrospectives\.$/m);
  });

  it('says so when there is nothing to report, and when no retrospective carries steps over', () => {
    const md = renderTeamReport(reportFromFiles([]));
    assert.match(md, /^0 retrospectives from no folder\.$/m);
    assert.match(md, /^0 of 0: no retrospective has a Carried Over section\.$/m);
    assert.doesNotMatch(md, /```mermaid/);
  });

  it('compares only titles that share a word, and still finds every similar pair', () => {
    const mentions = [
      { title: 'npm test keeps failing', session: 0 },
      { title: 'npm tests failed', session: 1 },
      { title: 'slow docker build', session: 1 },
      { title: 'Docker build slow', session: 2 },
      { title: 'unrelated', session: 3 },
    ];
    assert.deepEqual(frictionThemes(mentions).map((t) => [t.sessions, t.titles.length]), [[[0, 1], 2], [[1, 2], 2]]);
    assert.deepEqual(frictionThemes([{ title: 'a flaky test', session: 0 }, { title: 'a flaky test', session: 0 }]), [], 'one session is not recurring');
  });

  it('accepts only real days for --since', () => {
    assert.ok(isIsoDay('2026-02-28'));
    assert.ok(!isIsoDay('2026-02-30'));
    assert.ok(!isIsoDay('26-02-01'));
  });
});
