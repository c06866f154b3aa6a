/**
 * Applies the journal's edit and delete events to the friction, notes and lessons they target.
 * The journal is append-only, so a corrected friction title is a later `edit` line; the
 * retrospective must show the corrected text and must not show deleted entries.
 *
 * Kept local to the retrospective so it does not wait on the session-state reader; it follows
 * the same rule the journal documents: edits apply in journal order, an edit or delete of an
 * unknown (or not yet written) id is ignored.
 */
import type { EditEvent, FrictionEvent, JournalEvent, LessonEvent, NoteEvent } from '../events';

type Editable = FrictionEvent | NoteEvent | LessonEvent;

function isEditable(e: JournalEvent): e is Editable {
  return e.kind === 'friction' || e.kind === 'note' || e.kind === 'lesson';
}

function edited(target: Editable, edit: EditEvent): Editable {
  switch (target.kind) {
    case 'friction':
      return {
        ...target,
        title: edit.title ?? target.title,
        detail: edit.detail !== undefined ? edit.detail || undefined : target.detail,
        category: edit.category ?? target.category,
      };
    case 'note':
    case 'lesson':
      return { ...target, text: edit.text ?? target.text };
  }
}

/**
 * Returns the events with edits applied and deleted entries removed; `edit` and `delete` lines
 * themselves are dropped. Linear in the number of events.
 */
export function applyEdits(events: readonly JournalEvent[]): JournalEvent[] {
  const out: (JournalEvent | undefined)[] = [];
  const slotById = new Map<string, number>();
  for (const e of events) {
    if (e.kind === 'edit') {
      const slot = slotById.get(e.targetId);
      const target = slot === undefined ? undefined : out[slot];
      if (slot !== undefined && target && isEditable(target)) out[slot] = edited(target, e);
    } else if (e.kind === 'delete') {
      const slot = slotById.get(e.targetId);
      if (slot !== undefined) {
        out[slot] = undefined;
        slotById.delete(e.targetId);
      }
    } else {
      if (isEditable(e)) slotById.set(e.id, out.length);
      out.push(e);
    }
  }
  return out.filter((e): e is JournalEvent => e !== undefined);
}
