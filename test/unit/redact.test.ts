import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EventDraft } from '../../src/core/journal/events';
import { compileRedactOptions, isExcludedCommand, isExcludedPath, redact, redactEvent, redactionMarker } from '../../src/core/redaction/redact';
import { isSensitiveName } from '../../src/core/redaction/redactPatterns';
import { expandBraces, globToRegExp, matchGlob } from '../../src/core/capture/pathGlob';
import { FAKE_SECRETS } from '../fixtures/secrets/fakeSecrets';
import { withinHangLimit } from './hangGuard';

const GHP = FAKE_SECRETS.ghp;

describe('redact', () => {
  it('replaces the value and keeps the command', () => {
    assert.deepEqual(redact(`git push https://x-access-token:${GHP}@github.com/ada/repo.git main`), {
      text: 'git push https://x-access-token:«redacted:github-token»@github.com/ada/repo.git main',
      count: 1,
    });
  });

  it('counts every secret and leaves clean text as the same string', () => {
    const r = redact(`export A_TOKEN=one B_SECRET=two; echo ${GHP}`);
    assert.equal(r.count, 3);
    assert.equal(r.text, 'export A_TOKEN=«redacted:secret-assignment» B_SECRET=«redacted:secret-assignment»; echo «redacted:github-token»');
    const clean = 'npm run build -- --watch';
    assert.deepEqual(redact(clean), { text: clean, count: 0 });
    assert.deepEqual(redact(''), { text: '', count: 0 });
  });

  it('redacts a secret in a text shorter than 8 characters (the whole command is the assignment)', () => {
    assert.deepEqual(redact('PASS=ab'), { text: 'PASS=«redacted:secret-assignment»', count: 1 });
    assert.deepEqual(redact('TOKEN=x'), { text: 'TOKEN=«redacted:secret-assignment»', count: 1 });
    assert.deepEqual(redact('ls -la'), { text: 'ls -la', count: 0 });
  });

  it('formats the marker as «redacted:<kind>»', () => {
    assert.equal(redactionMarker('github-token'), '«redacted:github-token»');
  });

  it('only treats -p as a password for mysql-like tools, and only when attached', () => {
    assert.equal(redact('mysql -uroot -phunter2 db').text, 'mysql -uroot -p«redacted:mysql-password» db');
    assert.equal(redact('mysql -uroot -p db').count, 0, 'prompt for the password');
    assert.equal(redact('docker run -p 8080:80 nginx').count, 0);
    assert.equal(redact('ssh -p 2222 host').count, 0);
    assert.equal(redact('cd /srv && mysql -p"x y" db; docker run -p 80:80 web').text, 'cd /srv && mysql -p"«redacted:mysql-password»" db; docker run -p 80:80 web');
  });

  it('keeps references to secrets, which are not secrets themselves', () => {
    for (const cmd of ['export TOKEN=$TOKEN', 'export TOKEN="${VAULT_TOKEN}"', 'export TOKEN=$(pass show gh)', 'set API_KEY=%API_KEY%', 'curl -u "$U:$P" x', 'mysql -p$DB_PW']) {
      assert.equal(redact(cmd).text, cmd, cmd);
    }
  });

  it('tells PWD (the working directory) from passwords', () => {
    assert.equal(redact('export PWD=/home/ada').count, 0);
    assert.equal(redact('export OLDPWD=/tmp').count, 0);
    assert.equal(redact('MYSQL_PWD=abc123 mysql').text, 'MYSQL_PWD=«redacted:secret-assignment» mysql');
  });

  it('classifies variable names by words, not substrings', () => {
    const sensitive = ['API_KEY', 'KEY', 'SECRET', 'DB_PASSWORD', 'PGPASSWORD', 'MYSQL_PWD', 'GITHUB_TOKEN', 'AWS_CREDENTIALS', 'NODE_AUTH_TOKEN', '_authToken', 'apiKey', 'auth.password', 'client_secret', 'DB_PASS', 'AccountKey', 'SECRET_KEY_BASE'];
    const harmless = ['KEYBOARD', 'KEYBOARD_LAYOUT', 'MONKEY', 'PWD', 'OLDPWD', 'PATH', 'NODE_ENV', 'SSH_AUTH_SOCK', 'TOKEN_FILE', 'MAX_TOKENS', 'TOKENIZERS_PARALLELISM', 'GIT_AUTHOR_NAME', 'BYPASS', 'GIT_ASKPASS', 'SECRET_NAME', 'AWS_ACCESS_KEY_ID', 'AUTHOR'];
    for (const n of sensitive) assert.equal(isSensitiveName(n), true, n);
    for (const n of harmless) assert.equal(isSensitiveName(n), false, n);
  });

  it('redacts private key blocks whole, also when cut off', () => {
    const block = `-----BEGIN EC PRIVATE KEY-----\n${FAKE_SECRETS['pem-body']}\n-----END EC PRIVATE KEY-----`;
    const r = redact(`cat <<EOF > key.pem\n${block}\nEOF`);
    assert.equal(r.text, 'cat <<EOF > key.pem\n-----BEGIN EC PRIVATE KEY-----\n«redacted:private-key»\n-----END EC PRIVATE KEY-----\nEOF');
    assert.ok(!redact(block.slice(0, 60)).text.includes(FAKE_SECRETS['pem-body'].slice(0, 10)));
    assert.equal(redact('-----BEGIN PUBLIC KEY-----\nMIIBfake\n-----END PUBLIC KEY-----').count, 0, 'public keys stay');
  });

  it('redacts a 1 MB command line and never hangs on adversarial input', () => {
    const big = `echo ${'a'.repeat(600_000)} ${'TOKEN=abc '.repeat(20_000)} ${'x=1 '.repeat(50_000)} --password hunter2`;
    assert.ok(big.length > 1_000_000);
    const r = withinHangLimit('redact of 1 MB', () => redact(big));
    assert.equal(r.count, 20_001);
    assert.ok(r.text.endsWith('--password «redacted:secret-flag»'));
    const adversarial = ['eyJ-'.repeat(250_000), 'a://'.repeat(250_000), 'mysql '.repeat(170_000), 'TOKEN="'.repeat(150_000), '-----BEGIN PRIVATE KEY-----'.repeat(40_000)];
    for (const text of adversarial) {
      const out = withinHangLimit(`redact of ${text.slice(0, 12)}…`, () => redact(text));
      assert.equal(typeof out.text, 'string');
    }
  });

  it('never throws, and redacting twice changes nothing (property)', () => {
    const alphabet = fc.constantFrom(...'aA0 =:-_/@."\'$;&|\n{}()eyJKEYTOKENpasswordghp_xoxb-sk-«»'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((cs) => cs.join('')), (s) => {
        const once = redact(s);
        assert.equal(redact(once.text).text, once.text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('user redaction settings', () => {
  it('redacts matches of extra patterns, or only their `secret` group', () => {
    const { options, errors } = compileRedactOptions({ extraPatterns: ['ACME-[0-9]{6}', 'ticket=(?<secret>\\w+)'] });
    assert.deepEqual(errors, []);
    assert.deepEqual(redact('deploy ACME-123456 ticket=abc42 done', options), {
      text: 'deploy «redacted:custom» ticket=«redacted:custom» done',
      count: 2,
    });
  });

  it('reports invalid patterns instead of throwing, and keeps the valid ones', () => {
    const { options, errors } = compileRedactOptions({
      extraPatterns: ['(unclosed', 'ok-[0-9]+', 'a*'],
      excludeCommands: ['[z-a]', '^vault '],
      excludePaths: ['', 'secrets/**'],
    });
    assert.equal(errors.length, 4);
    assert.match(errors[0], /extraPatterns.*\(unclosed/);
    assert.match(errors[1], /extraPatterns.*empty string/);
    assert.match(errors[2], /excludeCommands/);
    assert.match(errors[3], /excludePaths/);
    assert.deepEqual(options, { extraPatterns: ['ok-[0-9]+'], excludeCommands: ['^vault '], excludePaths: ['secrets/**'] });
    assert.equal(redact('id ok-42', options).text, 'id «redacted:custom»');
    assert.equal(isExcludedCommand('vault read secret/x', options), true);
    assert.equal(isExcludedPath('secrets/prod.yaml', options), true);
  });

  it('accepts uncompiled options too, dropping invalid patterns silently', () => {
    const options = { extraPatterns: ['(', 'zz[0-9]+'] };
    assert.equal(redact('a zz9', options).text, 'a «redacted:custom»');
  });

  it('excludes commands that match any pattern', () => {
    const { options } = compileRedactOptions({ excludeCommands: ['^pass ', 'op item get'] });
    assert.equal(isExcludedCommand('pass show github', options), true);
    assert.equal(isExcludedCommand('op item get "AWS" --fields password', options), true);
    assert.equal(isExcludedCommand('npm run pass', options), false);
    assert.equal(isExcludedCommand('pass show github'), false, 'nothing is excluded without settings');
  });

  it('excludes paths by glob', () => {
    const { options } = compileRedactOptions({ excludePaths: ['**/.env', '**/.env.*', 'secrets/**', '*.pem', 'config/?.key'] });
    const excluded = ['.env', 'api/.env', 'a/b/.env.local', 'secrets/prod.yaml', 'secrets/a/b/c', 'certs/server.pem', 'server.pem', 'config/a.key', 'api\\.env'];
    const kept = ['src/env.ts', '.envrc', 'docs/secrets.md', 'mysecrets/x', 'config/ab.key', 'pem', 'src/.env.ts/x'];
    for (const p of excluded) assert.equal(isExcludedPath(p, options), true, p);
    for (const p of kept) assert.equal(isExcludedPath(p, options), false, p);
  });
});

describe('glob matcher', () => {
  it('supports **, * and ? with segment semantics', () => {
    assert.equal(matchGlob('a/b/c.ts', 'a/**/c.ts'), true);
    assert.equal(matchGlob('a/c.ts', 'a/**/c.ts'), true, '** matches zero segments');
    assert.equal(matchGlob('a/b/c.ts', 'a/*.ts'), false, '* stays in one segment');
    assert.equal(matchGlob('a/b.ts', 'a/*.ts'), true);
    assert.equal(matchGlob('a/bb.ts', 'a/?.ts'), false);
    assert.equal(matchGlob('dist/x/y.js', 'dist/'), true, 'a trailing slash means everything below');
    assert.equal(matchGlob('src/a+b(1).ts', 'src/a+b(1).ts'), true, 'regex characters are literal');
    assert.equal(matchGlob('./src/x.ts', '/src/*.ts'), true, 'leading ./ and / are ignored');
    assert.equal(globToRegExp('**').test('any/thing/at/all'), true);
  });

  // The syntax of https://code.visualstudio.com/docs/editor/glob-patterns, used by files.exclude.
  const cases: [glob: string, matches: string[], misses: string[]][] = [
    ['**/.git', ['.git', 'sub/.git'], ['.gitignore', 'sub/x.git']],
    ['**/*.js', ['a.js', 'src/deep/b.js', '.eslintrc.js', '.hidden/c.js'], ['a.jsx', 'a.ts']],
    ['**/*.{js,ts}', ['a.js', 'src/b.ts', '.config/c.ts'], ['a.tsx', 'a.json', 'a.{js,ts}']],
    ['{**/*.html,**/*.txt}', ['index.html', 'docs/a.txt'], ['a.md']],
    ['**/*.{pem,key}', ['certs/server.pem', '.ssh/id.key', 'server.pem'], ['server.pub', 'keys/readme.md']],
    ['example.[0-9]', ['example.0', 'example.9', 'sub/example.1'], ['example.a', 'example.10']],
    ['example.[!0-9]', ['example.a', 'example.b'], ['example.0', 'example.ab']],
    ['**/[a-c]*.txt', ['a.txt', 'notes/beta.txt', 'c1.txt'], ['d.txt', 'notes/zeta.txt']],
    ['src/**/secret?.json', ['src/secret1.json', 'src/a/b/secretX.json'], ['src/secret.json', 'lib/secret1.json', 'src/a/secret1/x.json']],
    ['!*.md', ['!a.md'], ['a.md', 'a.txt']],
  ];
  for (const [glob, matches, misses] of cases) {
    it(`reads ${glob} as VS Code does`, () => {
      for (const p of matches) assert.equal(matchGlob(p, glob), true, `${glob} should match ${p}`);
      for (const p of misses) assert.equal(matchGlob(p, glob), false, `${glob} should not match ${p}`);
    });
  }

  it('rejects a pattern picomatch cannot compile instead of throwing', () => {
    const { options, errors } = compileRedactOptions({ excludePaths: ['a'.repeat(70_000), '**/*.pem'] });
    assert.equal(errors.length, 1);
    assert.match(errors[0], /excludePaths/);
    assert.deepEqual(options.excludePaths, ['**/*.pem']);
  });

  it('expands each brace group into whole patterns, nested ones too', () => {
    assert.deepEqual(expandBraces('src/{a,b/{c,d}}.ts'), ['src/a.ts', 'src/b/c.ts', 'src/b/d.ts']);
    assert.deepEqual(expandBraces('{single}.ts'), ['{single}.ts'], 'a group without a comma is literal');
    assert.deepEqual(expandBraces('{a,b'), ['{a,b'], 'an unclosed group is literal');
  });

  it('excludes saves by braces and character classes through the setting', () => {
    const { options, errors } = compileRedactOptions({ excludePaths: ['**/*.{pem,key}', 'secrets/[!p]*'] });
    assert.deepEqual(errors, []);
    for (const p of ['certs/server.pem', 'a/.b/c.key', 'secrets/dev.yaml']) assert.equal(isExcludedPath(p, options), true, p);
    for (const p of ['certs/server.crt', 'secrets/prod.yaml']) assert.equal(isExcludedPath(p, options), false, p);
  });
});

describe('redactEvent', () => {
  const S = `token ${GHP}`;
  const R = 'token «redacted:github-token»';
  const t = { time: 1 };
  const drafts: [EventDraft, Record<string, unknown>][] = [
    [{ kind: 'session-start', ...t, focus: S, folders: ['app'], trusted: true, utcOffsetMinutes: 60 }, { focus: R }],
    [{ kind: 'session-end', ...t, focus: S, sessionType: 'feature' }, { focus: R }],
    [{ kind: 'commit', ...t, repo: '.', hash: 'abc', subject: S, authorTime: 1, operation: 'commit', files: [{ path: 'a.ts', added: 1, removed: 0 }], added: 1, removed: 0 }, { subject: R }],
    [{ kind: 'git-op', ...t, repo: '.', op: 'reset', message: S }, { message: R }],
    [{ kind: 'command', ...t, commandLine: `git push https://${GHP}@github.com/a/b`, confidence: 'high', exitCode: 0, start: 0, durationMs: 1, terminal: 'zsh' }, { commandLine: 'git push https://«redacted:github-token»@github.com/a/b' }],
    [{ kind: 'task', ...t, name: S, source: 'npm', start: 0, durationMs: 1, exitCode: 0 }, { name: R }],
    [{ kind: 'debug', ...t, name: S, type: 'node', start: 0, durationMs: 1 }, { name: R }],
    [{ kind: 'friction', ...t, title: S, detail: S, category: 'tooling', trigger: { eventId: 'e1', summary: S, exitCode: 1 } }, { title: R, detail: R, trigger: { eventId: 'e1', summary: R, exitCode: 1 } }],
    [{ kind: 'note', ...t, text: S, relatedEventId: 'e1' }, { text: R }],
    [{ kind: 'lesson', ...t, text: S }, { text: R }],
    [{ kind: 'notice', ...t, code: 'capture-error', message: S }, { message: R }],
    [{ kind: 'edit', ...t, targetId: 'e1', title: S, text: S, detail: S }, { title: R, text: R, detail: R }],
  ];

  for (const [draft, expected] of drafts) {
    it(`redacts the free text of a ${draft.kind} event`, () => {
      const out = redactEvent(draft);
      assert.notEqual(out, draft);
      assert.deepEqual(out, { ...draft, ...expected });
      assert.ok(!JSON.stringify(out).includes(GHP));
      assert.ok(JSON.stringify(draft).includes(GHP), 'the input is not mutated');
    });
  }

  it('returns the very same object when nothing needs redacting', () => {
    const clean: EventDraft[] = [
      ...drafts.map(([d]) => JSON.parse(JSON.stringify(d).split(GHP).join('clean')) as EventDraft),
      { kind: 'session-pause', time: 1 },
      { kind: 'session-resume', time: 1 },
      { kind: 'session-gap', time: 1, from: 0, to: 1 },
      { kind: 'idle', time: 1, from: 0, to: 1 },
      { kind: 'delete', time: 1, targetId: 'e1' },
    ];
    for (const d of clean) assert.equal(redactEvent(d), d, d.kind);
  });

  it('does not redact paths, even ones that look like assignments', () => {
    const saves: EventDraft = { kind: 'saves', time: 1, start: 0, count: 1, files: [{ path: 'config/API_KEY=abc.txt', count: 1 }] };
    const ops: EventDraft = { kind: 'file-op', time: 1, op: 'create', paths: [`notes/${GHP}.md`] };
    assert.equal(redactEvent(saves), saves);
    assert.equal(redactEvent(ops), ops);
  });

  it('applies the user patterns', () => {
    const { options } = compileRedactOptions({ extraPatterns: ['INTERNAL-\\d+'] });
    const note: EventDraft = { kind: 'note', time: 1, text: 'see INTERNAL-4242' };
    assert.deepEqual(redactEvent(note, options), { kind: 'note', time: 1, text: 'see «redacted:custom»' });
  });
});
