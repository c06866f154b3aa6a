/**
 * The checkboxes of a plan file (`PLAN.md`): read at Start Session, and compared at each save so
 * a box ticked in the file is recorded as done at the time it was saved.
 */
import { itemKey, markdownLines } from './markdownItems';

export interface Checkbox {
  readonly text: string;
  readonly checked: boolean;
}

/** Every task item of the text, at any depth, outside fenced code; items with no text are left out. */
export function checkboxesOf(markdown: string): Checkbox[] {
  const out: Checkbox[] = [];
  for (const line of markdownLines(markdown)) {
    if (line.type === 'item' && line.item.checked !== undefined && line.item.text) out.push({ text: line.item.text, checked: line.item.checked });
  }
  return out;
}

/** What changed between two versions of the file: the texts of boxes ticked, and of boxes unticked. */
export interface CheckboxChanges {
  readonly ticked: readonly string[];
  readonly unticked: readonly string[];
}

function countByKey(boxes: readonly Checkbox[]): Map<string, { text: string; checked: number; total: number }> {
  const out = new Map<string, { text: string; checked: number; total: number }>();
  for (const box of boxes) {
    const key = itemKey(box.text);
    const entry = out.get(key) ?? { text: box.text, checked: 0, total: 0 };
    entry.total++;
    if (box.checked) entry.checked++;
    out.set(key, entry);
  }
  return out;
}

/**
 * The boxes whose state changed, matched by text (case, spacing and emphasis aside), so moving a
 * line or adding another changes nothing. A box that appears already ticked was not ticked in
 * this session's file as far as anyone can tell (it may be a reworded line), so it is not counted;
 * a box removed is not an untick.
 */
export function checkboxChanges(before: readonly Checkbox[], after: readonly Checkbox[]): CheckboxChanges {
  const old = countByKey(before);
  const ticked: string[] = [];
  const unticked: string[] = [];
  for (const [key, now] of countByKey(after)) {
    const was = old.get(key);
    if (!was) continue;
    if (now.checked > was.checked && was.checked < was.total) ticked.push(now.text);
    else if (now.checked < was.checked) unticked.push(now.text);
  }
  return { ticked, unticked };
}
