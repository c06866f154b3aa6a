import * as vscode from 'vscode';
import type { RecurringFriction } from '../core/friction/recurringFriction';
import { Disposable } from './dispose';
import type { Log } from './log';
import type { CurrentSession } from './retrospective/sessionHistory';
import { describeRecurring, FrictionHistory } from './retrospective/sessionHistory';
import type { SessionController } from './sessionController';

/**
 * Friction themes that recur across this workspace's recent sessions: the notices the Timeline
 * shows (refreshed when a session starts, resumes or ends and when friction is logged, edited or
 * deleted) and the list End Session puts in the retrospective.
 */
export class RecurringFrictionNotices extends Disposable {
  private readonly history: FrictionHistory;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private current: string[] = [];

  /** The notices changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly session: SessionController, private readonly log: Log) {
    super();
    this.history = new FrictionHistory(session.journalDir);
    this.register(session.onDidChangeLifecycle(() => this.refresh()));
    this.register(session.onDidRecord((e) => {
      if (e.kind === 'friction' || e.kind === 'edit' || e.kind === 'delete') this.refresh();
    }));
  }

  /** The notices as the panel shows them. */
  get notices(): readonly string[] {
    return this.current;
  }

  /** Friction themes recurring across recent sessions, `current` included. */
  async recurringFriction(current: CurrentSession): Promise<RecurringFriction[]> {
    await this.history.load(current.id);
    return this.history.recurring(current);
  }

  /** When an earlier session of this workspace started (known once recurringFriction has read the history). */
  sessionStart(id: string): number | undefined {
    return this.history.startOf(id);
  }

  private refresh(): void {
    const events = this.session.events();
    const start = events[0];
    if (!this.session.active || !start) {
      this.set([]);
      return;
    }
    const current = { id: start.sessionId, start: this.session.sessionStartTime ?? start.time, events };
    this.recurringFriction(current).then(
      (themes) => this.set(themes.map((t) => describeRecurring(t, current.id, (id) => this.history.startOf(id)))),
      (err: unknown) => this.log.warn(`Recurring friction could not be read: ${String(err)}`),
    );
  }

  private set(notices: string[]): void {
    if (notices.join('\n') === this.current.join('\n')) return;
    this.current = notices;
    this.changed.fire();
  }
}
