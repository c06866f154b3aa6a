import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../../src/core/redaction/redact';
import { FAKE_SECRETS, expandFakeSecrets } from '../fixtures/secrets/fakeSecrets';

const expand = expandFakeSecrets;

// Other suites imported the fake secrets from here first; new code should import the fixture module.

interface CorpusEntry {
  kind: string;
  context: 'command' | 'commit' | 'note';
  input: string;
  secret: string;
}

const fixtures = join(__dirname, '..', 'fixtures');
const corpus = JSON.parse(readFileSync(join(fixtures, 'secrets', 'corpus.json'), 'utf8')) as CorpusEntry[];
const ordinary = readFileSync(join(fixtures, 'commands', 'ordinary.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');

describe('redaction corpora', () => {
  it('covers at least 30 kinds of secret and 200 ordinary commands', () => {
    assert.ok(new Set(corpus.map((e) => e.kind)).size >= 30, 'kinds');
    assert.ok(new Set(corpus.map((e) => e.context)).size === 3, 'commands, commit messages and notes');
    assert.ok(ordinary.length >= 200, 'ordinary commands');
  });

  it('redacts every secret of the corpus and leaves every ordinary command unchanged', () => {
    const missed: string[] = [];
    for (const entry of corpus) {
      const input = expand(entry.input);
      const secret = expand(entry.secret);
      assert.ok(input.includes(secret), `corpus entry contains its secret: ${entry.input}`);
      const { text, count } = redact(input);
      // Not even a piece of a secret with spaces in it may survive.
      const pieces = [secret, ...secret.split(/\s+/).filter((p) => p.length >= 4 && !input.replace(secret, '').includes(p))];
      const ok = pieces.every((p) => !text.includes(p)) && count > 0 && text.includes(`«redacted:${entry.kind}»`);
      if (!ok) missed.push(`${entry.kind}: ${entry.input}\n    → ${text}`);
    }
    const changed: string[] = [];
    for (const command of ordinary) {
      const { text, count } = redact(command);
      if (text !== command || count !== 0) changed.push(`${command}\n    → ${text}`);
    }
    const redactedOk = corpus.length - missed.length;
    const unchangedOk = ordinary.length - changed.length;
    console.log(`      secrets redacted: ${redactedOk}/${corpus.length}, ordinary unchanged: ${unchangedOk}/${ordinary.length}`);
    assert.deepEqual(missed, [], 'secrets not redacted');
    assert.deepEqual(changed, [], 'ordinary commands changed');
  });

  it('keeps the command around the secret', () => {
    for (const entry of corpus) {
      const input = expand(entry.input);
      const secret = expand(entry.secret);
      const { text } = redact(input);
      const before = input.slice(0, input.indexOf(secret));
      // Everything up to the secret survives, except parts that were secrets themselves.
      if (!Object.values(FAKE_SECRETS).some((s) => before.includes(s))) assert.ok(text.startsWith(before), `${entry.kind}: ${text}`);
    }
  });

  it('is idempotent on the whole corpus', () => {
    for (const entry of corpus) {
      const once = redact(expand(entry.input)).text;
      assert.deepEqual(redact(once), { text: once, count: 0 }, once);
    }
  });
});
