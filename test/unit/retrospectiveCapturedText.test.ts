import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { tableCodeSpan } from '../../src/core/retrospective/markdownEscape';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { validateRetrospective } from '../../src/core/validator/validate';
import { JournalFixture } from './retrospectiveFixture';

/**
 * Captured text (commit subjects, command lines, file names) is data: a draft built from a record
 * whose subjects start with TODO or FIXME must not fail no-placeholders on its own rows, while the
 * author's own TODO in the prose still does.
 */
function draftWithMarkerWords(): string {
  const j = new JournalFixture(Date.UTC(2026, 2, 3, 10, 0, 0));
  j.add({ kind: 'session-start', time: j.at(0), focus: 'Wire the exporter', folders: ['w'], trusted: true, utcOffsetMinutes: 0 });
  j.commit(5, 'aaaaaaa1111', 'TODO: wire X', [['src/x.ts', 4, 0]]);
  j.commit(8, 'bbbbbbb2222', 'FIXME later', [['src/y.ts', 1, 1]]);
  j.command(10, 'echo TODO', 1, 40_000);
  j.command(11, 'TODO: fix the build', 127, 1000);
  j.saves(12, [['TODO.md', 1]]);
  j.add({ kind: 'task', time: j.at(14), start: j.at(13), durationMs: 30_000, name: 'TBD', source: 'npm', exitCode: 1 });
  j.add({ kind: 'session-end', time: j.at(20) });
  return renderRetrospective(buildRetrospective(j.events, { now: j.at(30), utcOffsetMinutes: 0 }));
}

function placeholderLines(markdown: string): string[] {
  const lines = markdown.split('\n');
  return validateRetrospective(markdown).findings
    .filter((f) => f.rule === 'no-placeholders' && f.line !== undefined)
    .map((f) => lines[(f.line as number) - 1])
    // Empty required sections are reported on their heading; this is about text in the lines.
    .filter((line) => !line.startsWith('#'));
}

describe('captured text in the draft is data, not the author\'s prose', () => {
  const md = draftWithMarkerWords();

  it('writes the captured subjects, command, file and task name as code', () => {
    assert.match(md, /\| Commit aaaaaaa: `TODO: wire X` \(1 file, \+4 −0 on main\) \|/);
    assert.match(md, /\| `bbbbbbb` \| `FIXME later` \| 1 \| \+1 −1 \|/);
    assert.match(md, /\| `echo TODO` \| 40 s \| 10:10 \| failed \|/);
    assert.match(md, /\| `TODO: fix the build` failed \(exit 127\) in 1\.0 s \|/);
    assert.match(md, /\| Saved `TODO\.md` \|/);
    assert.match(md, /\| `TODO\.md` \| 1 \|/);
    assert.match(md, /\| Task `TBD` failed/);
  });

  it('raises no no-placeholders finding on a row of captured text', () => {
    const rows = placeholderLines(md).filter((line) => line.startsWith('|'));
    assert.deepEqual(rows, []);
  });

  it('still fails an author\'s own TODO in the summary', () => {
    const written = md.replace(/(## Session Summary\n\n)<!-- hint:[^\n]*-->/, '$1TODO: say what got done.');
    assert.notEqual(written, md, 'the summary hint was replaced');
    assert.deepEqual(placeholderLines(written).filter((line) => !line.startsWith('|')), ['TODO: say what got done.']);
  });
});

describe('tableCodeSpan', () => {
  it('fences text holding backticks with a longer run, padded when it starts or ends with one', () => {
    assert.equal(tableCodeSpan('npm test'), '`npm test`');
    assert.equal(tableCodeSpan('echo `date`'), '`` echo `date` ``');
    assert.equal(tableCodeSpan('a ``b`` c'), '```a ``b`` c```');
  });

  it('escapes pipes for the table and keeps the text on one line', () => {
    assert.equal(tableCodeSpan('grep a | wc -l'), '`grep a \\| wc -l`');
    assert.equal(tableCodeSpan('one\ntwo'), '`one two`');
    assert.equal(tableCodeSpan('  '), '');
  });

  it('falls back to escaped text where raw-file tools or renderers would misread a code span', () => {
    assert.equal(tableCodeSpan('a \\| b'), 'a \\\\\\| b');
    assert.equal(tableCodeSpan('<!-- hint: x -->'), '&lt;!-- hint: x --&gt;');
  });
});
