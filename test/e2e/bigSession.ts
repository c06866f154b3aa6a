// A code-server whose workspace has an open session of tens of thousands of events, the way an
// agent-heavy day leaves one: a session is started through the UI, the server stopped, the journal
// filled with generated events of every common kind (the preview's realistic templates), and the
// server started again on the same profile, so the extension resumes that session at activation.
// Used by the Timeline scale e2e test and by bench/realWebview.mjs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { CodeServer } from './reliabilityHarness';
import { journalFiles, launchBrowser, makeWorkspace, openWorkbenchPage, poll, startServer } from './reliabilityHarness';
import { answerInputBox, journalStatusItem, runCommand } from './workbench';

interface PreviewModule {
  sampleSession(now?: number): { events: Record<string, unknown>[] };
}

/** Text of the oldest generated event: not in the first window the host sends, so finding it proves the rest arrived. */
export const OLDEST_MARKER = 'Oldest entry of the big session: zebra-quartz';

const STEP_MS = 2_000;
const LIFECYCLE = new Set(['session-start', 'session-end', 'session-pause', 'session-resume', 'session-gap', 'idle']);

/** `count` journal lines: the session's own start moved back in time, then generated events up to now. */
function bigJournal(startLine: string, count: number, preview: PreviewModule): string {
  const start = JSON.parse(startLine) as { sessionId: string; time: number };
  const now = Date.now();
  const first = now - count * STEP_MS;
  const templates = preview.sampleSession(now).events.filter((e) => !LIFECYCLE.has(String(e['kind'])));
  const lines = [JSON.stringify({ ...start, time: first })];
  lines.push(JSON.stringify({ v: 1, id: 'big-oldest', sessionId: start.sessionId, time: first + STEP_MS, kind: 'note', text: OLDEST_MARKER }));
  for (let i = 2; i < count; i++) {
    const template = templates[i % templates.length] as Record<string, unknown>;
    const time = first + i * STEP_MS;
    const event: Record<string, unknown> = { ...template, id: `big-${i}`, sessionId: start.sessionId, time };
    if (typeof template['start'] === 'number' && typeof template['time'] === 'number') event['start'] = time - (template['time'] - template['start']);
    if (template['kind'] === 'commit') event['hash'] = (i.toString(16) + 'abcdef0123456789').slice(0, 16);
    if (template['trigger']) delete event['trigger'];
    lines.push(JSON.stringify(event));
  }
  return lines.join('\n') + '\n';
}

export interface BigSession {
  readonly page: Page;
  readonly server: CodeServer;
  readonly workspace: string;
  close(): Promise<void>;
}

/** Opens a workbench whose recording session holds `count` events (one of them {@link OLDEST_MARKER}). */
export async function openBigSession(count: number): Promise<BigSession> {
  const projectRoot = path.resolve(__dirname, '..', '..');
  const preview = (await import(path.join(projectRoot, 'scripts', 'previewWebview.mjs'))) as PreviewModule;
  const workspace = await makeWorkspace('sj-big-');
  let server = await startServer();
  let browser = await launchBrowser();
  let page = browser.context.pages()[0] ?? (await browser.context.newPage());
  try {
    await openWorkbenchPage(page, server, workspace);
    await runCommand(page, 'Session Journal: Start Session');
    await answerInputBox(page, 'Start Session', 'Big session');
    const file = await poll(() => journalFiles(server.root)[0], 30_000, 'the journal file of the new session');
    const startLine = await poll(() => fs.readFileSync(file, 'utf8').split('\n').find((l) => l.includes('"session-start"')), 10_000, 'the session-start line');
    await browser.close();
    server.stop({ keepProfile: true });
    fs.writeFileSync(file, bigJournal(startLine, count, preview));
    server = await startServer({ root: server.root, port: server.port });
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openWorkbenchPage(page, server, workspace);
    // The status bar shows the recording clock once the session is resumed.
    await journalStatusItem(page).filter({ hasText: /\d+:\d\d/ }).waitFor({ timeout: 120_000 });
  } catch (err) {
    await browser.close();
    server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    throw err;
  }
  const [finalServer, finalBrowser, finalPage] = [server, browser, page];
  return {
    page: finalPage,
    server: finalServer,
    workspace,
    async close() {
      await finalBrowser.close();
      finalServer.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}
