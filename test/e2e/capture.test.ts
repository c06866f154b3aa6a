import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';
import {
  editAndSave, openWorkbench, quickOpen, recordDialogs, screenshot, setColorTheme, startSession, timelineContentFrame, timelineRow, typeInTerminal,
} from './workbench';

const FOCUS = 'Make greet() polite (e2e capture)';

describe('Capture, live on the timeline (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  let frame: FrameLocator;
  let dialogs: string[];
  before(async () => {
    // The web workbench auto-saves after a delay by default; off, so Ctrl+S is what saves.
    wb = await openWorkbench({ settings: { 'files.autoSave': 'off' } });
    dialogs = recordDialogs(wb.page);
    // code-server starts on Light+ whatever the profile says, so choose the dark theme as a person would.
    await setColorTheme(wb.page, 'Dark Modern', 'dark');
  });
  after(async () => { await wb?.close(); });

  it('starts a session from the palette and shows its focus in the panel header', async () => {
    frame = await startSession(wb.page, FOCUS);
    assert.equal((await frame.locator('.session .focus').textContent())?.trim(), FOCUS);
    await frame.locator('.row.event.kind-session-start .title', { hasText: FOCUS }).waitFor();
  });

  it('shows a successful and a failed terminal command as they finish', async () => {
    await typeInTerminal(wb.page, 'echo hello');
    const ok = timelineRow(frame, 'command', 'echo hello succeeded');
    await ok.waitFor({ timeout: 20_000 });
    assert.match(await ok.getAttribute('class') ?? '', /tone-command/);

    await typeInTerminal(wb.page, 'false');
    const failed = timelineRow(frame, 'command', 'false failed (exit 1)');
    await failed.waitFor({ timeout: 20_000 });
    const classes = await failed.getAttribute('class') ?? '';
    assert.match(classes, /tone-failed/, 'a failed command is coloured as failed');
    assert.match(classes, /stand-out/, 'a failed command carries the accent bar');
    await frame.locator('.counter.tone-failed[aria-label="1 failed"]').waitFor();
  });

  it('shows a commit made in the terminal with its subject', async () => {
    await typeInTerminal(wb.page, 'echo x >> README.md && git commit -qam "e2e commit"');
    const commit = timelineRow(frame, 'commit', /^Commit [0-9a-f]{7}: e2e commit$/);
    await commit.waitFor({ timeout: 30_000 });
    assert.match(await commit.locator('.detail').textContent() ?? '', /1 file, \+1 −0 on main/);
    await frame.locator('.counter.tone-commit[aria-label="1 commit"]').waitFor();
  });

  it('shows a save made in the editor (Quick Open, type, Ctrl+S)', async () => {
    await quickOpen(wb.page, 'greet.js', 'greet.js');
    await editAndSave(wb.page, '\n// Saved by the e2e capture test.\n');
    await timelineRow(frame, 'saves', 'Saved src/greet.js').waitFor({ timeout: 20_000 });
    await frame.locator('.counter.tone-save[aria-label="1 save in 1 file"]').waitFor();
    const onDisk = fs.readFileSync(path.join(wb.workspace, 'src', 'greet.js'), 'utf8');
    assert.match(onDisk, /Saved by the e2e capture test/, 'the editor really saved the file');
  });

  it('keeps every row on screen, newest first, and looks right in a dark theme', async () => {
    // Rows are absolutely positioned (virtual list), so their on-screen order is their top edge, not DOM order.
    const titles = await frame.locator('.row.event').evaluateAll((rows) => rows
      .map((r) => ({ top: r.getBoundingClientRect().top, text: r.querySelector('.title')?.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.text));
    const order = ['Saved src/greet.js', 'e2e commit', 'false failed', 'echo hello succeeded', 'Session started'];
    const positions = order.map((t) => titles.findIndex((title) => title.includes(t)));
    assert.ok(positions.every((p) => p >= 0), `all rows present: ${JSON.stringify(titles)}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, `newest first: ${JSON.stringify(titles)}`);
    const inner = await timelineContentFrame(wb.page);
    assert.equal(await inner.evaluate(() => document.body.classList.contains('vscode-dark')), true);
    // In the default side bar the five filter chips stay on one line, each label whole (the
    // sixth, Agent, shows only in sessions with agent events).
    const chips = await inner.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.chip')).filter((c) => !c.hidden).map((c) => {
      const label = c.lastElementChild;
      return { top: Math.round(c.getBoundingClientRect().top), cut: label !== null && label.scrollWidth > label.clientWidth };
    }));
    const sideBar = await wb.page.locator('.part.sidebar').first().boundingBox();
    assert.equal(chips.length, 5, "commits, commands, saves, notes, other: no Agent chip in a session without agent events");
    assert.equal(new Set(chips.map((c) => c.top)).size, 1, `chips on one line in a ${sideBar?.width ?? '?'} px side bar: ${JSON.stringify(chips)}`);
    assert.ok(chips.every((c) => !c.cut), 'no chip label is cut');
    const file = await screenshot(wb.page, 'capture-dark');
    assert.ok(fs.statSync(file).size > 10_000);
  });

  it('follows a switch to a light theme (Light+)', async () => {
    await setColorTheme(wb.page, 'Light+', 'light');
    const inner = await timelineContentFrame(wb.page);
    await inner.waitForFunction(() => document.body.classList.contains('vscode-light'), undefined, { timeout: 10_000 });
    // The panel's text colour must follow the theme: dark text on the light side bar.
    const color = await inner.evaluate(() => getComputedStyle(document.body).color);
    const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
    assert.ok((r ?? 255) + (g ?? 255) + (b ?? 255) < 3 * 128, `foreground is dark in a light theme: ${color}`);
    // A successful command's code span keeps the row's colour: VS Code's default webview styles
    // would make it textPreformat red in light themes, reading as a failure.
    const colours = await inner.evaluate(() => {
      const row = Array.from(document.querySelectorAll('.row.event.kind-command')).find((r) => !r.classList.contains('tone-failed'));
      const title = row?.querySelector('.title');
      const code = title?.querySelector('code');
      return title && code ? { title: getComputedStyle(title).color, code: getComputedStyle(code).color } : undefined;
    });
    assert.ok(colours, 'a successful command row with a code span is drawn');
    assert.equal(colours.code, colours.title, 'the command line has the row colour');
    await wb.page.keyboard.press('Escape');
    const file = await screenshot(wb.page, 'capture-light');
    assert.ok(fs.statSync(file).size > 10_000);
    assert.deepEqual(dialogs, []);
  });
});
