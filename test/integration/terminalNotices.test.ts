import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { waitFor } from './helpers/wait';

/** Longer than the adapter's 8 s grace (SHELL_INTEGRATION_GRACE_MS in terminalAdapter.ts). */
const SLOW_RC_SECONDS = 12;

describe('terminal notices (shell integration that comes late)', function () {
  let api: SessionJournalApi;
  let home: string;

  before(async function () {
    api = await getApi();
    // A ~/.bashrc that takes its time, as a heavy one (nvm, conda) or a loaded machine does. VS Code's
    // bash integration sources it before it reports the first prompt, so integration comes late.
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-slow-home-'));
    fs.writeFileSync(path.join(home, '.bashrc'), `sleep ${SLOW_RC_SECONDS}\n`);
  });

  after(async function () {
    if (api) await endSession(api);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('says "no shell integration" after the grace period, then says it was late once it comes, and records the terminal\'s commands', async function () {
    this.timeout(90_000);
    await startSession(api, 'slow shell start');
    const terminal = vscode.window.createTerminal({ name: 'slow-rc', shellPath: '/bin/bash', cwd: workspaceRoot(), env: { HOME: home } });
    try {
      const none = await waitFor(() => eventsOf(api, 'notice').find((e) => e.code === 'no-shell-integration' && e.message.includes('"slow-rc"')), 30_000, 'the no-shell-integration notice');
      const integration = await waitFor(() => terminal.shellIntegration, 60_000, 'shell integration after the slow rc file');
      const late = await waitFor(() => eventsOf(api, 'notice').find((e) => e.code === 'shell-integration-late' && e.message.includes('"slow-rc"')), 10_000, 'the late-integration notice');
      assert.ok(late.time >= none.time, 'the correction comes after the notice it corrects');
      assert.match(late.message, /commands are recorded after all/);

      integration.executeCommand('echo recorded after a slow start');
      await waitFor(() => eventsOf(api, 'command').find((e) => e.commandLine === 'echo recorded after a slow start'), 20_000, 'the command in the late terminal');
    } finally {
      terminal.dispose();
    }
  });
});
