import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';
import { answerInputBox, openWorkbench, runCommand, startSession, TIMELINE_IFRAME, timelineRow } from './workbench';
import { revealTimeline } from './reliabilityHarness';

/**
 * Switching away from the Timeline and back. Its page is discarded while hidden, and the host
 * sends the session to the new page as it loads, without waiting for the page's `ready` (VS Code
 * delivers what was posted once the page has loaded); a page that reloads on its own still gets
 * the session in answer to its `ready`. Either way the rows must be back, with what was recorded
 * in between.
 */
describe('Timeline hidden and shown again (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
    const frame = await startSession(wb.page, 'Switching views');
    await runCommand(wb.page, 'Session Journal: Add Note');
    await answerInputBox(wb.page, 'Add Note', 'Written before switching away');
    await timelineRow(frame, 'note', 'Written before switching away').waitFor({ timeout: 20_000 });
  });
  after(async () => { await wb?.close(); });

  it('shows the rows again, with a note added while it was hidden', async () => {
    await runCommand(wb.page, 'View: Show Explorer');
    // What a person sees: the Timeline gone (its page is discarded, not kept hidden).
    await wb.page.locator(TIMELINE_IFRAME).waitFor({ state: 'detached', timeout: 30_000 });
    await runCommand(wb.page, 'Session Journal: Add Note');
    await answerInputBox(wb.page, 'Add Note', 'Written while the Timeline was hidden');
    const frame = await revealTimeline(wb.page);
    await timelineRow(frame, 'note', 'Written while the Timeline was hidden').waitFor({ timeout: 20_000 });
    await timelineRow(frame, 'note', 'Written before switching away').waitFor({ timeout: 5_000 });
    // Newest first, and each entry once: the page got one session, not a session and a repeat of it.
    const titles = await frame.locator('.row.event.kind-note .title').allInnerTexts();
    const written = titles.filter((t) => t.includes('Written'));
    assert.equal(written.length, 2, `two notes, each once: ${JSON.stringify(titles)}`);
    assert.ok(written[0]?.includes('while the Timeline was hidden') && written[1]?.includes('before switching away'), `newest first: ${JSON.stringify(written)}`);
  });

  it('shows the rows again after the webview reloads on its own (Developer: Reload Webviews)', async () => {
    const frame = await revealTimeline(wb.page);
    await timelineRow(frame, 'note', 'Written while the Timeline was hidden').waitFor({ timeout: 20_000 });
    // Marks the page shown now, so the rows looked for below are the reloaded page's, not this one's.
    await frame.locator('body').evaluate((body) => { body.dataset['beforeReload'] = 'true'; });
    await runCommand(wb.page, 'Developer: Reload Webviews');
    const reloaded = frame.locator('body:not([data-before-reload])');
    await reloaded.locator('.row.event.kind-note', { hasText: 'Written before switching away' }).waitFor({ timeout: 20_000 });
    await reloaded.locator('.row.event.kind-note', { hasText: 'Written while the Timeline was hidden' }).waitFor({ timeout: 5_000 });
  });
});
