import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Lexer } from 'marked';
import type { Token } from 'marked';
import { lexBlocks } from '../../src/core/validator/document';

/**
 * The validator lexes with marked's block pass only (lexBlocks), skipping the inline pass for
 * speed. That is safe only while every field the rules can read is what the full Lexer.lex
 * gives; the inline `tokens` of paragraphs, headings, text and table cells are the one thing
 * left out, so both sides are compared with exactly those emptied.
 */

/** Token types whose `tokens` array the inline pass fills (the others hold block tokens). */
const INLINE_HOLDERS = new Set(['paragraph', 'heading', 'text']);

type Cell = { tokens?: unknown };

function withoutInline(tokens: readonly Token[]): unknown[] {
  return tokens.map((t) => {
    const copy: Record<string, unknown> = { ...t };
    if (INLINE_HOLDERS.has(t.type)) copy.tokens = [];
    else if ('tokens' in t && Array.isArray(t.tokens)) copy.tokens = withoutInline(t.tokens as Token[]);
    if (t.type === 'list') copy.items = (t.items as Token[]).map((item) => ({ ...item, tokens: withoutInline((item as { tokens: Token[] }).tokens) }));
    if (t.type === 'table') {
      const clear = (c: Cell): Cell => ({ ...c, tokens: [] });
      copy.header = (t.header as Cell[]).map(clear);
      copy.rows = (t.rows as Cell[][]).map((r) => r.map(clear));
    }
    return copy;
  });
}

function assertSameBlocks(src: string, what: string): void {
  const full = Lexer.lex(src, { gfm: true });
  assert.deepStrictEqual(withoutInline(lexBlocks(src)), withoutInline([...full]), what);
}

const FIXTURES = join(__dirname, '..', 'fixtures');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

const FRAGMENTS = [
  '# Title\n', '## Timeline\n', '### Friction Points\n', 'Heading\n===\n', '| Time | Event |\n', '|---|:-:|\n', '| 09:12 | **x** |\n',
  '- [ ] ', '- [x] ', '- ', '1. ', '2) ', '  ', '    ', '\t', '\n', '\n\n', '<!-- c -->', '<div>\n', '```\n', '```md\n', '~~~\n', '> ',
  '**bold** ', '*em* ', '`code` ', '[link](http://x) ', '[ref]: http://y\n', '[ref] ', '<br>', 'www.example.com ', '\\*', '---\n',
  'word ', 'ผมเขียนโค้ด ', '私たちは ', '我们 ', '😀', '|', '_', '*', '[', ']',
];

describe('lexBlocks (marked block pass without the inline pass)', () => {
  it('gives every block field Lexer.lex gives, on every Markdown fixture', () => {
    const files = markdownFiles(FIXTURES);
    assert.ok(files.length >= 40, `expected the fixtures, found ${files.length}`);
    for (const f of files) assertSameBlocks(readFileSync(f, 'utf8').replace(/\r\n?/g, '\n'), f);
  });

  it('gives every block field Lexer.lex gives, on random Markdown', () => {
    const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 200 }).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, (src) => assertSameBlocks(src, JSON.stringify(src))), { numRuns: 500 });
  });
});
