// Issue 16: a corpus of retrospectives written in the shapes people really use, each with the
// findings a careful reader expects (test/fixtures/retrospectives-corpus/expectations.json).
// Every finding must be expected (precision) and every expectation found (recall), and
// the rules that fail are exactly the ones expected (`fails`). `node --import tsx
// scripts/corpusReport.mjs` prints precision and recall.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateRetrospective } from '../../src/core/validator/validate';
import type { Finding, RuleId } from '../../src/core/validator/types';

interface Expected {
  readonly rule: RuleId;
  readonly line?: number;
}

const CORPUS = join(__dirname, '..', 'fixtures', 'retrospectives-corpus');
const expectations = JSON.parse(readFileSync(join(CORPUS, 'expectations.json'), 'utf8')) as Record<string, { note: string; expected: Expected[]; fails: RuleId[] }>;
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();

// A missing section is one finding (required-sections) that names the section's own rule in alsoFails.
const matches = (f: Finding, e: Expected): boolean => (f.rule === e.rule || (f.alsoFails?.includes(e.rule) ?? false)) && (e.line === undefined || f.line === e.line);
const show = (f: Finding): string => `${f.rule}:${f.line} ${f.message}`;

describe('validator on the retrospective corpus (issue 16)', () => {
  it('has at least 30 cases, each with expectations, some in Thai and Japanese, some really lacking things', () => {
    assert.ok(files.length >= 30);
    assert.deepEqual(files.filter((f) => expectations[f] === undefined), []);
    assert.ok(files.filter((f) => /^(?:thai|japanese)-/.test(f)).length >= 3);
    assert.ok(files.filter((f) => expectations[f].expected.length > 0).length >= 8);
  });

  for (const file of files) {
    it(`${file}: ${expectations[file]?.note ?? ''}`, () => {
      const expected = expectations[file]?.expected ?? [];
      const { findings, rules } = validateRetrospective(readFileSync(join(CORPUS, file), 'utf8'));
      assert.deepEqual(findings.filter((f) => !expected.some((e) => matches(f, e))).map(show), [], 'findings a careful reader would not make');
      assert.deepEqual(expected.filter((e) => !findings.some((f) => matches(f, e))), [], 'missing things the validator did not report');
      // The rules that fail are exactly those the expectations name.
      assert.deepEqual(rules.filter((r) => !r.passed).map((r) => r.rule).sort(), [...(expectations[file]?.fails ?? [])].sort());
    });
  }
});
