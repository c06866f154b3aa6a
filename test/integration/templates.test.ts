import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import type { ValidationResult } from '../../src/core/validator/types';
import { builtInTemplate } from '../../src/core/template/templates';
import { slugify } from '../../src/core/retrospective/retrospectiveFile';
import { writeAuthorParts } from '../unit/templateDrafts';
import { endSession, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { git, uniqueName, writeLines } from './helpers/gitRepo';
import { acceptPrompt, runAcceptingPrompts, runAnsweringPrompts } from './helpers/quickInput';
import { saveDocument } from './helpers/saves';
import { waitFor } from './helpers/wait';

/** The editor End Session opened for the session with this focus. */
function draftFor(folder: string, focus: string): vscode.TextEditor | undefined {
  const slug = slugify(focus);
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.startsWith(folder + path.sep) && path.basename(e.document.fileName).includes(`_${slug}`));
}

function failing(result: ValidationResult | undefined): string {
  return result ? result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.line}: ${f.message}`).join('; ') : 'no validation yet';
}

/**
 * End Session with each built-in template in the real editor: the draft names its template in the
 * marker, is validated live by that template's rules, and passes once the author's parts are written.
 */
describe('retrospective templates (End Session in each layout)', function () {
  let api: SessionJournalApi;
  let root: string;
  let folder: string;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    folder = path.join(root, 'retrospectives', 'sessions');
  });

  afterEach(async function () {
    if (api) await endSession(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Starts a session with one commit, ends it answering `prompts` prompts with `args`, and returns the draft's editor. */
  async function endWith(focus: string, args: unknown[], prompts: number): Promise<vscode.TextEditor> {
    await startSession(api, focus);
    const file = `notes/${uniqueName('tpl')}.txt`;
    writeLines(root, file, ['one']);
    git(root, 'add', file);
    git(root, 'commit', '-q', '-m', `Notes for ${focus}`);
    await runAcceptingPrompts('sessionJournal.endSession', args, prompts, 30_000);
    assert.equal(api.controller.active, false, 'the session ended');
    return waitFor(() => draftFor(folder, focus), 15_000, `the draft for "${focus}"`);
  }

  for (const name of ['report', 'phase', 'handoff']) {
    it(`End Session with the ${name} template writes a draft that passes once the author's parts are written`, async function () {
      this.timeout(90_000);
      const template = builtInTemplate(name);
      assert.ok(template);
      const focus = `${name} layout ${uniqueName('f')}`;
      // Every answer given as the argument: no prompt to race with.
      const editor = await endWith(focus, [{ template: name, sessionType: 'feature', focus }], 0);
      const doc = editor.document;
      const text = doc.getText();
      assert.match(text.split('\n')[0] ?? '', new RegExp(`^<!-- session-journal:session [\\w-]+ template ${name} -->$`));
      assert.ok(text.includes(`# ${template.title}\n`), 'the template title');
      assert.ok(text.includes('<!-- hint:'), 'hints where the author writes');
      const fresh = api.retrospectives.resultFor(doc);
      assert.equal(fresh.passed, false, 'a fresh draft does not pass');
      assert.deepEqual(fresh.rules.map((r) => r.rule).sort(), [...template.rules].sort(), 'validated by the template\'s own rules');

      let latest: ValidationResult | undefined;
      const listener = api.retrospectives.onDidValidate((e) => { if (e.uri.toString() === doc.uri.toString()) latest = e.result; });
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), writeAuthorParts(text, template));
        assert.ok(await vscode.workspace.applyEdit(edit));
        await waitFor(() => latest?.passed, 10_000, 'live validation to pass').catch((err: Error) => {
          throw new Error(`${err.message}: ${failing(latest)}`);
        });
      } finally {
        listener.dispose();
      }
      await saveDocument(doc);
      assert.ok(fs.readFileSync(doc.uri.fsPath, 'utf8').includes('<!-- session-journal:session'), 'the marker is kept on disk');
    });
  }

  it('asks which template with a QuickPick, and preselects the last choice in this workspace', async function () {
    this.timeout(120_000);
    // Type, focus, then the template pick: move from the preselected entry to the next one ("report" after "session").
    const focus = `picked ${uniqueName('f')}`;
    await startSession(api, focus);
    await runAnsweringPrompts('sessionJournal.endSession', [], 3, async (prompt, index) => {
      if (index === 2) {
        assert.equal(prompt.kind === 'pick' && prompt.active, 'session', 'the template pick shows, "session" preselected');
        await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      }
      await acceptPrompt();
    }, 30_000);
    const picked = await waitFor(() => draftFor(folder, focus), 15_000, 'the picked draft');
    const first = picked.document.getText().split('\n')[0] ?? '';
    assert.match(first, / template report -->$/, first);
    await endSession(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // Enter on every prompt now repeats "report": the choice was remembered for this workspace.
    const again = `again ${uniqueName('f')}`;
    const editor = await endWith(again, [], 3);
    assert.match(editor.document.getText().split('\n')[0] ?? '', / template report -->$/);
  });
});
