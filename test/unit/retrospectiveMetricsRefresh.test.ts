// Finish refreshes the Metrics numbers in a retrospective the user has edited. These tests pin
// down that it touches only the generated rows of the generated table, in the section the
// validator calls Metrics, and never the user's rows, prose, tables or subsections.
import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderMetricsTable } from '../../src/core/retrospective/renderMetrics';
import { replaceMetricsSection } from '../../src/core/retrospective/retrospectiveFile';
import { validateRetrospective } from '../../src/core/validator/validate';
import { BASIC_OFFSET, basicSession } from './retrospectiveFixture';
import { edit, goodDoc } from './validatorFixture';

const j = basicSession();
const model = buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
const freshTable = renderMetricsTable(model.metrics);
const freshLines = freshTable.split('\n');

/** The generator's row for a metric, e.g. `| Commits | 2 |`. */
function freshRow(name: string): string {
  const row = freshLines.find((l) => l.startsWith(`| ${name} |`));
  assert.ok(row !== undefined, `the generator writes no ${name} row`);
  return row;
}

/** The generator's value for a metric. */
function freshValue(name: string): string {
  return freshRow(name).split('|')[2].trim();
}

/** The section of `md` from `heading` up to the next level-2 heading (or the end). */
function sectionText(md: string, heading: string): string {
  const start = md.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `no heading ${heading}`);
  const next = md.indexOf('\n## ', start + heading.length);
  return md.slice(start, next < 0 ? md.length : next);
}

const USER_ROW = '| Tests added | 14 |';
const USER_SENTENCE = 'The commit count excludes the two fixups I squashed before pushing.';
const USER_SUBSECTION = '### Build times\n\n| Metric | Value |\n| --- | --- |\n| Commits | 40 |\n\nCI got slower this week.\n';

/** good.md with a user row and sentence in Metrics (scenario A), plus a subsection with its own table. */
function scenarioA(): string {
  return edit(goodDoc(), '| Notes | 1 |\n', `| Notes | 1 |\n${USER_ROW}\n\n${USER_SENTENCE}\n\n${USER_SUBSECTION}`);
}

/** What scenario A must become: the generated values updated in place, missing generated rows appended to the table. */
function expectedA(md: string): string {
  const updated = md
    .replace('| Duration | 3h 28m |', `| Duration | ${freshValue('Duration')} |`)
    .replace('| Active time | 2h 51m |', `| Active time | ${freshValue('Active Time')} |`)
    .replace(/\| Commits \| 2 \|\n\| Files changed/, `| Commits | ${freshValue('Commits')} |\n| Files changed`)
    .replace('| Files changed | 5 |', `| Files changed | ${freshValue('Files Changed')} |`)
    .replace('| Saves | 19 |', `| Saves | ${freshValue('Saves')} |`)
    .replace('| Friction points | 3 |', `| Friction points | ${freshValue('Friction Points')} |`)
    .replace('| Notes | 1 |', `| Notes | ${freshValue('Notes')} |`);
  // good.md writes "Lines added / removed" and "Commands run / failed" as combined rows of its own.
  const appended = ['Lines Added', 'Lines Removed', 'Commands Run', 'Commands Failed', 'Lessons'].map(freshRow).join('\n');
  return updated.replace(`${USER_ROW}\n`, `${USER_ROW}\n${appended}\n`);
}

describe('replaceMetricsSection keeps what the user wrote', () => {
  it('scenario A: updates generated rows in place and keeps the user row, sentence and subsection', () => {
    const md = scenarioA();
    const out = replaceMetricsSection(md, model);
    assert.equal(out, expectedA(md));
    assert.ok(out.includes(`${USER_ROW}\n`));
    assert.ok(out.includes(USER_SENTENCE));
    assert.ok(out.includes(USER_SUBSECTION), 'the table under a ### subsection is the user\'s and stays');
    assert.ok(out.includes('| Lines added / removed | +182 / −33 |'));
  });

  it('scenario B: leaves a section whose heading merely ends in "metrics" alone', () => {
    const md = edit(goodDoc(), '## What Went Well\n', '## What Went Well with the new metrics\n');
    const out = replaceMetricsSection(md, model);
    const wentWell = '## What Went Well with the new metrics';
    assert.equal(sectionText(out, wentWell), sectionText(md, wentWell));
    assert.ok(sectionText(out, '## Metrics').includes(freshRow('Lessons')));
    assert.equal(out.slice(0, out.indexOf('## Metrics')), md.slice(0, md.indexOf('## Metrics')));
  });

  it('updates only the value cell, keeping extra columns and the user\'s spelling of the name', () => {
    const md = '## Metrics\n\n| Metric | Value | Why |\n|:--|--:|---|\n| **commits** | 99 | squashed \\| rebased |\n| Mood | good | |\n';
    const out = replaceMetricsSection(md, model);
    const lines = out.split('\n');
    assert.equal(lines[4], `| **commits** | ${freshValue('Commits')} | squashed \\| rebased |`);
    assert.equal(lines[5], '| Mood | good | |');
  });

  it('leaves other tables in the section and tables before the generated one alone', () => {
    const other = '| Commit | Reviewer |\n| --- | --- |\n| Commits | 99 |\n';
    const md = `## Metrics\n\n${other}\n| Metric | Value |\n| --- | --- |\n| Commits | 99 |\n`;
    const out = replaceMetricsSection(md, model);
    assert.ok(out.startsWith(`## Metrics\n\n${other}\n| Metric | Value |\n| --- | --- |\n${freshRow('Commits')}\n`));
  });

  it('finds the same section as the validator, which then agrees with the record', () => {
    const md = scenarioA();
    const out = replaceMetricsSection(md, model);
    const facts = { commits: model.metrics.commits };
    assert.equal(validateRetrospective(out, {}, facts).rules.find((r) => r.rule === 'metrics-present')?.passed, true);
  });

  it('is idempotent: Finish twice gives the same file', () => {
    for (const md of [scenarioA(), goodDoc(), '# R\n\nno metrics here\n', '## Metrics\n\nJust prose.']) {
      const once = replaceMetricsSection(md, model);
      assert.equal(replaceMetricsSection(once, model), once, md);
    }
  });

  it('keeps CRLF line endings and gives the same result as for LF', () => {
    const lf = scenarioA();
    const crlf = lf.replace(/\n/g, '\r\n');
    const out = replaceMetricsSection(crlf, model);
    assert.ok(!/[^\r]\n/.test(out));
    assert.equal(out, expectedA(lf).replace(/\n/g, '\r\n'));
    assert.equal(replaceMetricsSection(out, model), out);
  });

  it('copes with a file without a final newline', () => {
    const table = '## Metrics\n\n| Metric | Value |\n| --- | --- |\n| Commits | 99 |\n| Tests added | 14 |';
    const out = replaceMetricsSection(table, model);
    const rest = freshLines.slice(2).filter((l) => !l.startsWith('| Commits |'));
    assert.equal(out, `## Metrics\n\n| Metric | Value |\n| --- | --- |\n${freshRow('Commits')}\n| Tests added | 14 |\n${rest.join('\n')}`);

    assert.equal(replaceMetricsSection('## Metrics', model), `## Metrics\n\n${freshTable}`);
    assert.equal(replaceMetricsSection('# R\n\ntext', model), `# R\n\ntext\n\n## Metrics\n\n${freshTable}`);
  });
});

describe('replaceMetricsSection adds a missing Metrics section where the format puts it', () => {
  it('after Next Steps, before a later section of the user\'s', () => {
    const md = '## Next Steps\n\n- [ ] Ship it\n\n## Appendix\n\nRaw notes.\n';
    assert.equal(replaceMetricsSection(md, model), `## Next Steps\n\n- [ ] Ship it\n\n## Metrics\n\n${freshTable}\n\n## Appendix\n\nRaw notes.\n`);
  });

  it('before the validator\'s checklist when there is no Next Steps', () => {
    const md = '## Lessons Learned\n\n- A rule\n\n## Retrospective Validation\n\n- [x] ok\n';
    assert.equal(replaceMetricsSection(md, model), `## Lessons Learned\n\n- A rule\n\n## Metrics\n\n${freshTable}\n\n## Retrospective Validation\n\n- [x] ok\n`);
  });

  it('at the end otherwise, and not inside a user\'s "### Validation" section', () => {
    const md = '## Lessons Learned\n\n- A rule\n\n### Validation\n\nTested by hand.\n';
    assert.equal(replaceMetricsSection(md, model), `${md}\n## Metrics\n\n${freshTable}\n`);
  });
});
