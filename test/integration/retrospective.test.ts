import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import type { CommandEvent, CommitEvent, SessionStartEvent } from '../../src/core/journal/events';
import type { ValidationResult } from '../../src/core/validator/types';
import { validateRetrospective } from '../../src/core/validator/validate';
import { EXTENSION_ID, endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { git, head, uniqueName, writeLines } from './helpers/gitRepo';
import { runAcceptingPrompts } from './helpers/quickInput';
import { logFiles } from './helpers/extensionLog';
import { completeDraft } from './helpers/retrospectiveText';
import type { IntegratedTerminal } from './helpers/terminal';
import { openIntegratedTerminal, runInTerminal } from './helpers/terminal';
import { waitFor } from './helpers/wait';

/** Local wall-clock HH:MM of an epoch time at a UTC offset, computed here independently of the extension. */
function hhmm(time: number, utcOffsetMinutes: number): string {
  return new Date(time + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

/** A command that fails without side effects and is worth a timeline row. */
const FAILING = 'git checkout no-such-branch-for-retro';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The editor End Session opened: a Markdown file under the retrospectives folder. */
function draftEditor(folder: string): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'file' && e.document.uri.fsPath.startsWith(folder + path.sep) && e.document.fileName.endsWith('.md'));
}

function failingRules(result: ValidationResult | undefined): string {
  if (!result) return 'no validation yet';
  return result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.line}: ${f.message}`).join('; ');
}

describe('retrospective (End Session, live validation, Finish)', function () {
  let api: SessionJournalApi;
  let root: string;
  let term: IntegratedTerminal;
  let start: SessionStartEvent;
  let commit: CommitEvent;
  let failed: CommandEvent;
  let doc: vscode.TextDocument;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    await startSession(api, 'retro focus');
    term = await openIntegratedTerminal('retro', root);
  });

  after(async function () {
    term?.terminal.dispose();
    if (api) await endSession(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('End Session asks two questions and opens a draft with real times and the commit on the timeline', async function () {
    this.timeout(90_000);
    const file = `notes/${uniqueName('retro')}.txt`;
    writeLines(root, file, ['alpha', 'beta', 'gamma']);
    git(root, 'add', file);
    git(root, 'commit', '-q', '-m', 'Record retrospective notes');
    const hash = head(root);
    commit = await waitFor(() => eventsOf(api, 'commit').find((e) => e.hash === hash), 15_000, 'the commit event');

    // Not `ls`: the retrospective leaves failed look-around commands (ls, cd, cat) off the timeline on purpose.
    assert.notEqual(await runInTerminal(term, FAILING), 0);
    failed = await waitFor(() => eventsOf(api, 'command').find((e) => e.commandLine === FAILING), 10_000, 'the failing command');
    await runAcceptingPrompts('sessionJournal.logFriction', [{ eventId: failed.id, title: 'Checking out a missing branch failed', category: 'tooling' }], 2);
    await waitFor(() => eventsOf(api, 'friction').find((f) => f.trigger?.eventId === failed.id), 5000, 'the friction event');

    const found = eventsOf(api, 'session-start')[0];
    assert.ok(found);
    start = found;
    const sessionId = start.sessionId;
    const folder = path.join(root, 'retrospectives', 'sessions');
    const beforeEnd = Date.now();
    // Quick pick (session type: the first, "feature"), input box (focus, prefilled), quick pick (template: session, preselected).
    await runAcceptingPrompts('sessionJournal.endSession', [], 3, 30_000);
    const afterEnd = Date.now();
    assert.equal(api.controller.active, false, 'the session ended');
    const editor = await waitFor(() => draftEditor(folder), 15_000, 'the draft editor under retrospectives/sessions/');
    doc = editor.document;

    assert.ok(fs.existsSync(doc.uri.fsPath), 'the draft is on disk');
    assert.match(path.basename(doc.uri.fsPath), /^\d{4}-\d{2}-\d{2}_\d{4}_.+\.md$/);
    const text = fs.readFileSync(doc.uri.fsPath, 'utf8');
    assert.ok(text.startsWith(`<!-- session-journal:session ${sessionId} -->`), text.slice(0, 120));
    const offset = start.utcOffsetMinutes;
    assert.match(text, new RegExp(`\\*\\*Start Time\\*\\*: ${hhmm(start.time, offset)}\\b`));
    const endTimes = new Set([hhmm(beforeEnd, offset), hhmm(afterEnd, offset)]);
    const endMatch = /\*\*End Time\*\*: (\d{2}:\d{2})/.exec(text);
    assert.ok(endMatch?.[1] && endTimes.has(endMatch[1]), `End Time ${endMatch?.[1]} is when End Session ran (${[...endTimes].join(' or ')})`);
    assert.match(text, /\*\*Primary Focus\*\*: retro focus/);
    assert.match(text, /\*\*Session Type\*\*: feature/);
    const commitRow = new RegExp(`^\\| ${hhmm(commit.time, offset)} \\| Commit ${hash.slice(0, 7)}: \`${escapeRegExp(commit.subject)}\``, 'm');
    assert.match(text, commitRow);
    assert.match(text, new RegExp(`^\\| ${hhmm(failed.time, offset)} \\| .*${escapeRegExp(FAILING)}.*failed \\(exit ${failed.exitCode}\\)`, 'm'));
    assert.match(text, /Checking out a missing branch failed/, 'the captured friction is prefilled');
    assert.match(text, /<!-- hint:/, 'the draft still has hints where only the user can write');
  });

  it('validates live as the user writes, then Finish writes a passing checklist to disk', async function () {
    this.timeout(60_000);
    assert.ok(doc, 'the previous test opened the draft');
    let latest: ValidationResult | undefined;
    const listener = api.retrospectives.onDidValidate((e) => { if (e.uri.toString() === doc.uri.toString()) latest = e.result; });
    try {
      const initial = api.retrospectives.resultFor(doc);
      assert.equal(initial.passed, false, 'a fresh draft does not pass: the user-only sections are empty');

      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), completeDraft(doc.getText()));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => latest?.passed, 10_000, 'live validation to pass').catch((err: Error) => {
        throw new Error(`${err.message}: ${failingRules(latest)}`);
      });
      assert.ok(latest?.rules.every((r) => r.passed));
      const diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Session Journal' && d.severity === vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(diagnostics.map((d) => d.message), [], 'no failing findings remain in the Problems panel');
    } finally {
      listener.dispose();
    }

    await vscode.commands.executeCommand('sessionJournal.finishRetrospective', doc.uri);
    const onDisk = fs.readFileSync(doc.uri.fsPath, 'utf8');
    // When Finish stops early, its log line says why (asked a question, could not save, threw).
    const finishLog = () => logFiles(api.controller.journalDir).flatMap((f) => fs.readFileSync(f, 'utf8').split('\n')).filter((l) => /finish|Finish|could not|failed/.test(l)).slice(-8).join('\n');
    assert.ok(!onDisk.includes('<!-- hint:'), `Finish removes every hint. Extension log:\n${finishLog()}`);
    const checklistAt = onDisk.indexOf('## Retrospective Validation');
    assert.ok(checklistAt !== -1, 'Finish writes the validation checklist');
    const items = onDisk.slice(checklistAt).split('\n').filter((l) => /^\s*- \[[ xX]\]/.test(l));
    assert.ok(items.length >= 10, `one item per rule, got ${items.length}`);
    assert.deepEqual(items.filter((l) => !/^\s*- \[x\]/.test(l)), [], 'every item is checked');
    const result = validateRetrospective(onDisk);
    assert.equal(result.passed, true, failingRules(result));
    assert.match(onDisk, /Commit/);
    assert.ok(onDisk.includes(`**Start Time**: ${hhmm(start.time, start.utcOffsetMinutes)}`), 'Finish keeps the header times');
    const metricsLog = path.join(root, 'retrospectives', 'session-metrics.md');
    assert.ok(fs.existsSync(metricsLog), 'Finish appends to the metrics log');
    // One friction point was captured; completeDraft lists three. Both counts follow the document.
    assert.match(onDisk, /^\| Friction Points \| 3 \|\r?$/m, 'Metrics counts the friction points the retrospective lists');
    const rows = fs.readFileSync(metricsLog, 'utf8').split(/\r?\n/).filter((l) => l.endsWith(`<!-- session:${start.sessionId} -->`));
    assert.equal(rows.length, 1, 'one metrics-log row for this session, tagged with its id');
    assert.match(rows[0], /^\|[^|]+\|[^|]+\| \d+ \| 3 \|/, 'the metrics-log row counts the same three friction points');
  });

  it('shows diagnostics on the right lines for a broken retrospective, with a quick fix for a missing section', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const good = fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'retrospectives', 'good.md'), 'utf8');
    const broken = good
      .replace(/## Lessons Learned\n[\s\S]*?(?=\n## )/, '')
      .replace('- [ ] Add a metric for dead-letter table growth to the delivery dashboard', '- [ ] TBD');
    assert.ok(!/Lessons Learned/.test(broken) && broken.includes('- [ ] TBD'), 'the fixture was broken as intended');
    const file = path.join(root, 'scratch', `${uniqueName('broken')}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, broken);
    const uri = vscode.Uri.file(file);
    const opened = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(opened);

    const result = await vscode.commands.executeCommand<ValidationResult | undefined>('sessionJournal.validateRetrospective', uri);
    assert.ok(result && !result.passed);
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Session Journal');
    await waitFor(() => ours().length > 0, 5000, 'diagnostics for the broken file');

    const missing = ours().find((d) => d.code === 'required-sections');
    assert.ok(missing, 'a required-sections diagnostic');
    assert.match(missing.message, /Lessons Learned/);
    assert.equal(missing.range.start.line, 0, 'a missing section is reported at the top of the file');
    const tbdLine = broken.split('\n').findIndex((l) => l === '- [ ] TBD');
    const placeholder = ours().find((d) => d.code === 'next-steps-specific');
    assert.ok(placeholder, 'a next-steps-specific diagnostic');
    assert.equal(placeholder.range.start.line, tbdLine, 'the placeholder next step is flagged on its own line');
    assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Warning);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, missing.range);
    const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && /Lessons Learned/.test(a.title));
    assert.ok(fix?.edit, `a quick fix inserts the section; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(opened.getText(), /^## Lessons Learned/m);
    await waitFor(() => !ours().some((d) => d.code === 'required-sections'), 5000, 'the missing-section diagnostic to go away');
  });

  it('Finish on an older file replaces its "## Validation Checklist" instead of appending a second checklist', async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const good = fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'retrospectives', 'good.md'), 'utf8');
    // What an earlier version wrote: the checklist under another heading, with a stale verdict.
    const older = `${good.trimEnd()}\n\n## Validation Checklist\n\n- [x] Header fields present\n- [ ] Stale line from an earlier Finish\n`;
    assert.ok(!older.includes('## Retrospective Validation'), 'the older file has no checklist under the current heading');
    const file = path.join(root, 'scratch', `${uniqueName('older')}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, older);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    // As a draft: the verdict on this foreign file (checked against the session this suite keeps
    // open) is not what this test is about, and a failing verdict would stop at a modal dialog.
    await vscode.commands.executeCommand('sessionJournal.finishRetrospective', uri, { asDraft: true });
    const onDisk = fs.readFileSync(file, 'utf8');
    assert.equal(onDisk.split('## Retrospective Validation').length - 1, 1, 'one checklist section');
    assert.ok(!onDisk.includes('## Validation Checklist'), 'the older heading became the validator\'s own');
    assert.ok(!onDisk.includes('Stale line'), 'the stale verdict was replaced');
    const items = onDisk.split('\n').filter((l) => /^\s*- \[[ xX]\]/.test(l) && !good.includes(l));
    assert.ok(items.length >= 10, `one item per rule, got ${items.length}`);
    assert.ok(onDisk.startsWith(good.trimEnd()), 'everything before the checklist is as it was');
  });
});
