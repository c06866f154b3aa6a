import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Lexer, marked } from 'marked';
import type { Token, Tokens } from 'marked';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { escapeMarkdown } from '../../src/core/retrospective/markdownEscape';
import { mermaidLabel } from '../../src/core/retrospective/renderMermaid';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { stripHints } from '../../src/core/retrospective/retrospectiveFile';
import { JournalFixture } from './retrospectiveFixture';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'a | b | c',
  '``code`` and `x`',
  '**bold** _em_ [link](javascript:alert(1)) ![i](x) ~~gone~~',
  'back\\slash \\| \\` end\\',
  '&lt;already&gt; &amp; &#60;',
  '# heading',
  '- list item',
  '1. ordered',
  '> quote',
  '<!-- hint: not mine -->',
];

function html(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

/** The text a reader sees: tags removed, entities decoded, whitespace collapsed. */
function visibleText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function hostileSession(text: string): JournalFixture {
  const j = new JournalFixture(Date.UTC(2026, 2, 3, 10, 0, 0));
  j.add({ kind: 'session-start', time: j.at(0), focus: text, folders: ['w'], trusted: true, utcOffsetMinutes: 0 });
  const failed = j.command(2, `npm test ${text}`, 1, 40_000);
  j.add({ kind: 'friction', time: j.at(3), title: text, detail: text, category: 'tooling', trigger: { eventId: failed.id, summary: text } });
  j.saves(4, [[`src/${text}.ts`, 2]]);
  j.commit(5, 'abcdef1234', text, [[`src/${text}.ts`, 1, 0]]);
  j.add({ kind: 'note', time: j.at(6), text });
  j.add({ kind: 'lesson', time: j.at(7), text });
  j.add({ kind: 'task', time: j.at(8), start: j.at(7.5), durationMs: 30_000, name: text, source: 'npm', exitCode: 1 });
  j.add({ kind: 'notice', time: j.at(9), code: 'capture-error', message: text });
  j.add({ kind: 'git-op', time: j.at(10), repo: '.', op: 'reset', message: text });
  j.add({ kind: 'session-end', time: j.at(20) });
  return j;
}

function render(text: string): string {
  const j = hostileSession(text);
  return renderRetrospective(buildRetrospective(j.events, {
    now: j.at(30), utcOffsetMinutes: 0, sessionType: text, recurringFriction: [{ theme: text, sessionIds: [text] }],
  }));
}

function tables(tokens: readonly Token[]): Tokens.Table[] {
  return tokens.filter((t): t is Tokens.Table => t.type === 'table');
}

const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'pre', 'code']);

describe('retrospective escaping', () => {
  for (const text of HOSTILE) {
    describe(JSON.stringify(text), () => {
      const md = render(text);
      const out = html(md);

      it('creates no HTML, links, emphasis or blocks of its own', () => {
        const tags = new Set([...out.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()));
        for (const tag of tags) assert.ok(ALLOWED_TAGS.has(tag), `unexpected <${tag}> in ${out}`);
        assert.equal((out.match(/<h1/g) ?? []).length, 1);
        assert.equal((out.match(/<h2/g) ?? []).length, 10);
        assert.equal((out.match(/<h3/g) ?? []).length, 4);
        // Our own bold: 6 header keys, 1 friction title, the recurring-friction label.
        assert.equal((out.match(/<strong>/g) ?? []).length, 8);
        assert.ok(!/<(?:script|img|a|em|del|blockquote)\b/i.test(out));
      });

      it('shows the captured text verbatim wherever it is used', () => {
        const seen = visibleText(out);
        const oneLine = text.replace(/\s+/g, ' ');
        const count = seen.split(oneLine).length - 1;
        // focus, type, command (timeline, slowest), friction (timeline title, detail, trigger; list title, detail,
        // trigger), file (table), commit (timeline, table), note, lesson, task, notice, git-op, theme, session id.
        assert.ok(count >= 20, `seen ${count} times in: ${seen}`);
      });

      it('keeps every table row at its header width', () => {
        const all = tables(new Lexer({ gfm: true }).lex(md));
        assert.ok(all.length >= 5);
        for (const t of all) for (const row of t.rows) assert.equal(row.length, t.header.length);
      });

      it('is not touched by stripHints, since it is not a hint comment', () => {
        assert.equal(visibleText(html(stripHints(md))).split(text.replace(/\s+/g, ' ')).length - 1, visibleText(out).split(text.replace(/\s+/g, ' ')).length - 1);
      });

      it('gives Mermaid labels without the characters it chokes on', () => {
        const chart = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
        for (const line of chart.split('\n').filter((l) => l.includes(':milestone') || l.includes(':crit'))) {
          const label = line.slice(0, line.indexOf(' :'));
          assert.ok(!/[:#;<>&%`|\\]/.test(label), label);
        }
      });
    });
  }

  it('turns line breaks into spaces so a cell or list item stays one line', () => {
    assert.equal(escapeMarkdown('one\ntwo\r\nthree\rfour'), 'one two three four');
    const md = render('first line\nsecond line');
    assert.ok(!md.includes('first line\nsecond line'));
    assert.ok(visibleText(html(md)).includes('first line second line'));
  });

  it('escapes the characters table cells need escaped', () => {
    assert.equal(escapeMarkdown('a|b\\c<d>e&f`g*h_i[j]k'), 'a\\|b\\\\c&lt;d&gt;e&amp;f\\`g\\*h\\_i\\[j\\]k');
  });

  it('round-trips any text through a table cell (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab |\\`*_[]<>&#~!-+.1()\n '.split('')), maxLength: 40 }), (s) => {
        const out = html(`| H |\n| --- |\n| ${escapeMarkdown(s) || 'x'} |\n`);
        const cell = /<td>([\s\S]*?)<\/td>/.exec(out);
        assert.ok(cell, out);
        assert.ok(!/<(?!\/?td)[a-z]/i.test(cell[1]), `markup in ${cell[1]}`);
        const expected = s.trim().replace(/\r\n?|\n/g, ' ') || 'x';
        assert.equal(visibleText(cell[1]).trim(), expected.replace(/\s+/g, ' '));
      }),
      { numRuns: 300 },
    );
  });

  it('makes Mermaid labels safe, short and never empty', () => {
    assert.equal(mermaidLabel('fix: a#b;c <x> & "q"'), 'fix a b c x q');
    assert.equal(mermaidLabel(':#;'), 'event');
    assert.equal(mermaidLabel('section 2 title'), 'Event section 2 title');
    assert.ok(mermaidLabel('x'.repeat(200)).length <= 40);
  });
});
