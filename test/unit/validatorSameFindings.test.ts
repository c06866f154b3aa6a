// Issue 15: the validator was made faster on Thai, Japanese and Chinese text (words are cut by
// Intl.Segmenter, which is most of its cost there). Speed must not change a single finding, so
// this compares every finding, in order and word for word, with what the validator reported
// before that work (test/fixtures/validator-findings.golden.json: a digest of each result, written
// by the validator as it was before the speed-up, in the commit that added this test). The documents: every
// Markdown fixture, documents grown from the Thai, Japanese and Chinese corpus files to ~50 KB
// (the bench's size), and seeded random documents in those scripts. Each runs under the default
// thresholds and under thresholds that make every word-counting rule read whole sections (the
// rules normally stop at their minimums), so the paths that skip or stop early are all covered.
// `UPDATE_GOLDEN=1 npx mocha test/unit/validatorSameFindings.test.ts` rewrites the file: do that
// only when a finding is meant to change.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateRetrospective } from '../../src/core/validator/validate';
import type { ValidatorConfig } from '../../src/core/validator/config';
import type { ValidationResult } from '../../src/core/validator/types';

const FIXTURES = join(__dirname, '..', 'fixtures');
const GOLDEN = join(FIXTURES, 'validator-findings.golden.json');
const CORPUS = join(FIXTURES, 'retrospectives-corpus');
const UNSPACED = ['thai-complete.md', 'thai-short-diary.md', 'thai-we-range.md', 'japanese-complete.md', 'japanese-range-header.md', 'japanese-short-feedback.md', 'heldout-chinese.md'];

/** Thresholds under which no word-counting rule can stop early: every word of its section is read. */
const EXHAUSTIVE: Partial<ValidatorConfig> = { minDiaryWords: 100_000, minFirstPersonWords: 100_000, minFeedbackWords: 100_000, minLessonWords: 1_000, minNextStepWords: 1_000 };
const CONFIGS: Readonly<Record<string, Partial<ValidatorConfig> | undefined>> = {
  default: undefined,
  exhaustive: EXHAUSTIVE,
  // Word minimums met but the first person not: the diary is read to its end for pronouns only.
  'first person': { minFirstPersonWords: 100_000 },
};

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
}

/** A document of at least `minChars`: the file with its list and prose sections repeated, as the bench grows its 50 KB documents. */
function grown(markdown: string, minChars: number): string {
  const [head, ...sections] = markdown.split(/\n(?=## )/);
  const copies: string[] = [];
  for (let k = 1; copies.join('').length < minChars; k++) {
    copies.length = 0;
    for (const s of sections) {
      const [heading, ...body] = s.split('\n');
      const text = body.join('\n').trim();
      const repeated = /Timeline|Metrics/.test(heading) ? [text] : Array.from({ length: k }, (_, i) => text.replace(/^(- (?:\[ \] )?|\d+\. )(.*)$/gm, `$1$2 (part ${i + 1})`));
      copies.push(`${heading}\n\n${repeated.join('\n\n')}\n`);
    }
  }
  return `${head}\n${copies.join('\n')}`;
}

/** Pieces of Thai, Japanese, Chinese, Lao, Khmer and Myanmar text, first-person pronouns among them, with Markdown and Latin mixed in. */
const PIECES = [
  'ผม', 'ฉัน', 'เรา', 'พวกเรา', 'ข้าพเจ้า', 'เขียนโค้ด', 'ทดสอบ', 'ปัญหา', 'คิวงาน', 'ผมเอง', 'เราะ',
  '私', 'わたし', '僕', '僕たち', '私たち', '俺', '我々', 'テストを書いた', '失敗', 'キュー', '私立', '僕ら',
  '我', '我们', '我們', '修复了', '錯誤', '重试逻辑', '自我', 'ສະບາຍດີ', 'ខ្មែរ', 'မြန်မာ',
  'I', "I'm", 'my-thing', 'we', 'us', 'mine', 'Ourselves', 'well-known', '3.14', 'a_b', 'x', '😀',
  ' ', ' ', '  ', '。', '、', '，', '!', '?', '`code`', '**', '(part 2)', '\u200d', '\u0301',
];

const sentence = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
const paragraphs = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join('\n'));
const items = (prefix: string): fc.Arbitrary<string> => fc.array(sentence, { minLength: 0, maxLength: 8 }).map((s) => s.map((t) => `${prefix}${t}`).join('\n'));

/** Random unspaced documents in the retrospective's shape, the same ones every run (fixed seed). */
function randomDocuments(): string[] {
  const base = readFileSync(join(CORPUS, 'thai-complete.md'), 'utf8');
  const doc = fc.record({ diary: paragraphs, feedback: paragraphs, friction: items('1. '), lessons: items('- '), next: items('- [ ] '), well: items('- ') })
    .map((d) => base
      .replace(/(## Session Diary\n\n)[\s\S]*?(?=\n## )/, `$1${d.diary}\n`)
      .replace(/(## Honest Feedback\n\n)[\s\S]*?(?=\n### )/, `$1${d.feedback}\n`)
      .replace(/(### Friction Points\n\n)[\s\S]*?(?=\n## )/, `$1${d.friction}\n`)
      .replace(/(## Lessons Learned\n\n)[\s\S]*?(?=\n## )/, `$1${d.lessons}\n`)
      .replace(/(## Next Steps\n\n)[\s\S]*?(?=\n## )/, `$1${d.next}\n`)
      .replace(/(## What Went Well\n\n)[\s\S]*?(?=\n## )/, `$1${d.well}\n`));
  return fc.sample(doc, { seed: 15, numRuns: 60 });
}

/**
 * Lessons shaped like verdicts ("... is real", "a = b") and like rules, from 1 to 12 words, in
 * English and with Thai and Japanese words: the rule counts only as far as it must, and a
 * verdict of up to 8 words is an observation.
 */
function lessonDocuments(): string[] {
  const good = readFileSync(join(FIXTURES, 'retrospectives', 'good.md'), 'utf8');
  const fill = ['retry', 'ทดสอบ', 'テスト', 'queue', '修复', 'worker', 'ปัญหา', 'キュー', 'the', 'old', 'cache'];
  return ['is real.', 'was painful', '= tricky', 'should stay', 'are great!'].map((end) => {
    const lessons = Array.from({ length: 12 }, (_, n) => `- ${fill.slice(0, n).join(n % 2 === 0 ? ' ' : '')} ${end}`.replace(/- {2}/, '- '));
    return good.replace(/(## Lessons Learned\n\n)[\s\S]*?(?=\n## )/, `$1${lessons.join('\n')}\n`);
  });
}

/** Every document under test, by a stable name. */
function documents(): Map<string, string> {
  const docs = new Map<string, string>();
  for (const file of markdownFiles(FIXTURES).sort()) docs.set(file.slice(FIXTURES.length + 1), readFileSync(file, 'utf8'));
  for (const file of UNSPACED) docs.set(`grown 50k: ${file}`, grown(readFileSync(join(CORPUS, file), 'utf8'), 22_000));
  randomDocuments().forEach((d, i) => docs.set(`random unspaced #${i}`, d));
  lessonDocuments().forEach((d, i) => docs.set(`verdict-shaped lessons #${i}`, d));
  return docs;
}

/** Everything a reader of the result sees, in order (rule titles come from the thresholds alone). */
function shown(result: ValidationResult): string[] {
  return [
    `passed ${result.passed}`,
    `failing rules: ${result.rules.filter((r) => !r.passed).map((r) => r.rule).join(', ')}`,
    ...result.findings.map((f) => `${f.line} ${f.severity} ${f.rule}${f.section === undefined ? '' : ` [${f.section}]`}${f.alsoFails ? ` (also ${f.alsoFails.join(', ')})` : ''}: ${f.message}`),
  ];
}

function allFindings(): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const [name, doc] of documents()) {
    out[name] = Object.fromEntries(Object.entries(CONFIGS).map(([config, options]) => [config, shown(validateRetrospective(doc, options, { commits: 2 }))]));
  }
  return out;
}

/** What the golden keeps of one result: its size and a digest of its lines (the full text would be ~400 KB). */
function digest(lines: readonly string[]): string {
  return `${lines.length} lines, sha256 ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 24)}`;
}

describe('validator findings unchanged by the speed-up on unspaced text (issue 15)', () => {
  let actual: Record<string, Record<string, string[]>>;
  before(function () {
    this.timeout(120_000);
    actual = allFindings();
  });

  it('reports exactly the findings the validator reported before, on every fixture, 50 KB Thai/Japanese/Chinese documents and random unspaced documents', () => {
    const digests = Object.fromEntries(Object.entries(actual).map(([name, byConfig]) => [name, Object.fromEntries(Object.entries(byConfig).map(([c, lines]) => [c, digest(lines)]))]));
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, `${JSON.stringify(digests, null, 1)}\n`);
      return;
    }
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Record<string, string>>;
    assert.deepEqual(Object.keys(digests).sort(), Object.keys(golden).sort(), 'the documents under test changed');
    for (const [name, byConfig] of Object.entries(golden)) {
      for (const [config, expected] of Object.entries(byConfig)) {
        assert.equal(digests[name][config], expected, `${name}, ${config} thresholds: the findings changed; now:\n${actual[name][config].join('\n')}`);
      }
    }
  });

  it('covers what it claims: Thai, Japanese and Chinese documents that pass, that fail on word counts, and that fail the first person', () => {
    const names = Object.keys(actual);
    assert.ok(names.length >= 100, `only ${names.length} documents`);
    const grownDocs = names.filter((n) => n.startsWith('grown 50k'));
    assert.equal(grownDocs.length, UNSPACED.length);
    // The grown complete documents pass by default; under exhaustive thresholds the counts are reported.
    for (const n of grownDocs.filter((g) => /complete|chinese/.test(g))) assert.ok(actual[n].default.includes('passed true'), n);
    const all = Object.values(actual).flatMap((c) => Object.values(c).flat());
    assert.ok(all.some((l) => /diary has \d+ words/.test(l)) && all.some((l) => /found [1-9]\d*, need at least 100000/.test(l)) && all.some((l) => /found 0, need at least 1\b/.test(l)));
    assert.ok(all.some((l) => /This lesson has \d+ words/.test(l)) && all.some((l) => /This next step has \d+ words/.test(l)));
  });
});
