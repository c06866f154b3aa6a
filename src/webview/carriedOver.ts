import type { CarriedOverStatus } from '../core/handoff/carriedOver';
import type { CarriedOverMessage } from '../shared/protocol';
import { codicon, el, setText } from './dom';
import { formatClock } from './format';
import { t } from './strings';

/**
 * The header's "Carried over" checklist: the last session's next steps (and the plan's open
 * boxes) this session started with. A box ticked here asks the host to record the tick; the
 * host's next `carriedOver` message is the truth, so a tick it could not record is undone.
 * Item texts are captured text and reach the page only through textContent.
 */
export class CarriedOverChecklist {
  readonly element = el('details', 'carried-over');
  private readonly count = el('span', 'carried-over-count');
  private readonly list = el('ul', 'carried-over-items');

  constructor(private readonly tick: (itemId: string, done: boolean) => void) {
    this.element.open = true;
    this.element.hidden = true;
    const summary = el('summary', 'carried-over-summary');
    summary.append(codicon('checklist'), el('span', 'carried-over-title', t('carriedOver')), this.count);
    this.list.setAttribute('aria-label', t('carriedOverList'));
    this.element.append(summary, this.list);
    this.list.addEventListener('change', (e) => {
      const box = e.target instanceof HTMLInputElement ? e.target : null;
      const id = box?.dataset['itemId'];
      if (box && id) this.tick(id, box.checked);
    });
  }

  update(message: CarriedOverMessage): void {
    this.element.hidden = message.items.length === 0;
    const done = message.items.filter((i) => i.doneAt !== undefined).length;
    setText(this.count, t('carriedOverDone', done, message.items.length));
    this.element.title = [message.retrospective, message.plan].filter(Boolean).join(' · ');
    this.list.replaceChildren(...message.items.map((item) => this.itemElement(item, message.canTick)));
  }

  private itemElement(item: CarriedOverStatus, canTick: boolean): HTMLLIElement {
    const li = el('li', 'carried-over-item');
    li.dataset['itemId'] = item.id;
    li.classList.toggle('done', item.doneAt !== undefined);
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = item.doneAt !== undefined;
    box.disabled = !canTick;
    box.dataset['itemId'] = item.id;
    label.append(box, el('span', 'carried-over-text', item.text));
    if (item.from === 'plan') label.append(el('span', 'carried-over-from', t('carriedOverFromPlan')));
    if (item.doneAt !== undefined) {
      const at = el('span', 'carried-over-time', formatClock(item.doneAt).slice(0, 5));
      at.title = t('doneAt', formatClock(item.doneAt));
      label.append(at);
    }
    li.append(label);
    return li;
  }
}
