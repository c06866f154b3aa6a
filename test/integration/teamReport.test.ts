import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { getApi, workspaceRoot } from './helpers/extensionApi';

/** Two people's finished retrospectives naming the same friction in other words. */
function retrospective(day: string, friction: string): string {
  return [
    '# Session Retrospective', '', `**Date**: ${day}`, '', '**Start Time**: 09:00 (UTC+01:00)', '', '**Duration**: 1 h (active 40 min)', '',
    '## Session Summary', '', 'Worked on the importer.', '', '### Friction Points', '', `1. **${friction}** — cost half an hour.`, '',
    '## Retrospective Validation', '', '- [x] Required sections present', '- [x] Friction points documented', '',
  ].join('\n');
}

describe('Open Team Report (real VS Code)', function () {
  let folder: string;

  before(async function () {
    await getApi();
    folder = path.join(workspaceRoot(), 'team-report-fixture');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'alice.md'), retrospective('2026-11-16', 'Flaky integration tests'));
    fs.writeFileSync(path.join(folder, 'bob.md'), retrospective('2026-11-24', 'Integration tests flaky again'));
    fs.writeFileSync(path.join(folder, 'notes.md'), '# Notes\n\nNot a retrospective.\n');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('opens the workspace\'s report as an untitled Markdown document, with its preview', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('sessionJournal.openTeamReport');
    assert.ok(document, 'the command returns the document it opened');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    assert.match(text, /^# Team Session Report\n/);
    // Other suites leave retrospectives in the workspace, whose friction may join the theme and
    // name it: find the theme that lists both fixtures, whatever its heading.
    const themes = text.slice(text.indexOf('## Recurring friction themes')).split(/^### /m).slice(1);
    const shared = themes.find((t) => t.includes('`team-report-fixture/alice.md`') && t.includes('`team-report-fixture/bob.md`'));
    assert.ok(shared, `one recurring theme holds alice's and bob's sessions:\n${text}`);
    assert.match(shared, /Written as: .*“Flaky integration tests”/);
    assert.match(shared, /Written as: .*“Integration tests flaky again”/);
    assert.doesNotMatch(text, /notes\.md/);
    assert.match(text, /```mermaid\nxychart-beta/);
  });
});
