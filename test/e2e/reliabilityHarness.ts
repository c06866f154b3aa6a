// Helpers for the reliability e2e tests: a code-server that can be killed and restarted on the
// same profile and port, pages opened on it, the journals it wrote, git commits made from
// outside the editor, and the process tree (to see which processes code-server started).
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { JournalEvent } from '../../src/core/journal/events';
import { parseJournal } from '../../src/core/journal/journalCodec';
import type { JournalProblem } from '../../src/core/journal/journalCodec';
import { runCommand, TIMELINE_IFRAME, timelineFrame, waitForSessionJournal } from './workbench';

const execFileAsync = promisify(execFile);
const projectRoot = path.resolve(__dirname, '..', '..');

/** A running code-server as scripts/codeServer.mjs returns it. */
export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly root: string;
  readonly child: { readonly pid?: number };
  stop(options?: { keepProfile?: boolean }): void;
}

interface StartOptions {
  settings?: Record<string, unknown>;
  workspaceTrust?: boolean;
  root?: string;
  port?: number;
}

interface CodeServerModule {
  startCodeServer(options?: StartOptions): Promise<CodeServer>;
  workbenchUrl(server: CodeServer, options: { folder: string }): string;
  launchBrowser(options?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
}

interface SampleModule {
  makeSampleWorkspace(prefix?: string): string;
}

async function codeServerModule(): Promise<CodeServerModule> {
  return (await import(path.join(projectRoot, 'scripts', 'codeServer.mjs'))) as CodeServerModule;
}

/** Starts code-server; pass an earlier server's `root` and `port` to restart on the same profile. */
export async function startServer(options: StartOptions = {}): Promise<CodeServer> {
  return (await codeServerModule()).startCodeServer(options);
}

/** Launches Chromium with a fresh profile (closed by the returned `close`). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  return (await codeServerModule()).launchBrowser();
}

/** A new sample git repository in a temp folder. */
export async function makeWorkspace(prefix: string): Promise<string> {
  const sample = (await import(path.join(projectRoot, 'scripts', 'sampleWorkspace.mjs'))) as SampleModule;
  return sample.makeSampleWorkspace(prefix);
}

/** The workbench URL that opens `folder` with this working tree as the development extension. */
export async function workbenchUrlFor(server: CodeServer, folder: string): Promise<string> {
  return (await codeServerModule()).workbenchUrl(server, { folder });
}

/**
 * Opens (or reloads) `page` on the workbench for `folder` and waits until Session Journal runs in
 * it. Navigation counts as done once the page is committed: what a person waits for is the
 * workbench, not the load event of every script and font, which comes late on a busy machine.
 */
export async function openWorkbenchPage(page: Page, server: CodeServer, folder: string): Promise<void> {
  await page.goto(await workbenchUrlFor(server, folder), { waitUntil: 'commit' });
  await waitForSessionJournal(page, 90_000);
}

/**
 * Shows the Timeline with its own command from the palette (it focuses the view, never toggles it):
 * clicking the activity-bar icon while the workbench is still restoring its layout can close the
 * side bar. runCommand opens the palette only once the extension runs (its status bar item shows):
 * after a reload the activity-bar icon is drawn from memory before the command is registered.
 */
export async function revealTimeline(page: Page): Promise<FrameLocator> {
  const frame = timelineFrame(page);
  // Show Timeline ends by putting the keyboard on the list (a row, or the empty state's first
  // control). That is what a person waits for before the next key: until the command has run,
  // VS Code is still to focus the view, and a palette opened now (F1) would lose its focus to it
  // and close. The palette gives the focus back to a Timeline already shown as it closes, before
  // the command runs, so the page's focus is set aside first: what holds it afterwards, the
  // command put there.
  if ((await page.locator(TIMELINE_IFRAME).count()) > 0) {
    await frame.locator('body').evaluate(() => { if (document.activeElement instanceof HTMLElement) document.activeElement.blur(); });
  }
  await runCommand(page, 'Session Journal: Show Timeline');
  await frame.locator('[role="listitem"]:focus, button:focus, input:focus').waitFor({ timeout: 30_000 });
  return frame;
}

/** Every session journal in a code-server profile (all workspaces), newest last by name. */
export function journalFiles(root: string): string[] {
  const storage = path.join(root, 'user-data', 'User', 'workspaceStorage');
  const found: string[] = [];
  let hashes: string[] = [];
  try {
    hashes = fs.readdirSync(storage);
  } catch {
    return found;
  }
  for (const hash of hashes) {
    const dir = path.join(storage, hash, 'session-journal.session-journal', 'sessions');
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (name.endsWith('.jsonl')) found.push(path.join(dir, name));
  }
  return found;
}

/** One journal file read back with the product's own reader, plus the raw ids of every line. */
export interface ReadJournal {
  readonly file: string;
  readonly text: string;
  readonly events: JournalEvent[];
  readonly problems: JournalProblem[];
  /** The `id` of every line that parses as JSON, duplicates included (the reader drops repeats). */
  readonly rawIds: string[];
}

/** Reads every journal of a profile. */
export function readJournals(root: string): ReadJournal[] {
  return journalFiles(root).map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const { events, problems } = parseJournal(text);
    const rawIds: string[] = [];
    for (const line of text.split('\n')) {
      try {
        const value: unknown = JSON.parse(line);
        if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') rawIds.push((value as { id: string }).id);
      } catch {
        // torn or blank: counted by the reader's problems
      }
    }
    return { file, text, events, problems, rawIds };
  });
}

/** Commit hashes recorded in the journals, each with how often it appears per operation. */
export function recordedCommits(journals: readonly ReadJournal[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const j of journals) {
    for (const e of j.events) {
      if (e.kind !== 'commit') continue;
      const key = `${e.hash} ${e.operation}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Sample Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Sample Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
};

/** An empty commit made by a child process (commits are read from the reflog, so no UI is involved); returns its hash. */
export async function commitEmpty(cwd: string, subject: string): Promise<string> {
  const env = { ...process.env, ...GIT_ENV };
  await execFileAsync('git', ['commit', '-q', '--allow-empty', '-m', subject], { cwd, env });
  const { stdout } = await execFileAsync('git', ['rev-parse', 'HEAD'], { cwd, env });
  return stdout.trim();
}

/** Runs git synchronously in `cwd` (set-up steps). */
export function gitSync(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();
}

/** One row of `ps`. */
export interface ProcessRow {
  readonly pid: number;
  readonly ppid: number;
  readonly comm: string;
  readonly args: string;
}

/** Every process on the machine (pid, parent, executable name, command line). */
export function processTable(): ProcessRow[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm=,args='], { encoding: 'utf8' });
  const rows: ProcessRow[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s*(.*)$/.exec(line);
    if (m) rows.push({ pid: Number(m[1]), ppid: Number(m[2]), comm: m[3] ?? '', args: m[4] ?? '' });
  }
  return rows;
}

/** The processes below `pid` (children, grandchildren, ...) in one `ps` snapshot. */
export function descendants(pid: number, table: readonly ProcessRow[] = processTable()): ProcessRow[] {
  const byParent = new Map<number, ProcessRow[]>();
  for (const row of table) {
    const list = byParent.get(row.ppid) ?? [];
    list.push(row);
    byParent.set(row.ppid, list);
  }
  const out: ProcessRow[] = [];
  const stack = [pid];
  while (stack.length) {
    const next = stack.pop() as number;
    for (const child of byParent.get(next) ?? []) {
      out.push(child);
      stack.push(child.pid);
    }
  }
  return out;
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a truthy value; rejects after `timeoutMs`. */
export async function poll<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs: number, what: string, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
