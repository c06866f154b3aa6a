import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claudeProjectRoots, codexSessionRoots, encodeClaudeProject, insideFolders } from '../../src/core/agent/agentDiscovery';
import { AgentFollower } from '../../src/core/agent/agentFollower';
import { claude, codex } from '../agentTranscriptLines';

describe('agent transcript discovery and following', () => {
  let root: string;
  let workspace: string;
  let claudeDir: string;
  let codexDir: string;
  const since = Date.now() - 60_000;
  const after = (s: number): Date => new Date(since + s * 1000);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sj-follow-'));
    workspace = join(root, 'work', 'demo');
    mkdirSync(workspace, { recursive: true });
    claudeDir = join(root, 'claude-home');
    codexDir = join(root, 'codex-home');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const follower = (agents: ('claude-code' | 'codex')[] = ['claude-code', 'codex']): AgentFollower => {
    const f = new AgentFollower({ env: { CLAUDE_CONFIG_DIR: claudeDir, CODEX_HOME: codexDir }, home: join(root, 'nohome'), folders: [workspace], since });
    f.setAgents(agents);
    return f;
  };

  function claudeFile(cwd: string, name: string, lines: string[], folder = encodeClaudeProject(cwd)): string {
    const dir = join(claudeDir, 'projects', folder);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.jsonl`);
    writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
    return path;
  }

  function codexFile(cwd: string, id: string, lines: string[]): string {
    const d = new Date();
    const dir = join(codexDir, 'sessions', String(d.getFullYear()), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0'));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `rollout-2026-01-01T00-00-00-${id}.jsonl`);
    writeFileSync(path, [codex.meta({ sessionId: id, cwd }, after(0)), ...lines].map((l) => `${l}\n`).join(''));
    return path;
  }

  it('finds the homes from CLAUDE_CONFIG_DIR (a comma-separated list) and CODEX_HOME, else the defaults', () => {
    assert.deepEqual(claudeProjectRoots({ CLAUDE_CONFIG_DIR: '/a, /b' }, '/h'), ['/a/projects', '/b/projects']);
    assert.deepEqual(claudeProjectRoots({}, '/h'), ['/h/.claude/projects', '/h/.config/claude/projects']);
    assert.deepEqual(codexSessionRoots({ CODEX_HOME: '/c' }, '/h'), ['/c/sessions']);
    assert.deepEqual(codexSessionRoots({}, '/h'), ['/h/.codex/sessions']);
    assert.equal(encodeClaudeProject('/home/dev/my_demo.x'), '-home-dev-my-demo-x');
    assert.ok(insideFolders('/w/demo/sub', ['/w/demo']));
    assert.ok(insideFolders('/w/demo', ['/w/demo']));
    assert.ok(!insideFolders('/w/demo-other', ['/w/demo']));
  });

  it('follows the transcripts whose cwd lies inside the workspace, matched on the lines, not the folder name', () => {
    const ctxIn = { sessionId: 'in', cwd: join(workspace, 'packages', 'app') };
    claudeFile(ctxIn.cwd, 'in', [claude.prompt(ctxIn, after(1), 'inside a subfolder')]);
    // `/…/demo-x` and `/…/demo/x` share a folder name; only the cwd in the lines tells them apart.
    const ctxOut = { sessionId: 'out', cwd: `${workspace}-x` };
    claudeFile(ctxOut.cwd, 'out', [claude.prompt(ctxOut, after(1), 'another project')], encodeClaudeProject(join(workspace, 'x')));
    codexFile(workspace, 'codex-in', [codex.prompt(after(2), 'codex inside')]);
    codexFile('/elsewhere', 'codex-out', [codex.prompt(after(2), 'codex elsewhere')]);
    const f = follower();
    f.discover(Date.now());
    const texts = f.read().events.map((e) => e.text).sort();
    assert.deepEqual(texts, ['codex inside', 'inside a subfolder']);
  });

  it('picks up a transcript that appears while following, and two agents at once', () => {
    const f = follower();
    f.discover(Date.now());
    assert.deepEqual(f.read().events, []);
    const c = { sessionId: 'late', cwd: workspace };
    const claudePath = claudeFile(workspace, 'late', [claude.prompt(c, after(3), 'claude prompt')]);
    const codexPath = codexFile(workspace, 'late-codex', [codex.prompt(after(4), 'codex prompt')]);
    f.discover(Date.now());
    assert.deepEqual(f.files.sort(), [claudePath, codexPath].sort());
    appendFileSync(claudePath, `${claude.reply(c, after(5), 'done')}\n`);
    const events = f.read().events;
    assert.deepEqual(events.map((e) => `${e.agent}:${e.kind}`).sort(), ['claude-code:prompt', 'claude-code:reply', 'codex:prompt']);
  });

  it('keeps only the steps from the journal session\'s start on, and a call that ended after it', () => {
    const c = { sessionId: 'early', cwd: workspace };
    claudeFile(workspace, 'early', [
      claude.prompt(c, after(-30), 'before the journal session'),
      claude.bash(c, after(-5), 'toolu_span', 'npm test'),
      claude.bashResult(c, after(2), 'toolu_span', 0),
      claude.prompt(c, after(3), 'during the journal session'),
    ]);
    const f = follower();
    f.discover(Date.now());
    const events = f.read().events;
    assert.deepEqual(events.map((e) => e.kind === 'tool' ? e.command : e.text), ['npm test', 'during the journal session']);
  });

  it('reads nothing of an agent that is switched off, and drops its files when switched off', () => {
    const c = { sessionId: 's', cwd: workspace };
    const path = claudeFile(workspace, 's', [claude.prompt(c, after(1), 'one')]);
    codexFile(workspace, 'cx', [codex.prompt(after(2), 'codex')]);
    const f = follower(['codex']);
    f.discover(Date.now());
    assert.deepEqual(f.read().events.map((e) => e.agent), ['codex']);
    f.setAgents(['claude-code']);
    f.discover(Date.now());
    assert.deepEqual(f.files, [path]);
    f.setAgents([]);
    assert.deepEqual(f.files, []);
  });
});
