/**
 * The handoff loop in a real VS Code: a session ends and its retrospective is finished with next
 * steps; the next Start Session carries them over (with the plan file's open boxes) into the
 * Timeline header; a tick in the header and a box ticked and saved in PLAN.md land on the
 * Timeline with their times; the next draft says what was done, when, and what was not.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionJournalApi } from '../../src/extension';
import { endSession, eventsOf, getApi, startSession, workspaceRoot } from './helpers/extensionApi';
import { logFiles } from './helpers/extensionLog';
import { runAcceptingPrompts } from './helpers/quickInput';
import { saveDocument } from './helpers/saves';
import { completeDraft, setSectionBody } from './helpers/retrospectiveText';
import { waitFor } from './helpers/wait';

const STEPS = ['Split the queue suite so it runs in under a minute', 'Document the receiver socket behaviour in the README'];
const PLAN_OPEN = 'Tag the handoff release after the suite is green';
const PLAN = ['# Plan', '', '- [x] Scaffold the handoff loop', `- [ ] ${PLAN_OPEN}`, ''].join('\n');

function hhmm(time: number, utcOffsetMinutes: number): string {
  return new Date(time + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

/** The draft End Session opened for `sessionId`: a Markdown editor whose first line names the session. */
function draftOf(sessionId: string): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.fileName.endsWith('.md') && e.document.lineAt(0).text.includes(sessionId));
}

async function endWithDraft(api: SessionJournalApi): Promise<vscode.TextDocument> {
  const sessionId = api.controller.events()[0]?.sessionId ?? '';
  await runAcceptingPrompts('sessionJournal.endSession', [{ template: 'session' }], 2, 30_000);
  return (await waitFor(() => draftOf(sessionId), 15_000, `the draft of session ${sessionId}`)).document;
}

describe('handoff loop (Start Session carries over the last next steps)', function () {
  let api: SessionJournalApi;
  let root: string;

  before(async function () {
    api = await getApi();
    root = workspaceRoot();
    fs.writeFileSync(path.join(root, 'PLAN.md'), PLAN);
    await vscode.workspace.getConfiguration('sessionJournal').update('handoff.planFile', 'PLAN.md', vscode.ConfigurationTarget.Workspace);
  });

  after(async function () {
    if (api) await endSession(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('sessionJournal').update('handoff.planFile', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(path.join(root, 'PLAN.md'), { force: true });
  });

  it('finishes a session whose next steps the next Start Session shows as carried over, with the plan\'s open box', async function () {
    this.timeout(120_000);
    await startSession(api, 'handoff first session');
    const doc = await endWithDraft(api);
    const written = setSectionBody(completeDraft(doc.getText()), /Next Steps/, STEPS.map((s) => `- [ ] ${s}`).join('\n'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), written);
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Finish asks before finishing a retrospective whose checks fail; this one passes once written.
    await waitFor(() => api.retrospectives.resultFor(doc).passed, 10_000, 'the written draft to pass').catch((err: Error) => {
      const failing = api.retrospectives.resultFor(doc).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.line}: ${f.message}`);
      throw new Error(`${err.message}: ${failing.join('; ')}`);
    });
    await vscode.commands.executeCommand('sessionJournal.finishRetrospective', doc.uri);
    // When Finish stops early, its log line says why (a question asked, a save the workbench refused).
    const finishLog = () => logFiles(api.controller.journalDir).flatMap((f) => fs.readFileSync(f, 'utf8').split('\n')).filter((l) => /Finish|could not|failed/.test(l)).slice(-5).join('\n');
    assert.match(fs.readFileSync(doc.uri.fsPath, 'utf8'), /## Retrospective Validation/, `Finish wrote its checklist. Extension log:\n${finishLog()}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await startSession(api, 'handoff second session');
    const list = await waitFor(() => eventsOf(api, 'carried-over')[0], 15_000, 'the carried-over list');
    assert.deepEqual(list.items.map((i) => [i.id, i.text, i.from]), [
      ['r1', STEPS[0], 'retrospective'], ['r2', STEPS[1], 'retrospective'], ['p1', PLAN_OPEN, 'plan'],
    ]);
    assert.equal(list.retrospective, path.relative(root, doc.uri.fsPath).split(path.sep).join('/'));
    assert.equal(list.plan, 'PLAN.md');
    // What the header is sent: the three items, none done, boxes that can be ticked.
    const shown = await waitFor(() => api.carriedOver.shown?.items.length === 3 && api.carriedOver.shown, 5000, 'the header checklist');
    assert.equal(shown.canTick, true);
    assert.deepEqual(shown.items.map((i) => i.doneAt), [undefined, undefined, undefined]);
  });

  it('records a tick in the header and a box ticked in the saved plan file as Timeline events, and the draft says when', async function () {
    this.timeout(90_000);
    const start = eventsOf(api, 'session-start')[0];
    assert.ok(start, 'the second session records');
    const beforeTick = Date.now();
    api.carriedOver.tick('r2', true);
    const tick = await waitFor(() => eventsOf(api, 'carried-over-tick').find((e) => e.itemId === 'r2'), 5000, 'the tick event');
    assert.deepEqual([tick.text, tick.done, tick.via], [STEPS[1], true, 'timeline']);
    assert.ok(tick.time >= beforeTick && tick.time <= Date.now());
    await waitFor(() => api.carriedOver.shown?.items.find((i) => i.id === 'r2')?.doneAt === tick.time, 5000, 'the header to show r2 done');

    // Ticked in the file, as a person does: an editor, a keystroke's worth of change, a save.
    const plan = await vscode.workspace.openTextDocument(path.join(root, 'PLAN.md'));
    await vscode.window.showTextDocument(plan);
    const line = plan.getText().split('\n').findIndex((l) => l.includes(PLAN_OPEN));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(plan.uri, new vscode.Range(line, 3, line, 4), 'x');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(eventsOf(api, 'carried-over-tick').length, 1, 'an unsaved tick is not recorded yet');
    const beforeSave = Date.now();
    await saveDocument(plan);
    const planTick = await waitFor(() => eventsOf(api, 'carried-over-tick').find((e) => e.itemId === 'p1'), 5000, 'the plan tick');
    assert.deepEqual([planTick.done, planTick.via], [true, 'plan']);
    assert.ok(planTick.time >= beforeSave);

    const draft = (await endWithDraft(api)).getText();
    const offset = start.utcOffsetMinutes;
    assert.match(draft, new RegExp(`^- \\[ \\] ${STEPS[0]} — not done$`, 'm'));
    assert.match(draft, new RegExp(`^- \\[x\\] ${STEPS[1]} — done at ${hhmm(tick.time, offset)}$`, 'm'));
    assert.match(draft, new RegExp(`^- \\[x\\] ${PLAN_OPEN} — done at ${hhmm(planTick.time, offset)}$`, 'm'));
    assert.match(draft, new RegExp(`## Next Steps\\n\\n- \\[ \\] ${STEPS[0]}\\n`), 'the item not done starts the new Next Steps');
    assert.match(draft, /^\| Carried Over \| 2 of 3 done \|$/m);
  });
});
