import * as vscode from 'vscode';
import type { SessionController } from '../sessionController';
import { askCategory, askText } from '../entryInput';

/** Edits a friction point, note or lesson from the Timeline (recorded as an `edit` event). */
export async function editEntry(controller: SessionController, eventId: string): Promise<void> {
  const e = controller.findEvent(eventId);
  if (!e || (e.kind !== 'friction' && e.kind !== 'note' && e.kind !== 'lesson')) return;
  if (e.kind === 'friction') {
    const title = await askText({ title: 'Edit Friction Point', prompt: 'What got in the way?', value: e.title });
    if (!title) return;
    const category = await askCategory(e.category);
    controller.record({ kind: 'edit', time: controller.now(), targetId: e.id, title, category });
    return;
  }
  const text = await askText({ title: e.kind === 'note' ? 'Edit Note' : 'Edit Lesson', prompt: 'New text', value: e.text });
  if (text) controller.record({ kind: 'edit', time: controller.now(), targetId: e.id, text });
}

/** Deletes a friction point, note or lesson after a confirmation (recorded as a `delete` event). */
export async function deleteEntry(controller: SessionController, eventId: string): Promise<void> {
  const e = controller.findEvent(eventId);
  if (!e || (e.kind !== 'friction' && e.kind !== 'note' && e.kind !== 'lesson')) return;
  const what = e.kind === 'friction' ? `friction point "${e.title}"` : `${e.kind} "${e.text}"`;
  const answer = await vscode.window.showWarningMessage(`Delete the ${what.slice(0, 120)}?`, { modal: true }, 'Delete');
  if (answer === 'Delete') controller.record({ kind: 'delete', time: controller.now(), targetId: e.id });
}
