import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { capturedIo } from './cliTestIo';
import type { CapturedIo } from './cliTestIo';
import { validateRetrospective } from '../../src/core/validator/validate';
import { fixturePath } from './agentFixtures';

interface FakeIo extends CapturedIo {
  written: Map<string, string>;
}

function fakeIo(): FakeIo {
  const written = new Map<string, string>();
  return Object.assign(capturedIo({
    readFile: async (path: string) => readFileSync(path.startsWith('/') ? path : fixturePath(path), 'utf8'),
    writeFile: async (path: string, text: string) => { written.set(path, text); },
    exists: (path: string) => written.has(path),
    utcOffsetMinutes: () => 60,
    home: '/home/dev',
  }), { written });
}

const CLAUDE = 'claude-code/basic-session.jsonl';
const INTERRUPTED = 'claude-code/rejected-interrupted-compacted.jsonl';
const CODEX = 'codex/rollout-2026-03-05T14-00-00-unified-exec.jsonl';

const words = (n: number, first: string): string => `${first} ${Array.from({ length: n }, (_, i) => ['I', 'read', 'the', 'failing', 'test', 'and', 'watched', 'the', 'agent', 'work'][i % 10]).join(' ')}.`;

/** What only the author knows, written where the draft's hints ask for it. */
function fillAuthorParts(draft: string): string {
  const bySection: [RegExp, string][] = [
    [/(\*\*Primary Focus\*\*: )<!-- hint:[^>]*-->/, '$1Fix the failing date test'],
    [/(\*\*Session Type\*\*: )<!-- hint:[^>]*-->/, '$1bug fix'],
    [/(## Session Summary\n\n)<!-- hint:[^>]*-->/, '$1The agent fixed the date helper after one failed test run; the suite is green.'],
    [/(## (?:AI|Session) Diary\n\n)<!-- hint:[^>]*-->/, `$1${words(170, 'I asked the agent to fix the test.')}`],
    [/(## What Went Well\n\n)<!-- hint:[^>]*-->/, '$1- The failing test named the broken helper.'],
    [/(## What Could Improve\n\n)<!-- hint:[^>]*-->/, '$1- The agent tried an edit before reading the file.'],
    [/(## Honest Feedback\n\n)<!-- hint:[^>]*-->/, `$1${words(120, 'I waited more than I worked.')}`],
    [/(### Friction Points\n\n)<!-- hint:[^>]*-->/, '$11. **Edit failed** — the agent edited a string that was not in the file, a retry.\n2. **Test failed first** — the date helper was off by one day in UTC+1.\n3. **Token in the prompt** — I pasted a token; redaction caught it.'],
    [/(## Lessons Learned\n\n)<!-- hint:[^>]*-->/, '$1- Run the failing test before asking an agent to change the code it covers.'],
    [/(## Next Steps\n\n)<!-- hint:[^>]*-->/, '$1- [ ] Add a test of the date helper at midnight in UTC+14 and UTC-12.'],
  ];
  let out = draft;
  for (const [pattern, text] of bySection) {
    assert.match(out, pattern, `the draft asks for ${String(pattern)}`);
    out = out.replace(pattern, text);
  }
  return out;
}

describe('session-journal draft --transcript', () => {
  it('drafts an agent session with its real times, prompts, failures, files and figures, and passes the rules once the author\'s parts are written', async () => {
    const io = fakeIo();
    assert.equal(await main(['draft', '--transcript', CLAUDE], io), 0);
    const draft = io.out;
    assert.match(draft, /\*\*Start Time\*\*: 10:00 \(UTC\+01:00\)/);
    assert.match(draft, /\*\*Agent\*\*: Claude Code \(claude-sonnet-4-5-20250929\)/);
    assert.match(draft, /## AI Diary/, 'an agent session is the agent\'s to write up');
    assert.match(draft, /\| 10:00 \| Prompt to Claude Code: `Fix the failing date test\. My token is «redacted:github-token»/);
    assert.match(draft, /\| `npm test -- dates` \| 1 \| 10:00 \| 1 \|/);
    assert.match(draft, /\| `src\/dates\.ts` \| 2 \| 1 \|/);
    assert.match(draft, /\| Failed Tool Calls \| 2 \(Bash 1, Edit 1\) \|/);
    assert.ok(!draft.includes('ghp_'), 'redacted');
    const unfilled = validateRetrospective(draft);
    assert.equal(unfilled.passed, false, 'the hints are not an answer');
    const filled = fillAuthorParts(draft);
    const result = validateRetrospective(filled);
    assert.deepEqual(result.findings.map((f) => `${f.rule}: ${f.message}`), []);
  });

  it('drafts Codex sessions and interrupted, compacted ones too, each passing once filled', async () => {
    for (const file of [CODEX, INTERRUPTED]) {
      const io = fakeIo();
      assert.equal(await main(['draft', '--transcript', file], io), 0, io.err);
      const result = validateRetrospective(fillAuthorParts(io.out));
      assert.deepEqual(result.findings.map((f) => `${file} ${f.rule}: ${f.message}`), []);
    }
    const io = fakeIo();
    await main(['draft', '--transcript', INTERRUPTED], io);
    assert.match(io.out, /was interrupted/);
    assert.match(io.out, /\| Interruptions \| [1-9]/);
  });

  it('writes into --out under the editor\'s file name, never over an existing draft', async () => {
    const io = fakeIo();
    assert.equal(await main(['draft', '--transcript', CLAUDE, '--out', '/tmp/retro'], io), 0);
    assert.equal(await main(['draft', '--transcript', CLAUDE, '--out', '/tmp/retro'], io), 0);
    assert.deepEqual([...io.written.keys()], ['/tmp/retro/2026-03-02_1000_claude-code-session.md', '/tmp/retro/2026-03-02_1000_claude-code-session-2.md']);
    assert.equal(io.out, '/tmp/retro/2026-03-02_1000_claude-code-session.md\n/tmp/retro/2026-03-02_1000_claude-code-session-2.md\n');
  });

  it('exits 2 on usage errors and unreadable files, 1 for a file that holds no agent session', async () => {
    assert.equal(await main(['draft'], fakeIo()), 2);
    assert.equal(await main(['draft', '--transcript'], fakeIo()), 2);
    assert.equal(await main(['draft', '--transcript', 'no/such.jsonl'], fakeIo()), 2);
    const dir = mkdtempSync(join(tmpdir(), 'sj-draft-'));
    try {
      const empty = join(dir, 'notes.jsonl');
      writeFileSync(empty, '{"hello":"world"}\n');
      const io = fakeIo();
      assert.equal(await main(['draft', '--transcript', empty], io), 1);
      assert.match(io.err, /holds no agent session/);
      assert.deepEqual(readdirSync(dir), ['notes.jsonl']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
