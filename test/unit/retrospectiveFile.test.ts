import { strict as assert } from 'node:assert';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { appendMetricsRow } from '../../src/core/retrospective/metricsLog';
import { renderMetricsTable } from '../../src/core/retrospective/renderMetrics';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import {
  replaceMetricsSection, retrospectiveFileName, slugify, stripHints, uniqueFileName,
} from '../../src/core/retrospective/retrospectiveFile';
import { BASIC_OFFSET, basicSession } from './retrospectiveFixture';

function basicModel() {
  const j = basicSession();
  return buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
}

describe('retrospective file helpers', () => {
  describe('stripHints', () => {
    it('removes hint comments and the lines they stood on alone', () => {
      const md = '## A\n\n<!-- hint: write here -->\n\n## B\n\ntext\n';
      assert.equal(stripHints(md), '## A\n\n## B\n\ntext\n');
    });

    it('removes an inline hint with the space before it', () => {
      assert.equal(stripHints('**Primary Focus**: <!-- hint: one line -->\n'), '**Primary Focus**:\n');
      assert.equal(stripHints('1. **Slow** <!-- hint: what it cost --> (npm test)\n'), '1. **Slow** (npm test)\n');
    });

    it('removes multi-line hints', () => {
      assert.equal(stripHints('a\n<!-- hint: one\ntwo -->\nb\n'), 'a\nb\n');
    });

    it('keeps other comments, escaped hint text and fenced code', () => {
      const md = [
        '<!-- keep me -->',
        '&lt;!-- hint: shown as text --&gt;',
        '```md',
        '<!-- hint: an example in code -->',
        '```',
        '<!--hintless-->',
        '',
      ].join('\n');
      assert.equal(stripHints(md), md);
    });

    it('leaves the rendered retrospective without hints but with all its content', () => {
      const md = renderRetrospective(basicModel());
      const stripped = stripHints(md);
      assert.ok(!stripped.includes('hint:'));
      assert.ok(!/\n\n\n/.test(stripped));
      for (const line of md.split('\n').filter((l) => l.trim() !== '' && !l.includes('<!--'))) {
        assert.ok(stripped.includes(line), `lost line: ${line}`);
      }
    });

    it('keeps CRLF line endings', () => {
      assert.equal(stripHints('a\r\n<!-- hint: x -->\r\nb\r\n'), 'a\r\nb\r\n');
    });
  });

  describe('replaceMetricsSection', () => {
    const model = basicModel();

    it('replaces only the Metrics body, keeping the sections around it', () => {
      const md = '# R\n\n## Next Steps\n\n- [ ] Ship it\n\n## Metrics\n\n| Metric | Value |\n| --- | --- |\n| Commits | 99 |\n\n## Retrospective Validation\n\n- [x] ok\n';
      const out = replaceMetricsSection(md, model);
      assert.ok(out.startsWith('# R\n\n## Next Steps\n\n- [ ] Ship it\n\n## Metrics\n\n| Metric | Value |'));
      assert.ok(out.includes('| Commits | 2 |'));
      assert.ok(!out.includes('| Commits | 99 |'));
      assert.ok(out.endsWith('| Lessons | 1 |\n\n## Retrospective Validation\n\n- [x] ok\n'));
    });

    it('puts a table first in a Metrics section without one, keeping its text, and is idempotent', () => {
      const md = '## Notes\n\nhand-written\n\n## 📊 Session Metrics\n\nCommits: 0\n';
      const once = replaceMetricsSection(md, model);
      assert.equal(once, `## Notes\n\nhand-written\n\n## 📊 Session Metrics\n\n${renderMetricsTable(model.metrics)}\n\nCommits: 0\n`);
      assert.equal(replaceMetricsSection(once, model), once);
    });

    it('does not mistake a heading inside a code block for the Metrics section', () => {
      const md = '## Lessons Learned\n\n```\n## Metrics\n```\n\n## Metrics\n\nold\n';
      const out = replaceMetricsSection(md, model);
      assert.equal(out, `## Lessons Learned\n\n\`\`\`\n## Metrics\n\`\`\`\n\n## Metrics\n\n${renderMetricsTable(model.metrics)}\n\nold\n`);
    });

    it('adds a Metrics section before the validation checklist when there is none', () => {
      const out = replaceMetricsSection('## Next Steps\n\n- [ ] a\n\n## Retrospective Validation\n\n- [ ] b\n', model);
      assert.ok(/- \[ \] a\n\n## Metrics\n\n\| Metric \| Value \|[\s\S]*\| Lessons \| 1 \|\n\n## Retrospective Validation\n\n- \[ \] b\n$/.test(out), out);
      assert.ok(replaceMetricsSection('text', model).startsWith('text\n\n## Metrics\n\n'));
    });

    it('keeps CRLF line endings', () => {
      const out = replaceMetricsSection('## Metrics\r\n\r\nold\r\n\r\n## End\r\n', model);
      assert.ok(!/[^\r]\n/.test(out));
      assert.ok(out.includes('| Commits | 2 |\r\n'));
    });

    it('agrees with the freshly rendered file', () => {
      const md = renderRetrospective(model);
      assert.equal(replaceMetricsSection(md, model), md);
    });
  });

  describe('file names', () => {
    const start = Date.UTC(2026, 10, 22, 8, 12, 30);

    it('names the file by local start time and focus', () => {
      assert.equal(retrospectiveFileName(start, 60, 'Add CSV export to the reports page'), '2026-11-22_0912_add-csv-export-to-the-reports-page.md');
      assert.equal(retrospectiveFileName(start, -540, 'x'), '2026-11-21_2312_x.md');
      assert.equal(retrospectiveFileName(start, 0), '2026-11-22_0812_session.md');
    });

    it('slugs to lower-case ASCII and dashes, at most 40 characters', () => {
      assert.equal(slugify('Crème Brûlée: Fix the ÜBER bug!!'), 'creme-brulee-fix-the-uber-bug');
      assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
      assert.equal(slugify('日本語 🎉'), 'session');
      assert.equal(slugify('   '), 'session');
      const long = slugify('a very long focus that goes on and on and on and on forever');
      assert.ok(long.length <= 40 && !long.endsWith('-'), long);
    });

    it('adds -2, -3, … so an existing file is never overwritten', () => {
      const taken = new Set(['a.md', 'a-2.md']);
      assert.equal(uniqueFileName('b.md', (n) => taken.has(n)), 'b.md');
      assert.equal(uniqueFileName('a.md', (n) => taken.has(n)), 'a-3.md');
      assert.equal(uniqueFileName('noext', (n) => n === 'noext'), 'noext-2');
      assert.throws(() => uniqueFileName('a.md', () => true), /No free file name/);
    });
  });

  describe('appendMetricsRow', () => {
    const row = { date: '2026-11-22 09:12', duration: '1 h 30 min', commits: 2, friction: 3, biggestWin: 'CSV export shipped', mainFriction: 'Tests | fixtures' };

    it('creates the title and table header when the file is missing or empty', () => {
      const expected = [
        '# Session Metrics',
        '',
        '| Date | Duration | Commits | Friction | Biggest Win | Main Friction |',
        '| --- | --- | ---: | ---: | --- | --- |',
        '| 2026-11-22 09:12 | 1 h 30 min | 2 | 3 | CSV export shipped | Tests \\| fixtures |',
        '',
      ].join('\n');
      assert.equal(appendMetricsRow(undefined, row), expected);
      assert.equal(appendMetricsRow('  \n', row), expected);
    });

    it('appends after the last row and keeps text after the table', () => {
      const first = appendMetricsRow(undefined, row);
      const withNote = `${first}\nNotes written by hand.\n`;
      const out = appendMetricsRow(withNote, { date: '2026-11-23', duration: '2 h', commits: 0, friction: 0 });
      const lines = out.split('\n');
      assert.equal(lines[5], '| 2026-11-23 | 2 h | 0 | 0 | — | — |');
      assert.equal(lines[4], first.split('\n')[4]);
      assert.ok(out.endsWith('\nNotes written by hand.\n'));
    });

    it('adds a table to a file that lost it', () => {
      const out = appendMetricsRow('# Session Metrics\n\nSome prose.\n', row);
      assert.ok(out.startsWith('# Session Metrics\n\nSome prose.\n\n| Date | Duration |'));
      assert.ok(out.endsWith('| Tests \\| fixtures |\n'));
    });
  });
});
