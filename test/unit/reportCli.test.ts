import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readdir, readFile } from 'node:fs/promises';
import { main } from '../../src/cli/main';
import { capturedIo } from './cliTestIo';
import type { CapturedIo } from './cliTestIo';

const ROOT = path.join(__dirname, '..', 'fixtures', 'report');

/** The real file system, as dist/cli.js wires it, with the output captured. */
const diskIo = (): CapturedIo => capturedIo({
  readFile: (p) => readFile(p, 'utf8'),
  readDir: async (p) => (await readdir(p, { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() })),
});

describe('session-journal report', () => {
  const alice = path.join(ROOT, 'alice');
  const bob = path.join(ROOT, 'bob');

  it('writes the Markdown report of every folder given, one source per folder', async () => {
    const io = diskIo();
    assert.equal(await main(['report', alice, `${bob}/`], io), 0);
    assert.equal(io.err, '');
    assert.match(io.out, /^# Team Session Report\n/);
    assert.ok(io.out.includes(`3 retrospectives from ${alice}, ${bob}, 2026-11-16 to 2026-11-25.`), io.out.slice(0, 300));
    assert.ok(io.out.includes(`- 2026-11-16, ${alice}: \`${path.join(alice, 'retrospectives/sessions/2026-11-16-0900-csv-export.md')}\``));
    assert.match(io.out, /```mermaid\nxychart-beta/);
  });

  it('prints the figures as JSON with --json, and honours --since', async () => {
    const io = diskIo();
    assert.equal(await main(['report', '--json', '--since', '2026-11-24', alice, bob], io), 0);
    const report = JSON.parse(io.out) as { retrospectives: number; since: string; carriedOver: unknown; validation: unknown };
    assert.equal(report.since, '2026-11-24');
    assert.equal(report.retrospectives, 2);
    assert.deepEqual(report.carriedOver, { done: 2, total: 4, retrospectives: 2 });
    assert.deepEqual(report.validation, { passed: 0, total: 2, fromChecklist: 1, validatedNow: 1 });
  });

  it('reads the current folder when none is given, skipping hidden folders and node_modules', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-report-'));
    try {
      const retro = fs.readFileSync(path.join(alice, 'retrospectives/sessions/2026-11-16-0900-csv-export.md'), 'utf8');
      for (const dir of ['.git', 'node_modules/pkg', 'docs']) fs.mkdirSync(path.join(tmp, dir), { recursive: true });
      fs.writeFileSync(path.join(tmp, '.git', 'a.md'), retro);
      fs.writeFileSync(path.join(tmp, 'node_modules/pkg', 'b.md'), retro);
      fs.writeFileSync(path.join(tmp, 'docs', 'c.md'), retro);
      const io = diskIo();
      const cwd = process.cwd();
      process.chdir(tmp);
      try {
        assert.equal(await main(['report', '--json'], io), 0);
      } finally {
        process.chdir(cwd);
      }
      const report = JSON.parse(io.out) as { retrospectives: number; sources: string[]; frictionPerSession: { file: string }[] };
      assert.equal(report.retrospectives, 1);
      assert.deepEqual(report.sources, ['.']);
      assert.deepEqual(report.frictionPerSession.map((s) => s.file), ['docs/c.md']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('exits 2 for a folder it cannot read, a bad date or an unknown option', async () => {
    let io = diskIo();
    assert.equal(await main(['report', path.join(ROOT, 'nobody')], io), 2);
    assert.match(io.err, /cannot read '.*nobody': no such file/);
    io = diskIo();
    assert.equal(await main(['report', '--since', '2026-13-01'], io), 2);
    assert.match(io.err, /--since needs a date \(YYYY-MM-DD\), not '2026-13-01'/);
    io = diskIo();
    assert.equal(await main(['report', '--since'], io), 2);
    assert.match(io.err, /--since needs a date/);
    io = diskIo();
    assert.equal(await main(['report', '--config', 'x.json'], io), 2);
    assert.match(io.err, /unknown option '--config'/);
    assert.equal(io.out, '');
  });

  it('is listed in the help', async () => {
    const io = diskIo();
    assert.equal(await main(['--help'], io), 0);
    assert.match(io.out, /session-journal report \[FOLDER\.\.\.\] \[--json\] \[--since DATE\]/);
  });
});
