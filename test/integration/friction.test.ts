import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import type { CommandEvent } from '../../src/core/journal/events';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { runAcceptingPrompts } from './helpers/quickInput';
import type { IntegratedTerminal } from './helpers/terminal';
import { openIntegratedTerminal, runInTerminal } from './helpers/terminal';
import { waitFor } from './helpers/wait';

/** A command that fails the same way every time and is not on the friction rules' ignore list. */
const FAILING = 'cat /no/such/file/for-session-journal';

describe('friction prompts (real terminal, real notifications)', function () {
  let api: SessionJournalApi;
  let term: IntegratedTerminal;

  before(async function () {
    api = await getApi();
    const interval = vscode.workspace.getConfiguration('sessionJournal').get<number>('friction.minPromptIntervalMinutes');
    assert.equal(interval, 3, 'the suite runs with the default prompt interval');
    await startSession(api, 'friction focus');
    term = await openIntegratedTerminal('friction', workspaceRoot());
  });

  after(async function () {
    term?.terminal.dispose();
    if (api) await endSession(api);
  });

  function failures(): CommandEvent[] {
    return eventsOf(api, 'command').filter((e) => e.commandLine === FAILING);
  }

  it('prompts once for a failing command, then stays quiet for 20 more failures in a row', async function () {
    this.timeout(120_000);
    // `shown` counts over the extension's lifetime; earlier suites may have prompted already.
    const shownBefore = api.prompter.shown;
    const startedAt = Date.now();
    // Every execution the shell reports ending in this terminal meanwhile, as the journal sees them.
    // VS Code's executeCommand sends ^C first when it believes the prompt still holds text (under
    // load its prompt model lags the shell): the shell then reports the ^C as an execution of its
    // own, and a ^C that lands while the previous command still runs ends it with 130 (seen once in
    // a fresh-clone CI run with two busy loops). What one run returns can then be a neighbour's end.
    const ended: (number | null)[] = [];
    const endListener = vscode.window.onDidEndTerminalShellExecution((e) => {
      if (e.terminal === term.terminal) ended.push(e.exitCode ?? null);
    });
    try {
      const exit = await runInTerminal(term, FAILING);
      assert.notEqual(exit, 0);
      await waitFor(() => api.prompter.shown === shownBefore + 1, 10_000, 'the friction prompt');

      // What the shell reported for each run: under load VS Code sometimes cannot tell a command's
      // exit code (undefined), which the journal records as unknown (null), never as success.
      const reported: (number | null)[] = [exit ?? null];
      for (let i = 0; i < 20; i++) {
        const code = await runInTerminal(term, FAILING);
        assert.notEqual(code, 0, `failure ${i + 2} failed`);
        reported.push(code ?? null);
      }
      // Each of the 21 ended (runInTerminal waited for that); the journal has them within one batch.
      // Counted in this terminal whatever line the shell reported for each: a line typed before bash
      // printed its prompt can be reported otherwise (see runInTerminal), and what the shell reports
      // is what is recorded. The exact line is the previous test's subject.
      const recorded = (): CommandEvent[] => eventsOf(api, 'command').filter((e) => e.terminal === term.terminal.name && e.time >= startedAt);
      const seen = (): string => JSON.stringify(recorded().map((e) => [e.commandLine, e.exitCode, e.confidence]));
      await waitFor(() => recorded().length >= Math.max(21, ended.length), 10_000, `${Math.max(21, ended.length)} commands recorded`).catch((err: Error) => {
        throw new Error(`${err.message}; recorded in this terminal: ${seen()}`);
      });
      const byCode = (codes: (number | null)[]): string => JSON.stringify([...codes].sort());
      assert.equal(byCode(recorded().map((e) => e.exitCode)), byCode(ended), `each exit code as the shell reported it (runs returned ${JSON.stringify(reported)}); recorded: ${seen()}`);
      // Each recorded failure was judged as it was recorded; one deferred while the user typed is
      // judged once they stop. When none waits, nothing more will be shown for these 21.
      await waitFor(() => !api.prompter.deferring, 10_000, 'a deferred friction signal to be decided');
      assert.equal(api.prompter.shown, shownBefore + 1, `one prompt for the 21 failures (shown went from ${shownBefore} to ${api.prompter.shown})`);
    } finally {
      endListener.dispose();
    }
  });

  it('logs friction through the input box and the category pick, linked to the failing command', async () => {
    if (failures().length === 0) await runInTerminal(term, FAILING);
    const failed = await waitFor(() => failures()[0], 10_000, 'a failing command to link the friction to');
    await runAcceptingPrompts('sessionJournal.logFriction', [{ eventId: failed.id, title: 'npm test keeps failing', category: 'tooling' }], 2);
    const friction = await waitFor(() => eventsOf(api, 'friction').find((f) => f.title === 'npm test keeps failing'), 5000, 'the friction event');
    assert.equal(friction.category, 'tooling');
    assert.equal(friction.trigger?.eventId, failed.id);
    assert.equal(friction.trigger?.summary, FAILING);
    assert.equal(friction.trigger?.exitCode, failed.exitCode);
    assert.ok(friction.time >= failed.time);
  });
});
