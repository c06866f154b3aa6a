import assert from 'node:assert/strict';
import type { AgentEvent } from '../../src/core/agent/agentEvent';
import { readCodexOutput } from '../../src/core/agent/codexOutput';
import { summarizePatch } from '../../src/core/agent/codexPatch';
import { importTranscript } from '../../src/core/agent/transcriptImport';
import { byKey, importFixture, pick } from './agentFixtures';

const SHELL = 'codex/rollout-2026-03-04T09-00-00-shell-era.jsonl';
const UNIFIED = 'codex/rollout-2026-03-05T14-00-00-unified-exec.jsonl';
const FORKED = 'codex/rollout-2026-03-04T10-30-00-forked.jsonl';

const rollout = (...records: unknown[]): Uint8Array => new TextEncoder().encode(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
const at = (s: number): string => new Date(Date.UTC(2026, 2, 4, 8, 0, s)).toISOString();
const line = (s: number, type: string, payload: Record<string, unknown>): Record<string, unknown> => ({ timestamp: at(s), type, payload });
const META = line(0, 'session_meta', { id: 'sess-c', cwd: '/w', cli_version: '0.50.0' });

describe('Codex CLI transcript parser', () => {
  describe('on the fixtures', () => {
    const cases: { file: string; key: string; expect: Partial<AgentEvent> }[] = [
      { file: SHELL, key: 'codex:tool:call_sh1', expect: {
        kind: 'tool', tool: 'shell', command: 'npm test -- dates', time: '2026-03-04T08:00:07.500Z', end: '2026-03-04T08:00:11.000Z',
        status: 'failed', exitCode: 1, durationMs: 3200, model: 'gpt-5-codex', sessionId: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      } },
      { file: SHELL, key: 'codex:tool:call_patch1', expect: {
        tool: 'apply_patch', status: 'ok', created: true, added: 5, removed: 1,
        paths: ['/home/dev/demo/src/dates.ts', '/home/dev/demo/test/dates.extra.test.ts'],
      } },
      { file: SHELL, key: 'codex:tool:call_sh2', expect: { command: 'npm test', status: 'ok', exitCode: 0, durationMs: 5400 } },
      { file: SHELL, key: 'codex:tool:call_sh3', expect: { command: 'git push --force origin main', status: 'rejected', exitCode: null, statusLine: 'exec command rejected by user' } },
      // The program printed "Process exited with code 0" itself: only the header counts.
      { file: UNIFIED, key: 'codex:tool:call_ex1', expect: { tool: 'exec_command', command: 'npm run build', status: 'failed', exitCode: 2, durationMs: 2500 } },
      { file: UNIFIED, key: 'codex:tool:call_ex2', expect: { tool: 'shell_command', command: 'ls src', status: 'ok', exitCode: 0, durationMs: 100, model: 'gpt-5.1-codex' } },
      { file: UNIFIED, key: 'codex:tool:call_ex3', expect: { command: 'npm run dev', status: 'unknown', exitCode: null } },
      { file: UNIFIED, key: 'codex:tool:call_ex4', expect: { command: 'sleep 600 && npm run e2e', status: 'interrupted', exitCode: null, end: '2026-03-05T13:00:40.000Z' } },
      { file: UNIFIED, key: 'codex:interrupt:0199b2c3-d4e5-7f60-9a1b-2c3d4e5f6a7b:2026-03-05T13:00:40.000Z', expect: { kind: 'interrupt', ids: { turnId: 'turn-1' } } },
      { file: UNIFIED, key: 'codex:tool:call_patch2', expect: { tool: 'apply_patch', status: 'failed', paths: undefined, statusLine: 'apply_patch verification failed: Failed to find expected lines in src/app.ts' } },
      { file: FORKED, key: 'codex:tool:call_ls1', expect: { tool: 'local_shell', command: 'npm install date-fns', status: 'ok', exitCode: 0 } },
    ];
    for (const c of cases) {
      it(`${c.file.replace(/rollout-[^-]+-\d\d-\d\d-\d\dT[\d-]+-/, '')} ${c.key.slice(0, 40)}: ${JSON.stringify(c.expect).slice(0, 80)}`, () => {
        assert.deepEqual(pick(byKey(importFixture(c.file).events, c.key), c.expect), c.expect);
      });
    }

    it('gives each prompt once, without Codex\'s own instructions and environment', () => {
      const prompts = (file: string): (string | undefined)[] => importFixture(file).events.filter((e) => e.kind === 'prompt').map((e) => e.text);
      assert.deepEqual(prompts(SHELL), ['Fix the date test; the staging key is «redacted:openai-key»']);
      assert.deepEqual(prompts(UNIFIED), ['Build the project and start the dev server', 'Fix the type error in app.ts']);
    });

    it('records one compaction for a compacted checkpoint and its event', () => {
      const compactions = importFixture(UNIFIED).events.filter((e) => e.kind === 'compaction');
      assert.deepEqual(compactions.map((e) => e.time), ['2026-03-05T13:20:00.000Z']);
    });

    it('puts each response\'s token usage on a reply, so the replies add up to the session total', () => {
      const replies = importFixture(SHELL).events.filter((e) => e.kind === 'reply');
      assert.deepEqual(replies.map((e) => e.tokens), [
        { input: 1500, output: 570, cacheRead: 17000 },
        { input: 200, output: 60, cacheRead: 9800 },
      ]);
      // Every token_count's input (cached included) lands on exactly one reply.
      const sum = replies.reduce((s, e) => s + (e.tokens?.input ?? 0) + (e.tokens?.cacheRead ?? 0), 0);
      assert.equal(sum, 9000 + 9500 + 10000);
    });

    it('reports the unknown record type and the malformed line, and reads on', () => {
      const result = importFixture(SHELL);
      assert.equal(result.agent, 'codex');
      assert.deepEqual(result.problems.map((p) => [p.line, p.reason.split(' (')[0]]), [[20, "ignored: unknown record type 'future_record'"], [27, 'skipped: not JSON']]);
      assert.deepEqual(importFixture(UNIFIED).problems, [{ line: 19, reason: 'skipped: torn last line (no newline, not complete JSON)' }]);
    });

    it('gives the same events whatever the chunks a live tail reads', () => {
      const whole = importFixture(UNIFIED).events;
      for (const size of [1, 29, 1000]) assert.deepEqual(importFixture(UNIFIED, size).events, whole, `chunks of ${size}`);
    });

    it('keys a forked session\'s copied history as the original\'s, so it is recorded once', () => {
      const original = new Set(importFixture(SHELL).events.map((e) => e.key));
      const forked = importFixture(FORKED).events;
      const copied = forked.filter((e) => original.has(e.key)).map((e) => e.key);
      assert.deepEqual(copied, ['codex:prompt:2026-03-04T08:00:05.002Z:6e23aee4', 'codex:tool:call_sh1']);
      assert.equal(forked.length, 4);
    });

    it('never keeps a secret or the output of a command', () => {
      const json = JSON.stringify([SHELL, UNIFIED].flatMap((f) => importFixture(f).events));
      assert.ok(!json.includes('sk-proj-AbCd'));
      assert.ok(!json.includes('5 passing'));
      assert.ok(!json.includes('Exit code: 0 (printed'));
    });
  });

  describe('tool calls', () => {
    const call = (s: number, name: string, args: unknown): Record<string, unknown> => line(s, 'response_item', { type: 'function_call', name, arguments: JSON.stringify(args), call_id: 'c1' });
    const output = (s: number, out: unknown): Record<string, unknown> => line(s, 'response_item', { type: 'function_call_output', call_id: 'c1', output: out });
    const table: { name: string; records: Record<string, unknown>[]; expect: Partial<AgentEvent> }[] = [
      { name: 'an argv shell call shows the script of bash -lc', records: [call(1, 'shell', { command: ['bash', '-lc', 'make all'] }), output(4, '{"output":"","metadata":{"exit_code":0,"duration_seconds":2.75}}')],
        expect: { command: 'make all', exitCode: 0, status: 'ok', durationMs: 2750, time: at(1), end: at(4) } },
      { name: 'another argv is joined', records: [call(1, 'shell', { command: ['git', 'status', '--short'] }), output(2, 'Exit code: 0\nWall time: 0 seconds\nOutput:\n')],
        expect: { command: 'git status --short', exitCode: 0, status: 'ok' } },
      { name: 'an output with no header leaves the exit code unknown', records: [call(1, 'shell_command', { command: 'make' }), output(2, 'make: Nothing to be done. Exit code: 0')],
        expect: { command: 'make', exitCode: null, status: 'unknown' } },
      { name: 'an output object saying success false is a failure', records: [call(1, 'exec_command', { cmd: 'x' }), output(2, { content: 'sandbox denied', success: false })],
        expect: { exitCode: null, status: 'failed', statusLine: 'sandbox denied' } },
      { name: 'a secret in a command line is redacted', records: [call(1, 'exec_command', { cmd: 'GITHUB_TOKEN=ghp_Zq8RkT2mW9xV4bN7cJ5hL3pD6fG1sA0yE2uI gh pr list' }), output(2, 'Process exited with code 0\nOutput:\n')],
        expect: { command: 'GITHUB_TOKEN=«redacted:github-token» gh pr list', exitCode: 0 } },
      { name: 'a non-shell tool is ok when its output does not say otherwise', records: [call(1, 'view_image', { path: 'a.png' }), output(2, 'attached')],
        expect: { tool: 'view_image', status: 'ok', command: undefined, exitCode: undefined } },
      { name: 'a function_call apply_patch of older versions', records: [call(1, 'apply_patch', { input: '*** Begin Patch\n*** Add File: a.txt\n+one\n+two\n*** End Patch' }), output(2, 'Success. Updated the following files:\nA a.txt')],
        expect: { tool: 'apply_patch', status: 'ok', paths: ['a.txt'], added: 2, removed: 0, created: true } },
    ];
    for (const c of table) {
      it(c.name, () => {
        const { events } = importTranscript(rollout(META, ...c.records));
        assert.deepEqual(pick(byKey(events, 'codex:tool:c1'), c.expect), c.expect);
      });
    }

    it('records two compactions separated by tool calls as two', () => {
      const { events } = importTranscript(rollout(META,
        line(1, 'compacted', { message: 'summary' }), line(1, 'event_msg', { type: 'context_compacted' }),
        call(2, 'shell_command', { command: 'ls' }), output(3, 'Exit code: 0\nOutput:\n'),
        line(4, 'compacted', { message: 'summary' }), line(4, 'event_msg', { type: 'context_compacted' }),
      ));
      assert.deepEqual(events.map((e) => [e.kind, e.time]), [['compaction', at(1)], ['tool', at(2)], ['compaction', at(4)]]);
    });

    it('pairs by call_id, not by order, and reads a repeated call once', () => {
      const records = [
        line(1, 'response_item', { type: 'function_call', name: 'shell_command', arguments: '{"command":"a"}', call_id: 'A' }),
        line(2, 'response_item', { type: 'function_call', name: 'shell_command', arguments: '{"command":"b"}', call_id: 'B' }),
        line(3, 'response_item', { type: 'function_call', name: 'shell_command', arguments: '{"command":"c"}', call_id: 'C' }),
        line(4, 'response_item', { type: 'function_call_output', call_id: 'B', output: 'Exit code: 1\nOutput:\n' }),
        line(5, 'response_item', { type: 'function_call', name: 'shell_command', arguments: '{"command":"a"}', call_id: 'A' }),
        line(6, 'response_item', { type: 'function_call_output', call_id: 'A', output: 'Exit code: 0\nOutput:\n' }),
        line(7, 'response_item', { type: 'function_call_output', call_id: 'C', output: 'Exit code: 3\nOutput:\n' }),
      ];
      const { events } = importTranscript(rollout(META, ...records));
      assert.deepEqual(events.map((e) => [e.command, e.time, e.end, e.exitCode]), [['b', at(2), at(4), 1], ['a', at(1), at(6), 0], ['c', at(3), at(7), 3]]);
    });
  });

  describe('output and patch readers', () => {
    const outputs: [string, unknown, Partial<ReturnType<typeof readCodexOutput>>][] = [
      ['metadata JSON', '{"output":"hi","metadata":{"exit_code":3,"duration_seconds":0.5}}', { exitCode: 3, durationMs: 500, text: 'hi', running: false }],
      ['unified exec header', 'Chunk ID: 1\nWall time: 1.5 seconds\nProcess exited with code 127\nOriginal token count: 3\nOutput:\nnot found', { exitCode: 127, durationMs: 1500, text: 'not found' }],
      ['still running', 'Chunk ID: 1\nWall time: 10 seconds\nProcess running with session ID 42\nOutput:\n...', { exitCode: null, running: true }],
      ['exit code only in the program output', 'Output:\nExit code: 0', { exitCode: null }],
      ['header without output', 'Exit code: 5\nWall time: 0.2 seconds', { exitCode: 5, durationMs: 200 }],
      ['plain text', 'Exit code: 9 is what the docs say', { exitCode: null }],
      ['content items', [{ type: 'input_text', text: 'Exit code: 0\nOutput:\n' }], { exitCode: 0 }],
      ['not JSON though it starts with a brace', '{ not json', { exitCode: null, text: '{ not json' }],
    ];
    for (const [name, output, expect] of outputs) {
      it(`reads ${name}`, () => {
        const got = readCodexOutput(output) as unknown as Record<string, unknown>;
        assert.deepEqual(Object.fromEntries(Object.keys(expect).map((k) => [k, got[k]])), expect);
      });
    }

    it('counts a patch\'s files and lines, following a move', () => {
      assert.deepEqual(summarizePatch('*** Begin Patch\n*** Update File: a.ts\n*** Move to: b.ts\n@@\n-x\n+y\n+z\n*** Delete File: c.ts\n*** End Patch'), {
        paths: ['b.ts', 'c.ts'], added: 2, removed: 1, created: false,
      });
    });
  });
});
