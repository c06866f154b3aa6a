/**
 * The handoff loop in the editor. At Start Session the latest finished retrospective's next steps
 * (and, when `sessionJournal.handoff.planFile` names one, the plan's open boxes) are recorded as
 * the session's carried-over checklist; the Timeline's header shows it; a tick there, or a box
 * ticked in the plan file when it is saved, is recorded as a Timeline event. What is parsed and
 * how the checklist reads from the journal is core (src/core/handoff/).
 */
import * as vscode from 'vscode';
import { carriedOverList, carriedOverState, itemByText } from '../core/handoff/carriedOver';
import type { CarriedOverState } from '../core/handoff/carriedOver';
import { checkboxChanges, checkboxesOf } from '../core/handoff/checkboxes';
import type { Checkbox } from '../core/handoff/checkboxes';
import { nextStepsOf } from '../core/handoff/nextSteps';
import type { CarriedOverMessage } from '../shared/protocol';
import { Disposable } from './dispose';
import { latestFinishedRetrospective, planFilePath, readPlan } from './handoffFiles';
import type { Log } from './log';
import type { SessionController } from './sessionController';
import type { Settings } from './settings';
import type { TimelineViewProvider } from './views/timelineViewProvider';

/** The plan's boxes as last saved, for the session they were read in. */
interface PlanBaseline {
  readonly sessionId: string;
  readonly file: string;
  boxes: readonly Checkbox[];
}

export class CarriedOverService extends Disposable {
  /** Sessions whose carried-over list was looked for (once per session and window). */
  private readonly looked = new Set<string>();
  private plan: PlanBaseline | undefined;
  private lastMessage: CarriedOverMessage | undefined;
  /** Settles when the current look at the files is done (tests wait on it). */
  loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly controller: SessionController,
    private readonly timeline: TimelineViewProvider,
    private readonly settings: () => Settings,
    private readonly log: Log,
  ) {
    super();
    this.register(controller.onDidChangeLifecycle(() => this.onLifecycle()));
    this.register(controller.onDidRecord((e) => { if (e.kind === 'carried-over' || e.kind === 'carried-over-tick') this.publish(); }));
    this.register(timeline.onMessage((m) => { if (m.type === 'tickCarriedOver') this.tick(m.itemId, m.done); }));
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.onSave(doc)));
    this.onLifecycle();
  }

  /** What the header shows now (the message last sent). */
  get shown(): CarriedOverMessage | undefined { return this.lastMessage; }

  /** Records a tick (done) or an untick of an item, as the header's checkbox does. */
  tick(itemId: string, done: boolean): void {
    const item = this.state()?.items.find((i) => i.id === itemId);
    if (this.controller.active && item && (item.doneAt !== undefined) !== done) {
      this.controller.record({ kind: 'carried-over-tick', time: this.controller.now(), itemId, text: item.text, done, via: 'timeline' });
    } else {
      // Nothing recorded (no session, an unknown item, no change): the header goes back to the truth.
      this.publish();
    }
  }

  private state(): CarriedOverState | undefined {
    return carriedOverState(this.controller.shownEvents());
  }

  private sessionId(): string | undefined {
    return this.controller.active ? this.controller.events()[0]?.sessionId : undefined;
  }

  private onLifecycle(): void {
    const id = this.sessionId();
    if (id !== undefined && !this.looked.has(id)) {
      this.looked.add(id);
      this.loading = this.load(id).catch((err) => this.log.warn(`Could not read what the last session carried over: ${String(err)}`));
    }
    this.publish();
  }

  private root(): string | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  }

  /** Reads the files once for a session that has no carried-over list yet (a resumed one keeps its own). */
  private async load(sessionId: string): Promise<void> {
    const root = this.root();
    if (!root) return;
    const settings = this.settings();
    const planFile = planFilePath(root, settings.handoff.planFile);
    const plan = planFile ? await readPlan(root, planFile) : undefined;
    if (planFile) this.plan = { sessionId, file: planFile, boxes: plan ? checkboxesOf(plan.text) : [] };
    if (this.controller.events().some((e) => e.kind === 'carried-over')) return;
    const retrospective = await latestFinishedRetrospective(root, settings.retrospective.folder);
    const openBoxes = plan ? checkboxesOf(plan.text).filter((b) => !b.checked).map((b) => b.text) : [];
    const items = carriedOverList(retrospective ? nextStepsOf(retrospective.text) : [], openBoxes);
    // The session may have ended, or another started, while the files were read.
    if (items.length === 0 || this.sessionId() !== sessionId || this.controller.events().some((e) => e.kind === 'carried-over')) return;
    this.controller.record({
      kind: 'carried-over', time: this.controller.now(), items,
      ...(retrospective && items.some((i) => i.from === 'retrospective') ? { retrospective: retrospective.relative } : {}),
      ...(plan && items.some((i) => i.from === 'plan') ? { plan: plan.relative } : {}),
    });
    this.log.info(`Carried over ${items.length} item(s)${retrospective ? ` from ${retrospective.relative}` : ''}${plan ? ` and ${plan.relative}` : ''}.`);
  }

  /** A box ticked (or unticked) in the plan file since its last save is recorded at this save. */
  private onSave(doc: vscode.TextDocument): void {
    const plan = this.plan;
    if (!plan || plan.sessionId !== this.sessionId() || doc.uri.scheme !== 'file' || doc.uri.fsPath !== plan.file) return;
    const boxes = checkboxesOf(doc.getText());
    const { ticked, unticked } = checkboxChanges(plan.boxes, boxes);
    plan.boxes = boxes;
    const state = this.state();
    if (!state) return;
    const record = (text: string, done: boolean): void => {
      const item = itemByText(state, text, 'plan') ?? itemByText(state, text);
      if (!item || (item.doneAt !== undefined) === done) return;
      this.controller.record({ kind: 'carried-over-tick', time: this.controller.now(), itemId: item.id, text: item.text, done, via: 'plan' });
    };
    for (const text of ticked) record(text, true);
    for (const text of unticked) record(text, false);
  }

  private publish(): void {
    const state = this.state();
    const message: CarriedOverMessage = {
      type: 'carriedOver',
      items: state?.items ?? [],
      ...(state?.retrospective ? { retrospective: state.retrospective } : {}),
      ...(state?.plan ? { plan: state.plan } : {}),
      canTick: this.controller.active,
    };
    this.lastMessage = message;
    this.timeline.showCarriedOver(message);
  }
}
