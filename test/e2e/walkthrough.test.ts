import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';
import { answerInputBox, describeFocus, firstLineOf, journalStatusItem, openWorkbench, pickQuickItem, runCommand, screenshot } from './workbench';

const STEP = 'session-journal.session-journal#getStarted#startSession';

describe('Get Started walkthrough (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  after(async () => { await wb?.close(); });

  it('opens from the palette, shows the product in its first step, and starts a session from its button', async () => {
    const { page } = wb;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await pickQuickItem(page, 'Get Started with Session Journal');

    const step = page.locator(`button.getting-started-step[data-step-id="${STEP}"]`);
    await step.waitFor({ timeout: 30_000 });
    assert.equal(await step.getAttribute('aria-expanded'), 'true', 'the first step opens expanded');
    assert.equal(await step.getAttribute('aria-checked'), 'false', 'not done before the session starts');

    // The step's picture is a real image of the product, loaded in the current theme.
    const image = page.locator('.getting-started-media img[alt^="The Timeline header"]');
    await image.waitFor();
    await page.waitForFunction((alt) => {
      const img = [...document.querySelectorAll<HTMLImageElement>('.getting-started-media img')].find((i) => i.alt.startsWith(alt));
      return img !== undefined && img.complete && img.naturalWidth > 0;
    }, 'The Timeline header', { timeout: 20_000 });

    // The walkthrough slides to its step and then focuses it, a moment later (gettingStarted's
    // selectStep: a setTimeout of the slide's length). A prompt opened before that loses its focus
    // to the step, and what is typed next goes to the step instead: wait, as the eye does, for the
    // slide to end with the step focused.
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-step-id') === id, STEP, { timeout: 20_000 });
    await step.getByRole('button', { name: 'Start Session' }).click();
    await answerInputBox(page, 'Start Session', 'Walkthrough e2e');

    // A person sees the recording clock in the status bar, and the step ticked: it is done when a
    // session records (onContext), not when its button was pressed (an Escape would tick it too).
    try {
      await page.waitForFunction(() => {
        const item = document.querySelector('.statusbar-item[aria-label^="Session Journal"]');
        return item !== null && /^Session Journal recording/.test(item.getAttribute('aria-label') ?? '');
      }, undefined, { timeout: 20_000 });
    } catch (err) {
      const items = await page.locator('.statusbar-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? '').filter((l) => l !== ''));
      const toasts = await page.locator('.notification-toast').allInnerTexts().catch(() => []);
      throw new Error(`The status bar never said "Session Journal recording". Status bar: ${JSON.stringify(items)}; notifications: ${JSON.stringify(toasts)}; `
        + `${await describeFocus(page)}. Screenshot: ${await screenshot(page, 'walkthrough-not-recording').catch(() => '(none)')}\n${firstLineOf(err)}`);
    }
    await page.locator(`button.getting-started-step[data-step-id="${STEP}"][aria-checked="true"]`).waitFor({ timeout: 20_000 });
    assert.match(await journalStatusItem(page).getAttribute('aria-label') ?? '', /^Session Journal recording/);
    await screenshot(page, 'walkthrough');
  });
});
