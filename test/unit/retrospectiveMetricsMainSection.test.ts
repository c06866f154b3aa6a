// A user's `### Stats` or `### Metrics` subsection is keyed like the format's `## Metrics`. Finish
// must refresh the level-2 Metrics section (a level-3 one only when there is no level-2 one), never
// write into the user's subsection, and the metrics-present rule must check the same table.
import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderMetricsTable } from '../../src/core/retrospective/renderMetrics';
import { replaceMetricsSection } from '../../src/core/retrospective/retrospectiveFile';
import { mainSectionOf, parseDocument } from '../../src/core/validator/document';
import { validateRetrospective } from '../../src/core/validator/validate';
import type { Finding } from '../../src/core/validator/types';
import { BASIC_OFFSET, basicSession } from './retrospectiveFixture';
import { edit, goodDoc, lineOf } from './validatorFixture';

const j = basicSession();
const model = buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
const commits = model.metrics.commits;
const STALE_COMMITS = commits + 7;
const freshCommitsRow = renderMetricsTable(model.metrics).split('\n').find((l) => l.startsWith('| Commits |'));

const USER_NOTES = 'The test suite went from 212 to 230 tests; coverage 81%.';

/** good.md with `subsection` (heading and body) at the end of Technical Details and a stale `## Metrics`. */
function withUserSubsection(subsection: string): string {
  const md = edit(goodDoc(), '## Session Diary\n', `${subsection}\n\n## Session Diary\n`);
  return edit(md, '| Commits | 2 |', `| Commits | ${STALE_COMMITS} |`);
}

/** The text from the line `heading` up to the next heading of any level. */
function bodyOf(md: string, heading: string): string {
  // Matched as a whole line, since "## Metrics" is also the tail of "### Metrics".
  const start = `\n${md}`.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `no heading ${heading}`);
  const next = md.indexOf('\n#', start + heading.length);
  return md.slice(start, next < 0 ? md.length : next);
}

function metricsFindings(md: string, record = { commits }): Finding[] {
  return validateRetrospective(md, {}, record).findings.filter((f) => f.rule === 'metrics-present');
}

describe('Metrics refresh and check: the level-2 section wins over a user subsection', () => {
  for (const heading of ['### Stats', '### Metrics']) {
    it(`Finish refreshes ## Metrics and leaves a user ${heading} before it alone`, () => {
      const subsection = `${heading}\n\n${USER_NOTES}`;
      const md = withUserSubsection(subsection);
      const out = replaceMetricsSection(md, model);
      assert.equal(bodyOf(out, heading), bodyOf(md, heading), 'the user subsection is unchanged');
      assert.ok(freshCommitsRow !== undefined);
      assert.ok(bodyOf(out, '## Metrics').includes(freshCommitsRow), 'the real Metrics table has the fresh count');
      assert.ok(!out.includes(`| Commits | ${STALE_COMMITS} |`), 'no stale count is left');
      assert.equal(out.split('| Metric | Value |').length - 1, 1, 'no second generated table was written');
    });

    it(`the validator checks ## Metrics, not a user ${heading}, before and after Finish`, () => {
      const md = withUserSubsection(`${heading}\n\n${USER_NOTES}`);
      assert.deepEqual(metricsFindings(md).map((f) => f.line), [lineOf(md, `| Commits | ${STALE_COMMITS} |`)]);
      assert.deepEqual(metricsFindings(replaceMetricsSection(md, model)), []);
    });
  }

  it('a user subsection stating another commit count does not decide the rule', () => {
    const md = edit(goodDoc(), '## Session Diary\n', '### Stats\n\n| Stat | Value |\n| --- | --- |\n| Commits | 40 |\n\n## Session Diary\n');
    assert.deepEqual(metricsFindings(md, { commits: 2 }), []);
    const stale = metricsFindings(md, { commits: 40 });
    assert.equal(stale.length, 1);
    assert.equal(stale[0].line, lineOf(md, '| Commits | 2 |'));
  });

  it('mainSectionOf picks the level-2 section even when a level-3 one comes first', () => {
    const doc = parseDocument(withUserSubsection(`### Stats\n\n${USER_NOTES}`));
    const section = mainSectionOf(doc, 'metrics');
    assert.equal(section?.level, 2);
    assert.equal(section?.heading, 'Metrics');
  });
});

describe('Metrics refresh and check: falling back to a level-3 section', () => {
  const LEVEL3_ONLY = [
    '# Session Retrospective', '', '## Technical Details', '', '### Metrics', '',
    '| Metric | Value |', '| --- | --- |', `| Commits | ${STALE_COMMITS} |`, '', '## Next Steps', '', '- [ ] Ship it to staging tomorrow', '',
  ].join('\n');

  it('Finish refreshes the only (level-3) Metrics table rather than adding a new section', () => {
    const out = replaceMetricsSection(LEVEL3_ONLY, model);
    assert.ok(!out.split('\n').includes('## Metrics'), 'no level-2 section was added');
    assert.ok(freshCommitsRow !== undefined);
    assert.ok(bodyOf(out, '### Metrics').includes(freshCommitsRow));
    assert.equal(replaceMetricsSection(out, model), out);
  });

  it('the validator reads the level-3 table then, and agrees after Finish', () => {
    assert.equal(mainSectionOf(parseDocument(LEVEL3_ONLY), 'metrics')?.level, 3);
    assert.deepEqual(metricsFindings(LEVEL3_ONLY).map((f) => f.line), [lineOf(LEVEL3_ONLY, `| Commits | ${STALE_COMMITS} |`)]);
    assert.deepEqual(metricsFindings(replaceMetricsSection(LEVEL3_ONLY, model)), []);
  });
});
