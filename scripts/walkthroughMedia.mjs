// Draws the Get Started walkthrough's pictures from the real Timeline webview (the extension's
// bundle, page builder and CSS, in Debian's Chromium), in each theme VS Code picks a walkthrough
// image for: dark, light, high-contrast dark and high-contrast light. The session shown is an
// ordinary one, so the pictures teach the product instead of the preview's hostile test strings.
//
//   node scripts/walkthroughMedia.mjs   → media/walkthrough/{start,timeline,friction}-{dark,light,hc,hc-light}.png
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPreview, summarize } from './previewWebview.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'media', 'walkthrough');
const MINUTE = 60_000;
/** The preview's theme names, and the suffix VS Code's walkthrough image variants are saved under. */
const THEME_FILES = { dark: 'dark', light: 'light', 'hc-dark': 'hc', 'hc-light': 'hc-light' };

function walkthroughSession(now) {
  const start = now - 52 * MINUTE;
  const sessionId = '20261204-090000-5e55a0';
  let n = 0;
  const at = (min) => start + min * MINUTE;
  const base = (time) => ({ v: 1, id: `w${String(++n).padStart(3, '0')}`, sessionId, time });
  const cmd = (min, commandLine, exitCode, durationMs) => ({ ...base(at(min)), kind: 'command', commandLine, confidence: 'high', cwd: '.', exitCode, start: at(min) - durationMs, durationMs, terminal: 'bash' });
  const saves = (min, files) => ({ ...base(at(min)), kind: 'saves', start: at(min) - 30_000, files: files.map(([path, count]) => ({ path, count, languageId: 'typescript' })), count: files.reduce((s, [, c]) => s + c, 0) });
  const commit = (min, hash, subject, files, added, removed) => ({ ...base(at(min)), kind: 'commit', repo: '.', hash, subject, authorTime: at(min), branch: 'main', operation: 'commit', files: files.map((path) => ({ path, added: 20, removed: 4 })), added, removed });
  const events = [
    { ...base(at(0)), kind: 'session-start', focus: 'Retry uploads when the network drops', folders: ['upload-client'], trusted: true, utcOffsetMinutes: 0 },
    cmd(2, 'git pull --rebase', 0, 1_900),
    saves(6, [['src/upload/retry.ts', 3], ['src/upload/client.ts', 1]]),
    cmd(8, 'npm test -- --grep retry', 1, 6_300),
    { ...base(at(9)), kind: 'friction', title: 'Fake timers never fired the retry', detail: 'the client awaited a real setTimeout', category: 'tooling', trigger: { eventId: 'w004', summary: 'npm test -- --grep retry failed (exit 1)', exitCode: 1 } },
    saves(13, [['test/upload/retry.test.ts', 2], ['src/upload/retry.ts', 2]]),
    cmd(15, 'npm test -- --grep retry', 0, 5_800),
    { ...base(at(16)), kind: 'lesson', text: 'Inject the clock into the retry loop instead of faking globals' },
    commit(18, '4e1f0a9c2b3d4e5f6a7b', 'Upload client: retry with backoff on network errors', ['src/upload/retry.ts', 'src/upload/client.ts', 'test/upload/retry.test.ts'], 96, 11),
    saves(24, [['README.md', 1]]),
    cmd(27, 'npm run lint', 0, 7_100),
    { ...base(at(29)), kind: 'note', text: 'Backoff caps at 30 s; the server says 60 s is too long for the UI' },
    cmd(33, 'npm test', 0, 24_000),
    commit(36, '9b8c7d6e5f4a3b2c1d0e', 'README: retry settings', ['README.md'], 14, 2),
    cmd(41, 'git push', 0, 2_600),
    saves(48, [['src/upload/progress.ts', 4]]),
    cmd(51, 'npx tsc --noEmit', 0, 4_200),
  ];
  return { events, summary: summarize(events, sessionId, start, now) };
}

const init = { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], ...walkthroughSession(Date.now()) };
mkdirSync(OUT, { recursive: true });
for (const [theme, suffix] of Object.entries(THEME_FILES)) {
  const { page, problems, close } = await openPreview({ init, theme, width: 360, height: 560 });
  try {
    if (problems.length > 0) throw new Error(`The webview reported problems in ${theme}: ${problems.join('; ')}`);
    await page.locator('.header').screenshot({ path: join(OUT, `start-${suffix}.png`) });
    await page.screenshot({ path: join(OUT, `timeline-${suffix}.png`) });
    // The failed command, the friction logged about it, and the fixed run after it.
    const friction = await page.locator('.row.event.kind-friction').first().boundingBox();
    if (!friction) throw new Error('No friction row on screen');
    await page.screenshot({ path: join(OUT, `friction-${suffix}.png`), clip: { x: 0, y: Math.max(0, friction.y - 3 * friction.height), width: 360, height: 7 * friction.height } });
  } finally {
    await close();
  }
  console.log(`${theme}: start, timeline and friction pictures written`);
}
