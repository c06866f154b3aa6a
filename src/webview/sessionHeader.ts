import type { SessionSnapshot } from '../shared/protocol';
import { codicon, el, iconButton, setHidden, setText, textButton } from './dom';
import { formatStopwatch } from './format';
import { count, t } from './strings';

/**
 * The top of the panel: what the session is about, how long it has run, what it captured so
 * far, and the buttons that fit its state. Times tick locally each second from the summary's
 * own times, so the clock needs no message from the host.
 */
export class SessionHeader {
  readonly element: HTMLElement;
  private readonly focus = el('span', 'focus');
  private readonly stateIcon = codicon('circle-filled', 'state-icon');
  private readonly stateLabel = el('span', 'state-label');
  private readonly elapsed = el('span', 'elapsed');
  private readonly active = el('span', 'active');
  private readonly actions = el('span', 'session-actions');
  private readonly counters = el('div', 'counters');
  private readonly notices = el('div', 'notices');
  private readonly emptyState = el('div', 'empty-state');
  private readonly session = el('section', 'session');
  private summary: SessionSnapshot | null = null;
  private receivedAt = 0;
  private stateKey = '';
  /** The notices last drawn (the view passes the same list until an `init` brings new ones). */
  private shownNotices: readonly string[] | undefined;

  constructor() {
    this.element = el('div', 'header');
    this.session.setAttribute('aria-label', t('currentSession'));
    const line = el('div', 'session-line');
    line.append(this.stateIcon, this.focus, this.actions);
    const times = el('div', 'session-times');
    times.append(this.stateLabel, el('span', 'sep', '·'), this.elapsed, el('span', 'sep', '·'), this.active);
    // Not a live region: new rows are announced once per burst by the view's announcer, and
    // counters changing on every batch would make a screen reader read them again and again.
    this.counters.setAttribute('role', 'group');
    this.counters.setAttribute('aria-label', t('capturedSoFar'));
    this.session.append(line, times, this.counters);
    this.notices.setAttribute('role', 'status');

    const message = el('p', 'empty-message', t('emptyMessage'));
    // New users also get the way to the walkthrough: what is captured, friction, End and Finish.
    this.emptyState.append(codicon('notebook', 'empty-icon'), message, textButton('record', t('startSession'), 'start'), textButton('book', t('getStarted'), 'walkthrough', true));
    this.element.append(this.session, this.emptyState, this.notices);
  }

  /** Puts a part of the header (the carried-over checklist) under the session's line, above the notices. */
  attach(part: HTMLElement): void {
    this.element.insertBefore(part, this.emptyState);
  }

  /** Shows a new summary (null: no session, the empty state) and the capture notices. */
  update(summary: SessionSnapshot | null, notices: readonly string[], now: number): void {
    this.summary = summary;
    this.receivedAt = now;
    setHidden(this.session, summary === null);
    setHidden(this.emptyState, summary !== null);
    this.element.classList.toggle('no-session', summary === null);
    this.renderNotices(notices);
    if (!summary) return;
    setText(this.focus, summary.focus?.trim() || t('untitledSession'));
    this.focus.title = summary.focus ?? '';
    this.renderState(summary);
    this.renderCounters(summary);
    this.tick(now);
  }

  /** Advances the clocks; called each second. */
  tick(now: number): void {
    const s = this.summary;
    if (!s) return;
    const running = s.end === undefined && !s.paused;
    const elapsedMs = (s.end ?? Math.max(now, s.start)) - s.start;
    const activeMs = s.activeMs + (running ? Math.max(0, now - this.receivedAt) : 0);
    setText(this.elapsed, t('elapsed', formatStopwatch(elapsedMs)));
    setText(this.active, t('active', formatStopwatch(activeMs)));
  }

  /** Whether a live clock is showing, so the view can stop its timer when nothing ticks. */
  get ticking(): boolean {
    return this.summary !== null && this.summary.end === undefined;
  }

  private renderState(s: SessionSnapshot): void {
    const state = s.end !== undefined ? 'ended' : s.paused ? 'paused' : 'recording';
    if (state === this.stateKey) return;
    this.stateKey = state;
    this.session.dataset['state'] = state;
    setText(this.stateLabel, t(state === 'ended' ? 'stateEnded' : state === 'paused' ? 'statePaused' : 'stateRecording'));
    this.stateIcon.className = `codicon state-icon codicon-${state === 'ended' ? 'debug-stop' : state === 'paused' ? 'debug-pause' : 'circle-filled'}`;
    const buttons: HTMLElement[] = [];
    if (state === 'ended') {
      buttons.push(iconButton('record', t('startNewSession'), 'start'));
    } else {
      buttons.push(iconButton('note', t('addNote'), 'note'), iconButton('flame', t('logFriction'), 'friction'));
      buttons.push(state === 'paused' ? iconButton('debug-continue', t('resumeRecording'), 'resume') : iconButton('debug-pause', t('pauseRecording'), 'pause'));
      buttons.push(iconButton('debug-stop', t('endSession'), 'end'));
    }
    this.actions.replaceChildren(...buttons);
  }

  private renderCounters(s: SessionSnapshot): void {
    const c = s.counts;
    const ok = c.commands - c.commandsFailed;
    const counters: [icon: string, text: string, label: string, cls: string][] = [
      ['git-commit', String(c.commits), count(c.commits, 'commitOne', 'commitMany'), 'tone-commit'],
      ['terminal', String(ok), t('commandsSucceeded', count(ok, 'commandOne', 'commandMany')), 'tone-command'],
    ];
    if (c.commandsFailed) counters.push(['error', String(c.commandsFailed), t('failed', c.commandsFailed), 'tone-failed']);
    counters.push(
      ['save', String(c.saves), t('savesInFiles', count(c.saves, 'saveOne', 'saveMany'), count(c.files, 'fileOne', 'fileMany')), 'tone-save'],
      ['flame', String(c.friction), count(c.friction, 'frictionOne', 'frictionMany'), 'tone-friction'],
    );
    const label = counters.map(([, , text]) => text).join(', ');
    // Rebuilt only when the numbers change: the DOM (and a reader's cursor) stays put otherwise,
    // and a live session's summaries, most of which change no count, make no elements.
    if (this.counters.dataset['label'] === label) return;
    this.counters.dataset['label'] = label;
    this.counters.replaceChildren(...counters.map(([icon, text, label, cls]) => {
      const span = el('span', `counter ${cls}`);
      span.title = label;
      span.setAttribute('aria-label', label);
      span.append(codicon(icon), el('span', undefined, text));
      return span;
    }));
  }

  private renderNotices(notices: readonly string[]): void {
    // The same notices come with every summary: drawn again only when they change.
    if (notices === this.shownNotices) return;
    this.shownNotices = notices;
    this.notices.hidden = notices.length === 0;
    this.notices.replaceChildren(
      ...notices.map((text) => {
        const line = el('div', 'notice');
        line.append(codicon('warning'), el('span', undefined, text));
        return line;
      }),
    );
  }
}
