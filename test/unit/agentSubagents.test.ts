import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentEvent } from '../../src/core/agent/agentEvent';
import { encodeClaudeProject, subagentParent } from '../../src/core/agent/agentDiscovery';
import { AgentFollower } from '../../src/core/agent/agentFollower';
import { describeAgent } from '../../src/core/timeline/describeAgent';
import { claude } from '../agentTranscriptLines';

/**
 * Claude Code's sub-agents (the Task tool): their tool calls are the parent session's work,
 * marked as a sub-agent's, recorded once, whichever of the three layouts wrote them:
 * `<sessionId>/subagents/agent-<id>.jsonl` (recent), `agent-<id>.jsonl` beside the main file
 * (older), or `isSidechain: true` lines inside the main file.
 */
describe('Claude Code sub-agent transcripts', () => {
  let root: string;
  let workspace: string;
  let project: string;
  const since = Date.now() - 60_000;
  const after = (s: number): Date => new Date(since + s * 1000);
  const parent = { sessionId: 'parent-1', cwd: '' };

  /** A line as a sub-agent writes it: `isSidechain` and its `agentId`, and (some versions) a session id of its own. */
  const asSubagent = (line: string, agentId: string, sessionId?: string): string => {
    const record = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify({ ...record, isSidechain: true, agentId, ...(sessionId !== undefined ? { sessionId } : {}) });
  };
  const write = (path: string, lines: string[]): string => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
    return path;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sj-subagents-'));
    workspace = join(root, 'work', 'demo');
    mkdirSync(workspace, { recursive: true });
    parent.cwd = workspace;
    project = join(root, 'claude-home', 'projects', encodeClaudeProject(workspace));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const follower = (): AgentFollower => {
    const f = new AgentFollower({ env: { CLAUDE_CONFIG_DIR: join(root, 'claude-home') }, home: join(root, 'nohome'), folders: [workspace], since });
    f.setAgents(['claude-code']);
    return f;
  };
  const tools = (events: readonly AgentEvent[]): AgentEvent[] => events.filter((e) => e.kind === 'tool');

  it('names the parent session of a sub-agent file from its place, and only there', () => {
    assert.equal(subagentParent('/h/.claude/projects/-w/abc-123/subagents/agent-a1b2.jsonl'), 'abc-123');
    assert.equal(subagentParent('C:\\Users\\d\\.claude\\projects\\-w\\abc\\subagents\\agent-x.jsonl'), 'abc');
    assert.equal(subagentParent('/h/.claude/projects/-w/abc-123.jsonl'), undefined);
    assert.equal(subagentParent('/h/.claude/projects/-w/agent-a1b2.jsonl'), undefined);
  });

  it('follows a subagents/ file that appears while following: its calls are the parent\'s, marked, its prompt is not the person\'s', () => {
    write(join(project, 'parent-1.jsonl'), [
      claude.prompt(parent, after(1), 'Find every caller of parseDate'),
      claude.bash(parent, after(2), 'toolu_main_1', 'git status'),
      claude.bashResult(parent, after(3), 'toolu_main_1', 0, 'clean'),
    ]);
    const f = follower();
    f.discover(Date.now());
    const first = f.read().events;
    assert.deepEqual(tools(first).map((e) => e.command), ['git status']);

    // The main agent starts a sub-agent: its file appears in the session's folder, written line by line.
    const sub = join(project, 'parent-1', 'subagents', 'agent-a77.jsonl');
    write(sub, [
      asSubagent(claude.prompt(parent, after(4), 'Search the repository for parseDate callers'), 'a77', 'own-session-id'),
      asSubagent(claude.bash(parent, after(5), 'toolu_sub_1', 'grep -rn parseDate src'), 'a77', 'own-session-id'),
    ]);
    // Internal compression helpers are not work done for the person.
    write(join(project, 'parent-1', 'subagents', 'agent-acompact-9.jsonl'), [
      asSubagent(claude.bash(parent, after(5), 'toolu_compact', 'echo compacting'), 'acompact-9'),
      asSubagent(claude.bashResult(parent, after(6), 'toolu_compact', 0), 'acompact-9'),
    ]);
    f.discover(Date.now());
    assert.ok(f.files.includes(sub), 'the sub-agent file is followed once it appears');
    assert.ok(!f.files.some((p) => p.includes('acompact')), 'the compaction helper is not followed');
    assert.deepEqual(f.read().events, [], 'a call without its result is not returned yet, and the sub-agent\'s prompt is not a prompt');

    appendFileSync(sub, `${asSubagent(claude.bashResult(parent, after(7), 'toolu_sub_1', 1, 'no match'), 'a77', 'own-session-id')}\n`);
    const [call, ...rest] = f.read().events;
    assert.equal(rest.length, 0);
    assert.equal(call?.command, 'grep -rn parseDate src');
    assert.equal(call?.sessionId, 'parent-1', 'attributed to the parent session');
    assert.equal(call?.sidechain, true, 'marked as sub-agent work');
    assert.equal(call?.status, 'failed');
    assert.equal(call?.exitCode, 1);
    assert.match(describeAgent({
      v: 1, id: 'e1', sessionId: 'j', kind: 'agent', time: Date.parse(call.end ?? call.time), start: Date.parse(call.time),
      agent: 'claude-code', agentSession: call.sessionId, action: 'tool', key: call.key, command: call.command, status: call.status, exitCode: call.exitCode, sidechain: true,
    }).title, /^Claude Code's sub-agent ran `grep -rn parseDate src` failed/);
  });

  it('reads the older layouts: agent-<id>.jsonl beside the main file and sidechain lines inside it, each call once', () => {
    write(join(project, 'parent-1.jsonl'), [
      claude.prompt(parent, after(1), 'Tidy the imports'),
      // Inline sidechain lines (older versions): the sub-agent's call inside the main file.
      asSubagent(claude.bash(parent, after(2), 'toolu_side_1', 'npx eslint src'), 'b1'),
      asSubagent(claude.bashResult(parent, after(3), 'toolu_side_1', 0, 'ok'), 'b1'),
    ]);
    // The same sub-agent's file beside it repeats its lines (with their ids), plus a call of its own.
    write(join(project, 'agent-b1.jsonl'), [
      asSubagent(claude.bash(parent, after(2), 'toolu_side_1', 'npx eslint src'), 'b1'),
      asSubagent(claude.bashResult(parent, after(3), 'toolu_side_1', 0, 'ok'), 'b1'),
      asSubagent(claude.bash(parent, after(4), 'toolu_side_2', 'npx prettier --check src'), 'b1'),
      asSubagent(claude.bashResult(parent, after(5), 'toolu_side_2', 0, 'ok'), 'b1'),
    ]);
    const f = follower();
    f.discover(Date.now());
    const calls = tools(f.read().events);
    assert.ok(calls.every((c) => c.sidechain === true && c.sessionId === 'parent-1'));
    // The journal keeps one event per key (CapturePipeline): one key per call, whichever file said it.
    const keys = new Set(calls.map((c) => c.key));
    assert.deepEqual([...keys].sort(), ['claude-code:tool:toolu_side_1', 'claude-code:tool:toolu_side_2']);
    assert.deepEqual([...new Set(calls.map((c) => c.command))].sort(), ['npx eslint src', 'npx prettier --check src']);
  });
});
