import * as vscode from 'vscode';
import type { JournalEvent } from '../core/journal/events';
import type { TimelineChange, TimelineState } from '../shared/protocol';
import { Disposable } from './dispose';
import type { RecurringFrictionNotices } from './recurringFrictionNotices';
import type { SessionController } from './sessionController';
import type { TimelineSource } from './views/timelineViewProvider';

/**
 * How long live events gather before the view hears of them: fast enough to feel live, one
 * message for a storm. The only batching timer between the journal and the webview.
 */
const CHANGE_BATCH_MS = 100;

/** What the Timeline view shows (a snapshot) and what changed since (batched appends, or a reset). */
export class TimelineFeed extends Disposable implements TimelineSource {
  private readonly changes = this.register(new vscode.EventEmitter<TimelineChange>());
  private pending: JournalEvent[] = [];
  private pendingReset = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly onDidChange = this.changes.event;

  constructor(private readonly session: SessionController, private readonly recurring: RecurringFrictionNotices) {
    super();
    // Edits and deletes travel in order with the other events; the view applies them to the rows
    // it shows (core applyEdit), so editing a note never resends a 10,000-event session.
    this.register(session.onDidRecord((e) => this.schedule(e)));
    this.register(session.onDidChangeLifecycle(() => this.refresh()));
    this.register(recurring.onDidChange(() => this.refresh()));
    this.register({ dispose: () => { if (this.timer) clearTimeout(this.timer); } });
  }

  snapshot(): TimelineState {
    const trusted = vscode.workspace.isTrusted;
    const notices: string[] = [];
    if (!trusted) notices.push(vscode.l10n.t('Commits are not captured: this workspace is not trusted, and git (whose configuration can run code) is never run in untrusted workspaces.'));
    notices.push(...this.recurring.notices);
    if (this.session.recordingElsewhere) notices.push(vscode.l10n.t("This workspace's session is being recorded in another window; this window does not record it twice."));
    // Kept up to date as events come (SessionController.shownSession): an `init` does not walk every event.
    const shown = this.session.shownSession();
    return { summary: shown.summarize(this.session.now()), events: shown.events(), trusted, notices };
  }

  /** Re-sends the whole state (lifecycle, trust granted, settings changed). */
  refresh(): void {
    this.schedule(undefined);
  }

  private schedule(e: JournalEvent | undefined): void {
    if (e) this.pending.push(e);
    else this.pendingReset = true;
    this.timer ??= setTimeout(() => this.send(), CHANGE_BATCH_MS);
  }

  private send(): void {
    this.timer = undefined;
    const events = this.pending;
    this.pending = [];
    const summary = this.session.summary();
    if (this.pendingReset || !summary) {
      this.pendingReset = false;
      this.changes.fire({ type: 'reset' });
    } else if (events.length) {
      this.changes.fire({ type: 'append', events, summary });
    }
  }
}
