import type { RowList } from './rowList';
import type { ModelChanges, RowOptions, TimelineModel } from './timelineModel';
import { buildRows } from './timelineModel';

/**
 * Brings drawn rows up to date with the model's changes without rebuilding them: new events join
 * the newest end, older pages the oldest end, edited entries and agent turns that gained a step
 * keep their place and get a new row. Pure (no DOM), so the view's incremental path is tested
 * against a full rebuild in Node.
 */

/** Whether {@link patchRows} gives the rows a full rebuild would; false asks for the rebuild. */
export function canPatchRows(rows: RowList, model: TimelineModel, changes: ModelChanges, options: RowOptions): boolean {
  if (changes.full) return false;
  // An edited entry keeps its row only if it is still shown (or still hidden), with no burst files under it.
  const replaceable = changes.replaced.every((entry) => {
    const shown = rows.indexOf(`e:${entry.event.id}`) >= 0;
    if (shown !== model.matches(entry, options)) return false;
    return !(shown && options.expanded.has(entry.event.id));
  });
  // A grown turn is patched when its prompt's row is drawn closed. An open turn shows its steps as
  // rows, and a prompt hidden by the search leaves its steps to another row: both are rebuilt.
  // With the agent chip off, prompt and steps are all hidden and nothing changes.
  return replaceable && changes.turns.every((prompt) =>
    options.hidden.has(prompt.category) || (rows.indexOf(`e:${prompt.event.id}`) >= 0 && !options.expanded.has(prompt.event.id)));
}

/** Applies `changes` to `rows`; call only when {@link canPatchRows} says so. */
export function patchRows(rows: RowList, model: TimelineModel, changes: ModelChanges, options: RowOptions): void {
  const newer = buildRows(changes.newer, options);
  const older = buildRows(changes.older, options);
  if (options.order === 'newest-first') {
    rows.prepend(newer);
    rows.append(older);
  } else {
    rows.append(newer);
    rows.prepend(older);
  }
  for (const entry of [...changes.replaced, ...changes.turns]) {
    if (!model.matches(entry, options)) continue;
    const row = model.rowOf(entry, options);
    if (row) rows.replace(row);
  }
}
