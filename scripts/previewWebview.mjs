/* global window, document, requestAnimationFrame, MessageEvent -- functions passed to page.evaluate run in the browser */
// Renders the Timeline webview outside VS Code, in Debian's Chromium, with a fake VS Code API
// that feeds it a realistic session, and screenshots it in dark, light and both high-contrast themes. With
// `--events N` it loads N events instead and prints the first-render time and DOM node count;
// the benchmark imports `measureFirstRender` for the same numbers.
//
//   node scripts/previewWebview.mjs                 → test-output/webview-{dark,light,hc-dark,hc-light}.png
//   node scripts/previewWebview.mjs --events 10000  → first render time and DOM size
//   node scripts/previewWebview.mjs --appends       → smoothness of 1,000 live appends
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';

// The page HTML is built by the extension's TypeScript module; tsx loads it without a build step.
const { timelinePageHtml } = await tsImport('../src/shared/timelinePage.ts', import.meta.url);
// And the host's paging, so the page receives the session the way the view provider sends it.
const { pageEvents } = await tsImport('../src/shared/eventPages.ts', import.meta.url);
// No host here to translate: the English table the host would send (a state may bring its own).
const { englishWebviewStrings } = await tsImport('../src/shared/webviewStrings.ts', import.meta.url);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NONCE = 'cHJldmlldy1ub25jZQ==';
const MINUTE = 60_000;

/** A realistic subset of VS Code's Dark Modern and Light Modern colours, as the workbench injects them. */
export const THEMES = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
      'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
      foreground: '#cccccc', descriptionForeground: '#9d9d9d', errorForeground: '#f85149', focusBorder: '#0078d4',
      'icon-foreground': '#cccccc', 'sideBar-background': '#181818', 'sideBar-foreground': '#cccccc', 'sideBar-border': '#2b2b2b',
      'sideBarSectionHeader-background': '#181818', 'sideBarSectionHeader-border': '#2b2b2b', 'widget-border': '#313131', 'widget-shadow': '#0000005c',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1', 'button-border': '#ffffff12',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc',
      'input-background': '#313131', 'input-border': '#3c3c3c', 'input-foreground': '#cccccc', 'input-placeholderForeground': '#989898',
      'inputOption-activeBackground': '#2489db82', 'inputOption-activeBorder': '#2488db', 'inputOption-activeForeground': '#ffffff',
      'checkbox-border': '#3c3c3c', 'toolbar-hoverBackground': '#5a5d5e50',
      'list-hoverBackground': '#2a2d2e', 'list-focusOutline': '#0078d4', 'list-inactiveSelectionBackground': '#37373d', 'list-activeSelectionBackground': '#04395e',
      'textLink-foreground': '#4daafc', 'editorWarning-foreground': '#cca700',
      'inputValidation-warningBackground': '#352a05', 'inputValidation-warningBorder': '#b89500',
      'charts-foreground': '#cccccc', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff', 'charts-yellow': '#cca700',
      'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
      'testing-iconFailed': '#f14c4c', 'testing-iconPassed': '#73c991', 'contrastBorder': 'transparent',
      'scrollbarSlider-background': '#79797966', 'scrollbarSlider-hoverBackground': '#646464b3', 'scrollbarSlider-activeBackground': '#bfbfbf66',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
      'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
      foreground: '#3b3b3b', descriptionForeground: '#717171', errorForeground: '#f85149', focusBorder: '#005fb8',
      'icon-foreground': '#3b3b3b', 'sideBar-background': '#f8f8f8', 'sideBar-foreground': '#3b3b3b', 'sideBar-border': '#e5e5e5',
      'sideBarSectionHeader-background': '#f8f8f8', 'sideBarSectionHeader-border': '#e5e5e5', 'widget-border': '#e5e5e5', 'widget-shadow': '#00000029',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8', 'button-border': '#0000001a',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b',
      'input-background': '#ffffff', 'input-border': '#cecece', 'input-foreground': '#3b3b3b', 'input-placeholderForeground': '#767676',
      'inputOption-activeBackground': '#bed6ed', 'inputOption-activeBorder': '#005fb8', 'inputOption-activeForeground': '#000000',
      'checkbox-border': '#cecece', 'toolbar-hoverBackground': '#b8b8b850',
      'list-hoverBackground': '#f2f2f2', 'list-focusOutline': '#005fb8', 'list-inactiveSelectionBackground': '#e4e6f1', 'list-activeSelectionBackground': '#e8e8e8',
      'textLink-foreground': '#005fb8', 'editorWarning-foreground': '#bf8803',
      'inputValidation-warningBackground': '#f6f5d2', 'inputValidation-warningBorder': '#b89500',
      'charts-foreground': '#616161', 'charts-red': '#e51400', 'charts-blue': '#1a85ff', 'charts-yellow': '#bf8803',
      'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
      'testing-iconFailed': '#f14c4c', 'testing-iconPassed': '#73c991', 'contrastBorder': 'transparent',
      'scrollbarSlider-background': '#64646466', 'scrollbarSlider-hoverBackground': '#646464b3', 'scrollbarSlider-activeBackground': '#00000099',
    },
  },
  // VS Code's Dark High Contrast and Light High Contrast: black or white ground, a border on
  // every widget (contrastBorder) and an orange or blue one for focus (contrastActiveBorder).
  'hc-dark': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
      'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
      foreground: '#ffffff', descriptionForeground: '#ffffffb3', errorForeground: '#f48771', focusBorder: '#f38518',
      contrastBorder: '#6fc3df', contrastActiveBorder: '#f38518',
      'icon-foreground': '#ffffff', 'sideBar-background': '#000000', 'sideBar-foreground': '#ffffff', 'sideBar-border': '#6fc3df',
      'sideBarSectionHeader-background': '#000000', 'sideBarSectionHeader-border': '#6fc3df', 'widget-border': '#6fc3df', 'widget-shadow': 'transparent',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'button-hoverBackground': '#000000', 'button-border': '#6fc3df',
      'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
      'input-background': '#000000', 'input-border': '#6fc3df', 'input-foreground': '#ffffff', 'input-placeholderForeground': '#ffffffb3',
      'inputOption-activeBackground': 'transparent', 'inputOption-activeBorder': '#6fc3df', 'inputOption-activeForeground': '#ffffff',
      'checkbox-border': '#6fc3df', 'toolbar-hoverBackground': 'transparent',
      'list-hoverBackground': 'transparent', 'list-focusOutline': '#f38518', 'list-inactiveSelectionBackground': 'transparent', 'list-activeSelectionBackground': 'transparent',
      'textLink-foreground': '#21a6ff', 'editorWarning-foreground': '#ffd370',
      'inputValidation-warningBackground': '#000000', 'inputValidation-warningBorder': '#6fc3df',
      'charts-foreground': '#ffffff', 'charts-red': '#f48771', 'charts-blue': '#3794ff', 'charts-yellow': '#ffd370',
      'charts-orange': '#ff9d4d', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
      'testing-iconFailed': '#f14c4c', 'testing-iconPassed': '#73c991',
      'scrollbarSlider-background': '#6fc3df99', 'scrollbarSlider-hoverBackground': '#6fc3dfcc', 'scrollbarSlider-activeBackground': '#6fc3df',
    },
  },
  'hc-light': {
    bodyClass: 'vscode-high-contrast-light',
    vars: {
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
      'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
      foreground: '#292929', descriptionForeground: '#292929b3', errorForeground: '#b5200d', focusBorder: '#006bbd',
      contrastBorder: '#0f4a85', contrastActiveBorder: '#006bbd',
      'icon-foreground': '#292929', 'sideBar-background': '#ffffff', 'sideBar-foreground': '#292929', 'sideBar-border': '#0f4a85',
      'sideBarSectionHeader-background': '#ffffff', 'sideBarSectionHeader-border': '#0f4a85', 'widget-border': '#0f4a85', 'widget-shadow': 'transparent',
      'button-background': '#0f4a85', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0f4a85', 'button-border': '#0f4a85',
      'button-secondaryBackground': '#ffffff', 'button-secondaryForeground': '#292929',
      'input-background': '#ffffff', 'input-border': '#0f4a85', 'input-foreground': '#292929', 'input-placeholderForeground': '#292929b3',
      'inputOption-activeBackground': 'transparent', 'inputOption-activeBorder': '#0f4a85', 'inputOption-activeForeground': '#292929',
      'checkbox-border': '#0f4a85', 'toolbar-hoverBackground': 'transparent',
      'list-hoverBackground': 'transparent', 'list-focusOutline': '#006bbd', 'list-inactiveSelectionBackground': 'transparent', 'list-activeSelectionBackground': 'transparent',
      'textLink-foreground': '#0f4a85', 'editorWarning-foreground': '#895503',
      'inputValidation-warningBackground': '#ffffff', 'inputValidation-warningBorder': '#0f4a85',
      'charts-foreground': '#292929', 'charts-red': '#b5200d', 'charts-blue': '#0f4a85', 'charts-yellow': '#895503',
      'charts-orange': '#8f4400', 'charts-green': '#374e06', 'charts-purple': '#6b2e8a',
      'testing-iconFailed': '#b5200d', 'testing-iconPassed': '#374e06',
      'scrollbarSlider-background': '#0f4a8566', 'scrollbarSlider-hoverBackground': '#0f4a8599', 'scrollbarSlider-activeBackground': '#0f4a85',
    },
  },
};

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A realistic session of ~40 varied events, ending `now`, with hostile strings in captured text. */
export function sampleSession(now = Date.now()) {
  const start = now - 118 * MINUTE;
  const sessionId = '20261121-120000-a1b2c3';
  let n = 0;
  const at = (min) => start + min * MINUTE;
  const base = (time) => ({ v: 1, id: `e${String(++n).padStart(4, '0')}`, sessionId, time });
  const cmd = (min, commandLine, exitCode, durationMs, extra = {}) => ({ ...base(at(min)), kind: 'command', commandLine, confidence: 'high', cwd: '.', exitCode, start: at(min) - durationMs, durationMs, terminal: 'bash', ...extra });
  const saves = (min, files) => ({ ...base(at(min)), kind: 'saves', start: at(min) - 40_000, files: files.map(([path, count]) => ({ path, count, languageId: 'typescript' })), count: files.reduce((s, [, c]) => s + c, 0) });
  const commit = (min, hash, subject, files, added, removed) => ({ ...base(at(min)), kind: 'commit', repo: '.', hash, subject, authorTime: at(min), branch: 'main', operation: 'commit', files: files.map((path) => ({ path, added: 12, removed: 3 })), added, removed });
  const events = [
    { ...base(at(0)), kind: 'session-start', focus: 'Timeline webview: virtual list and live updates', folders: ['session-journal'], trusted: true, utcOffsetMinutes: 60 },
    cmd(2, 'git status', 0, 80),
    saves(4, [['src/webview/main.ts', 3]]),
    cmd(5, 'npm run typecheck', 0, 8_400),
    saves(9, [['src/webview/virtualList.ts', 4], ['src/webview/rowView.ts', 2], ['media/timeline.css', 5], ['src/webview/timelineModel.ts', 1], ['src/webview/format.ts', 1]]),
    cmd(11, 'npx mocha test/unit/timelineModel.test.ts', 1, 3_200),
    { ...base(at(12)), kind: 'friction', title: 'Mocha ran every spec instead of the one file', detail: '.mocharc spec list is merged with the CLI file', category: 'tooling', trigger: { eventId: 'e0006', summary: 'npx mocha test/unit/timelineModel.test.ts failed (exit 1)', exitCode: 1 } },
    cmd(14, 'npx mocha test/unit/timelineModel.test.ts', 0, 2_900),
    commit(16, '3f2a9c1e7b6d5a4032f1', 'Timeline model: rows grouped by hour', ['src/webview/timelineModel.ts', 'test/unit/timelineModel.test.ts'], 212, 8),
    { ...base(at(18)), kind: 'note', text: 'Hour headers are rows too, so the list keeps one fixed row height' },
    saves(21, [['src/webview/sessionHeader.ts', 2]]),
    cmd(22, `echo "${HOSTILE}" && printf '%s' '<script>alert(1)</script>'`, 0, 40),
    saves(24, [[`docs/${HOSTILE}.md`, 1]]),
    { ...base(at(25)), kind: 'file-op', op: 'create', paths: ['src/webview/toolbar.ts'] },
    cmd(27, 'node scripts/previewWebview.mjs', 1, 12_400, { cwd: '.' }),
    { ...base(at(28)), kind: 'notice', code: 'no-shell-integration', message: 'Terminal "zsh" has no shell integration: its commands are not captured.' },
    cmd(30, 'node scripts/previewWebview.mjs', 0, 6_100),
    { ...base(at(33)), kind: 'task', name: 'npm: watch', source: 'npm', start: at(31), durationMs: 120_000, exitCode: 0 },
    { ...base(at(36)), kind: 'session-pause' },
    { ...base(at(44)), kind: 'session-resume' },
    { ...base(at(52)), kind: 'idle', from: at(45), to: at(52) },
    commit(55, 'b7c1d2e3f4a5968778695a4b', `Escape captured text ${HOSTILE} in the panel`, ['src/webview/rowView.ts'], 40, 12),
    cmd(57, 'git push --force-with-lease origin timeline-webview-with-a-really-long-branch-name-that-will-not-fit', 128, 2_300),
    { ...base(at(58)), kind: 'friction', title: 'Push rejected: remote branch protected', detail: 'had to open a PR instead', category: 'environment' },
    cmd(60, 'gh pr create --fill', 0, 4_200),
    { ...base(at(63)), kind: 'debug', name: 'Extension Tests', type: 'extensionHost', start: at(61), durationMs: 95_000 },
    saves(66, [['src/vscode/views/timelineViewProvider.ts', 6], ['package.json', 1]]),
    cmd(68, 'npm test', 1, 41_000),
    { ...base(at(69)), kind: 'task', name: 'tsc: watch', source: 'typescript', start: at(68), durationMs: 30_000, exitCode: 2 },
    { ...base(at(71)), kind: 'lesson', text: 'Measure the webview with 10,000 events before polishing pixels' },
    cmd(74, 'npm test', 0, 39_000),
    commit(78, 'c0ffee1234567890abcdef12', 'Timeline provider: CSP, batching, disposal', ['src/vscode/views/timelineViewProvider.ts', 'package.json', 'media/icon.svg'], 180, 22),
    { ...base(at(81)), kind: 'git-op', repo: '.', op: 'checkout', message: 'checkout: moving from main to timeline-polish', branch: 'timeline-polish' },
    // A dev server whose terminal was closed while it ran: the shell never reported its end.
    cmd(86, 'npm run dev -- --port 5173', null, 125_000, { endNotReported: 'terminal-closed', terminal: 'dev server' }),
    saves(90, [['media/timeline.css', 9], ['src/webview/rowView.ts', 3]]),
    cmd(95, 'npm run lint -- --fix', 0, 9_000),
    { ...base(at(100)), kind: 'note', text: `Subjects like ${HOSTILE} render as text — good` },
    saves(106, [['README.md', 2]]),
    cmd(110, 'npx tsc --noEmit -p src/webview/tsconfig.json', 0, 5_600),
    { ...base(at(113)), kind: 'file-op', op: 'rename', paths: ['src/webview/header.ts'], renames: [{ from: 'src/webview/header.ts', to: 'src/webview/sessionHeader.ts' }] },
    cmd(116, 'git commit -m "Timeline polish"', 0, 700),
    commit(117, 'd00dfeed0987654321abcdef', 'Timeline polish: spacing, icons, sticky hour headers', ['media/timeline.css', 'src/webview/rowView.ts'], 64, 30),
  ];
  return { events, summary: summarize(events, sessionId, start, now) };
}

/** `count` events spread over the last hours, the shape a long real session has. */
export function largeSession(count, now = Date.now()) {
  const sample = sampleSession(now).events.filter((e) => e.kind !== 'session-start');
  const sessionId = '20261120-080000-ffffff';
  const step = 9_000;
  const start = now - count * step;
  const events = [{ v: 1, id: 'L0', sessionId, time: start, kind: 'session-start', focus: `Load test with ${count} events`, folders: ['big'], trusted: true, utcOffsetMinutes: 60 }];
  for (let i = 1; i < count; i++) {
    const template = sample[i % sample.length];
    const time = start + i * step;
    const shifted = { ...template, id: `L${i}`, sessionId, time };
    if ('start' in template) shifted.start = time - (template.time - template.start);
    if (template.kind === 'commit') shifted.hash = (i.toString(16) + 'abcdef0123456789').slice(0, 16);
    events.push(shifted);
  }
  return { events, summary: summarize(events, sessionId, start, now) };
}

export function summarize(events, sessionId, start, now) {
  const count = (kind) => events.filter((e) => e.kind === kind).length;
  const commands = events.filter((e) => e.kind === 'command');
  const saves = events.filter((e) => e.kind === 'saves');
  const files = new Set(saves.flatMap((e) => e.files.map((f) => f.path)));
  return {
    sessionId,
    focus: events[0].focus,
    start,
    paused: false,
    elapsedMs: now - start,
    activeMs: Math.round((now - start) * 0.82),
    counts: {
      commits: count('commit'), commands: commands.length, commandsFailed: commands.filter((c) => c.exitCode !== 0).length,
      saves: saves.reduce((s, e) => s + e.count, 0), files: files.size, friction: count('friction'), notes: count('note'),
      lessons: count('lesson'), tasksFailed: events.filter((e) => e.kind === 'task' && e.exitCode !== 0).length,
    },
  };
}

/** Builds the webview bundle with the same settings the extension build uses for the browser. */
export async function buildWebview(outDir) {
  await esbuild.build({
    entryPoints: [join(root, 'src/webview/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile: join(outDir, 'webview.js'),
    logLevel: 'warning',
  });
}

/**
 * The messages the view provider posts for a full state: `init` with the newest events, then the
 * older ones page by page (src/vscode/views/timelineViewProvider.ts, sendInit).
 */
export function hostMessages(state, generation = 1) {
  const pages = pageEvents(state.events);
  const messages = [{ strings: englishWebviewStrings(), ...state, type: 'init', events: pages.first, total: state.events.length, generation }];
  let remaining = state.events.length - pages.first.length;
  for (const events of pages.older) {
    remaining -= events.length;
    messages.push({ type: 'older', generation, events, remaining });
  }
  return messages;
}

/**
 * Writes a page that loads the bundle the way the view provider does (the same page builder and CSP)
 * plus a fake `acquireVsCodeApi` that answers `ready` with the provider's messages (`init`, then
 * each older page as its own task, as postMessage delivers them) and times their handling:
 * `__perf` once the first frame is drawn, `__perf.allMs` once the last page is in and drawn.
 */
export function writePage(dir, theme, init, uiState) {
  const vars = Object.entries(THEMES[theme].vars).map(([k, v]) => `  --vscode-${k}: ${v};`).join('\n');
  writeFileSync(join(dir, `theme-${theme}.css`), `html {\n${vars}\n  background: var(--vscode-sideBar-background);\n}\n`);
  // The session once, as the host's messages; `__init` is the first (the newest events and the summary).
  writeFileSync(join(dir, 'data.js'), `window.__messages = ${JSON.stringify(hostMessages(init))};\nwindow.__init = window.__messages[0];\nwindow.__uiState = ${JSON.stringify(uiState ?? null)};\n`);
  writeFileSync(join(dir, 'fake.js'), `
window.__posted = [];
window.acquireVsCodeApi = () => ({
  postMessage(message) {
    window.__posted.push(message);
    if (message.type !== 'ready') return;
    setTimeout(() => {
      const [init, ...older] = window.__messages;
      const t0 = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: init }));
      const t1 = performance.now();
      // The longest gap between frames while the pages stream in: each page must fit between frames.
      // Counted from the first frame painted on: that frame (the page's first layout and paint) is
      // the first-frame figure, and counting it here too would make this figure a second copy of it.
      let last = 0;
      let worstGap = 0;
      requestAnimationFrame(() => setTimeout(() => {
        window.__perf = { handleMs: t1 - t0, firstFrameMs: performance.now() - t0, domNodes: document.querySelectorAll('*').length };
        // The first screen as drawn, for the floor page (writeFloorPage); only when asked, as it costs a task.
        if (location.hash === '#capture') window.__firstScreen = document.getElementById('root').innerHTML;
        last = performance.now();
      }, 0));
      const onFrame = (t) => {
        // A frame's timestamp is when it began: one begun before the first frame was done waited
        // for that frame's own work (the first-frame figure), and is not a gap of the stream's.
        if (last > 0 && t > last) {
          worstGap = Math.max(worstGap, t - last);
          last = t;
        }
        if (!window.__allLoaded) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      // Each page as its own task, without setTimeout's clamp, the way posted messages arrive.
      const channel = new MessageChannel();
      let next = 0;
      channel.port1.onmessage = () => {
        const page = older[next++];
        if (page) {
          window.dispatchEvent(new MessageEvent('message', { data: page }));
          channel.port2.postMessage(0);
        } else {
          // Every page posted; the webview may take them in over the next frames. All are in once
          // the list is as tall as a row per event (hour headers only add to it).
          const total = window.__messages.reduce((n, m) => n + m.events.length, 0);
          const done = () => {
            const canvas = document.querySelector('.virtual-canvas');
            if (!canvas || canvas.getBoundingClientRect().height < total * 22) return requestAnimationFrame(done);
            setTimeout(() => {
              window.__allLoaded = { allMs: performance.now() - t0, worstFrameGapMs: worstGap, heapBytes: performance.memory?.usedJSHeapSize ?? Number.NaN };
            }, 0);
          };
          requestAnimationFrame(done);
        }
      };
      channel.port2.postMessage(0);
    }, 0);
  },
  getState: () => window.__uiState,
  setState: (state) => { window.__uiState = state; },
});
`);
  // The extension's own page builder, so the preview shows the page (and CSP) users get.
  writeFileSync(join(dir, `${theme}.html`), timelinePageHtml({
    cspSource: 'file:',
    nonce: NONCE,
    styles: [`theme-${theme}.css`, 'codicon.css', 'timeline.css'],
    scripts: ['data.js', 'fake.js', 'webview.js'],
    bodyClass: THEMES[theme].bodyClass,
  }));
  return pathToFileURL(join(dir, `${theme}.html`)).href;
}

/**
 * The floor of the first-frame figure: a page with the same stylesheets, the same session parsed
 * (data.js) and the first screen the webview drew (`firstScreen`, its root's HTML) inserted as
 * static HTML at the moment the fake host would post `init` (after \`load\`). What it times is the
 * browser's own work to show that screen in a fresh page (style, the fonts' first use, layout,
 * paint) with none of the webview's code; `__perf` has the same fields as the webview page's.
 */
export function writeFloorPage(dir, theme, init, firstScreen) {
  writePage(dir, theme, init);
  writeFileSync(join(dir, 'first-screen.js'), `window.__firstScreen = ${JSON.stringify(firstScreen)};\n`);
  writeFileSync(join(dir, 'floor.js'), `
// The icon font asked for as early as the webview asks for it (src/webview/main.ts).
void document.fonts.load('16px codicon');
window.addEventListener('load', () => setTimeout(() => {
  const t0 = performance.now();
  document.getElementById('root').innerHTML = window.__firstScreen;
  const t1 = performance.now();
  requestAnimationFrame(() => setTimeout(() => {
    window.__perf = { handleMs: t1 - t0, firstFrameMs: performance.now() - t0, domNodes: document.querySelectorAll('*').length };
    // Then the frames for as long as the webview's pages took to stream in (#watch=ms), timed as
    // the webview page times them: the gaps a page with nothing more to do still shows.
    const watchMs = Number(location.hash.match(/watch=(\\d+)/)?.[1] ?? 0);
    let last = performance.now();
    let worstGap = 0;
    const onFrame = (t) => {
      // As on the webview's page: a frame begun before the first one was done is not a gap.
      if (t > last) {
        worstGap = Math.max(worstGap, t - last);
        last = t;
      }
      if (t - t0 - window.__perf.firstFrameMs < watchMs) requestAnimationFrame(onFrame);
      else setTimeout(() => { window.__idle = { worstFrameGapMs: worstGap }; }, 0);
    };
    requestAnimationFrame(onFrame);
  }, 0));
}, 0), { once: true });
`);
  writeFileSync(join(dir, `floor-${theme}.html`), timelinePageHtml({
    cspSource: 'file:',
    nonce: NONCE,
    styles: [`theme-${theme}.css`, 'codicon.css', 'timeline.css'],
    scripts: ['data.js', 'first-screen.js', 'floor.js'],
    bodyClass: THEMES[theme].bodyClass,
  }));
  return pathToFileURL(join(dir, `floor-${theme}.html`)).href;
}

export async function prepare() {
  const dir = mkdtempSync(join(tmpdir(), 'sj-webview-'));
  await buildWebview(dir);
  copyFileSync(join(root, 'node_modules/@vscode/codicons/dist/codicon.css'), join(dir, 'codicon.css'));
  copyFileSync(join(root, 'node_modules/@vscode/codicons/dist/codicon.ttf'), join(dir, 'codicon.ttf'));
  copyFileSync(join(root, 'media/timeline.css'), join(dir, 'timeline.css'));
  return dir;
}

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--enable-precise-memory-info', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function openPage(browser, url, size) {
  const page = await browser.newPage({ viewport: size });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); void d.dismiss(); });
  // The page's own timings are what count; parsing a 50k-event data.js on a busy machine can take
  // longer than Playwright's default navigation wait.
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__perf !== undefined, null, { timeout: 120_000 });
  // Every page of older events taken in, so what follows sees the whole session.
  await page.waitForFunction(() => window.__allLoaded !== undefined, null, { timeout: 120_000 });
  return { page, problems };
}

/**
 * Loads `events` events into the webview in Chromium and reports how long the `init` message
 * took to handle, how long until the first frame was painted, and how many DOM nodes exist.
 */
export async function measureFirstRender({ events = 10_000, width = 360, height = 800, captureFirstScreen = false } = {}) {
  const dir = await prepare();
  const browser = await launch();
  try {
    const url = writePage(dir, 'dark', { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], ...largeSession(events) });
    const { page, problems } = await openPage(browser, captureFirstScreen ? `${url}#capture` : url, { width, height });
    const firstScreen = captureFirstScreen ? await page.evaluate(() => window.__firstScreen) : undefined;
    const perf = await page.evaluate(() => window.__perf);
    const all = await page.evaluate(() => window.__allLoaded);
    return {
      events, firstRenderMs: perf.handleMs, firstFrameMs: perf.firstFrameMs, domNodes: perf.domNodes,
      allLoadedMs: all.allMs, streamWorstFrameGapMs: all.worstFrameGapMs, heapBytes: all.heapBytes, problems, firstScreen,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor page (writeFloorPage) in a fresh browser: how long the browser alone takes to show
 * `firstScreen`, timed as measureFirstRender times the webview's first frame, and then the worst
 * gap between its frames over `watchMs` (the time the webview's pages took to stream in).
 */
export async function measureFirstScreenFloor({ events = 10_000, firstScreen, watchMs = 0, width = 360, height = 800 } = {}) {
  const dir = await prepare();
  const browser = await launch();
  try {
    const url = writeFloorPage(dir, 'dark', { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], ...largeSession(events) }, firstScreen);
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${url}#watch=${Math.round(watchMs)}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__idle !== undefined, null, { timeout: 120_000 });
    const { perf, idle } = await page.evaluate(() => ({ perf: window.__perf, idle: window.__idle }));
    return { insertMs: perf.handleMs, firstFrameMs: perf.firstFrameMs, domNodes: perf.domNodes, idleWorstFrameGapMs: idle.worstFrameGapMs };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens the webview in Chromium with any `init` message and stored UI state, for screenshots and
 * clicks; call `close()` when done. `page.evaluate(() => window.__posted)` lists what it sent.
 */
export async function openPreview({ init, theme = 'dark', uiState = null, width = 360, height = 800 } = {}) {
  const dir = await prepare();
  const browser = await launch();
  const url = writePage(dir, theme, init ?? { type: 'init', settings: { order: 'newest-first' }, trusted: true, notices: [], ...sampleSession() }, uiState);
  const { page, problems } = await openPage(browser, url, { width, height });
  await page.evaluate(() => document.fonts.ready);
  return {
    page,
    problems,
    close: async () => {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Appends `count` events one message at a time (as a busy session would, one every `intervalMs`)
 * and reports the longest gap between animation frames while it happens, and the DOM size after.
 */
export async function measureAppends({ count = 1000, intervalMs = 2 } = {}) {
  const { page, problems, close } = await openPreview();
  try {
    const result = await page.evaluate(async ({ count, intervalMs }) => {
      const template = window.__init.events.filter((e) => e.kind !== 'session-start');
      let last = performance.now();
      let worst = 0;
      let frames = 0;
      let running = true;
      const onFrame = (t) => {
        worst = Math.max(worst, t - last);
        last = t;
        frames++;
        if (running) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      const t0 = performance.now();
      for (let i = 0; i < count; i++) {
        const e = { ...template[i % template.length], id: `live${i}`, time: Date.now() };
        window.dispatchEvent(new MessageEvent('message', { data: { type: 'append', events: [e], summary: window.__init.summary } }));
        await new Promise((r) => setTimeout(r, intervalMs));
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      running = false;
      const rows = document.querySelectorAll('.row.event').length;
      return { totalMs: performance.now() - t0, worstFrameGapMs: worst, frames, domNodes: document.querySelectorAll('*').length, renderedEventRows: rows };
    }, { count, intervalMs });
    return { ...result, problems };
  } finally {
    await close();
  }
}

/** Screenshots the sample session in every theme into `outDir`; returns the files and any page errors. */
export async function screenshotThemes({ outDir = join(root, 'test-output'), width = 360, height = 800 } = {}) {
  mkdirSync(outDir, { recursive: true });
  const dir = await prepare();
  const browser = await launch();
  const results = [];
  try {
    const { events, summary } = sampleSession();
    const burst = events.find((e) => e.kind === 'saves' && e.files.length > 3);
    const init = {
      type: 'init', settings: { order: 'newest-first' }, trusted: true, summary, events,
      notices: ['Commits are not captured in untrusted workspaces.'],
    };
    for (const theme of Object.keys(THEMES)) {
      const url = writePage(dir, theme, init, { hidden: [], search: '', expanded: [burst.id], scrollTop: 0 });
      const { page, problems } = await openPage(browser, url, { width, height });
      await page.evaluate(() => document.fonts.ready);
      const file = join(outDir, `webview-${theme}.png`);
      await page.screenshot({ path: file });
      results.push({ theme, file, problems, posted: await page.evaluate(() => window.__posted) });
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

async function main() {
  if (process.argv.includes('--appends')) {
    const r = await measureAppends();
    console.log(`1000 live appends: ${r.totalMs.toFixed(0)} ms, ${r.frames} frames, worst frame gap ${r.worstFrameGapMs.toFixed(1)} ms, DOM nodes ${r.domNodes}`);
    for (const p of r.problems) console.log(`page problem: ${p}`);
    return;
  }
  const i = process.argv.indexOf('--events');
  if (i >= 0) {
    const count = Number(process.argv[i + 1]);
    if (!Number.isInteger(count) || count < 1) throw new Error('--events needs a positive whole number');
    const r = await measureFirstRender({ events: count });
    console.log(`events: ${r.events}\nfirst render (init handling): ${r.firstRenderMs.toFixed(1)} ms\nfirst frame painted: ${r.firstFrameMs.toFixed(1)} ms\nDOM nodes: ${r.domNodes}`);
    console.log(`every page in and drawn: ${r.allLoadedMs.toFixed(0)} ms, worst frame gap meanwhile ${r.streamWorstFrameGapMs.toFixed(1)} ms, JS heap ${(r.heapBytes / 2 ** 20).toFixed(1)} MB`);
    for (const p of r.problems) console.log(`page problem: ${p}`);
    return;
  }
  // --width N: how the panel looks in a sidebar of N pixels (VS Code's default sidebar is about 300).
  const w = process.argv.indexOf('--width');
  const width = w >= 0 ? Number(process.argv[w + 1]) : 360;
  if (!Number.isInteger(width) || width < 100) throw new Error('--width needs a whole number of pixels, at least 100');
  for (const r of await screenshotThemes({ width })) {
    console.log(`${r.theme}: ${r.file}`);
    for (const p of r.problems) console.log(`  page problem: ${p}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
