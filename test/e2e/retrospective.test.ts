import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Workbench } from './workbench';
import { openWorkbench, quickInput, runCommand, screenshot, startSession, timelineRow, typeInTerminal } from './workbench';

const FOCUS = 'Teach greet() to say goodbye';

/** What a person writes under each hint, by the heading the hint sits under. Diary and feedback meet the word minimums. */
const WRITTEN: ReadonlyArray<{ heading: RegExp; text: string }> = [
  {
    heading: /^## Session Diary/,
    text: [
      'I started the session wanting to teach greet() a polite goodbye, and I began by reading the small test script to see what it already checked.',
      'I ran a quick echo in the terminal to make sure the recording picked it up, then I made a first commit that touched the README so the history had a marker.',
      'After that I tried a command that I knew would fail, because I wanted to see how the timeline marks a failure, and it showed up in red within a second.',
      'I spent a while deciding whether goodbye belongs in the same module or in its own file, and I settled on keeping it next to greet because they share the name formatting.',
      'If I did this again I would write the test first, since I caught myself checking the output by eye twice, which is slow and easy to get wrong.',
      'I also learned that committing from the terminal is recorded just as well as committing from the editor, which means I can keep my usual habits.',
      'By the end I had a clear picture of what remains, and I wrote the next steps down so tomorrow I can start without rereading everything.',
    ].join(' '),
  },
  { heading: /^## What Went Well/, text: '- The timeline showed every command and the commit live, so I never lost track of what I had done.\n- Committing from the terminal needed no extra step to be recorded.' },
  { heading: /^## What Could Improve/, text: '- I checked output by eye instead of writing the test first.\n- I spent too long choosing where the goodbye function should live.' },
  {
    heading: /^## Honest Feedback/,
    text: [
      'Honestly, the session went slower than it should have, mostly because I skipped the test and then paid for it by checking the same output by hand several times.',
      'The tooling itself stayed out of the way, and the failures I saw were ones I caused on purpose, but I still lost focus twice while deciding on file layout.',
      'A teammate would tell me to write the smallest failing test first and to decide the layout in the first five minutes, then stick to it until there is a reason to move.',
    ].join(' '),
  },
  {
    heading: /^### Friction Points/,
    text: [
      '1. **No test for goodbye yet** — I checked the output by eye three times, which cost about ten minutes of repeated manual runs.',
      '2. **Unclear module layout** — deciding between one file and two took a quarter of an hour of back and forth without new information.',
      '3. **A deliberately failing command** — running false to see the failure marking broke my flow and cost a couple of minutes to get back on track.',
    ].join('\n'),
  },
  { heading: /^## Lessons Learned/, text: '- Write the smallest failing test before changing behaviour, so every later check is one command.\n- Decide file layout in the first five minutes and revisit it only when a new requirement appears.' },
  { heading: /^## Next Steps/, text: '- [ ] Add a unit test for goodbye() that covers an empty name and a name with spaces.\n- [ ] Move the shared name formatting into a helper used by both greet() and goodbye().' },
];

/** The line (1-based) of the section's hint comment, or of its heading when it has none; text goes on the blank line after it. */
function insertionLine(lines: readonly string[], heading: RegExp): number {
  const at = lines.findIndex((l) => heading.test(l));
  assert.ok(at >= 0, `the draft has a section matching ${heading}`);
  for (let i = at + 1; i < lines.length && !/^#{1,3} /.test(lines[i] ?? ''); i++) {
    if ((lines[i] ?? '').includes('<!-- hint:')) return i + 1;
  }
  return at + 1;
}

/** The draft's editor; its hidden textarea has focus when keys go to the draft. */
function draftEditor(page: Page): { editor: Locator; focused: Locator } {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  return { editor, focused: page.locator('.editor-instance .monaco-editor.focused').first() };
}

/**
 * Moves the cursor to the start of `line` with Go to Line (Ctrl+G), as a keyboard user does.
 * (Not "End of the hint line": Markdown word-wraps, and End stops at the end of the visual line,
 * inside the long hint comment.) Each step waits for what the user would see before the next key:
 * on a loaded machine the widget opens late, and keys typed before it would land in the draft.
 */
async function goToLine(page: Page, line: number): Promise<void> {
  await draftEditor(page).focused.waitFor();
  await page.keyboard.press('Control+G');
  const input = quickInput(page);
  await input.waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLInputElement>('.quick-input-widget input');
    return el !== null && el.value.startsWith(':');
  });
  await input.fill(`:${line}`);
  await page.locator('.quick-input-widget', { hasText: `line ${line}` }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await draftEditor(page).focused.waitFor();
}

/** The count the CodeLens at the top of the draft shows; the cursor goes to the top so the lens is in view. */
async function checksPassing(page: Page): Promise<number> {
  const { editor, focused } = draftEditor(page);
  // Keys go to the focused part; a toast or a late widget can hold focus, so make sure it is the draft.
  if (!(await focused.isVisible())) await editor.locator('.view-lines').click();
  await focused.waitFor();
  await page.keyboard.press('Control+Home');
  const lens = page.locator('.codelens-decoration a', { hasText: /\d+ of 10 checks pass/ }).first();
  await lens.waitFor({ timeout: 20_000 });
  const m = /(\d+) of 10 checks pass/.exec(await lens.textContent() ?? '');
  assert.ok(m, 'the CodeLens shows a count');
  return Number(m[1]);
}

/** Polls the CodeLens (validation is debounced, the lens redraws after it) until `ok` holds or 15 s pass; returns the last count. */
async function checksPassingWhen(page: Page, ok: (n: number) => boolean): Promise<number> {
  const deadline = Date.now() + 15_000;
  let n = await checksPassing(page);
  while (!ok(n) && Date.now() < deadline) {
    await page.waitForTimeout(250);
    n = await checksPassing(page);
  }
  return n;
}

describe('End Session and the retrospective (e2e, Chromium + code-server)', () => {
  let wb: Workbench;
  let draft: string;
  before(async () => {
    wb = await openWorkbench({ settings: { 'files.autoSave': 'off' } });
    const frame = await startSession(wb.page, FOCUS);
    await typeInTerminal(wb.page, 'echo hello');
    await timelineRow(frame, 'command', 'echo hello succeeded').waitFor({ timeout: 20_000 });
    await typeInTerminal(wb.page, 'echo bye >> README.md && git commit -qam "Add a goodbye line"');
    await timelineRow(frame, 'commit', 'Add a goodbye line').waitFor({ timeout: 30_000 });
  });
  after(async () => { await wb?.close(); });

  it('ends the session with three answers and opens the draft with its check count', async () => {
    const { page } = wb;
    await runCommand(page, 'Session Journal: End Session');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'End Session (1/3)' }).waitFor();
    await page.keyboard.press('Enter'); // the first type, "feature"
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'End Session (2/3)' }).waitFor();
    assert.equal(await quickInput(page).inputValue(), FOCUS, 'the focus from Start Session is offered');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'End Session (3/3)' }).waitFor();
    await page.keyboard.press('Enter'); // the template: "session", preselected

    await page.locator('.tabs-container .tab.active', { hasText: /\.md$/ }).waitFor({ timeout: 20_000 });
    const dir = path.join(wb.workspace, 'retrospectives', 'sessions');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.equal(files.length, 1, `one draft in ${dir}`);
    draft = path.join(dir, files[0] ?? '');
    const text = fs.readFileSync(draft, 'utf8');
    assert.match(text, /\*\*Primary Focus\*\*: Teach greet\(\) to say goodbye/);
    assert.match(text, /\*\*Session Type\*\*: feature/);
    assert.match(text, /Add a goodbye line/, 'the commit is in the draft');
    assert.ok((await checksPassing(page)) < 10, 'a fresh draft does not pass every check');
  });

  it('counts up as the user writes the parts only they know, then Finish opens the preview', async () => {
    const { page } = wb;
    const before = await checksPassing(page);
    const lines = fs.readFileSync(draft, 'utf8').split('\n');
    // Bottom-up, so the line numbers read from the file stay right while typing above them.
    const spots = WRITTEN.map((w) => ({ ...w, line: insertionLine(lines, w.heading) })).sort((a, b) => b.line - a.line);
    await page.locator('.editor-instance .monaco-editor').first().click();
    for (const spot of spots) {
      // The line after the hint is the blank one before the next heading: write there.
      await goToLine(page, spot.line + 1);
      await page.keyboard.insertText(`${spot.text}\n`);
    }
    const middle = await checksPassingWhen(page, (n) => n > before);
    // The summary is short: typed key by key.
    await goToLine(page, insertionLine(lines, /^## Session Summary/) + 1);
    await page.keyboard.type('I added a goodbye line to the README and planned the goodbye() function with its tests.\n', { delay: 2 });
    // Saving is what a person does before Finish; the file on disk then explains any failing check.
    await page.keyboard.press('Control+S');
    const after = await checksPassingWhen(page, (n) => n === 10);
    assert.ok(middle > before, `the count rises while writing: ${before} → ${middle}`);
    assert.ok(after >= middle, `and does not fall: ${middle} → ${after}`);
    const failing = after < 10 ? await page.locator('.codelens-decoration a', { hasText: /checks pass/ }).first().getAttribute('title') : '';
    assert.equal(after, 10, `every check passes once written (failing: ${failing ?? ''})\n${fs.readFileSync(draft, 'utf8')}`);

    await page.locator('.codelens-decoration a', { hasText: /^Finish$/ }).first().click();
    const preview = page.locator('.tabs-container .tab', { hasText: /^Preview / }).first();
    await preview.waitFor({ timeout: 30_000 });
    await page.locator('iframe.webview.ready[src*="markdown-language-features"]').waitFor({ timeout: 30_000 });
    await page.frameLocator('iframe.webview.ready[src*="markdown-language-features"]').frameLocator('iframe#active-frame')
      .locator('h1', { hasText: 'Session Retrospective' }).waitFor({ timeout: 30_000 });

    const finished = fs.readFileSync(draft, 'utf8');
    assert.match(finished, /## Retrospective Validation/);
    const checklist = finished.slice(finished.indexOf('## Retrospective Validation'));
    assert.ok((checklist.match(/^- \[x\] /gm) ?? []).length >= 10, `every rule checked:\n${checklist}`);
    assert.doesNotMatch(checklist, /^- \[ \] /m);
    assert.doesNotMatch(finished, /<!-- hint:/, 'Finish removes the hints');
    assert.match(finished, /- \[ \] Add a unit test for goodbye\(\)/, 'what the user wrote is kept verbatim');
    assert.match(finished, /I added a goodbye line to the README/);
    const file = await screenshot(page, 'retrospective');
    assert.ok(fs.statSync(file).size > 10_000);
  });
});
