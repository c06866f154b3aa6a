import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateRetrospective } from '../../src/core/validator/validate';
import { upsertValidationChecklist } from '../../src/core/validator/checklist';
import { findSections } from '../../src/core/validator/sections';
import { RULE_IDS } from '../../src/core/validator/types';
import { SESSION_TEMPLATE } from '../../src/core/template/sessionTemplate';
import type { ValidationResult } from '../../src/core/validator/types';
import { goodDoc } from './validatorFixture';
import { withinHangLimit } from './hangGuard';

const FRAGMENTS = [
  '# Session Retrospective\n', '## Timeline\n', '### Friction Points\n', '## 2. Next Steps\n', '### 2026-11-23\n',
  '| Time | Event |\n', '|---|---|\n', '| 09:12 | x |\n', '| 25:61 | y |\n', '- [ ] ', '- [x] ', '- ', '1. ', '  ',
  '**Date**: ', '**Start Time**: 23:10\n', '<!-- ', ' -->', '```\n', '~~~', '`', '> ', '\n', '\r\n', '\r', '12:', '00:00',
  '<your name>', 'TODO', 'lorem ipsum', '...', '    ', '\t', '[', ']', '(', ')', '*', '_', '#', '\u0000', '😀', 'word ',
  'I ', 'we ', '<br>', '<', '>', '|', '\\', '---\n', '===\n', '[insert x]', 'Commits | 3 |\n',
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 300 }).map((parts) => parts.join(''));

type Mutation = { at: number; len: number; kind: 'delete' | 'duplicate' | 'insert'; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(), len: fc.nat({ max: 400 }), kind: fc.constantFrom('delete', 'duplicate', 'insert'), text: fc.constantFrom(...FRAGMENTS),
});

function mutate(md: string, ops: readonly Mutation[]): string {
  let out = md;
  for (const op of ops) {
    const at = op.at % (out.length + 1);
    const end = Math.min(out.length, at + op.len);
    if (op.kind === 'delete') out = out.slice(0, at) + out.slice(end);
    else if (op.kind === 'duplicate') out = out.slice(0, end) + out.slice(at, end) + out.slice(end);
    else out = out.slice(0, at) + op.text + out.slice(at);
  }
  return out;
}

function checkShape(markdown: string, result: ValidationResult): void {
  assert.deepEqual(result.rules.map((r) => r.rule), RULE_IDS.filter((rule) => SESSION_TEMPLATE.rules.includes(rule)));
  assert.equal(result.passed, result.rules.every((r) => r.passed));
  const lines = markdown.split(/\r\n|\r|\n/).length;
  for (const f of result.findings) {
    assert.ok(RULE_IDS.includes(f.rule));
    assert.ok(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines, `line ${f.line} of ${lines}`);
    assert.ok(f.message.length > 0);
  }
  for (const r of result.rules) {
    const failing = result.findings.some((f) => (f.rule === r.rule || (f.alsoFails?.includes(r.rule) ?? false)) && f.severity === 'error');
    assert.equal(r.passed, !failing);
  }
}

function timed(markdown: string): ValidationResult {
  return withinHangLimit('validateRetrospective', () => validateRetrospective(markdown));
}

describe('validator properties', () => {
  it('never throws on random strings, including binary and astral characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
      checkShape(s, timed(s));
      assert.ok(Array.isArray(findSections(s)));
    }), { numRuns: 100 });
  });

  it('never throws on Markdown-ish token soups, and upsert keeps the document before the checklist', () => {
    fc.assert(fc.property(soup, (md) => {
      const result = timed(md);
      checkShape(md, result);
      const out = upsertValidationChecklist(md, result);
      if (!findSections(md).some((s) => s.key === 'validation')) assert.ok(out.startsWith(md));
    }), { numRuns: 200 });
  });

  it('never throws on mutations of good.md', () => {
    const good = goodDoc();
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ops) => {
      const md = mutate(good, ops);
      checkShape(md, timed(md));
    }), { numRuns: 150 });
  });

  it('survives pathological documents quickly', () => {
    const cases = [
      '>'.repeat(20_000) + ' deep',
      '['.repeat(50_000),
      '<!--'.repeat(50_000),
      '`'.repeat(50_000),
      '- '.repeat(5_000) + 'x',
      '## Timeline\n'.repeat(5_000),
      `| Time | Event |\n|---|---|\n${'| 09:12 | x |\n'.repeat(5_000)}`,
    ];
    for (const md of cases) {
      const result = withinHangLimit(`validation of ${JSON.stringify(md.slice(0, 20))}`, () => validateRetrospective(md));
      checkShape(md, result);
    }
  });

  it('cuts a line longer than 20,000 characters, says so on that line, and judges the rest as before', () => {
    const good = goodDoc();
    const lines = good.split('\n');
    const at = lines.findIndex((l) => /^## Session Summary/.test(l)) + 2;
    lines.splice(at, 0, `${'['.repeat(300_000)}`);
    const result = validateRetrospective(lines.join('\n'));
    const warning = result.findings.find((f) => f.severity === 'warning' && /longer than 20000 characters/.test(f.message));
    assert.ok(warning, 'the long line is reported');
    assert.equal(warning.line, at + 1);
    assert.equal(result.passed, validateRetrospective(good).passed);
  });

  it('validates only the first maxDocumentChars of a huge document and says so', () => {
    const md = goodDoc() + 'filler line\n'.repeat(20_000);
    const result = validateRetrospective(md, { maxDocumentChars: 50_000 });
    const warning = result.findings.find((f) => f.severity === 'warning' && /larger than 50000 characters/.test(f.message));
    assert.ok(warning);
    assert.equal(result.passed, true);
  });

  it('validates a 50 KB retrospective (its speed against marked and markdownlint is in npm run bench)', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `| 10:${String(Math.floor(i / 10) % 60).padStart(2, '0')} | Saved ${i} files in src/queue while chasing the retry bug and re-running the suite |`);
    const md = goodDoc().replace('| 10:24 | Commit', `${rows.join('\n')}\n| 10:59 | Commit`);
    assert.ok(md.length > 50_000, String(md.length));
    assert.equal(withinHangLimit('validation of 50 KB', () => validateRetrospective(md)).passed, true);
  });
});
