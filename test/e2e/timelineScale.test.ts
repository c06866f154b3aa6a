import * as assert from 'node:assert/strict';
import type { BigSession } from './bigSession';
import { OLDEST_MARKER, openBigSession } from './bigSession';
import { revealTimeline } from './reliabilityHarness';
import { screenshot } from './workbench';

const EVENTS = 50_000;

/**
 * A session of 50,000 events in real VS Code: the host sends the newest events first and the rest
 * in pages, so these prove the rest does arrive and is reachable: the list scrolls down to the
 * oldest entry, and search finds it, though neither is in the first window.
 */
describe('Timeline at 50,000 events (e2e, Chromium + code-server)', function () {
  // The setup is two workbench starts (one to start the session, one to resume it with 50,000
  // events), each about a minute and a half on a loaded 2-core machine; like the reliability suites.
  this.timeout(10 * 60_000);
  let big: BigSession;
  before(async function () {
    big = await openBigSession(EVENTS);
  });
  after(async () => { await big?.close(); });

  it('scrolls to the oldest event, at the bottom of a newest-first list', async () => {
    const frame = await revealTimeline(big.page);
    await frame.locator('.row.event').first().waitFor({ timeout: 60_000 });
    const list = frame.getByRole('list', { name: 'Session timeline' });
    // The first screen is full: at least as many rows as the list's height holds (22 px each).
    const fits = Math.floor((await list.evaluate((el) => el.clientHeight)) / 22);
    assert.ok(fits > 10, `the list has room for rows (${fits})`);
    assert.ok(await frame.locator('.row').count() >= fits, `at least ${fits} rows drawn on the first screen`);
    // With a row focused, End moves the focus to the last row, as a person would press it.
    await list.locator('.row.event').first().focus();
    const oldest = frame.locator('.row.event', { hasText: OLDEST_MARKER });
    // The pages arrive in their own time: press End until the oldest row is the last one shown.
    for (let i = 0; i < 60 && !(await oldest.isVisible()); i++) {
      await big.page.keyboard.press('End');
      await big.page.waitForTimeout(500);
    }
    await oldest.waitFor({ timeout: 5_000 });
    const canvasHeight = await frame.locator('.virtual-canvas').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(canvasHeight > EVENTS * 20, `the list is as tall as ${EVENTS} rows (${canvasHeight} px)`);
    await screenshot(big.page, 'timeline-50k-oldest');
  });

  it('finds by search an event that was not in the first window', async () => {
    const frame = await revealTimeline(big.page);
    const search = frame.getByRole('searchbox', { name: 'Search the timeline' });
    await search.fill('zebra-quartz');
    // What a person waits for: the status saying the list is filtered to one entry (the oldest row
    // may already be on screen from the scroll before, so its presence says nothing).
    await frame.locator('.list-status', { hasText: /^1 of \d+$/ }).waitFor({ timeout: 30_000 });
    await frame.locator('.row.event', { hasText: OLDEST_MARKER }).waitFor({ timeout: 5_000 });
    assert.equal(await frame.locator('.row.event').count(), 1, 'only the oldest entry matches');
    // "1 of N": N counts every entry, the generated ones and the session-gap the resume adds.
    const status = /^1 of (\d+)$/.exec((await frame.locator('.list-status').textContent()) ?? '');
    assert.ok(status && Number(status[1]) >= EVENTS, `the status counts the whole session: ${status?.[0] ?? 'none'}`);
    await search.fill('');
  });
});
