import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';
import {
  answerInputBox, editAndSave, openWorkbench, quickOpen, recordDialogs, runCommand, screenshot, startSession, timelineContentFrame, timelineRow,
  typeInTerminal,
} from './workbench';

/**
 * Classic payloads. None contains a single quote (each is typed inside '…' in bash) or a
 * backtick (row titles use backticks to mark code; see the report on titleWithCode).
 */
const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1//',
  '<a href="javascript:window.__xss=1">click me</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '{{7*7}} ${7*7} #{7*7}',
  '</textarea><script>window.__xss=1</script>',
  '<style>*{display:none}</style>',
  '<details open ontoggle=window.__xss=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<body onload=window.__xss=1>&lt;b&gt;entity&amp;</body>',
];

/** Payloads that can be file names (no "/"). */
const FILE_PAYLOADS = ['<img src=x onerror=window.__xss=1>', '"><svg onload=window.__xss=1>', '<details open ontoggle=window.__xss=1>', '{{7*7}}'];

describe('Hostile strings on the timeline stay text (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  let frame: FrameLocator;
  let dialogs: string[];
  before(async () => {
    wb = await openWorkbench({ settings: { 'files.autoSave': 'off' } });
    dialogs = recordDialogs(wb.page);
    frame = await startSession(wb.page, '<img src=x onerror=window.__xss=1> focus');
  });
  after(async () => { await wb?.close(); });

  it('shows a hostile session focus as text in the header', async () => {
    assert.equal(await frame.locator('.session .focus').textContent(), '<img src=x onerror=window.__xss=1> focus');
  });

  it('shows hostile commit messages and command lines as text', async () => {
    for (const p of PAYLOADS) {
      // The command row shows the command line (the payload in quotes), the commit row its subject.
      await typeInTerminal(wb.page, `git commit --allow-empty -qm '${p}'`);
      await timelineRow(frame, 'command', `-qm '${p}'`).waitFor({ timeout: 20_000 });
      await timelineRow(frame, 'commit', `: ${p}`).waitFor({ timeout: 30_000 });
    }
  });

  it('shows hostile notes typed in Add Note as text', async () => {
    for (const p of PAYLOADS) {
      await runCommand(wb.page, 'Session Journal: Add Note');
      await answerInputBox(wb.page, 'Add Note', p);
      await timelineRow(frame, 'note', `Note: ${p}`).waitFor({ timeout: 20_000 });
    }
  });

  it('shows a saved file with a hostile name as text', async () => {
    await typeInTerminal(wb.page, `touch ${FILE_PAYLOADS.map((p) => `'${p}.txt'`).join(' ')}`);
    await timelineRow(frame, 'command', 'touch ').waitFor({ timeout: 20_000 });
    for (const p of FILE_PAYLOADS) assert.ok(fs.existsSync(path.join(wb.workspace, `${p}.txt`)), `created ${p}.txt`);
    await quickOpen(wb.page, 'onerror', '<img src=x onerror=window.__xss=1>.txt');
    await editAndSave(wb.page, 'saved from the e2e xss test');
    await timelineRow(frame, 'saves', 'Saved <img src=x onerror=window.__xss=1>.txt').waitFor({ timeout: 20_000 });
  });

  it('ran nothing: no payload element, no global, no dialog, nothing hidden', async () => {
    const inner = await timelineContentFrame(wb.page);
    const found = await inner.evaluate(() => {
      const tags = ['img', 'svg', 'iframe', 'math', 'details', 'textarea', 'a', 'mglyph', 'table', 'body body'];
      // The view's own are left out: the session strip's chart and the carried-over checklist (their text is set as text).
      const elements = tags.flatMap((t) => Array.from(document.querySelectorAll(t)).filter((e) => !e.matches('.strip > svg[role="img"], details.carried-over')).map((e) => e.outerHTML.slice(0, 80)));
      const handlers = Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 80));
      const scripts = Array.from(document.querySelectorAll('script')).filter((s) => /__xss/.test(s.textContent ?? '') || /__xss/.test(s.src)).length;
      const styles = Array.from(document.querySelectorAll('style')).filter((s) => /display\s*:\s*none/.test(s.textContent ?? '') && /\*\s*\{/.test(s.textContent ?? '')).length;
      const xss = (window as unknown as { __xss?: unknown }).__xss;
      const parentXss = (() => {
        try { return (window.parent as unknown as { __xss?: unknown }).__xss; } catch { return 'cross-origin'; }
      })();
      return { elements, handlers, scripts, styles, xss: String(xss), parentXss: String(parentXss), rows: document.querySelectorAll('.row.event').length };
    });
    assert.deepEqual(found.elements, [], 'no element from a payload');
    assert.deepEqual(found.handlers, [], 'no inline event handler attribute');
    assert.equal(found.scripts, 0);
    assert.equal(found.styles, 0);
    assert.equal(found.xss, 'undefined');
    assert.ok(found.parentXss === 'undefined' || found.parentXss === 'cross-origin');
    assert.ok(found.rows > 5, 'rows are drawn');
    // The `<style>*{display:none}</style>` payload would hide the list; it must still be visible.
    assert.ok(await frame.locator('.row.event').first().isVisible());
    assert.equal(await wb.page.evaluate(() => String((window as unknown as { __xss?: unknown }).__xss)), 'undefined');
    for (const f of wb.page.frames()) {
      const value = await f.evaluate(() => String((window as unknown as { __xss?: unknown }).__xss)).catch(() => 'unreachable');
      assert.ok(value === 'undefined' || value === 'unreachable', `window.__xss in ${f.url().slice(0, 80)}: ${value}`);
    }
    // Search narrows the list to the notes with a payload: their text is literal too.
    await frame.locator('.search-input').fill('onerror');
    await frame.locator('.list-status', { hasText: /\d+ of \d+/ }).waitFor();
    const texts = await frame.locator('.row.event .title').allTextContents();
    assert.ok(texts.some((t) => t === 'Note: <img src=x onerror=window.__xss=1>'), JSON.stringify(texts));
    await screenshot(wb.page, 'xss');
    assert.deepEqual(dialogs, [], 'no alert, confirm or prompt');
  });
});
