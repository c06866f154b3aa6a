import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { CodeServer, ProcessRow } from './reliabilityHarness';
import type { GitCall, GitCallLog } from './gitCallLog';
import { makeGitCallLog } from './gitCallLog';
import {
  commitEmpty, descendants, gitSync, launchBrowser, makeWorkspace, openWorkbenchPage, poll, processTable, readJournals, recordedCommits, revealTimeline, sleep, startServer,
} from './reliabilityHarness';
import {
  answerInputBox, firstLineOf, notificationToast, quickOpen, runCommand, screenshot, startSession, timelineContentFrame, timelineRow, typeInTerminal,
} from './workbench';

/** The extension host processes of one code-server (`bootstrap-fork --type=extensionHost`). */
function extensionHosts(server: CodeServer, table: readonly ProcessRow[] = processTable()): ProcessRow[] {
  const pid = server.child.pid;
  return pid === undefined ? [] : descendants(pid, table).filter((p) => p.args.includes('--type=extensionHost'));
}

function describeCall(call: GitCall): string {
  return `git ${call.args} (cwd ${call.cwd}, callers ${call.ancestors.join(' < ')})`;
}

function describeCalls(calls: readonly GitCall[]): string {
  return calls.length ? calls.map(describeCall).join('; ').slice(0, 2000) : '(none)';
}

/**
 * Waits for a locator (or a step) and, when it fails, says what the Timeline showed and keeps
 * a screenshot, so a failure in a window nobody watches can be understood.
 */
async function explained(page: Page, frame: FrameLocator, name: string, what: Locator | Promise<unknown>): Promise<void> {
  try {
    if (what instanceof Promise) await what;
    else await what.waitFor({ timeout: 30_000 });
  } catch (err) {
    const panel = await frame.locator('body').innerText({ timeout: 5000 }).catch(() => '(no panel)');
    const file = await screenshot(page, `reliability-${name}`).catch(() => '(no screenshot)');
    throw new Error(`${firstLineOf(err)}\npanel: ${panel.slice(0, 600)}\nscreenshot: ${file}`);
  }
}

interface CspReport {
  csp: string;
  /** `src` of each script with one. */
  scripts: string[];
  /** Inline scripts: their nonce, whether they come before the CSP meta, whether they are VS Code's API shim. */
  inline: { nonce: string; beforeCsp: boolean; vscodeApi: boolean }[];
  links: string[];
}

async function readCsp(frame: Frame): Promise<CspReport> {
  return frame.evaluate(() => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return {
      csp: meta?.getAttribute('content') ?? '',
      scripts: Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src') ?? ''),
      inline: Array.from(document.querySelectorAll<HTMLScriptElement>('script:not([src])'), (s) => ({
        nonce: s.nonce || '(none)',
        beforeCsp: meta !== null && s.compareDocumentPosition(meta) === Node.DOCUMENT_POSITION_FOLLOWING,
        vscodeApi: (s.textContent ?? '').includes('acquireVsCodeApi'),
      })),
      links: Array.from(document.querySelectorAll('link'), (l) => l.getAttribute('href') ?? '(none)'),
    };
  });
}

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** Whether `url` is served from a CSP host source such as `https://*.vscode-cdn.net`. */
function fromSource(url: string, source: string): boolean {
  const pattern = new RegExp(`^${source.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}(/|$)`);
  return pattern.test(url);
}

describe('reliability: untrusted workspace, CSP, two windows (e2e, Chromium + code-server)', function () {
  this.timeout(10 * 60_000);
  let browser: { context: BrowserContext; close(): Promise<void> };
  const servers: CodeServer[] = [];
  const workspaces: string[] = [];

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    for (const s of servers) s.stop();
    for (const w of workspaces) fs.rmSync(w, { recursive: true, force: true });
  });

  describe('an untrusted workspace', () => {
    let server: CodeServer;
    let workspace: string;
    let page: Page;
    let gitCalls: GitCallLog;

    before(async () => {
      workspace = await makeWorkspace('sj-untrusted-');
      workspaces.push(workspace);
      // Every git the extension runs goes through the wrapper: it is `git.path`, which the extension
      // always uses when set. (A PATH in front does not help: code-server starts its extension host
      // with the environment of a login shell, whose profile sets PATH anew.)
      gitCalls = makeGitCallLog();
      server = await startServer({ workspaceTrust: true, settings: { 'git.path': gitCalls.gitPath } });
      servers.push(server);
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await openWorkbenchPage(page, server, workspace);
    });

    after(() => gitCalls?.remove());

    it('records commands and saves, runs no git, shows why commits are missing', async () => {
      // The window really is in Restricted Mode.
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
      const frame = await startSession(page, 'untrusted workspace');
      // Start Session is where a trusted window reads the uncommitted changes with git.
      assert.deepEqual(gitCalls.calls().filter((c) => c.fromExtensionHost).map(describeCall), [], 'no git call from the extension host at Start Session');
      const subject = 'commit in an untrusted workspace';
      const before = gitSync(workspace, 'rev-parse', 'HEAD');
      await typeInTerminal(page, `git commit -q --allow-empty -m "${subject}"`);
      await timelineRow(frame, 'command', /untrusted workspace/).waitFor({ timeout: 30_000 });
      await poll(() => gitSync(workspace, 'log', '-1', '--format=%s') === subject, 10_000, 'the commit to be made');
      assert.notEqual(gitSync(workspace, 'rev-parse', 'HEAD'), before);
      await quickOpen(page, 'greet.js', 'greet.js');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n// Saved in an untrusted workspace.\n', { delay: 5 });
      await page.keyboard.press('Control+S');
      await explained(page, frame, 'untrusted-save', timelineRow(frame, 'saves', 'Saved src/greet.js'));
      assert.match(fs.readFileSync(path.join(workspace, 'src', 'greet.js'), 'utf8'), /Saved in an untrusted workspace/);
      await frame.getByText('Commits are not captured', { exact: false }).first().waitFor({ timeout: 10_000 });
      // Give a commit every chance to show up: the reflog would have been read within a second.
      await sleep(3000);
      assert.equal(await frame.locator('.row.event.kind-commit').count(), 0, 'no commit row');

      const calls = gitCalls.calls();
      console.log(`      git calls through the wrapper: ${calls.length} (${calls.filter((c) => c.fromExtensionHost).length} from the extension host)`);
      assert.deepEqual(calls.filter((c) => c.fromExtensionHost).map(describeCall), [], 'no git call from the extension host');
      assert.ok(extensionHosts(server).length >= 1, 'the extension host that was watched exists');
    });

    // The control: the same wrapper, the same window, trusted. Without it "no git call" could
    // only mean that the wrapper is never reached.
    it('once the workspace is trusted, the extension runs git through the same wrapper to read a commit', async () => {
      await runCommand(page, 'Workspaces: Manage Workspace Trust');
      await page.locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button', { hasText: /^Trust$/ }).first().click();
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached', timeout: 30_000 });
      const frame = await revealTimeline(page);
      const hash = await commitEmpty(workspace, 'commit once trusted');
      await explained(page, frame, 'trusted-commit', timelineRow(frame, 'commit', /commit once trusted/));
      const calls = gitCalls.calls();
      const show = calls.find((c) => c.fromExtensionHost && / show .*--numstat/.test(` ${c.args}`) && c.args.includes(hash));
      assert.ok(show, `the extension host ran git show for ${hash.slice(0, 7)} through the wrapper: ${describeCalls(calls)}`);
      assert.equal(fs.realpathSync(show.cwd), fs.realpathSync(workspace), 'in the workspace');
    });

    it('serves the Timeline under a strict CSP with a fresh nonce per load, loading only its own resources', async () => {
      await (await revealTimeline(page)).locator('.header').waitFor({ timeout: 30_000 });
      const first = await readCsp(await timelineContentFrame(page));
      // Reload the window: the view is resolved again and its HTML built anew.
      await page.reload({ waitUntil: 'commit' });
      const frame = await revealTimeline(page);
      await explained(page, frame, 'csp-reopen', frame.locator('.header'));
      const second = await readCsp(await timelineContentFrame(page));
      console.log(`      CSP: ${first.csp}`);

      const nonces: string[] = [];
      for (const report of [first, second]) {
        const d = directives(report.csp);
        assert.deepEqual(d.get('default-src'), ["'none'"]);
        const script = d.get('script-src') ?? [];
        assert.equal(script.length, 1, `script-src ${script.join(' ')}`);
        const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(script[0] ?? '')?.[1];
        assert.ok(nonce, `script-src is a nonce: ${script.join(' ')}`);
        assert.ok(Buffer.from(nonce, 'base64').length >= 16, 'the nonce has 16+ random bytes');
        nonces.push(nonce);
        // The only inline script allowed without the nonce is VS Code's own API shim, which its
        // webview host puts before the policy (a meta CSP applies to what follows it).
        for (const inline of report.inline) {
          assert.ok(inline.nonce === nonce || (inline.beforeCsp && inline.vscodeApi), `inline script: ${JSON.stringify(inline)}`);
        }
        assert.doesNotMatch(report.csp, /unsafe-inline|unsafe-eval|\*\s|'\*'/);
        // The only host source is the webview's own resource origin, the same in every directive.
        const hosts = new Set([...d.values()].flat().filter((v) => /^https?:/.test(v)));
        assert.ok(hosts.size <= 1, `host sources: ${[...hosts].join(' ')}`);
        const origin = [...hosts][0];
        assert.ok(origin === undefined || /vscode-(cdn|resource)|vscode-webview/.test(origin), `host source ${origin} is the webview resource origin`);
        assert.ok(report.scripts.length >= 1 && report.links.length >= 1, 'the page loads a script and style sheets');
        for (const url of [...report.scripts, ...report.links]) {
          assert.ok(origin !== undefined && fromSource(url, origin), `${url} is served from the webview resource origin ${origin}`);
        }
      }
      assert.notEqual(nonces[0], nonces[1], 'a new nonce for each load');
    });
  });

  describe('two windows on one workspace', () => {
    let server: CodeServer;
    let second: Page;
    let hashes: string[];

    it('records each commit once, in one journal that loads cleanly, with a second window open', async () => {
      const workspace = await makeWorkspace('sj-two-windows-');
      workspaces.push(workspace);
      server = await startServer();
      servers.push(server);
      const first = await browser.context.newPage();
      await openWorkbenchPage(first, server, workspace);
      const frame1 = await startSession(first, 'two windows');
      second = await browser.context.newPage();
      await openWorkbenchPage(second, server, workspace);
      await revealTimeline(second);
      await poll(() => extensionHosts(server).length >= 2, 30_000, 'two extension hosts, one per window');

      hashes = [];
      for (let i = 0; i < 5; i++) {
        hashes.push(await commitEmpty(workspace, `two-windows-${i}`));
        await sleep(300);
      }
      await timelineRow(frame1, 'commit', /two-windows-4/).waitFor({ timeout: 20_000 });
      await poll(() => hashes.every((h) => recordedCommits(readJournals(server.root)).has(`${h} commit`)), 20_000, 'every commit on disk');
      // Time for a second recorder, if there were one, to write its copies too.
      await sleep(3000);

      const journals = readJournals(server.root);
      assert.equal(journals.length, 1, `journal files: ${journals.map((j) => j.file).join(', ')}`);
      const journal = journals[0];
      assert.ok(journal);
      assert.deepEqual(journal.problems, [], 'the journal loads cleanly');
      assert.equal(new Set(journal.rawIds).size, journal.rawIds.length, 'no event id twice');
      const commits = recordedCommits(journals);
      for (const h of hashes) assert.equal(commits.get(`${h} commit`), 1, `commit ${h.slice(0, 7)} recorded once`);
      assert.equal(journal.events.filter((e) => e.kind === 'session-start').length, 1);
      assert.equal(journal.events.filter((e) => e.kind === 'session-gap').length, 0, 'the second window did not resume the session');
      const storage = path.join(server.root, 'user-data', 'User', 'workspaceStorage');
      console.log(`      two windows: ${extensionHosts(server).length} extension hosts, ${hashes.length} commits, each recorded once; workspace storage folders: ${fs.readdirSync(storage).join(', ')}`);
    });

    // sessionLock.ts: "one window records a session at a time"; the second window says so and
    // refuses a second session. VS Code gives a second window of one workspace its own storage
    // folder (<hash>-1, because <hash>/vscode.lock is held), so the lock does not live beside the
    // journal: it lives in the extension's global storage (`locks/`), which both windows share,
    // under a key made from the workspace's folders.
    it('the second window says the session is recorded in the other one, and refuses a second session', async () => {
      assert.ok(server && second, 'the previous test opened both windows');
      const frame2 = await revealTimeline(second);
      await explained(second, frame2, 'two-windows-second', frame2.getByText('recorded in another window', { exact: false }).first());
      await runCommand(second, 'Session Journal: Start Session');
      await answerInputBox(second, 'Start Session', 'second window');
      await notificationToast(second, /another window/).waitFor({ timeout: 15_000 });
      const commits = recordedCommits(readJournals(server.root));
      for (const h of hashes) assert.equal(commits.get(`${h} commit`), 1, `commit ${h.slice(0, 7)} recorded once`);
    });
  });
});
