/**
 * The draft's "Carried Over" section: what the session started with from earlier work, each item
 * done (with the local time it was ticked) or not done. Item texts were Markdown in the file they
 * came from and go back into Markdown as written (a `code span` stays one), on one line.
 */
import { localClock, localDate } from './localTime';
import type { RetrospectiveModel } from './model';

/** Never lets an item's text open a new block: one line, no leading marker the list would nest. */
function itemText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sourceLine(m: RetrospectiveModel): string | undefined {
  const c = m.carriedOver;
  if (!c) return undefined;
  const from = [c.retrospective ? `the next steps of \`${c.retrospective}\`` : undefined, c.plan ? `the open boxes of \`${c.plan}\`` : undefined]
    .filter((s): s is string => s !== undefined);
  return from.length > 0 ? `From ${from.join(' and ')}:` : undefined;
}

/** The section's body, or undefined when nothing was carried over (the section is then left out). */
export function renderCarriedOver(m: RetrospectiveModel): string[] | undefined {
  const items = m.carriedOver?.items ?? [];
  if (items.length === 0) return undefined;
  const off = m.utcOffsetMinutes;
  const lines = items.map((i) => {
    if (i.doneAt === undefined) return `- [ ] ${itemText(i.text)} — not done`;
    // A tick on another day than the session's start says which day.
    const day = localDate(i.doneAt, off) !== localDate(m.start, off) ? ` on ${localDate(i.doneAt, off)}` : '';
    return `- [x] ${itemText(i.text)} — done at ${localClock(i.doneAt, off)}${day}`;
  });
  const source = sourceLine(m);
  return source ? [source, '', ...lines] : lines;
}

/** The items not done, as open task items: the start of the new Next Steps. */
export function renderOpenCarriedOver(m: RetrospectiveModel): string[] {
  return (m.carriedOver?.items ?? []).filter((i) => i.doneAt === undefined).map((i) => `- [ ] ${itemText(i.text)}`);
}
