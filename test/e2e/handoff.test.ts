/**
 * The handoff loop as a person sees it: a finished retrospective (the report layout, next steps
 * as Action Items by priority) and a plan file in the workspace; Start Session shows them in the
 * Timeline header as a "Carried over" checklist; a click on a box puts "Done (carried over)" on
 * the Timeline. Screenshots of the header in a dark and a light theme go to test-output/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';
import { openWorkbench, recordDialogs, screenshot, setColorTheme, startSession, timelineContentFrame, timelineRow } from './workbench';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'handoff', 'report-finished.md');
const PLAN = ['# Plan', '', '- [x] Write the receiver', '- [ ] Tag release 0.4 once the suite is green', ''].join('\n');
const EXPECTED = [
  'Keep the fake receiver\'s socket open until the queue drains',
  'Add a dead-letter growth panel to the delivery dashboard',
  'Split the integration suite so queue tests run in under a minute',
  'Tag release 0.4 once the suite is green',
];

describe('Carried-over checklist in the Timeline header (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  let frame: FrameLocator;
  let dialogs: string[];
  before(async () => {
    wb = await openWorkbench({ settings: { 'sessionJournal.handoff.planFile': 'PLAN.md' } });
    dialogs = recordDialogs(wb.page);
    const folder = path.join(wb.workspace, 'retrospectives', 'sessions');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(FIXTURE, path.join(folder, '2026-12-03_1402_queue-receiver-rework.md'));
    fs.writeFileSync(path.join(wb.workspace, 'PLAN.md'), PLAN);
    await setColorTheme(wb.page, 'Dark Modern', 'dark');
  });
  after(async () => { await wb?.close(); });

  it('shows the last session\'s open action items and the plan\'s open box at Start Session', async () => {
    frame = await startSession(wb.page, 'Finish the queue receiver (e2e handoff)');
    const checklist = frame.locator('.carried-over');
    await checklist.waitFor({ timeout: 20_000 });
    await frame.locator('.carried-over-item').nth(EXPECTED.length - 1).waitFor();
    assert.deepEqual(await frame.locator('.carried-over-text').allTextContents(), EXPECTED);
    assert.equal((await frame.locator('.carried-over-count').textContent())?.trim(), '0 of 4 done');
    assert.equal(await frame.locator('.carried-over-item:has(.carried-over-from)').count(), 1, 'the plan\'s item is marked');
    await timelineRow(frame, 'carried-over', 'Carried over 4 items').waitFor();
  });

  it('records a click on a box as "Done (carried over)" on the Timeline, and looks right in a dark theme', async () => {
    const item = frame.locator('.carried-over-item', { hasText: EXPECTED[0] });
    await item.locator('input[type="checkbox"]').click();
    await timelineRow(frame, 'carried-over-tick', `Done (carried over): ${EXPECTED[0]}`).waitFor({ timeout: 10_000 });
    // The host's answer, not the click alone: the item shows the time it was recorded.
    await item.locator('.carried-over-time').waitFor();
    assert.match((await item.getAttribute('class')) ?? '', /\bdone\b/);
    assert.equal((await frame.locator('.carried-over-count').textContent())?.trim(), '1 of 4 done');
    const inner = await timelineContentFrame(wb.page);
    assert.equal(await inner.evaluate(() => document.body.classList.contains('vscode-dark')), true);
    const file = await screenshot(wb.page, 'handoff-carried-over-dark');
    assert.ok(fs.statSync(file).size > 10_000);
  });

  it('follows a switch to a light theme (Light+)', async () => {
    await setColorTheme(wb.page, 'Light+', 'light');
    const inner = await timelineContentFrame(wb.page);
    await inner.waitForFunction(() => document.body.classList.contains('vscode-light'), undefined, { timeout: 10_000 });
    // An open item's text is dark on the light side bar: the checklist follows the theme's colours.
    const color = await inner.evaluate(() => {
      const open = Array.from(document.querySelectorAll('.carried-over-item')).find((li) => !li.classList.contains('done'));
      const text = open?.querySelector('.carried-over-text');
      return text ? getComputedStyle(text).color : '';
    });
    const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
    assert.ok((r ?? 255) + (g ?? 255) + (b ?? 255) < 3 * 128, `item text is dark in a light theme: ${color}`);
    await wb.page.keyboard.press('Escape');
    const file = await screenshot(wb.page, 'handoff-carried-over-light');
    assert.ok(fs.statSync(file).size > 10_000);
    assert.deepEqual(dialogs, []);
  });
});
