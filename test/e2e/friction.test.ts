import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';
import { notificationToast, openWorkbench, pickQuickItem, quickInput, screenshot, startSession, timelineRow, typeInTerminal } from './workbench';

const TITLE = 'The build script exits 4 when the cache is cold';

describe('Friction prompt after a failed command (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  let frame: FrameLocator;
  before(async () => {
    wb = await openWorkbench();
    frame = await startSession(wb.page, 'Friction e2e');
  });
  after(async () => { await wb?.close(); });

  it('asks what got in the way, and logs the friction the user describes', async () => {
    const { page } = wb;
    await typeInTerminal(page, 'bash -c "exit 4"');
    await timelineRow(frame, 'command', /failed \(exit 4\)/).waitFor({ timeout: 20_000 });

    const toast = notificationToast(page, /failed \(exit 4\)\. What got in the way\?/);
    await toast.waitFor({ timeout: 20_000 });
    assert.match(await toast.textContent() ?? '', /bash -c "exit 4"/, 'the prompt names the command');
    await toast.getByRole('button', { name: 'Log Friction…' }).click();

    // The input box opens with the suggested title, which the user replaces.
    const input = quickInput(page);
    await input.waitFor();
    await page.waitForFunction(() => {
      const box = document.querySelector<HTMLInputElement>('.quick-input-widget input');
      return box !== null && box.value.length > 0;
    });
    const suggested = await input.inputValue();
    assert.match(suggested, /exit 4|bash/, `suggested title mentions the failure: "${suggested}"`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(TITLE, { delay: 5 });
    assert.equal(await input.inputValue(), TITLE);
    await page.keyboard.press('Enter');

    // Then the category quick pick.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Friction category' }).waitFor();
    await pickQuickItem(page, 'environment');

    const row = timelineRow(frame, 'friction', `Friction: ${TITLE}`);
    await row.waitFor({ timeout: 20_000 });
    const detail = await row.locator('.detail').textContent() ?? '';
    assert.match(detail, /^environment/, `category shown: "${detail}"`);
    assert.match(detail, /bash -c "exit 4"/, `the friction names what triggered it: "${detail}"`);
    assert.match(await row.getAttribute('class') ?? '', /stand-out/);
    await frame.locator('.counter.tone-friction[aria-label="1 friction point"]').waitFor();
    await toast.waitFor({ state: 'detached', timeout: 10_000 });

    const file = await screenshot(page, 'friction');
    assert.ok(fs.statSync(file).size > 10_000);
  });
});
