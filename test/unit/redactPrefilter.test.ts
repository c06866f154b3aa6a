/**
 * Redaction skips work before running the secret patterns: a text without any
 * rule's hint, a rule whose hint is missing, a rule whose needs (literals every replacement it
 * makes requires) are missing. Each shortcut must be exact: the text and the count must be what
 * running every rule on every text of 8 characters or more gives (`redactUnfiltered`; shorter
 * texts are left alone by both, see redactString), on the secrets corpus, the ordinary
 * commands and random texts made of the pieces the patterns look for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compileRedactOptions, redact, redactUnfiltered } from '../../src/core/redaction/redact';
import type { RedactOptions } from '../../src/core/redaction/redact';
import { SECRET_RULES } from '../../src/core/redaction/redactPatterns';
import { FAKE_SECRETS, expandFakeSecrets } from '../fixtures/secrets/fakeSecrets';

interface CorpusEntry {
  readonly input: string;
}

const fixtures = join(__dirname, '..', 'fixtures');
const corpus = (JSON.parse(readFileSync(join(fixtures, 'secrets', 'corpus.json'), 'utf8')) as CorpusEntry[]).map((e) => expandFakeSecrets(e.input));
const ordinary = readFileSync(join(fixtures, 'commands', 'ordinary.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');

// What the patterns look for, so random texts hit the rules (and their near misses) often.
const PIECES = [
  ...new Set(SECRET_RULES.flatMap((r) => [...r.hints, ...(r.needs ?? []).flat()])),
  ...Object.values(FAKE_SECRETS),
  'curl', '-u', '--user', 'user:pw0rd1', 'Authorization: Bearer', 'Authorization:', 'x-api-key:', 'Cookie: a=b; c=d', 'set ', 'setx ', 'export ',
  'API_KEY', 'DB_PASSWORD', 'TOKEN_FILE', 'auth.password', '_authToken', 'mysql', '-p', '-pS3cret', 'docker login', 'redis-cli', '-a', 'sshpass',
  'postgres://app:s3cr3t@db', '://', '@', '?sig=', 'pass:hunter22', 'eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl', 'password', 'secret', 'token', 'key',
  '--password', '--token=', '-token', 'gh pr create', '"', "'", '=', ':', ';', '&&', '|', ' ', ' ', ' ', '\t', '\n', '-', '--', '.', '/', '$TOKEN', '${X}',
  // Characters whose lower-case form is ASCII or longer (Kelvin sign, dotted I) and a marker already in the text.
  '\u212A', '\u0130', 'KEY', 'Key', '«redacted:github-token»', '»', 'ſ',
];

const OPTIONS: readonly (RedactOptions | undefined)[] = [
  undefined,
  compileRedactOptions({ extraPatterns: ['corp-[0-9]{6}', 'pin=(?<secret>\\d{4})'] }).options,
];

function assertSame(text: string): void {
  for (const options of OPTIONS) {
    const fast = redact(text, options);
    const every = redactUnfiltered(text, options);
    assert.deepEqual(fast, every, `for ${JSON.stringify(text)}`);
  }
}

describe('redaction prefilters', () => {
  it('give what every rule run on every text gives, on the secrets corpus and the ordinary commands', () => {
    assert.ok(corpus.length >= 30 && ordinary.length >= 200);
    for (const text of [...corpus, ...ordinary]) assertSame(text);
  });

  it('give what every rule gives on the corpus with its pieces upper-cased, joined and cut', () => {
    for (let i = 0; i < corpus.length; i++) {
      const text = corpus[i];
      assertSame(text.toUpperCase());
      assertSame(text.toLowerCase());
      assertSame(`${text} && ${corpus[(i * 7 + 3) % corpus.length]}`);
      for (const cut of [1, 5, 9, Math.floor(text.length / 2)]) {
        assertSame(text.slice(cut));
        assertSame(text.slice(0, -cut));
      }
    }
  });

  it('give what every rule gives on random texts made of the pieces the patterns look for', () => {
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...'aAzZ09_-./:=@"\' \t'), maxLength: 45 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => assertSame(pieces.join(''))), { numRuns: 20000 });
  });

  it('still redacts the texts whose rules run only because their needs hold', () => {
    // Sanity check that the needs are live: these texts are redacted, and each rule ran because its needs held.
    for (const text of ['curl -u admin:pw0rd1 https://x', 'export DB_PASSWORD=hunter22x', 'psql postgres://app:s3cr3t@db/app', '{"apiToken": "abc123def"}']) {
      assert.ok(redact(text).count > 0, text);
      assertSame(text);
    }
  });
});
