import type { EventDraft, NoticeCode } from '../../core/journal/events';
import type { WorkspaceFolderInfo } from '../../core/capture/workspacePaths';

/** The sources a user can switch off in `sessionJournal.capture.*`. */
export type CaptureSource = 'commits' | 'commands' | 'saves' | 'tasks';

/**
 * What every source adapter talks to: adapters turn VS Code events into event drafts and hand
 * them here; they know nothing of the journal, the panel or redaction settings.
 */
export interface CaptureSink {
  /** Records a draft into the active session (dropped when no session records). */
  record(draft: EventDraft): void;
  /** Shows a notice on the timeline once per session (a notice is known by its text, which names its subject). */
  notice(code: NoticeCode, message: string): void;
  /** Something happened: feeds idle detection. */
  activity(time: number): void;
  /** A task or debug session started under `key`: the session counts as active while it runs (up to an hour). */
  spanStarted(key: unknown, time: number): void;
  /** The span started under `key` ended. */
  spanEnded(key: unknown, time: number): void;
  /** Redacts secrets from free text before it is shortened (so a cut never leaves half a secret). */
  redactText(text: string): string;
  /** True when a command line must not be recorded at all (user exclusions). */
  isExcludedCommand(commandLine: string): boolean;
  /** True when saves of this workspace-relative path must not be recorded. */
  isExcludedPath(relativePath: string): boolean;
  /** Whether a session is recording right now (adapters skip work otherwise). */
  readonly recording: boolean;
  /** Whether the user lets this source be captured (`sessionJournal.capture.*`). */
  captures(source: CaptureSource): boolean;
  readonly folders: () => readonly WorkspaceFolderInfo[];
  readonly now: () => number;
}
