import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import type { Page } from 'playwright-core';
import type { WebviewStringKey, WebviewStrings } from '../../src/shared/protocol';
import { englishWebviewStrings } from '../../src/shared/webviewStrings';

interface PreviewModule {
  sampleSession(now?: number): { events: Record<string, unknown>[]; summary: Record<string, unknown> };
  openPreview(options: { init: Record<string, unknown> }): Promise<{ page: Page; problems: string[]; close(): Promise<void> }>;
}

const root = path.resolve(__dirname, '..', '..');
const english = englishWebviewStrings();
// VS Code's own pseudo-localiser (ẇǿǿḓş ŀīķḗḗ ŧħīş, placeholders kept): a text the host did not send stands out as English.
const pseudo = getL10nPseudoLocalized(english) as unknown as WebviewStrings;

/** Every text a person or a screen reader meets on the page: the rendered text and the labelling attributes. */
async function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((e) =>
      ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
    const svgTitles = [...document.querySelectorAll('svg title')].map((t) => t.textContent ?? '');
    return [document.body.innerText, ...attributes, ...svgTitles].join('\n');
  });
}

/** English sentences of the table (no placeholder), which must not show when the host sent other texts. */
function englishSentences(): string[] {
  return (Object.keys(english) as WebviewStringKey[])
    .map((key) => english[key])
    .filter((text) => text.includes(' ') && !text.includes('{'));
}

describe('Timeline texts come from the host (e2e, the webview bundle in Chromium)', () => {
  let preview: PreviewModule;
  before(async () => {
    preview = (await import(path.join(root, 'scripts', 'previewWebview.mjs'))) as PreviewModule;
  });

  it('shows the pseudo-localised texts of the init message, and none of the English ones, during a session', async () => {
    const { page, problems, close } = await preview.openPreview({
      init: { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], strings: pseudo, ...preview.sampleSession() },
    });
    try {
      await page.locator('.session-times .elapsed').waitFor();
      const chips = await page.locator('.chip:visible').allTextContents();
      assert.deepEqual(chips, [pseudo.chipCommits, pseudo.chipCommands, pseudo.chipSaves, pseudo.chipNotes, pseudo.chipOther]);
      assert.equal(await page.locator('.chip').first().getAttribute('aria-label'), pseudo.chipCommitsLong);
      assert.equal(await page.locator('.search-input').getAttribute('placeholder'), pseudo.searchTimeline);
      assert.equal(await page.locator('.viewport').getAttribute('aria-label'), pseudo.sessionTimeline);
      assert.equal(await page.locator('section.session').getAttribute('aria-label'), pseudo.currentSession);
      assert.match(await page.locator('.session-times .elapsed').innerText(), new RegExp(`^\\d+:\\d\\d:\\d\\d ${pseudo.elapsed.replace('{0} ', '')}$`));
      const texts = await pageTexts(page);
      assert.deepEqual(englishSentences().filter((s) => texts.includes(s)), [], 'English the host did not send');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it('shows the empty state in the texts of the init message', async () => {
    const { page, problems, close } = await preview.openPreview({
      init: { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], strings: pseudo, summary: null, events: [] },
    });
    try {
      await page.locator('.empty-message').waitFor();
      assert.equal(await page.locator('.empty-message').innerText(), pseudo.emptyMessage);
      assert.deepEqual(await page.locator('.empty-state button').allInnerTexts(), [pseudo.startSession, pseudo.getStarted]);
      const texts = await pageTexts(page);
      assert.deepEqual(englishSentences().filter((s) => texts.includes(s)), [], 'English the host did not send');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
