import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';
import { answerInputBox, notificationToast, openWorkbench, pickQuickItem, quickInput, screenshot, startSession, timelineRow, typeInTerminal } from './workbench';

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

  it('edits the friction point from its row, then deletes it after confirming; the other rows stay', async () => {
    const { page } = wb;
    const EDITED = 'The build script needs a warm cache';
    // A click on a friction row opens it for editing, as Enter does.
    await timelineRow(frame, 'friction', `Friction: ${TITLE}`).click();
    await answerInputBox(page, 'Edit Friction Point', EDITED);
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Friction category' }).waitFor();
    await pickQuickItem(page, 'tooling');
    const edited = timelineRow(frame, 'friction', `Friction: ${EDITED}`);
    await edited.waitFor({ timeout: 20_000 });
    assert.match(await edited.locator('.detail').textContent() ?? '', /^tooling/);
    assert.equal(await timelineRow(frame, 'friction', `Friction: ${TITLE}`).count(), 0, 'the old title is gone');

    await edited.hover();
    await edited.locator('[data-action="delete"]').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.textContent() ?? '', /Delete the friction point "The build script needs a warm cache"\?/);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await edited.waitFor({ state: 'detached', timeout: 20_000 });
    await frame.locator('.counter.tone-friction[aria-label="0 friction points"]').waitFor();
    await timelineRow(frame, 'command', /failed \(exit 4\)/).waitFor();
  });
});
