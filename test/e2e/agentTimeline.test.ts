import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeClaudeProject } from '../../src/core/agent/agentDiscovery';
import { claude } from '../agentTranscriptLines';
import type { Workbench } from './workbench';
import { openWorkbench, screenshot, setColorTheme, startSession, timelineContentFrame, timelineRow, typeInTerminal } from './workbench';

/**
 * A person's and Claude Code's events on one Timeline, in a real VS Code: the person runs a
 * command in the terminal while the test writes a Claude Code transcript into the profile's
 * agent home, line by line, as the agent would. The agent's turn is one row that opens.
 */
describe('Timeline with an AI agent\'s turn (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  let transcript: string;
  let ctx: { sessionId: string; cwd: string };
  const append = (line: string): void => fs.appendFileSync(transcript, `${line}\n`);

  before(async () => {
    wb = await openWorkbench({ settings: { 'sessionJournal.agents.claudeCode': 'on', 'workbench.colorTheme': 'Default Dark Modern' } });
    const project = path.join(wb.agentHomes.claude, 'projects', encodeClaudeProject(wb.workspace));
    fs.mkdirSync(project, { recursive: true });
    ctx = { sessionId: 'e2e-agent', cwd: wb.workspace };
    transcript = path.join(project, `${ctx.sessionId}.jsonl`);
  });
  after(async () => { await wb?.close(); });

  it('shows the agent\'s turn as one row beside the person\'s command, failures on the row, dark theme', async () => {
    // The theme is a user setting that other suites change: set it as a person would.
    await setColorTheme(wb.page, 'Dark Modern', 'dark');
    const frame = await startSession(wb.page, 'agent e2e');
    await typeInTerminal(wb.page, 'echo person was here');
    await timelineRow(frame, 'command', 'echo person was here succeeded').waitFor({ timeout: 30_000 });

    const t = Date.now();
    append(claude.prompt(ctx, new Date(t), 'Fix the failing date test.\nIt only fails in CI, where TZ=UTC.\nDo not touch the snapshot files.'));
    append(claude.bash(ctx, new Date(t + 1000), 'toolu_e2e_1', 'npm test -- dates'));
    append(claude.bashResult(ctx, new Date(t + 4000), 'toolu_e2e_1', 1, 'FAIL src/dates.test.ts'));
    append(claude.bash(ctx, new Date(t + 5000), 'toolu_e2e_2', 'npm test -- dates'));
    append(claude.bashResult(ctx, new Date(t + 8000), 'toolu_e2e_2', 0, 'PASS'));
    append(claude.reply(ctx, new Date(t + 9000), 'The parser now reads dates as UTC; the test passes.'));

    const turn = timelineRow(frame, 'agent', 'Prompt to Claude Code');
    await turn.locator('.turn-badge', { hasText: '2 calls · 1 failed' }).waitFor({ timeout: 20_000 });
    assert.match(await turn.getAttribute('title') ?? '', /2 tool calls · 1 reply · 1 failed/);
    // Closed, the turn is one row: its calls are not rows of their own.
    assert.equal(await frame.locator('.row.event.kind-agent').count(), 1);
    assert.ok(await turn.evaluate((r) => r.classList.contains('stand-out')), 'a turn with a failed call stands out');

    await turn.click();
    await frame.locator('.row.agent-text', { hasText: 'Do not touch the snapshot files.' }).waitFor();
    await frame.locator('.row.event.nested.tone-failed', { hasText: 'npm test -- dates' }).waitFor();
    assert.equal(await frame.locator('.row.event.nested').count(), 3);
    const inner = await timelineContentFrame(wb.page);
    assert.equal(await inner.evaluate(() => document.body.classList.contains('vscode-dark')), true);
    const file = await screenshot(wb.page, 'agent-timeline-dark');
    assert.ok(fs.statSync(file).size > 10_000);
  });

  it('looks right in a light theme', async () => {
    await setColorTheme(wb.page, 'Light+', 'light');
    const inner = await timelineContentFrame(wb.page);
    await inner.waitForFunction(() => document.body.classList.contains('vscode-light'), undefined, { timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
    const file = await screenshot(wb.page, 'agent-timeline-light');
    assert.ok(fs.statSync(file).size > 10_000);
  });
});
