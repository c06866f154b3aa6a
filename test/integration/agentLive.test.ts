import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { encodeClaudeProject } from '../../src/core/agent/agentDiscovery';
import type { AgentActivityEvent, FrictionEvent } from '../../src/core/journal/events';
import type { SessionJournalApi } from '../../src/extension';
import { claude } from '../agentTranscriptLines';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { runAcceptingPrompts } from './helpers/quickInput';
import { staysFalse, waitFor } from './helpers/wait';

/**
 * Claude Code's work captured live in a real VS Code: the runner points CLAUDE_CONFIG_DIR at a
 * temporary home of this profile (scripts/codeServer.mjs), the test writes a transcript there
 * line by line as Claude Code does, and the journal records each step once, while it is written.
 */
describe('agent transcripts captured live (Claude Code, temporary home)', function () {
  let api: SessionJournalApi;
  let root: string;
  let transcript: string;
  let ctx: { sessionId: string; cwd: string };

  const append = (line: string): void => fs.appendFileSync(transcript, `${line}\n`);
  const agentSteps = (): AgentActivityEvent[] => eventsOf(api, 'agent');
  const step = (pick: (e: AgentActivityEvent) => boolean) => () => agentSteps().find(pick);

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    const home = process.env.CLAUDE_CONFIG_DIR;
    assert.ok(home, 'the runner sets CLAUDE_CONFIG_DIR to a temporary home (scripts/codeServer.mjs)');
    const project = path.join(home, 'projects', encodeClaudeProject(root));
    fs.mkdirSync(project, { recursive: true });
    ctx = { sessionId: `sj-live-${Date.now()}`, cwd: root };
    transcript = path.join(project, `${ctx.sessionId}.jsonl`);
    await vscode.workspace.getConfiguration('sessionJournal').update('agents.claudeCode', 'on', vscode.ConfigurationTarget.Global);
    await startSession(api, 'agent focus');
  });

  after(async function () {
    if (api) await endSession(api);
    await vscode.workspace.getConfiguration('sessionJournal').update('agents.claudeCode', undefined, vscode.ConfigurationTarget.Global);
    if (transcript) fs.rmSync(transcript, { force: true });
    // The session's folder holds its sub-agents' transcripts.
    if (transcript) fs.rmSync(transcript.replace(/\.jsonl$/, ''), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('records each line as it is written, a tool call split over two writes as one step, each step once', async function () {
    this.timeout(60_000);
    append(claude.prompt(ctx, new Date(), 'Fix the failing date test, token ghp_Zq8RkT2mW9xV4bN7cJ5hL3pD6fG1sA0yE2uI'));
    const prompt = await waitFor(step((e) => e.action === 'prompt'), 10_000, 'the prompt recorded from the transcript');
    assert.match(prompt.text ?? '', /Fix the failing date test/);
    assert.doesNotMatch(prompt.text ?? '', /ghp_Zq8R/, 'the token is redacted');

    append(claude.bash(ctx, new Date(), 'toolu_live_1', 'npm test -- dates'));
    const result = claude.bashResult(ctx, new Date(Date.now() + 1500), 'toolu_live_1', 1, 'FAIL src/dates.test.ts');
    // Half a line, as an agent's write can be cut: nothing is recorded until its newline.
    fs.appendFileSync(transcript, result.slice(0, 60));
    // Two polls (500 ms each) see only the half line: it records nothing.
    assert.ok(await staysFalse(() => agentSteps().some((e) => e.action === 'tool'), 1200), 'half a line records nothing');
    fs.appendFileSync(transcript, `${result.slice(60)}\n`);
    const failed = await waitFor(step((e) => e.action === 'tool'), 10_000, 'the failed tool call');
    assert.equal(failed.command, 'npm test -- dates');
    assert.equal(failed.status, 'failed');
    assert.equal(failed.exitCode, 1);
    assert.ok(failed.start !== undefined && failed.time - failed.start >= 1000, 'the call keeps its own start and end');

    append(claude.reply(ctx, new Date(), 'The parser ignores the time zone; fixing it.'));
    await waitFor(step((e) => e.action === 'reply'), 10_000, 'the reply');
    await api.flushCapture();
    const keys = agentSteps().map((e) => e.key);
    assert.deepEqual(keys.length, new Set(keys).size, `each step once: ${keys.join(', ')}`);
    assert.deepEqual(agentSteps().map((e) => e.action), ['prompt', 'tool', 'reply']);
  });

  it('an agent\'s single failure stays quiet; the same command failing in a loop brings one friction prompt', async function () {
    this.timeout(60_000);
    const shownBefore = api.prompter.shown;
    const loop = 'npm run check:dates';
    const fail = (i: number): void => {
      const t = Date.now();
      append(claude.bash(ctx, new Date(t), `toolu_loop_${i}`, loop));
      append(claude.bashResult(ctx, new Date(t + 200), `toolu_loop_${i}`, 2, 'Error: expected 2026-03-02'));
    };
    const failures = (): number => agentSteps().filter((e) => e.command === loop && e.status === 'failed').length;
    fail(1);
    await waitFor(() => failures() === 1, 10_000, 'the first failure recorded');
    fail(2);
    await waitFor(() => failures() === 2, 10_000, 'the second failure recorded');
    // Agents fail and recover all the time: one or two failures do not interrupt the person. Each
    // was judged as it was recorded (one deferred while the user typed is judged when they stop).
    await waitFor(() => !api.prompter.deferring, 10_000, 'a deferred friction signal to be decided');
    assert.equal(api.prompter.shown, shownBefore, 'no prompt for an agent\'s failure or its retry');
    fail(3);
    await waitFor(() => api.prompter.shown === shownBefore + 1, 10_000, 'the friction prompt for the retry loop');
    fail(4);
    await waitFor(() => failures() === 4, 10_000, 'the fourth failure recorded');
    await waitFor(() => !api.prompter.deferring, 10_000, 'a deferred friction signal to be decided');
    assert.equal(api.prompter.shown, shownBefore + 1, `one prompt for the loop (shown went from ${shownBefore} to ${api.prompter.shown})`);
  });

  it('friction logged from the loop\'s prompt, or with Log Friction on the agent\'s latest step, is linked to that step', async function () {
    this.timeout(60_000);
    const loopSteps = agentSteps().filter((e) => e.command === 'npm run check:dates');
    const signal = api.prompter.lastShown;
    assert.ok(signal?.trigger, 'the loop\'s prompt carries what it is about');
    assert.ok(loopSteps.some((e) => e.id === signal.trigger?.eventId), 'the prompt is about one of the agent\'s failing steps');
    assert.equal(signal.trigger.agent, 'claude-code');
    const frictions = (): FrictionEvent[] => eventsOf(api, 'friction');
    const before = frictions().length;
    // From the palette, about the latest event: the agent's last failing step.
    const latest = loopSteps[loopSteps.length - 1];
    assert.ok(latest);
    await runAcceptingPrompts('sessionJournal.logFriction', [{ title: 'The date check keeps failing on the agent' }], 2);
    const fromPalette = frictions()[before];
    assert.deepEqual(fromPalette?.trigger, { eventId: latest.id, summary: 'npm run check:dates', agent: 'claude-code', exitCode: 2, durationMs: latest.time - (latest.start ?? latest.time) });

    // What the prompt's "Log friction" button runs, with what it passes.
    await runAcceptingPrompts('sessionJournal.logFriction', [{ eventId: signal.eventId, title: signal.suggestedTitle, category: signal.suggestedCategory, trigger: signal.trigger }], 2);
    const fromPrompt = frictions()[before + 1];
    assert.equal(fromPrompt?.trigger?.eventId, signal.trigger.eventId, 'the journal\'s friction references the agent step');
    assert.equal(fromPrompt?.trigger?.agent, 'claude-code');
  });

  it('follows a sub-agent\'s transcript that appears in the session\'s subagents folder: its calls are the session\'s, marked', async function () {
    this.timeout(60_000);
    const sub = path.join(path.dirname(transcript), ctx.sessionId, 'subagents', 'agent-live1.jsonl');
    fs.mkdirSync(path.dirname(sub), { recursive: true });
    const asSubagent = (line: string): string => JSON.stringify({ ...JSON.parse(line) as Record<string, unknown>, isSidechain: true, agentId: 'live1' });
    const t = Date.now();
    fs.writeFileSync(sub, [
      asSubagent(claude.prompt(ctx, new Date(t), 'Search the repository for callers of parseDate')),
      asSubagent(claude.bash(ctx, new Date(t + 100), 'toolu_sub_live', 'grep -rn parseDate src')),
      asSubagent(claude.bashResult(ctx, new Date(t + 300), 'toolu_sub_live', 0, 'src/dates.ts:3')),
    ].map((l) => `${l}\n`).join(''));
    const call = await waitFor(step((e) => e.command === 'grep -rn parseDate src'), 15_000, 'the sub-agent\'s call');
    assert.equal(call.sidechain, true, 'marked as sub-agent work');
    assert.equal(call.agentSession, ctx.sessionId, 'attributed to the parent session');
    assert.ok(!agentSteps().some((e) => e.text === 'Search the repository for callers of parseDate'), 'the main agent\'s instruction to it is not the person\'s prompt');
  });

  it('reads what was written since the last poll when recording pauses (the same flush runs at End Session)', async function () {
    this.timeout(30_000);
    append(claude.prompt(ctx, new Date(), 'Written just before the pause'));
    append(claude.bash(ctx, new Date(), 'toolu_running', 'npm run e2e'));
    // Synchronous: no poll can run between the write and the pause, so only the flush reads the lines.
    api.controller.pause();
    try {
      assert.ok(agentSteps().some((e) => e.text === 'Written just before the pause'), 'the flush read the transcript');
      const running = agentSteps().filter((e) => e.command === 'npm run e2e');
      assert.equal(running.length, 1, 'the call still running is recorded, not dropped');
      assert.equal(running[0]?.endNotReported, 'recording-stopped');
      assert.equal(running[0]?.status, 'unknown');
    } finally {
      api.controller.resume();
    }
    // Its result comes after Resume: the call is on the journal once, as it was at the pause.
    append(claude.bashResult(ctx, new Date(), 'toolu_running', 0, 'all green'));
    append(claude.prompt(ctx, new Date(), 'Read after the result'));
    await waitFor(step((e) => e.text === 'Read after the result'), 10_000, 'the line after the result');
    assert.equal(agentSteps().filter((e) => e.command === 'npm run e2e').length, 1, 'recorded once');
  });

  it('End Session\'s draft holds the agent\'s events', async function () {
    this.timeout(90_000);
    append(claude.prompt(ctx, new Date(), 'Now add a regression test for the time zone bug'));
    const folder = path.join(root, 'retrospectives', 'sessions');
    await runAcceptingPrompts('sessionJournal.endSession', [{ template: 'session' }], 2, 30_000);
    assert.equal(api.controller.active, false, 'the session ended');
    const recorded = api.controller.shownEvents().filter((e): e is AgentActivityEvent => e.kind === 'agent');
    assert.ok(recorded.some((e) => e.text === 'Now add a regression test for the time zone bug'), 'the last prompt is recorded');
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.startsWith(folder + path.sep) && e.document.fileName.endsWith('.md')), 15_000, 'the draft');
    const text = editor.document.getText();
    assert.match(text, /Fix the failing date test/, 'the first prompt is on the draft\'s timeline');
    assert.match(text, /Now add a regression test for the time zone bug/, 'the prompt written last is on the draft\'s timeline');
    assert.match(text, /Claude Code/, 'the draft names the agent');
    assert.match(text, /\(Claude Code step: npm run check:dates\)/, 'the Friction section names the agent step');
  });
});
