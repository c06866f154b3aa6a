import { isEditable } from './eventStyle';
import { codicon, el, iconButton, titleWithCode } from './dom';
import { formatClock, formatDate, formatHourLabel, formatRelative } from './format';
import type { EventRow, FileRow, MoreRow, TimelineRow } from './timelineModel';
import { turnBadge, turnDetail } from './agentTurns';
import type { AgentTextRow } from './agentTurns';
import type { RowRenderer } from './virtualList';
import { count, t } from './strings';

/**
 * Builds the DOM for each kind of timeline row. Every row is one line of fixed height; every
 * captured string is set with textContent (via `el`), and attributes only ever get plain text.
 */

/** The clock the rows' relative times are measured against; the view refreshes it once a minute. */
export interface RowContext {
  now(): number;
  /** The row that holds the roving tabindex. */
  activeKey(): string | undefined;
}

/** Friction, notes and failed commands get a stronger look; the reason lives in the class name. */
function rowClasses(row: EventRow): string {
  const { style, event } = row.entry;
  const classes = ['row', 'event', `tone-${style.tone}`, `kind-${event.kind}`];
  if (style.standOut) classes.push('stand-out');
  if (row.expandable) classes.push('expandable');
  if (row.nested) classes.push('nested');
  // A turn whose tool calls failed catches the eye while closed, as a failed command does.
  if (row.turn && row.turn.failed > 0) classes.push('stand-out', 'turn-failed');
  return classes.join(' ');
}

function actionsFor(row: EventRow): HTMLElement | undefined {
  const e = row.entry.event;
  const buttons: HTMLButtonElement[] = [];
  if (isEditable(e)) {
    buttons.push(iconButton('edit', t('editEntry'), 'edit'), iconButton('trash', t('deleteEntry'), 'delete'));
  } else if (e.kind === 'command' || e.kind === 'task' || e.kind === 'commit') {
    buttons.push(iconButton('flame', t('logFrictionAbout'), 'friction'), iconButton('note', t('addNoteAbout'), 'note'));
  }
  if (!buttons.length) return undefined;
  const box = el('span', 'row-actions');
  box.append(...buttons);
  return box;
}

function fillEvent(element: HTMLElement, row: EventRow, ctx: RowContext): void {
  const { entry } = row;
  const time = entry.event.time;
  element.className = rowClasses(row);
  element.replaceChildren();
  const title = titleWithCode('title', entry.title);
  const parts: HTMLElement[] = [el('span', 'clock', formatClock(time)), codicon(entry.style.icon, 'kind-icon'), title];
  if (row.turn) parts.push(el('span', 'turn-badge', turnBadge(row.turn)));
  if (row.expandable) parts.push(codicon(row.expanded ? 'chevron-down' : 'chevron-right', 'twisty'));
  if (entry.detail) parts.push(el('span', 'detail', entry.detail));
  // The tooltip and the screen reader get the whole count: calls, replies, failures.
  const detail = row.turn ? [turnDetail(row.turn), entry.detail].filter(Boolean).join(' · ') : entry.detail;
  const rel = el('span', 'rel', formatRelative(time, ctx.now()));
  rel.dataset['time'] = String(time);
  parts.push(rel);
  const actions = actionsFor(row);
  if (actions) parts.push(actions);
  element.append(...parts);
  element.title = [entry.title, detail, `${formatDate(time)} ${formatClock(time)}`].filter(Boolean).join('\n');
  element.setAttribute('aria-label', `${formatClock(time)}, ${entry.title}${detail ? `, ${detail}` : ''}`);
  if (row.expandable) element.setAttribute('aria-expanded', String(row.expanded));
  else element.removeAttribute('aria-expanded');
}

function fillFile(element: HTMLElement, row: FileRow): void {
  element.className = 'row file';
  element.replaceChildren(
    codicon('file', 'kind-icon'),
    el('span', 'title', row.path),
    el('span', 'detail', row.count > 1 ? t('fileSaves', row.count) : ''),
  );
  element.title = t('openFile', row.path);
  element.setAttribute('aria-label', row.count > 1 ? t('openFileSaved', row.path, row.count) : t('openFile', row.path));
}

function fillMore(element: HTMLElement, row: MoreRow): void {
  element.className = 'row more';
  element.replaceChildren(el('span', 'title', count(row.count, 'moreFilesOne', 'moreFilesMany')));
}

function fillAgentText(element: HTMLElement, row: AgentTextRow): void {
  element.className = 'row agent-text';
  element.replaceChildren(el('span', 'title', row.text));
  element.title = row.text;
}

function fillHour(element: HTMLElement, hour: number, count: number, ctx: RowContext): void {
  element.className = 'row hour';
  element.replaceChildren(el('span', 'hour-label', formatHourLabel(hour, ctx.now())), el('span', 'hour-count', `${count}`));
  element.setAttribute('aria-label', t(count === 1 ? 'entryOne' : 'entryMany', formatHourLabel(hour, ctx.now()), count));
}

/** Whether keyboard focus can rest on a row; hour headers and "more" lines are only labels. */
export function isFocusable(row: TimelineRow): boolean {
  return row.kind === 'event' || row.kind === 'file';
}

/** The virtual list's renderer for timeline rows. */
export function timelineRenderer(ctx: RowContext): RowRenderer<TimelineRow> {
  const fill = (element: HTMLElement, row: TimelineRow): void => {
    switch (row.kind) {
      case 'event':
        fillEvent(element, row, ctx);
        break;
      case 'file':
        fillFile(element, row);
        break;
      case 'more':
        fillMore(element, row);
        break;
      case 'hour':
        fillHour(element, row.hour, row.count, ctx);
        break;
      case 'agent-text':
        fillAgentText(element, row);
        break;
    }
    element.tabIndex = isFocusable(row) ? (ctx.activeKey() === row.key ? 0 : -1) : -1;
    if (!isFocusable(row)) element.removeAttribute('tabindex');
  };
  return {
    key: (row) => row.key,
    signature: (row) => {
      switch (row.kind) {
        case 'event':
          return `${row.entry.rev}|${row.expanded ? 1 : 0}|${row.turn ? `${row.turn.steps}/${row.turn.failed}` : ''}`;
        case 'hour':
          return String(row.count);
        default:
          return '';
      }
    },
    create: (row) => {
      const element = el('div');
      element.setAttribute('role', 'listitem');
      element.dataset['key'] = row.key;
      fill(element, row);
      return element;
    },
    update: fill,
  };
}

/** Refreshes the time-dependent texts of a drawn row (relative time, "Yesterday" headers). */
export function refreshRowTimes(element: HTMLElement, row: TimelineRow, ctx: RowContext): void {
  if (row.kind === 'hour') {
    const label = element.querySelector('.hour-label');
    if (label) label.textContent = formatHourLabel(row.hour, ctx.now());
  } else if (row.kind === 'event') {
    const rel = element.querySelector<HTMLElement>('.rel');
    if (rel) rel.textContent = formatRelative(row.entry.event.time, ctx.now());
  }
}
