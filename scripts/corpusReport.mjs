// Precision and recall of the validator over the retrospective corpus (issue 16):
//   node --import tsx scripts/corpusReport.mjs [--root DIR] [--verbose]
// A finding is right when its file expects that rule (at that line, when the expectation names
// one); an expectation is found when some finding matches it. --root runs the validator of
// another checkout (e.g. a copy of main) on this corpus, for before/after figures.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = resolve(rootAt >= 0 ? args[rootAt + 1] : '.');
const verbose = args.includes('--verbose');
const corpus = resolve('test/fixtures/retrospectives-corpus');
const { validateRetrospective } = await import(pathToFileURL(join(root, 'src/core/validator/validate.ts')).href);
const expectations = JSON.parse(readFileSync(join(corpus, 'expectations.json'), 'utf8'));

// A missing section is one finding (required-sections) that names the section's own rule in alsoFails.
const matches = (finding, expected) => (finding.rule === expected.rule || (finding.alsoFails ?? []).includes(expected.rule)) && (expected.line === undefined || finding.line === expected.line);
let findings = 0;
let right = 0;
let expectedCount = 0;
let found = 0;
for (const file of readdirSync(corpus).filter((f) => f.endsWith('.md')).sort()) {
  const expected = expectations[file]?.expected ?? [];
  const result = validateRetrospective(readFileSync(join(corpus, file), 'utf8'));
  const wrong = result.findings.filter((f) => !expected.some((e) => matches(f, e)));
  const missed = expected.filter((e) => !result.findings.some((f) => matches(f, e)));
  findings += result.findings.length;
  right += result.findings.length - wrong.length;
  expectedCount += expected.length;
  found += expected.length - missed.length;
  if (verbose && (wrong.length > 0 || missed.length > 0)) {
    console.log(`${file}`);
    for (const f of wrong) console.log(`  false  ${f.rule}:${f.line} ${f.message}`);
    for (const e of missed) console.log(`  missed ${e.rule}${e.line === undefined ? '' : `:${e.line}`}`);
  }
}
const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`validator at ${root}`);
console.log(`findings: ${findings}, right: ${right}, precision ${pct(right, findings)}`);
console.log(`expected: ${expectedCount}, found: ${found}, recall ${pct(found, expectedCount)}`);
