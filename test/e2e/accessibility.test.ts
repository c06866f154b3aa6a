import * as assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { ThemeKind, Workbench } from './workbench';
import {
  TIMELINE_IFRAME, openWorkbench, pickQuickItem, runCommand, screenshot, setColorTheme, startSession, timelineContentFrame,
  timelineRow, typeInTerminal,
} from './workbench';
import { revealTimeline } from './reliabilityHarness';

/** The four kinds of theme VS Code ships, by the names "Preferences: Color Theme" lists. */
const THEMES: readonly (readonly [string, ThemeKind])[] = [
  ['Dark Modern', 'dark'],
  ['Light Modern', 'light'],
  ['Dark High Contrast', 'hc-dark'],
  ['Light High Contrast', 'hc-light'],
];

/** WCAG 2.1 A and AA, the rules a Marketplace reviewer and a screen-reader user care about. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Serious and critical violations, each with its rule, its help text and where it is. */
function blocking(violations: readonly Violation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' > ')} ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`).join('\n    ')}`);
}

async function axeTimeline(page: Page): Promise<string[]> {
  // A side-bar webview's page is transparent: the person sees the side bar's colour through it.
  // axe, judging the page alone, would measure contrast against white; give it what the eye sees.
  const sideBar = await page.locator('.part.sidebar').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  const inner = await timelineContentFrame(page);
  await inner.evaluate((color) => { document.documentElement.style.backgroundColor = color; }, sideBar);
  // Only our webview's document: the workbench around it is VS Code's, not ours to judge here.
  const results = await new AxeBuilder({ page }).include({ fromFrames: [TIMELINE_IFRAME, 'iframe#active-frame', 'body'] }).withTags(TAGS).analyze();
  return blocking(results.violations);
}

describe('Accessibility (e2e, axe-core in Chromium + code-server)', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
    const frame = await startSession(wb.page, 'Accessibility e2e');
    await typeInTerminal(wb.page, 'echo checked by axe');
    await typeInTerminal(wb.page, 'false');
    await timelineRow(frame, 'command', 'false failed').waitFor({ timeout: 30_000 });
  });
  after(async () => {
    // The theme is a user setting, shared with the suites that run after this one.
    if (wb) await setColorTheme(wb.page, 'Dark Modern', 'dark').catch(() => undefined);
    await wb?.close();
  });

  it('the Timeline (header, toolbar, rows, a failure) has no serious or critical violation in dark, light and both high-contrast themes', async () => {
    const found: string[] = [];
    for (const [theme, kind] of THEMES) {
      await setColorTheme(wb.page, theme, kind);
      const inner = await timelineContentFrame(wb.page);
      await inner.waitForFunction((cls) => document.body.classList.contains(cls), THEME_BODY_CLASS[kind]);
      for (const v of await axeTimeline(wb.page)) found.push(`[${theme}] ${v}`);
      await screenshot(wb.page, `a11y-timeline-${kind}`);
    }
    assert.deepEqual(found, [], found.join('\n'));
  });

  it('is usable by keyboard alone: Tab reaches the list, arrows move along it, and the focused row is visibly marked', async () => {
    const inner = await timelineContentFrame(wb.page);
    await inner.locator('input[type="search"]').click();
    // From the search box, Tab walks the toolbar to the list's one tab stop (a roving tabindex).
    let onRow = false;
    for (let i = 0; i < 6 && !onRow; i++) {
      await wb.page.keyboard.press('Tab');
      onRow = await inner.evaluate(() => document.activeElement?.getAttribute('role') === 'listitem');
    }
    assert.ok(onRow, 'Tab reaches a row of the list');
    await wb.page.keyboard.press('Home');
    const before = await inner.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    await wb.page.keyboard.press('ArrowDown');
    const focused = await inner.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const style = active ? getComputedStyle(active) : undefined;
      return {
        role: active?.getAttribute('role') ?? null,
        label: active?.getAttribute('aria-label') ?? '',
        outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
      };
    });
    assert.equal(focused.role, 'listitem', `focus stays on a row: ${JSON.stringify(focused)}`);
    assert.ok(focused.label.length > 0 && focused.label !== before, `ArrowDown moved to the next row: "${before}" → "${focused.label}"`);
    assert.doesNotMatch(focused.outline, /^none|0px$/, `focus is visible: ${focused.outline}`);
  });

  it('Show Timeline puts the keyboard on the list: the arrows move along it at once', async () => {
    // revealTimeline sets the page's focus aside before the command, so what holds it after is the
    // command's doing; with rows to show, that must be a row, not the first button.
    await revealTimeline(wb.page);
    const inner = await timelineContentFrame(wb.page);
    const row = inner.locator('[role="listitem"]:focus');
    assert.equal(await row.count(), 1, `the focus is on a row: ${await inner.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'none')}`);
    const before = await row.getAttribute('aria-label');
    await wb.page.keyboard.press('ArrowDown');
    await inner.waitForFunction((label) => {
      const active = document.activeElement;
      return active?.getAttribute('role') === 'listitem' && active.getAttribute('aria-label') !== label;
    }, before);
    await screenshot(wb.page, 'a11y-show-timeline-keyboard');
  });

  it('announces a new row once, politely, in a status region', async () => {
    await typeInTerminal(wb.page, 'echo announced');
    const inner = await timelineContentFrame(wb.page);
    const region = inner.locator('[role="status"][aria-live="polite"]', { hasText: 'echo announced' });
    await region.waitFor({ state: 'attached', timeout: 30_000 });
    assert.match(await region.textContent() ?? '', /^New: `echo announced` succeeded/);
  });

  it('the session strip sums the session for a screen reader, names a column on hover, and a click brings the list to that moment', async () => {
    const inner = await timelineContentFrame(wb.page);
    const strip = inner.locator('.strip svg[role="img"]');
    await strip.waitFor();
    assert.match(await strip.getAttribute('aria-label') ?? '', /^Session at a glance: 0 commits, \d+ commands, .*; 1 failed$/);
    const failed = inner.locator('.strip rect.failed');
    assert.equal(await failed.count(), 1, 'one column marks the failed command');
    await failed.hover();
    assert.match(await failed.locator('title').textContent() ?? '', /^\d\d:\d\d(:\d\d)?–\d\d:\d\d(:\d\d)?: \d+ commands?, 1 failed$/);
    // Away from the failure first, so the click has somewhere to bring the list from.
    await inner.locator('.viewport').focus();
    await wb.page.keyboard.press('End');
    await failed.click();
    await inner.waitForFunction(() => /false/.test(document.activeElement?.getAttribute('aria-label') ?? ''), undefined, { timeout: 10_000 });
  });

  it('the Get Started walkthrough has no serious or critical violation in its steps', async () => {
    await runCommand(wb.page, 'Welcome: Open Walkthrough...');
    await pickQuickItem(wb.page, 'Get Started with Session Journal');
    await wb.page.locator('button.getting-started-step[data-step-id^="session-journal.session-journal#getStarted#"]').first().waitFor({ timeout: 30_000 });
    // Our part of the walkthrough: each step's text, command links and picture. The step buttons
    // around them are VS Code's own markup (axe flags their aria-checked and nesting in every
    // extension's walkthrough), which no contribution can change.
    const results = await new AxeBuilder({ page: wb.page })
      .include('.getting-started-step .step-description-container')
      .include('.getting-started-media')
      .withTags(TAGS).analyze();
    const found = blocking(results.violations);
    await screenshot(wb.page, 'a11y-walkthrough');
    assert.deepEqual(found, [], found.join('\n'));
  });
});

/** The class VS Code gives a webview's body in each kind of theme. */
const THEME_BODY_CLASS: Readonly<Record<ThemeKind, string>> = {
  dark: 'vscode-dark', light: 'vscode-light', 'hc-dark': 'vscode-high-contrast', 'hc-light': 'vscode-high-contrast-light',
};
