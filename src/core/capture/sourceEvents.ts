import type { AgentEvent } from '../agent/agentEvent';
import type {
  CommandConfidence, CommandEndNotReported, CommitEvent, DebugEvent, EventDraft, GitOpEvent, TaskEvent,
} from '../journal/events';

/**
 * The sources a user can switch off in `sessionJournal.capture.*`. `agents` is not one switch:
 * the VS Code side answers it from the per-agent settings (on when at least one agent's
 * transcripts may be read, and the workspace is trusted).
 */
export type CaptureSource = 'commits' | 'commands' | 'saves' | 'tasks' | 'agents';

/** A terminal command as VS Code reported it: the raw command line and an absolute cwd. */
export interface CommandSeen {
  readonly kind: 'command';
  /** As the shell reported it: not redacted, not shortened. */
  readonly commandLine: string;
  readonly start: number;
  /** When the end was reported, or when we stopped waiting for it. */
  readonly end: number;
  readonly confidence: CommandConfidence;
  /** Absolute path of the working directory, when known. */
  readonly cwd?: string;
  /** null: the shell did not say (unknown, never success). */
  readonly exitCode: number | null;
  readonly terminal: string;
  readonly endNotReported?: CommandEndNotReported;
}

/** One document saved (an absolute path). */
export interface FileSaved {
  readonly kind: 'file-saved';
  readonly file: string;
  readonly languageId?: string;
  readonly time: number;
}

/** Files created, deleted or renamed together (absolute paths). */
export type FilesChanged =
  | { readonly kind: 'files-changed'; readonly op: 'create' | 'delete'; readonly files: readonly string[]; readonly time: number }
  | { readonly kind: 'files-changed'; readonly op: 'rename'; readonly renames: readonly { readonly from: string; readonly to: string }[]; readonly time: number };

/**
 * One step of an AI agent's work as a transcript parser returned it (`src/core/agent/`): ISO
 * times, paths as the transcript names them (absolute, or relative to the step's `cwd`), text
 * already redacted and shortened by the parser. A tool call arrives once, complete: the parser
 * holds a call until its result (or until its `finish`, with status `unknown`).
 */
export interface AgentStep {
  readonly kind: 'agent-step';
  readonly step: AgentEvent;
}

/**
 * What an adapter hands the capture pipeline: a VS Code event translated, not yet gated,
 * redacted, shortened or made workspace-relative. Adding a source adds a member here and a
 * line in {@link SOURCE_OF}.
 */
export type SourceEvent =
  | CommandSeen
  | FileSaved
  | FilesChanged
  | AgentStep
  | EventDraft<TaskEvent>
  | EventDraft<DebugEvent>
  | EventDraft<CommitEvent>
  | EventDraft<GitOpEvent>;

/** Which `sessionJournal.capture.*` setting lets each kind of source event through. */
export const SOURCE_OF: Readonly<Record<SourceEvent['kind'], CaptureSource>> = {
  'command': 'commands',
  'file-saved': 'saves',
  'files-changed': 'saves',
  'agent-step': 'agents',
  'task': 'tasks',
  'debug': 'tasks',
  'commit': 'commits',
  'git-op': 'commits',
};
