import type { TimelineCategory } from '../shared/protocol';
import { TIMELINE_CATEGORIES } from '../shared/protocol';
import type { WebviewStringKey } from '../shared/protocol';
import { codicon, el, iconButton, setHidden } from './dom';
import { t } from './strings';

/** Chip texts (keys of the host's texts); the long form is the accessible name. */
const CHIPS: Readonly<Record<TimelineCategory, { readonly tone: string; readonly label: WebviewStringKey; readonly long: WebviewStringKey }>> = {
  commits: { tone: 'commit', label: 'chipCommits', long: 'chipCommitsLong' },
  commands: { tone: 'command', label: 'chipCommands', long: 'chipCommandsLong' },
  saves: { tone: 'save', label: 'chipSaves', long: 'chipSavesLong' },
  notes: { tone: 'friction', label: 'chipNotes', long: 'chipNotesLong' },
  agent: { tone: 'agent', label: 'chipAgent', long: 'chipAgentLong' },
  other: { tone: 'muted', label: 'chipOther', long: 'chipOtherLong' },
};

/** What the toolbar reports; the view owns the state and re-renders the list. */
export interface ToolbarHandlers {
  onFilterChange(hidden: ReadonlySet<TimelineCategory>): void;
  onSearch(text: string): void;
  onJumpToNow(): void;
}

/**
 * Filter chips (toggle buttons), a search box and "jump to now": the ways to find one entry in a
 * long session without scrolling through all of it.
 */
export class Toolbar {
  readonly element = el('div', 'toolbar');
  private readonly hidden: Set<TimelineCategory>;
  private readonly chips = new Map<TimelineCategory, HTMLButtonElement>();
  private readonly search = el('input', 'search-input');
  private readonly status = el('span', 'list-status');
  private searchTimer = 0;

  constructor(hidden: readonly TimelineCategory[], search: string, private readonly handlers: ToolbarHandlers) {
    this.hidden = new Set(hidden);
    const chipRow = el('div', 'chips');
    chipRow.setAttribute('role', 'group');
    chipRow.setAttribute('aria-label', t('filterByKind'));
    for (const category of TIMELINE_CATEGORIES) {
      // A dot in the kind's colour rather than an icon keeps the chips narrow; timeline.css fits them on one line in a narrow sidebar.
      const chip = el('button', `chip tone-${CHIPS[category].tone}`);
      chip.type = 'button';
      chip.title = t(CHIPS[category].long);
      chip.setAttribute('aria-label', t(CHIPS[category].long));
      chip.append(el('span', 'chip-dot'), el('span', undefined, t(CHIPS[category].label)));
      chip.addEventListener('click', () => this.toggle(category));
      this.chips.set(category, chip);
      chipRow.append(chip);
    }
    const searchBox = el('div', 'search-box');
    this.search.type = 'search';
    this.search.placeholder = t('searchTimeline');
    this.search.setAttribute('aria-label', t('searchTimeline'));
    this.search.value = search;
    this.search.maxLength = 500;
    this.search.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      // A short debounce keeps typing smooth on a 10,000-entry session.
      this.searchTimer = window.setTimeout(() => handlers.onSearch(this.search.value), 120);
    });
    this.search.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.search.value) {
        this.search.value = '';
        handlers.onSearch('');
        e.stopPropagation();
      }
    });
    const jump = iconButton('arrow-circle-up', t('jumpToNow'), 'jump');
    jump.addEventListener('click', () => handlers.onJumpToNow());
    this.jumpButton = jump;
    searchBox.append(codicon('search', 'search-icon'), this.search, this.status, jump);
    this.status.setAttribute('aria-live', 'polite');
    this.element.append(chipRow, searchBox);
    this.setChipShown('agent', false);
    this.syncChips();
  }

  private readonly jumpButton: HTMLButtonElement;

  /** Points the "jump to now" arrow at the end where the newest entry is. */
  setOrder(newestFirst: boolean): void {
    this.jumpButton.replaceChildren(codicon(newestFirst ? 'arrow-circle-up' : 'arrow-circle-down'));
  }

  /**
   * Shows or hides a chip. The Agent chip appears only once the session has agent events: a
   * chip that can filter nothing is noise for people who work without an agent, and six chips
   * no longer fit whole in VS Code's default side bar.
   */
  setChipShown(category: TimelineCategory, shown: boolean): void {
    const chip = this.chips.get(category);
    if (chip) setHidden(chip, !shown);
  }

  /** "12 of 340" while filtering, so an empty-looking list explains itself. */
  setStatus(shown: number, total: number): void {
    const filtering = this.hidden.size > 0 || this.search.value.trim() !== '';
    this.status.textContent = filtering ? t('shownOfTotal', shown, total) : '';
  }

  private toggle(category: TimelineCategory): void {
    if (this.hidden.has(category)) this.hidden.delete(category);
    else this.hidden.add(category);
    this.syncChips();
    this.handlers.onFilterChange(this.hidden);
  }

  private syncChips(): void {
    for (const [category, chip] of this.chips) chip.setAttribute('aria-pressed', String(!this.hidden.has(category)));
  }
}
