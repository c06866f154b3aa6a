import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import type { CommandEvent } from '../../src/core/journal/events';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { runAcceptingPrompts } from './helpers/quickInput';
import type { IntegratedTerminal } from './helpers/terminal';
import { openIntegratedTerminal, runInTerminal } from './helpers/terminal';
import { staysFalse, waitFor } from './helpers/wait';

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
    const exit = await runInTerminal(term, FAILING);
    assert.notEqual(exit, 0);
    await waitFor(() => api.prompter.shown === shownBefore + 1, 10_000, 'the friction prompt');

    for (let i = 0; i < 20; i++) {
      assert.notEqual(await runInTerminal(term, FAILING), 0, `failure ${i + 2} failed`);
    }
    // Each of the 21 ended (runInTerminal waited for that); the journal has them within one batch.
    // Counted as this terminal's failed commands, whatever line the shell reported for each: a line
    // typed before bash printed its prompt can be reported otherwise (see runInTerminal), and what
    // the shell reports is what is recorded. The exact line is the previous test's subject.
    const recorded = (): CommandEvent[] => eventsOf(api, 'command').filter((e) => e.terminal === term.terminal.name && e.time >= startedAt);
    await waitFor(() => recorded().filter((e) => e.exitCode !== 0).length >= 21, 10_000, '21 failed commands recorded').catch((err: Error) => {
      throw new Error(`${err.message}; recorded in this terminal: ${JSON.stringify(recorded().map((e) => [e.commandLine, e.exitCode, e.confidence]))}`);
    });
    assert.equal(recorded().length, 21, JSON.stringify(recorded().map((e) => e.commandLine)));
    assert.ok(recorded().every((e) => e.exitCode !== null && e.exitCode !== 0));
    // Deferred signals are reconsidered after a quiet moment: give them that moment.
    assert.ok(await staysFalse(() => api.prompter.shown !== shownBefore + 1, 2500), `shown went from ${shownBefore} to ${api.prompter.shown}`);
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
