import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { finishText } from '../../src/core/retrospective/finish';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { BASIC_OFFSET, basicSession } from '../unit/retrospectiveFixture';
import type { Workbench } from './workbench';
import { openWorkbench, pickQuickItem, quickInput, quickOpen, runCommand, screenshot, setColorTheme } from './workbench';

const FILE = '2026-11-22-0912-csv-export.md';
const PREVIEW_IFRAME = 'iframe.webview.ready[src*="markdown-language-features"]';

/** What Finish writes for the golden basic session: the draft End Session renders, finished. */
function finishedRetrospective(): string {
  const j = basicSession();
  const model = buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
  return finishText(renderRetrospective(model), model).text;
}

function previewFrame(page: Page): FrameLocator {
  return page.frameLocator(PREVIEW_IFRAME).frameLocator('iframe#active-frame');
}

/** The chart as the preview script drew it for `theme` (its data-mermaid-theme); its SVG's markup. */
async function drawnChart(page: Page, theme: string): Promise<string> {
  const svg = previewFrame(page).locator(`div.mermaid[data-mermaid-theme="${theme}"] > svg[aria-roledescription="gantt"]`);
  await svg.waitFor({ timeout: 30_000 });
  // In view for the screenshots: the chart sits below the timeline.
  await svg.scrollIntoViewIfNeeded();
  return svg.evaluate((el) => el.outerHTML);
}

/** The CSS Mermaid embeds in the SVG: it carries the theme's colours. */
const styleOf = (svg: string) => /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';

describe('Mermaid charts in VS Code\'s Markdown preview (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  let finished: string;
  before(async () => {
    wb = await openWorkbench({ settings: { 'files.autoSave': 'off' } });
    finished = finishedRetrospective();
    assert.match(finished, /^```mermaid\ngantt$/m, 'the finished retrospective has a Mermaid chart');
    assert.match(finished, /## Retrospective Validation/, 'and Finish\'s checklist');
    const dir = path.join(wb.workspace, 'retrospectives', 'sessions');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, FILE), finished);
  });
  after(async () => { await wb?.close(); });

  it('draws the retrospective\'s chart as SVG in the preview, in a dark theme', async () => {
    const { page } = wb;
    // code-server starts on Light+ whatever the profile says, so choose the dark theme as a person would.
    await setColorTheme(page, 'Dark Modern', 'dark');
    await quickOpen(page, FILE, FILE);
    await runCommand(page, 'Markdown: Open Preview to the Side');
    await page.locator(PREVIEW_IFRAME).waitFor({ timeout: 30_000 });
    await previewFrame(page).locator('h1', { hasText: 'Session Retrospective' }).waitFor({ timeout: 30_000 });

    const svg = await drawnChart(page, 'dark');
    for (const label of ['abc1234 Add CSV export endpoint', 'npm test failed (exit 1) in 12 s']) assert.ok(svg.includes(label), `the chart shows "${label}"`);
    // Drawn, not listed: the fence's source is no longer on the page as text.
    assert.equal(await previewFrame(page).locator('code', { hasText: 'dateFormat' }).count(), 0);
    await screenshot(page, 'mermaid-preview-dark');
  });

  it('draws the chart again as the retrospective is edited', async () => {
    const { page } = wb;
    await page.locator('.editor-instance .monaco-editor').first().click();
    const line = finished.split('\n').indexOf('    section Commits') + 1;
    assert.ok(line > 0);
    await page.keyboard.press('Control+G');
    await quickInput(page).waitFor();
    await quickInput(page).fill(`:${line}`);
    await page.locator('.quick-input-widget', { hasText: `line ${line}` }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.keyboard.insertText('    Review with the team :milestone, 2026-11-22 09:40, 1m\n');
    await previewFrame(page).locator('div.mermaid[data-mermaid-theme="dark"] > svg text', { hasText: 'Review with the team' }).waitFor({ timeout: 30_000 });
  });

  it('follows the light theme, and both high-contrast themes', async () => {
    const { page } = wb;
    const dark = styleOf(await drawnChart(page, 'dark'));
    await setColorTheme(page, 'Light Modern', 'light');
    const light = styleOf(await drawnChart(page, 'light'));
    assert.notEqual(light, dark, 'the light chart has other colours than the dark one');
    await screenshot(page, 'mermaid-preview-light');

    for (const [theme, kind] of [['Dark High Contrast', 'highContrast'], ['Light High Contrast', 'highContrastLight']] as const) {
      await runCommand(page, 'Preferences: Color Theme');
      await pickQuickItem(page, theme);
      const style = styleOf(await drawnChart(page, kind));
      assert.ok(style !== light && style !== dark, `${theme} draws in its own colours`);
      await screenshot(page, `mermaid-preview-${kind}`);
    }
  });
});
