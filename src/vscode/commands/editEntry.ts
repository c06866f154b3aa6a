import * as vscode from 'vscode';
import type { SessionController } from '../sessionController';
import { askCategory, askText } from '../entryInput';

/** Edits a friction point, note or lesson from the Timeline (recorded as an `edit` event). */
export async function editEntry(controller: SessionController, eventId: string): Promise<void> {
  const e = controller.findEvent(eventId);
  if (!e || (e.kind !== 'friction' && e.kind !== 'note' && e.kind !== 'lesson')) return;
  if (e.kind === 'friction') {
    const title = await askText({ title: vscode.l10n.t('Edit Friction Point'), prompt: vscode.l10n.t('What got in the way?'), value: e.title });
    if (!title) return;
    const category = await askCategory(e.category);
    controller.record({ kind: 'edit', time: controller.now(), targetId: e.id, title, category });
    return;
  }
  const text = await askText({ title: e.kind === 'note' ? vscode.l10n.t('Edit Note') : vscode.l10n.t('Edit Lesson'), prompt: vscode.l10n.t('New text'), value: e.text });
  if (text) controller.record({ kind: 'edit', time: controller.now(), targetId: e.id, text });
}

/** Deletes a friction point, note or lesson after a confirmation (recorded as a `delete` event). */
export async function deleteEntry(controller: SessionController, eventId: string): Promise<void> {
  const e = controller.findEvent(eventId);
  if (!e || (e.kind !== 'friction' && e.kind !== 'note' && e.kind !== 'lesson')) return;
  const question = e.kind === 'friction' ? vscode.l10n.t('Delete the friction point "{0}"?', e.title.slice(0, 100))
    : e.kind === 'note' ? vscode.l10n.t('Delete the note "{0}"?', e.text.slice(0, 100))
      : vscode.l10n.t('Delete the lesson "{0}"?', e.text.slice(0, 100));
  const remove = vscode.l10n.t('Delete');
  const answer = await vscode.window.showWarningMessage(question, { modal: true }, remove);
  if (answer === remove) controller.record({ kind: 'delete', time: controller.now(), targetId: e.id });
}
