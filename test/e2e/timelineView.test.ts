import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Workbench } from './workbench';
import { openTimeline, openWorkbench, screenshot } from './workbench';

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
});
