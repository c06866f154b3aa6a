import type { Memento } from 'vscode';
import type { Command } from './command';
import type { SessionController } from '../sessionController';
import type { RetrospectiveService } from '../retrospective/retrospectiveService';
import type { Log } from '../log';
import type { Settings } from '../settings';
import type { FileChange } from '../../core/journal/events';
import type { RecurringFrictionNotices } from '../recurringFrictionNotices';
import { startSessionCommand } from './startSession';
import { endSessionCommand } from './endSession';
import { pauseSessionCommand } from './pauseSession';
import { resumeSessionCommand } from './resumeSession';
import { logFrictionCommand } from './logFriction';
import { addNoteCommand } from './addNote';
import { addLessonCommand } from './addLesson';
import { validateRetrospectiveCommand } from './validateRetrospective';
import { finishRetrospectiveCommand } from './finishRetrospective';
import { FinishService } from '../retrospective/finishService';
import { showPastSessionsCommand } from './showPastSessions';
import { exportSessionJsonCommand } from './exportSessionJson';
import { showTimelineCommand } from './showTimeline';
import type { TimelineFocus } from './showTimeline';
import { showCommandDetailsCommand } from './showCommandDetails';
import { showOutputCommand } from './showOutput';
import { openTeamReportCommand } from './openTeamReport';

/** What the commands need from the running extension. */
export interface CommandDeps {
  readonly controller: SessionController;
  readonly retrospectives: RetrospectiveService;
  readonly log: Log;
  readonly settings: () => Settings;
  readonly flushCapture: () => Promise<void>;
  /** Friction themes recurring across sessions, for the retrospective. */
  readonly recurring: RecurringFrictionNotices;
  /** Lines changed but not committed right now (never throws). */
  readonly uncommitted: () => Promise<FileChange[]>;
  /** Per-workspace memory (End Session remembers the last template chosen). */
  readonly workspaceState: Pick<Memento, 'get' | 'update'>;
  /** The Timeline view, for Show Timeline to put the keyboard on its rows. */
  readonly timeline: TimelineFocus;
}

/** Every palette command, one factory per file. */
export function createCommands(deps: CommandDeps): Command[] {
  const { controller, retrospectives, log } = deps;
  return [
    startSessionCommand(controller),
    endSessionCommand(deps),
    pauseSessionCommand(controller),
    resumeSessionCommand(controller),
    logFrictionCommand(controller),
    addNoteCommand(controller),
    addLessonCommand(controller),
    validateRetrospectiveCommand(retrospectives),
    finishRetrospectiveCommand(new FinishService({ retrospectives, settings: deps.settings, journalDir: () => controller.journalDir, log })),
    showPastSessionsCommand(controller, log, deps.settings),
    exportSessionJsonCommand(controller),
    showTimelineCommand(deps.timeline),
    showCommandDetailsCommand(controller),
    showOutputCommand(log),
    openTeamReportCommand(),
  ];
}
