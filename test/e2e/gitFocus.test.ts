import { execFileSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Workbench } from './workbench';
import { openWorkbench, startSession, timelineRow } from './workbench';

/** Hidden from VS Code's file watcher by this test's settings: only looking can find a repository there. */
const UNWATCHED = 'sj-unwatched';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Sample Dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** Whether the workbench's page has the focus, as the page itself tells. */
function hasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => document.hasFocus());
}

/**
 * A repository made outside the window (another terminal, a git client) while the person is
 * elsewhere: coming back to the window finds it. The folder is hidden from the file watcher
 * (files.watcherExclude), so the focus is the only thing that can.
 */
describe('A repository made while the window is in the background (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ settings: { 'files.autoSave': 'off', 'files.watcherExclude': { [`**/${UNWATCHED}/**`]: true } } });
    // Headless Chromium tells every page it has the focus; off, the page gains and loses it as a window does.
    const cdp = await wb.page.context().newCDPSession(wb.page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await wb.page.bringToFront();
  });
  after(async () => { await wb?.close(); });

  it('records its commit once the person comes back to the window', async () => {
    const frame = await startSession(wb.page, 'Repository made elsewhere');
    // The person switches to another window.
    const elsewhere = await wb.page.context().newPage();
    await elsewhere.bringToFront();
    assert.equal(await hasFocus(wb.page), false, 'the workbench lost the focus');
    // ...where a repository is made and committed to, inside the workspace.
    const repo = path.join(wb.workspace, UNWATCHED, 'made-elsewhere');
    fs.mkdirSync(repo, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(repo, 'notes.txt'), 'made elsewhere\n');
    git(repo, 'add', 'notes.txt');
    git(repo, 'commit', '-q', '-m', 'Made in another program');
    // The person comes back.
    await wb.page.bringToFront();
    assert.equal(await hasFocus(wb.page), true, 'the workbench has the focus again');
    await elsewhere.close();
    const commit = timelineRow(frame, 'commit', /^Commit [0-9a-f]{7}: Made in another program$/);
    await commit.waitFor({ timeout: 30_000 });
    assert.match(await commit.locator('.detail').textContent() ?? '', /1 file, \+1 −0 on main/);
  });
});
