import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { CodeServer } from './reliabilityHarness';
import {
  commitEmpty, journalFiles, launchBrowser, makeWorkspace, openWorkbenchPage, poll, readJournals, recordedCommits, revealTimeline, sleep, startServer, workbenchUrlFor,
} from './reliabilityHarness';
import { firstLineOf, screenshot, startSession, waitForSessionJournal } from './workbench';

/**
 * Kills code-server (its whole process group, extension host included) with SIGKILL at random
 * moments while commits stream in, restarts it on the same profile and port, and checks that
 * the journal survived every kill: it loads, nothing is recorded twice, the one session goes
 * on, and every commit made while the extension host was up and well before a kill is there.
 */

const KILLS = Number(process.env.SJ_CRASH_KILLS || 10);
/** Commits this close to a kill may still sit in the writer's queue (it batches for 200 ms) or in git's reflog read. */
const FLUSH_WINDOW_MS = 1500;
const COMMIT_EVERY_MS = 200;

interface MadeCommit {
  readonly n: number;
  readonly hash: string;
  /** When `git commit` returned: the reflog line is on disk. */
  readonly at: number;
}

/** One life of code-server: from the moment the panel showed the session recording to the kill. */
interface Life {
  readonly ready: number | undefined;
  kill: number;
}

describe('reliability: SIGKILL while recording (e2e, Chromium + code-server)', function () {
  this.timeout(15 * 60_000);
  let workspace: string;
  let server: CodeServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  let root: string;
  let port: number;

  before(async () => {
    workspace = await makeWorkspace('sj-crash-');
    server = await startServer();
    root = server.root;
    port = server.port;
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  after(async () => {
    await browser?.close();
    server?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Waits until the (re)loaded workbench's Timeline shows the session recording; returns when it did. */
  async function waitRecording(loading: Promise<unknown>): Promise<number> {
    await loading;
    await waitForSessionJournal(page, 90_000);
    const frame = await revealTimeline(page);
    try {
      await frame.locator('.session[data-state="recording"]').waitFor({ timeout: 90_000 });
    } catch (err) {
      // Say what the window showed and what is on disk, so a failure here can be diagnosed.
      const panel = await frame.locator('body').innerText({ timeout: 5000 }).catch(() => '(no panel)');
      const file = await screenshot(page, 'reliability-crash-not-recording').catch(() => '(no screenshot)');
      const dir = journalFiles(root)[0];
      const tail = dir ? fs.readFileSync(dir, 'utf8').split('\n').slice(-4).join('\n') : '(no journal)';
      const locks = dir ? fs.readdirSync(path.dirname(dir)).filter((n) => n.endsWith('.lock')).map((n) => fs.readFileSync(path.join(path.dirname(dir), n), 'utf8')) : [];
      throw new Error(`${firstLineOf(err)}\npanel: ${panel.slice(0, 400)}\nlocks: ${locks.join(' ')}\njournal tail:\n${tail.slice(0, 1500)}\nscreenshot: ${file}`);
    }
    return Date.now();
  }

  it(`keeps one clean, complete session through ${KILLS} kills`, async () => {
    await openWorkbenchPage(page, server, workspace);
    await startSession(page, 'crash test');
    const firstFile = await poll(() => journalFiles(root)[0], 20_000, 'the journal file');
    const lives: Life[] = [];
    let current: Life = { ready: Date.now(), kill: Number.POSITIVE_INFINITY };
    let loading: Promise<unknown> = Promise.resolve();

    // Commits stream in from a child process the whole time, server up or down.
    const made: MadeCommit[] = [];
    let streaming = true;
    const stream = (async () => {
      let n = 0;
      while (streaming) {
        n++;
        const hash = await commitEmpty(workspace, `crash-${n}`);
        made.push({ n, hash, at: Date.now() });
        await sleep(COMMIT_EVERY_MS);
      }
    })();

    try {
      for (let k = 0; k < KILLS; k++) {
        // Mostly while recording; every fourth kill lands early, while the window is still starting.
        const early = k % 4 === 3 && current.ready === undefined;
        if (early) {
          await sleep(500 + Math.random() * 2500);
        } else {
          if (current.ready === undefined) current = { ready: await waitRecording(loading), kill: Number.POSITIVE_INFINITY };
          await sleep(1000 + Math.random() * 4000);
        }
        current.kill = Date.now();
        server.stop({ keepProfile: true });
        lives.push(current);
        await sleep(300 + Math.random() * 700);
        server = await startServer({ root, port });
        current = { ready: undefined, kill: Number.POSITIVE_INFINITY };
        // Reload at once; an early kill lands while this page is still loading.
        const url = await workbenchUrlFor(server, workspace);
        loading = page.goto(url, { timeout: 90_000 }).catch(() => undefined);
      }
      // A last life: recording resumes and the last commits must arrive before the journal is read.
      current = { ready: await waitRecording(loading), kill: Number.POSITIVE_INFINITY };
      await sleep(3000);
    } finally {
      streaming = false;
      await stream;
    }
    const lastHash = made[made.length - 1]?.hash ?? '';
    await poll(() => recordedCommits(readJournals(root)).has(`${lastHash} commit`), 20_000, 'the last commit in the journal');
    current.kill = Date.now() + FLUSH_WINDOW_MS;
    lives.push(current);

    const journals = readJournals(root);
    // One session, continued (resumed) after every kill: one file, one start, no restart.
    assert.deepEqual(journals.map((j) => j.file), [firstFile], 'one journal file: the session was resumed, not restarted');
    const journal = journals[0];
    assert.ok(journal);
    const sessionIds = new Set(journal.events.map((e) => e.sessionId));
    assert.equal(sessionIds.size, 1, `session ids: ${[...sessionIds].join(', ')}`);
    assert.equal(journal.events.filter((e) => e.kind === 'session-start').length, 1);
    assert.equal(journal.events.filter((e) => e.kind === 'session-end').length, 0);
    const gaps = journal.events.filter((e) => e.kind === 'session-gap').length;
    const resumedLives = lives.filter((l) => l.ready !== undefined).length - 1;
    assert.ok(gaps >= resumedLives, `${gaps} session-gap events for ${resumedLives} resumed lives`);

    // It loads: at most one torn line per kill, nothing else skipped.
    const torn = journal.problems.filter((p) => /torn last line|not valid JSON/.test(p.reason));
    assert.deepEqual(journal.problems.filter((p) => !torn.includes(p)), [], 'only torn lines are skipped');
    assert.ok(torn.length <= KILLS, `${torn.length} torn lines for ${KILLS} kills`);

    // Nothing twice: no repeated line id, no commit hash recorded twice for one operation.
    assert.equal(new Set(journal.rawIds).size, journal.rawIds.length, 'no event id appears twice in the file');
    const commits = recordedCommits(journals);
    const twice = [...commits].filter(([, count]) => count > 1).map(([key]) => key);
    assert.deepEqual(twice, [], 'commits recorded twice');

    // Everything made while the extension host was up, and not just before a kill, is there.
    const expected = made.filter((c) => lives.some((l) => l.ready !== undefined && c.at > l.ready && c.at < l.kill - FLUSH_WINDOW_MS));
    const recordedHashes = new Set([...commits.keys()].map((key) => key.split(' ')[0]));
    const lost = expected.filter((c) => !recordedHashes.has(c.hash));
    const inWindow = made.filter((c) => !recordedHashes.has(c.hash) && lives.some((l) => l.ready !== undefined && c.at > l.ready && c.at >= l.kill - FLUSH_WINDOW_MS && c.at <= l.kill));
    console.log(`      kills: ${KILLS}; commits made: ${made.length}; recorded: ${recordedHashes.size}; expected (host up, > ${FLUSH_WINDOW_MS} ms before a kill): ${expected.length}; `
      + `lost of those: ${lost.length}; lost within the flush window: ${inWindow.length}; torn lines: ${torn.length}; session-gap events: ${gaps}`);
    assert.deepEqual(lost.map((c) => `crash-${c.n}`), [], 'commits lost although made while recording');
    assert.ok(expected.length >= KILLS, `enough commits were made while recording (${expected.length})`);
    // Every commit recorded is one this test made: nothing invented.
    const madeHashes = new Set(made.map((c) => c.hash));
    assert.deepEqual([...recordedHashes].filter((h) => h !== undefined && !madeHashes.has(h)), []);
  });
});
