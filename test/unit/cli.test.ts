import assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { capturedIo, memoryFiles } from './cliTestIo';
import type { CapturedIo } from './cliTestIo';
import { edit, goodDoc, lineOf } from './validatorFixture';

const fakeIo = (files: Record<string, string>): CapturedIo => capturedIo(memoryFiles(files));

const bad = (): string => edit(goodDoc(), /\n3\. \*\*Slow feedback loop\*\*[^\n]*/, '');

describe('session-journal CLI', () => {
  it('exits 0 when every file passes and prints a summary', async () => {
    const io = fakeIo({ 'a.md': goodDoc(), 'b.md': goodDoc() });
    assert.equal(await main(['validate', 'a.md', 'b.md'], io), 0);
    assert.match(io.out, /^a\.md: 10 of 10 checks pass$/m);
    assert.match(io.out, /^2 files checked: 2 passed, 0 failed$/m);
    assert.equal(io.err, '');
  });

  it('exits 1 and prints file:line  rule  message when a rule fails', async () => {
    const io = fakeIo({ 'good.md': goodDoc(), 'bad.md': bad() });
    assert.equal(await main(['validate', 'good.md', 'bad.md'], io), 1);
    const line = lineOf(bad(), '### Friction Points');
    assert.ok(io.out.includes(`bad.md:${line}  friction-count  Only 2 friction points documented; at least 3 are needed.\n`), io.out);
    assert.match(io.out, /^bad\.md: 9 of 10 checks pass$/m);
    assert.match(io.out, /^2 files checked: 1 passed, 1 failed$/m);
  });

  it('prints exactly one JSON array with an object per file for --json', async () => {
    const io = fakeIo({ 'good.md': goodDoc(), 'bad.md': bad() });
    assert.equal(await main(['validate', '--json', 'good.md', 'bad.md'], io), 1);
    const parsed: unknown = JSON.parse(io.out);
    assert.ok(Array.isArray(parsed));
    assert.deepEqual(parsed, [
      { file: 'good.md', template: 'session', passed: true, findings: [] },
      {
        file: 'bad.md', template: 'session', passed: false,
        findings: [{
          rule: 'friction-count', message: 'Only 2 friction points documented; at least 3 are needed.',
          line: lineOf(bad(), '### Friction Points'), severity: 'error',
        }],
      },
    ]);
  });

  it('applies thresholds from --config', async () => {
    const io = fakeIo({ 'bad.md': bad(), 'cfg.json': '{ "minFrictionPoints": 2 }' });
    assert.equal(await main(['validate', 'bad.md', '--config', 'cfg.json'], io), 0);
    const eq = fakeIo({ 'bad.md': bad(), 'cfg.json': '{ "minFrictionPoints": 2 }' });
    assert.equal(await main(['validate', '--config=cfg.json', 'bad.md'], eq), 0);
  });

  it('exits 2 with a clear message for a bad or missing config', async () => {
    const invalid = fakeIo({ 'a.md': goodDoc(), 'cfg.json': '{ "minFrictionPoints": "three" }' });
    assert.equal(await main(['validate', 'a.md', '--config', 'cfg.json'], invalid), 2);
    assert.match(invalid.err, /config 'cfg\.json' is invalid:\n {2}"minFrictionPoints" must be a whole number/);
    const notJson = fakeIo({ 'a.md': goodDoc(), 'cfg.json': '{ nope' });
    assert.equal(await main(['validate', 'a.md', '--config', 'cfg.json'], notJson), 2);
    assert.match(notJson.err, /config 'cfg\.json' is not valid JSON/);
    const missing = fakeIo({ 'a.md': goodDoc() });
    assert.equal(await main(['validate', 'a.md', '--config', 'nope.json'], missing), 2);
    assert.match(missing.err, /cannot read config 'nope\.json': no such file/);
    assert.equal(missing.out, '');
  });

  it('exits 2 for a missing file, saying so, and still checks the others', async () => {
    const io = fakeIo({ 'a.md': goodDoc() });
    assert.equal(await main(['validate', 'x.md', 'a.md'], io), 2);
    assert.equal(io.err, "session-journal: cannot read 'x.md': no such file\n");
    assert.match(io.out, /^a\.md: 10 of 10 checks pass$/m);
    assert.match(io.out, /2 files checked: 1 passed, 0 failed, 1 unreadable/);
    const json = fakeIo({});
    assert.equal(await main(['validate', '--json', 'x.md'], json), 2);
    assert.deepEqual(JSON.parse(json.out), [{ file: 'x.md', passed: false, findings: [], error: 'no such file' }]);
  });

  it('exits 2 for usage errors', async () => {
    for (const args of [[], ['check', 'a.md'], ['validate'], ['validate', '--frobnicate', 'a.md'], ['validate', 'a.md', '--config']]) {
      const io = fakeIo({ 'a.md': goodDoc() });
      assert.equal(await main(args, io), 2, args.join(' '));
      assert.match(io.err, /^session-journal: .+\n\nUsage: session-journal validate FILE\.\.\./);
      assert.equal(io.out, '');
    }
  });

  it('names an unknown option, long or short, and exits 2', async () => {
    for (const [args, message] of [
      [['validate', '--frobnicate', 'a.md'], "unknown option '--frobnicate'"],
      [['validate', 'a.md', '-x'], "unknown option '-x'"],
      [['validate', '--json=yes', 'a.md'], "option '--json' takes no value"],
      [['validate', '--config', '--json', 'a.md'], '--config needs a file'],
      [['validate', '--config=', 'a.md'], '--config needs a file'],
    ] as const) {
      const io = fakeIo({ 'a.md': goodDoc() });
      assert.equal(await main(args, io), 2, args.join(' '));
      assert.ok(io.err.startsWith(`session-journal: ${message}\n\nUsage:`), io.err);
    }
  });

  it('reads a file whose name starts with a dash after --', async () => {
    const io = fakeIo({ '-notes.md': goodDoc() });
    assert.equal(await main(['validate', '--json', '--', '-notes.md'], io), 0);
    assert.deepEqual(JSON.parse(io.out), [{ file: '-notes.md', template: 'session', passed: true, findings: [] }]);
  });

  it('prints help and version with exit 0', async () => {
    const help = fakeIo({});
    assert.equal(await main(['--help'], help), 0);
    assert.match(help.out, /Usage: session-journal validate FILE\.\.\. \[--json\] \[--config FILE\]/);
    const helpDespiteErrors = fakeIo({});
    assert.equal(await main(['validate', '--frobnicate', '-h'], helpDespiteErrors), 0, 'help wins over a usage error');
    assert.match(helpDespiteErrors.out, /^Usage:/);
    const version = fakeIo({});
    assert.equal(await main(['--version'], version), 0);
    assert.match(version.out, /^\d+\.\d+\.\d+\n$/);
  });
});
