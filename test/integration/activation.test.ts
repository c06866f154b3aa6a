import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi } from './helpers/extensionApi';
import { waitFor } from './helpers/wait';

/** The `contributes.commands` ids of the installed manifest, read at run time (not copied here). */
function declaredCommands(ext: vscode.Extension<unknown>): string[] {
  const manifest: unknown = ext.packageJSON;
  const contributes = (manifest as { contributes?: { commands?: unknown } }).contributes;
  const commands = Array.isArray(contributes?.commands) ? contributes.commands : [];
  return commands
    .map((c: unknown) => (typeof c === 'object' && c !== null ? (c as { command?: unknown }).command : undefined))
    .filter((id): id is string => typeof id === 'string');
}

describe('activation', () => {
  it('activates and registers its commands', async () => {
    const ext = vscode.extensions.getExtension('session-journal.session-journal');
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('sessionJournal.startSession'));
  });

  it('registers every command package.json declares', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const declared = declaredCommands(ext);
    assert.ok(declared.length >= 10, `expected the manifest to declare commands, got ${declared.length}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('exports the API the other suites use, with no session running at start', async () => {
    const api = await getApi();
    assert.equal(api.controller.active, false, 'autoStart is off by default, so nothing records until asked');
    assert.equal(typeof api.flushCapture, 'function');
    assert.ok(api.controller.journalDir.length > 0);
    assert.ok(api.git(), 'the sample workspace is a trusted git repository, so the git adapter runs');
  });

  it('resolves the Timeline view: its webview loads and says ready', async () => {
    const api = await getApi();
    let ready = false;
    const listener = api.timeline.onMessage((m) => { if (m.type === 'ready') ready = true; });
    try {
      // A hidden webview view is discarded (retainContextWhenHidden is off), so showing it again
      // always loads a fresh page that posts `ready`, even if another suite opened it before.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('sessionJournal.timeline.focus');
      // `ready` is posted by the webview's own script once it has loaded under the CSP:
      // it proves resolveWebviewView ran and the page works, not only that the command exists.
      await waitFor(() => ready, 20_000, 'the Timeline webview to post ready');
      assert.equal(api.timeline.rejectedMessages, 0, 'the webview sent only messages the host accepts');
    } finally {
      listener.dispose();
    }
  });
});
