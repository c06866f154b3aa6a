import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { capturedIo } from './cliTestIo';
import type { CapturedIo } from './cliTestIo';
import { fixturePath } from './agentFixtures';

/** The CLI over real fixture files, read through `readFile` as text like the validate tests do. */
const fixtureIo = (): CapturedIo => capturedIo({ readFile: async (path: string) => readFileSync(fixturePath(path), 'utf8') });

interface JsonEvent {
  time: string;
  agent: string;
  kind: string;
  key: string;
  tool?: string;
  status?: string;
  exitCode?: number | null;
}

const CLAUDE = 'claude-code/basic-session.jsonl';
const RESUMED = 'claude-code/resumed-session.jsonl';
const CODEX = 'codex/rollout-2026-03-05T14-00-00-unified-exec.jsonl';

describe('session-journal agent-events', () => {
  it('prints one JSON array of the events of each file, recognizing the agent from the content', async () => {
    const io = fixtureIo();
    assert.equal(await main(['agent-events', '--json', CLAUDE, CODEX], io), 0);
    const events = JSON.parse(io.out) as JsonEvent[];
    assert.ok(Array.isArray(events));
    assert.deepEqual([...new Set(events.map((e) => e.agent))], ['claude-code', 'codex']);
    const bash = events.find((e) => e.key === 'claude-code:tool:toolu_01Bash');
    assert.deepEqual(bash && { time: bash.time, tool: bash.tool, status: bash.status, exitCode: bash.exitCode }, {
      time: '2026-03-02T09:00:03.900Z', tool: 'Bash', status: 'failed', exitCode: 1,
    });
    const times = events.map((e) => e.time);
    assert.deepEqual(times, [...times].sort(), 'in time order');
  });

  it('reports skipped and unknown lines on stderr with their line numbers and exits 0', async () => {
    const io = fixtureIo();
    assert.equal(await main(['agent-events', CLAUDE, CODEX], io), 0);
    // The parser's own wording of the JSON error varies with the Node version.
    assert.deepEqual(io.err.split('\n').map((l) => l.replace(/ \(.*\)$/, '')), [
      `${CLAUDE}:19: ignored: unknown record type 'future-thing'`,
      `${CLAUDE}:21: skipped: not JSON`,
      `${CODEX}:19: skipped: torn last line`,
      '',
    ]);
  });

  it('prints a readable table, one row per event', async () => {
    const io = fixtureIo();
    assert.equal(await main(['agent-events', CLAUDE], io), 0);
    const rows = io.out.trimEnd().split('\n');
    assert.equal(rows[rows.length - 1], '10 events');
    assert.match(io.out, /^2026-03-02T09:00:03\.900Z {2}claude-code {2}tool Bash +failed +\$ npm test -- dates {2}exit 1 {2}7\.8s {2}— Exit code 1$/m);
    assert.match(io.out, /^2026-03-02T09:00:21\.000Z {2}claude-code {2}tool Write +ok +0\.5s {2}\/home\/dev\/demo\/test\/dates\.extra\.test\.ts {2}\+5 -0 \(created\)$/m);
    assert.match(io.out, /^2026-03-02T09:00:00\.000Z {2}claude-code {2}prompt +Fix the failing date test\. My token is «redacted:github-token» if you need to push\.$/m);
  });

  it('prints each event once across a session and its resumed copy', async () => {
    const io = fixtureIo();
    assert.equal(await main(['agent-events', '--json', CLAUDE, RESUMED], io), 0);
    const keys = (JSON.parse(io.out) as JsonEvent[]).map((e) => e.key);
    assert.equal(keys.length, new Set(keys).size);
    assert.equal(keys.filter((k) => k === 'claude-code:u-001').length, 1);
    assert.ok(keys.includes('claude-code:s-001'));
  });

  it('exits 2 when a file cannot be read, and still prints the others', async () => {
    const io = fixtureIo();
    assert.equal(await main(['agent-events', '--json', 'nope.jsonl', CODEX], io), 2);
    assert.match(io.err, /^session-journal: cannot read 'nope\.jsonl': no such file$/m);
    assert.ok((JSON.parse(io.out) as JsonEvent[]).length > 0);
  });

  it('says so when a file is no transcript it knows', async () => {
    const io = fixtureIo();
    io.readFile = async () => '{"hello":"world"}\n';
    assert.equal(await main(['agent-events', 'other.jsonl'], io), 0);
    assert.equal(io.err, 'other.jsonl: no Claude Code or Codex record found: not a transcript this version reads\n');
    assert.equal(io.out, 'no agent events\n');
  });

  it('exits 2 for usage errors, and documents the subcommand in --help', async () => {
    for (const [args, message] of [
      [['agent-events'], 'no transcript files given'],
      [['agent-events', '--config', 'x', 'a.jsonl'], "unknown option '--config'"],
      [['agent-events', '--json=1', 'a.jsonl'], "option '--json' takes no value"],
    ] as const) {
      const io = fixtureIo();
      assert.equal(await main(args, io), 2, args.join(' '));
      assert.ok(io.err.startsWith(`session-journal: ${message}\n\nUsage:`), io.err);
    }
    const help = fixtureIo();
    assert.equal(await main(['--help'], help), 0);
    assert.match(help.out, /^ {7}session-journal agent-events FILE\.\.\. \[--json\]$/m);
  });

  it('runs as a real process on real files', function () {
    this.timeout(60_000);
    const root = join(__dirname, '..', '..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'sessionJournal.ts'), 'agent-events', '--json', fixturePath(CODEX), 'missing.jsonl'], {
      cwd: root, encoding: 'utf8',
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /unified-exec\.jsonl:19: skipped: torn last line/);
    assert.match(r.stderr, /cannot read 'missing\.jsonl': no such file/);
    assert.equal((JSON.parse(r.stdout) as JsonEvent[]).filter((e) => e.kind === 'tool').length, 5);
  });
});
