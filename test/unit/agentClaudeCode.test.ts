import assert from 'node:assert/strict';
import type { AgentEvent } from '../../src/core/agent/agentEvent';
import { ClaudeCodeParser } from '../../src/core/agent/claudeCode';
import { importTranscript } from '../../src/core/agent/transcriptImport';
import { MAX_AGENT_TEXT } from '../../src/core/agent/safeText';
import { byKey, fixtureBytes, importFixture, pick } from './agentFixtures';

const BASIC = 'claude-code/basic-session.jsonl';
const REJECTED = 'claude-code/rejected-interrupted-compacted.jsonl';
const RESUMED = 'claude-code/resumed-session.jsonl';

const lines = (...records: unknown[]): Uint8Array => new TextEncoder().encode(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
const at = (s: number): string => new Date(Date.UTC(2026, 2, 2, 9, 0, s)).toISOString();
const common = (uuid: string, s: number): Record<string, unknown> => ({ uuid, sessionId: 'sess-1', timestamp: at(s), cwd: '/w', isSidechain: false });
const prompt = (uuid: string, s: number, content: unknown): Record<string, unknown> => ({ type: 'user', ...common(uuid, s), message: { role: 'user', content } });
const toolUse = (uuid: string, s: number, id: string, name: string, input: Record<string, unknown>): Record<string, unknown> => ({
  type: 'assistant', ...common(uuid, s), requestId: `req-${uuid}`,
  message: { id: `msg-${uuid}`, model: 'claude-opus-4-1', content: [{ type: 'tool_use', id, name, input }], usage: { input_tokens: 3, output_tokens: 5 } },
});
const toolResult = (uuid: string, s: number, id: string, content: unknown, extra: Record<string, unknown> = {}, isError?: boolean): Record<string, unknown> => ({
  type: 'user', ...common(uuid, s), message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content, ...(isError === undefined ? {} : { is_error: isError }) }] }, ...extra,
});

describe('Claude Code transcript parser', () => {
  describe('on the fixtures', () => {
    const cases: { file: string; key: string; expect: Partial<AgentEvent> }[] = [
      { file: BASIC, key: 'claude-code:u-001', expect: { kind: 'prompt', time: '2026-03-02T09:00:00.000Z', sessionId: '7f3c2a10-5b7e-4c1e-9a55-0e2f5c1d9b01', cwd: '/home/dev/demo' } },
      { file: BASIC, key: 'claude-code:a-002:0', expect: { kind: 'reply', model: 'claude-sonnet-4-5-20250929', tokens: { input: 12, output: 310, cacheRead: 15000, cacheWrite: 1200 } } },
      // The Bash call of a multi-tool turn whose result comes after the next call's: paired by id, not by order.
      { file: BASIC, key: 'claude-code:tool:toolu_01Bash', expect: {
        kind: 'tool', tool: 'Bash', command: 'npm test -- dates', time: '2026-03-02T09:00:03.900Z', end: '2026-03-02T09:00:11.650Z',
        status: 'failed', exitCode: 1, statusLine: 'Exit code 1',
      } },
      { file: BASIC, key: 'claude-code:tool:toolu_02Read', expect: { tool: 'Read', status: 'ok', time: '2026-03-02T09:00:04.000Z', end: '2026-03-02T09:00:04.300Z' } },
      { file: BASIC, key: 'claude-code:tool:toolu_03Edit', expect: { tool: 'Edit', status: 'ok', paths: ['/home/dev/demo/src/dates.ts'], added: 2, removed: 1 } },
      { file: BASIC, key: 'claude-code:tool:toolu_04Edit', expect: { tool: 'Edit', status: 'failed', statusLine: 'String to replace not found in file.', paths: undefined, added: undefined } },
      { file: BASIC, key: 'claude-code:tool:toolu_05Write', expect: { tool: 'Write', status: 'ok', created: true, added: 5, removed: 0, paths: ['/home/dev/demo/test/dates.extra.test.ts'] } },
      { file: BASIC, key: 'claude-code:tool:toolu_06Multi', expect: { tool: 'MultiEdit', status: 'ok', added: 2, removed: 2, paths: ['/home/dev/demo/README.md'] } },
      { file: BASIC, key: 'claude-code:tool:toolu_07Bash', expect: { tool: 'Bash', status: 'ok', exitCode: 0, end: '2026-03-02T09:00:33.250Z' } },
      { file: REJECTED, key: 'claude-code:tool:toolu_10Rm', expect: { tool: 'Bash', status: 'rejected', exitCode: null } },
      { file: REJECTED, key: 'claude-code:r-003', expect: { kind: 'interrupt', time: '2026-03-03T14:00:09.100Z' } },
      { file: REJECTED, key: 'claude-code:tool:toolu_12Grep', expect: { tool: 'Grep', status: 'ok', sidechain: true } },
      { file: REJECTED, key: 'claude-code:tool:toolu_11Task', expect: { tool: 'Task', status: 'ok', end: '2026-03-03T14:00:30.000Z' } },
      { file: REJECTED, key: 'claude-code:tool:toolu_13Dev', expect: { tool: 'Bash', status: 'interrupted', exitCode: null, command: 'rm -rf dist && npm run dev' } },
      { file: REJECTED, key: 'claude-code:r-007', expect: { kind: 'interrupt' } },
      { file: REJECTED, key: 'claude-code:r-c1', expect: { kind: 'compaction', trigger: 'auto', preTokens: 155306, time: '2026-03-03T14:30:00.000Z' } },
      // Its result line is torn: the call stays open, its outcome unknown, never success.
      { file: REJECTED, key: 'claude-code:tool:toolu_14Open', expect: { tool: 'Bash', status: 'unknown', exitCode: null, end: undefined } },
      { file: RESUMED, key: 'claude-code:tool:toolu_20Bash', expect: { status: 'failed', exitCode: 137 } },
      // Failed without an "Exit code N": the exit code is unknown, not guessed.
      { file: RESUMED, key: 'claude-code:tool:toolu_21Bash', expect: { status: 'failed', exitCode: null, statusLine: 'Error: command failed' } },
    ];
    for (const c of cases) {
      it(`${c.file} ${c.key}: ${JSON.stringify(c.expect).slice(0, 90)}`, () => {
        const event = byKey(importFixture(c.file).events, c.key);
        assert.deepEqual(pick(event, c.expect), c.expect);
      });
    }

    it('gives exactly the prompts a person typed, in order', () => {
      const prompts = (file: string): (string | undefined)[] => importFixture(file).events.filter((e) => e.kind === 'prompt').map((e) => e.text);
      // Not: the Caveat meta line, /clear's command echo, `!git status` and its output, the sub-agent's prompt, the compact summary.
      assert.deepEqual(prompts(BASIC), ['Fix the failing date test. My token is «redacted:github-token» if you need to push.']);
      assert.deepEqual(prompts(REJECTED), ['Clean the build folder and start the dev server', 'Only remove dist, then run the dev server', 'Now add a test for the port setting']);
    });

    it('reports the unknown record type and the malformed line with their numbers, and reads on', () => {
      const result = importFixture(BASIC);
      assert.equal(result.agent, 'claude-code');
      assert.deepEqual(result.problems.map((p) => [p.line, p.reason.split(' (')[0]]), [[19, "ignored: unknown record type 'future-thing'"], [21, 'skipped: not JSON']]);
      assert.ok(result.events.some((e) => e.key === 'claude-code:a-010:0'), 'the lines after them are read');
      assert.deepEqual(importFixture(REJECTED).problems, [{ line: 18, reason: 'skipped: torn last line (no newline, not complete JSON)' }]);
    });

    it('counts the usage of one API response once although every line of it repeats it', () => {
      const events = importFixture(BASIC).events.filter((e) => e.ids.messageId === 'msg_01A');
      assert.equal(events.length, 3, 'a reply and two tool calls');
      assert.deepEqual(events.filter((e) => e.tokens).map((e) => e.tokens?.output), [310]);
    });

    it('gives the same events whatever the chunks a live tail reads', () => {
      const whole = importFixture(REJECTED).events;
      for (const size of [1, 17, 333, 4096]) assert.deepEqual(importFixture(REJECTED, size).events, whole, `chunks of ${size}`);
    });

    it('reads each line once across a resumed session that copies the earlier lines', () => {
      const parser = new ClaudeCodeParser();
      const both = [BASIC, RESUMED].flatMap((file) => importTranscript(fixtureBytes(file)).events);
      const keys = both.map((e) => e.key);
      assert.equal(importFixture(RESUMED).events.filter((e) => e.ids.uuid?.startsWith('s-')).length, 3, 'the resumed file has its own events');
      // One parser fed both files, as a tailer following the resumed session would be.
      const events: AgentEvent[] = [];
      for (const file of [BASIC, RESUMED]) {
        for (const line of fixtureBytes(file).toString('utf8').split('\n')) {
          try {
            events.push(...parser.accept(JSON.parse(line)).events);
          } catch { /* the fixture's malformed lines */ }
        }
      }
      events.push(...parser.finish());
      const unique = new Set(keys);
      assert.equal(events.length, unique.size);
      assert.deepEqual(new Set(events.map((e) => e.key)), unique);
    });
  });

  describe('redaction and size', () => {
    it('redacts secrets in prompts and command lines and never keeps tool output', () => {
      const { events } = importFixture(BASIC);
      const json = JSON.stringify(events);
      assert.ok(!json.includes('ghp_Zq8RkT2m'), 'the GitHub token of the prompt is gone');
      assert.ok(!json.includes('sk-ant-api03'), 'the bearer token of the command is gone');
      assert.match(byKey(events, 'claude-code:tool:toolu_07Bash').command ?? '', /^curl -fsS -H "Authorization: Bearer «redacted:[a-z-]+»" https:\/\/api\.example\.com\/health && npm test -- dates$/);
      assert.ok(!json.includes('AssertionError'), 'the failing output is not kept beyond its status line');
      assert.ok(!json.includes('4 passing'), 'the successful output is not kept');
    });

    it('applies the user\'s own redaction patterns', () => {
      const bytes = lines(prompt('p1', 0, 'deploy to internal-host-42 now'));
      const { events } = importTranscript(bytes, { redact: { extraPatterns: ['internal-host-\\d+'] } });
      assert.equal(events[0].text, 'deploy to «redacted:custom» now');
    });

    it('shortens a long prompt after redacting it and keeps its length', () => {
      const long = `token ghp_Zq8RkT2mW9xV4bN7cJ5hL3pD6fG1sA0yE2uI ${'word '.repeat(3000)}`;
      const { events } = importTranscript(lines(prompt('p1', 0, long)));
      assert.equal(events[0].text?.length, MAX_AGENT_TEXT);
      assert.ok(events[0].text?.endsWith('…'));
      assert.equal(events[0].originalLength, long.length);
      assert.ok(events[0].text?.startsWith('token «redacted:github-token» word'));
    });

    it('reads a tool result line of several megabytes and keeps none of it', () => {
      const big = 'y'.repeat(6 * 1024 * 1024);
      const bytes = lines(
        prompt('p1', 0, 'read the log'),
        toolUse('a1', 1, 'tu-1', 'Read', { file_path: '/w/huge.log' }),
        toolResult('r1', 2, 'tu-1', big, { toolUseResult: { type: 'text', file: { content: big } } }),
        prompt('p2', 3, 'thanks'),
      );
      const { events, problems } = importTranscript(bytes, {}, 256 * 1024);
      assert.deepEqual(problems, []);
      assert.deepEqual(events.map((e) => [e.kind, e.status]), [['prompt', undefined], ['tool', 'ok'], ['prompt', undefined]]);
      assert.ok(JSON.stringify(events).length < 2000);
    });
  });

  describe('tool calls', () => {
    const table: { name: string; result: Record<string, unknown>; tool: string; input: Record<string, unknown>; expect: Partial<AgentEvent> }[] = [
      { name: 'a Bash result without its result object is not taken as success', tool: 'Bash', input: { command: 'make' },
        result: toolResult('r', 9, 'tu', 'done'), expect: { status: 'unknown', exitCode: null } },
      { name: 'a background Bash command has only started', tool: 'Bash', input: { command: 'npm run dev', run_in_background: true },
        result: toolResult('r', 9, 'tu', 'Command running in background with ID: b1', { toolUseResult: { stdout: '', stderr: '', interrupted: false, backgroundTaskId: 'b1' } }),
        expect: { status: 'unknown', exitCode: null } },
      { name: 'the exit code of a failure comes from the toolUseResult string too', tool: 'Bash', input: { command: 'false' },
        result: toolResult('r', 9, 'tu', [{ type: 'text', text: 'failed' }], { toolUseResult: 'Error: Exit code 2\n' }, true), expect: { status: 'failed', exitCode: 2 } },
      { name: 'a rejected edit changes no file', tool: 'Edit', input: { file_path: '/w/a.ts', old_string: 'a', new_string: 'b' },
        result: toolResult('r', 9, 'tu', "The user doesn't want to proceed with this tool use. The tool use was rejected.", {}, true), expect: { status: 'rejected', paths: undefined } },
      { name: 'a NotebookEdit names its notebook', tool: 'NotebookEdit', input: { notebook_path: '/w/n.ipynb', new_source: 'x' },
        result: toolResult('r', 9, 'tu', 'Updated cell'), expect: { status: 'ok', paths: ['/w/n.ipynb'] } },
    ];
    for (const c of table) {
      it(c.name, () => {
        const { events } = importTranscript(lines(prompt('p', 0, 'go'), toolUse('a', 1, 'tu', c.tool, c.input), c.result));
        const tool = byKey(events, 'claude-code:tool:tu');
        assert.deepEqual(pick(tool, c.expect), c.expect);
        assert.equal(tool.time, at(1));
        assert.equal(tool.end, at(9));
      });
    }

    it('pairs each result with its call by id across lines, whatever order the results come in', () => {
      const { events } = importTranscript(lines(
        prompt('p', 0, 'go'),
        toolUse('a1', 1, 'tu-a', 'Bash', { command: 'echo a' }),
        toolUse('a2', 2, 'tu-b', 'Bash', { command: 'echo b' }),
        toolUse('a3', 3, 'tu-c', 'Bash', { command: 'echo c' }),
        toolResult('r1', 4, 'tu-b', 'Exit code 2', {}, true),
        toolResult('r2', 5, 'tu-a', 'a', { toolUseResult: { stdout: 'a', stderr: '', interrupted: false } }),
        toolResult('r3', 6, 'tu-c', 'Exit code 3', {}, true),
      ));
      assert.deepEqual(events.filter((e) => e.kind === 'tool').map((e) => [e.command, e.time, e.end, e.exitCode]), [
        ['echo b', at(2), at(4), 2], ['echo a', at(1), at(5), 0], ['echo c', at(3), at(6), 3],
      ]);
    });

    it('leaves a result without its call alone and closes calls without a result at the end', () => {
      const { events } = importTranscript(lines(toolResult('r0', 0, 'nobody', 'x'), toolUse('a', 1, 'tu', 'Bash', { command: 'ls' })));
      assert.deepEqual(events.map((e) => [e.key, e.status, e.end]), [['claude-code:tool:tu', 'unknown', undefined]]);
    });
  });
});
