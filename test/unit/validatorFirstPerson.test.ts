// Issue 10: a real, good diary often uses only a word or two of the first person. One is enough
// to tell a narrative from a report; the threshold is configurable (CLI config, VS Code setting).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/main';
import { DEFAULT_VALIDATOR_CONFIG, loadValidatorConfig } from '../../src/core/validator/config';
import { validateRetrospective } from '../../src/core/validator/validate';
import { validatorOptions } from '../../src/vscode/retrospective/validatorSettings';
import type { Settings } from '../../src/vscode/settings';
import { replaceBody } from './validatorFixture';

const CANONICAL = join(__dirname, '..', 'fixtures', 'retrospectives', 'canonical.md');
const canonical = (): string => readFileSync(CANONICAL, 'utf8');

/** Long enough for the word count; what varies is how the diary speaks. */
const FILLER = 'The afternoon went into reading the retry code, tracing each call from the queue to the receiver and back, writing down what every branch did and which of them the tests reached. '
  + 'Most of the branches were covered, two were not, and one of those turned out to be the path that real traffic took every night when the receiver restarted for its backups. '
  + 'Covering it took a fake receiver that could refuse connections on demand, a clock that could be advanced by hand, and a small table of the delays the policy should produce. ';

const STYLES: Record<string, string> = {
  'first person plural': `We paired on the queue all afternoon. ${FILLER}${FILLER}`,
  'past tense, a single "my"': `${FILLER}My guess about the nightly failures had been wrong from the start. ${FILLER}`,
  'no I in the first sentence': `The morning began with a failing build. ${FILLER}Then I found the cause in the lock file. ${FILLER}`,
  'a contraction ("I\'d")': `${FILLER}By the end I'd rewritten the policy twice. ${FILLER}`,
};

function diaryFindings(markdown: string, options = {}): string[] {
  return validateRetrospective(markdown, options).findings.filter((f) => f.rule === 'diary-length').map((f) => f.message);
}

describe('diary first-person threshold (issue 10)', () => {
  it('passes the canonical retrospective of the reference layout with zero findings', () => {
    const result = validateRetrospective(canonical(), {}, { commits: 2 });
    assert.deepEqual(result.findings, []);
    assert.equal(result.passed, true);
  });

  it('reads its two first-person words as a first-person diary, and fails it when 3 are configured', () => {
    assert.equal(DEFAULT_VALIDATOR_CONFIG.minFirstPersonWords, 1);
    const messages = diaryFindings(canonical(), { minFirstPersonWords: 3 });
    assert.equal(messages.length, 1);
    assert.match(messages[0], /found 2, need at least 3/);
  });

  for (const [style, diary] of Object.entries(STYLES)) {
    it(`accepts a diary written in ${style}`, () => {
      assert.deepEqual(diaryFindings(replaceBody(canonical(), '## Session Diary', diary)), []);
    });
  }

  it('still fails a diary with no first-person word at all', () => {
    const messages = diaryFindings(replaceBody(canonical(), '## Session Diary', FILLER + FILLER));
    assert.equal(messages.length, 1);
    assert.match(messages[0], /first person .*found 0, need at least 1/);
  });

  it('turns the check off at 0', () => {
    assert.deepEqual(diaryFindings(replaceBody(canonical(), '## Session Diary', FILLER + FILLER), { minFirstPersonWords: 0 }), []);
  });

  it('reads the threshold from a config file, under its new and its earlier name', async () => {
    assert.equal(loadValidatorConfig({ minFirstPersonWords: 4 }).config.minFirstPersonWords, 4);
    assert.equal(loadValidatorConfig({ minDiaryFirstPerson: 5 }).config.minFirstPersonWords, 5);
    assert.match(loadValidatorConfig({ minFirstPersonWords: -1 }).errors[0], /"minFirstPersonWords" must be a whole number/);
    let out = '';
    const io: CliIo = {
      stdout: { write: (text: string) => { out += text; return true; } },
      stderr: { write: () => true },
      readFile: async (path: string) => (path === 'cfg.json' ? '{"minFirstPersonWords": 3}' : canonical()),
    };
    assert.equal(await main(['validate', 'retro.md'], io), 0);
    assert.equal(await main(['validate', 'retro.md', '--json', '--config', 'cfg.json'], io), 1);
    assert.match(out, /found 2, need at least 3/);
  });

  it('passes the VS Code setting through to the validator', () => {
    const settings = { validation: { minFrictionPoints: 3, minDiaryWords: 150, minFirstPersonWords: 3, minFeedbackWords: 100 } } as unknown as Settings;
    assert.equal(validatorOptions(settings).minFirstPersonWords, 3);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.equal(pkg.contributes.configuration.properties['sessionJournal.validation.minFirstPersonWords']?.default, 1);
  });
});
