import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Workbench } from './workbench';
import { openTimeline, openWorkbench, screenshot, timelineFrame } from './workbench';

describe('Timeline view (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  after(async () => { await wb?.close(); });

  it('opens from the activity bar and shows the empty state', async () => {
    const frame = await openTimeline(wb.page);
    await frame.getByText('No session is recording', { exact: false }).waitFor({ timeout: 30_000 });
    const file = await screenshot(wb.page, 'timeline-empty');
    assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
  });

  it("offers the Get Started walkthrough from the empty state", async () => {
    // The Timeline is still open from the test before.
    await timelineFrame(wb.page).getByRole('button', { name: 'Get Started' }).click();
    // The walkthrough opens in an editor, on its first step.
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'Walkthrough: Session Journal' }).waitFor({ timeout: 20_000 });
    await wb.page.locator('button.getting-started-step[data-step-id="session-journal.session-journal#getStarted#startSession"]').waitFor();
  });
});
