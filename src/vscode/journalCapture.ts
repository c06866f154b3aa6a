import * as os from 'node:os';
import type { CaptureRules } from '../core/capture/capturePipeline';
import { CapturePipeline } from '../core/capture/capturePipeline';
import type { Scheduler } from '../core/capture/burstCoalescer';
import type { JournalEvent } from '../core/journal/events';
import { SessionRecorder } from '../core/journal/sessionRecorder';
import type { Log } from './log';
import { warnUser } from './log';
import { workspaceFolders } from './workspaceFolders';

/** The user's capture rules, the log, and the timers that end save and file-operation bursts. */
export interface JournalCaptureDeps {
  readonly rules: CaptureRules;
  readonly log: Log;
  readonly schedule: Scheduler;
}

/** The recorder that writes the journal and the capture pipeline in front of it, wired to VS Code's log and folders. */
export function createJournalCapture(storageDir: string, { rules, log, schedule }: JournalCaptureDeps, onEvent: (e: JournalEvent) => void): { recorder: SessionRecorder; capture: CapturePipeline } {
  const recorder: SessionRecorder = new SessionRecorder({
    storageDir,
    // The recorder's own events (a focus, its notices) get the same single redaction pass.
    redact: (draft) => capture.redact(draft),
    onEvent,
    onWriteError: (failure) => warnUser(log, failure.message),
    onWriteRecovered: () => log.info('Journal writes work again; nothing was lost.'),
  });
  const capture = new CapturePipeline({
    recorder, rules, folders: workspaceFolders, schedule, home: os.homedir(),
    onNotice: (message) => log.warn(message), onError: (message, err) => log.error(message, err),
  });
  return { recorder, capture };
}
