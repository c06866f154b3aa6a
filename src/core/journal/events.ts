/**
 * The event model: everything Session Journal records is one of these events.
 *
 * Every event is one line of the append-only JSONL journal, so the shapes here are a
 * file format: add optional fields freely, but never change the meaning of a field;
 * bump {@link SCHEMA_VERSION} when an old reader could misread a new line.
 *
 * All times are epoch milliseconds (UTC). `time` is when the event happened; events that
 * span a period (commands, tasks, save bursts) also carry `start`, and `time` is their end.
 *
 * Over 300 lines because it is the whole file format in one place (one interface per kind).
 */

import type { AgentEvent, AgentEventKind, AgentName } from '../agent/agentEvent';

export const SCHEMA_VERSION = 1;

/** Fields every journal line has. */
export interface EventBase {
  /** Schema version of this line. */
  readonly v: number;
  /** Unique within the journal; also used to link friction and notes to what triggered them. */
  readonly id: string;
  readonly sessionId: string;
  /** Epoch ms when the event happened (for spans: when it ended). */
  readonly time: number;
}

export type SessionType =
  | 'feature'
  | 'bug fix'
  | 'research'
  | 'refactoring'
  | 'infrastructure and tooling'
  | 'documentation'
  | 'other';

export interface SessionStartEvent extends EventBase {
  readonly kind: 'session-start';
  readonly focus?: string;
  /** Names of the workspace folders, for the retrospective header. */
  readonly folders: readonly string[];
  /** Whether the workspace was trusted (git is only run in trusted workspaces). */
  readonly trusted: boolean;
  /** Minutes offset of local time from UTC at start (as `-new Date().getTimezoneOffset()`), so reports show local times. */
  readonly utcOffsetMinutes: number;
  /**
   * Lines already changed but not committed when the session started (git numstat against
   * HEAD), so the retrospective counts only what the session itself added to them.
   */
  readonly uncommittedAtStart?: readonly FileChange[];
}

export interface SessionEndEvent extends EventBase {
  readonly kind: 'session-end';
  readonly sessionType?: SessionType;
  readonly focus?: string;
  /**
   * Lines changed but not committed when the session ended (git numstat against HEAD,
   * workspace-relative), kept so a later Finish rebuilds the same numbers the draft showed.
   */
  readonly uncommitted?: readonly FileChange[];
}

export interface SessionPauseEvent extends EventBase {
  readonly kind: 'session-pause';
}

export interface SessionResumeEvent extends EventBase {
  readonly kind: 'session-resume';
}

/** Written when a session is resumed after a window reload or an extension-host crash. */
export interface SessionGapEvent extends EventBase {
  readonly kind: 'session-gap';
  /** Time of the last event recorded before the gap. */
  readonly from: number;
  /** When recording resumed. */
  readonly to: number;
}

export interface FileChange {
  /** Repository-relative path (for renames, the new path). */
  readonly path: string;
  /** Lines added; undefined for binary files. */
  readonly added?: number;
  /** Lines removed; undefined for binary files. */
  readonly removed?: number;
}

/** How a commit came to be, as the reflog tells it. */
export type CommitOperation = 'commit' | 'amend' | 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'pull' | 'initial';

export interface CommitEvent extends EventBase {
  readonly kind: 'commit';
  /** Workspace-relative path of the repository root ('.' for the workspace folder itself). */
  readonly repo: string;
  readonly hash: string;
  readonly subject: string;
  /** Epoch ms of the commit's author date. */
  readonly authorTime: number;
  readonly branch?: string;
  readonly operation: CommitOperation;
  readonly files: readonly FileChange[];
  /** Totals over files (binary files count 0). */
  readonly added: number;
  readonly removed: number;
  /** Set when the file list was cut to keep the journal small (e.g. a 10,000-file commit). */
  readonly filesTruncated?: number;
  /** The `key` of the agent's `git commit` call that made this commit, when that call was recorded first. */
  readonly agentKey?: string;
}

/** Git operations that move HEAD without making a commit of their own. */
export type GitOperation = 'reset' | 'checkout' | 'rebase-finish' | 'merge-abort' | 'stash' | 'other';

export interface GitOpEvent extends EventBase {
  readonly kind: 'git-op';
  readonly repo: string;
  readonly op: GitOperation;
  /** The reflog message, redacted. */
  readonly message: string;
  readonly from?: string;
  readonly to?: string;
  readonly branch?: string;
  /**
   * Commits (full hashes) this move left on no branch, tag, remote branch or HEAD, as git said
   * right after it: a `reset` that discards a commit, or a rewrite seen only in the refs.
   */
  readonly dropped?: readonly string[];
}

/** How sure VS Code's shell integration is of the command line. */
export type CommandConfidence = 'high' | 'medium' | 'low';

/**
 * Why a command's end was never reported although its start was: its terminal closed while it
 * ran, or recording stopped (End Session, Pause, window closed) while it ran.
 */
export type CommandEndNotReported = 'terminal-closed' | 'recording-stopped';

export interface CommandEvent extends EventBase {
  readonly kind: 'command';
  /** The command line, redacted and possibly shortened. */
  readonly commandLine: string;
  readonly confidence: CommandConfidence;
  /** Workspace-relative when inside the workspace, absolute otherwise. */
  readonly cwd?: string;
  /** null means unknown (not success). */
  readonly exitCode: number | null;
  readonly start: number;
  readonly durationMs: number;
  readonly terminal: string;
  /** Original length when the command line was shortened. */
  readonly originalLength?: number;
  /** Set when the shell never reported the end: `time` is when we stopped waiting, exitCode is null. */
  readonly endNotReported?: CommandEndNotReported;
}

export interface SavedFile {
  /** Workspace-relative path (with the folder name in multi-root workspaces). */
  readonly path: string;
  readonly languageId?: string;
  /** Saves of this file within the burst. */
  readonly count: number;
}

/** Saves close together in time, coalesced into one entry (a format-on-save over 500 files is one row). */
export interface SaveBurstEvent extends EventBase {
  readonly kind: 'saves';
  readonly start: number;
  readonly files: readonly SavedFile[];
  /** Total saves in the burst. */
  readonly count: number;
  /** Files left out of `files` to keep the line small. */
  readonly filesTruncated?: number;
}

export interface FileOpEvent extends EventBase {
  readonly kind: 'file-op';
  readonly op: 'create' | 'delete' | 'rename';
  /** Workspace-relative; for renames `from → to` pairs are in `renames`. */
  readonly paths: readonly string[];
  readonly renames?: readonly { readonly from: string; readonly to: string }[];
  /** Paths (or renames) left out to keep the line small, e.g. when a checkout deletes 10,000 files. */
  readonly pathsTruncated?: number;
}

export interface TaskEvent extends EventBase {
  readonly kind: 'task';
  readonly name: string;
  readonly source: string;
  readonly start: number;
  readonly durationMs: number;
  /** null means unknown. */
  readonly exitCode: number | null;
}

export interface DebugEvent extends EventBase {
  readonly kind: 'debug';
  readonly name: string;
  readonly type: string;
  readonly start: number;
  readonly durationMs: number;
}

export const FRICTION_CATEGORIES = ['tooling', 'environment', 'requirements', 'knowledge', 'flaky test', 'other'] as const;
export type FrictionCategory = (typeof FRICTION_CATEGORIES)[number];

/** What made a friction point surface: a copy, so the friction stays readable on its own. */
export interface FrictionTrigger {
  readonly eventId: string;
  readonly summary: string;
  /** The event was an AI agent's step (its command, tool or prompt is `summary`), not the person's. */
  readonly agent?: AgentName;
  readonly exitCode?: number | null;
  readonly durationMs?: number;
}

export interface FrictionEvent extends EventBase {
  readonly kind: 'friction';
  readonly title: string;
  readonly detail?: string;
  readonly category: FrictionCategory;
  readonly trigger?: FrictionTrigger;
}

export interface NoteEvent extends EventBase {
  readonly kind: 'note';
  readonly text: string;
  /** The event this note is about (by default the latest one). */
  readonly relatedEventId?: string;
}

export interface LessonEvent extends EventBase {
  readonly kind: 'lesson';
  readonly text: string;
  readonly relatedEventId?: string;
}

/** A stretch without activity longer than the idle threshold; left out of active time. */
export interface IdleEvent extends EventBase {
  readonly kind: 'idle';
  readonly from: number;
  readonly to: number;
}

/** Codes for things the user should know about the capture itself. */
export type NoticeCode =
  | 'no-shell-integration'
  | 'shell-integration-late'
  | 'untrusted-no-git'
  | 'git-missing'
  | 'not-a-repository'
  | 'no-reflog'
  | 'journal-write-failed'
  | 'journal-recovered'
  | 'capture-error';

/** Something about the recording itself, shown once on the timeline (e.g. a terminal without shell integration). */
export interface NoticeEvent extends EventBase {
  readonly kind: 'notice';
  readonly code: NoticeCode;
  readonly message: string;
}

/** Edits a friction, note or lesson; the journal stays append-only, readers apply edits in order. */
export interface EditEvent extends EventBase {
  readonly kind: 'edit';
  readonly targetId: string;
  readonly title?: string;
  readonly text?: string;
  readonly detail?: string;
  readonly category?: FrictionCategory;
}

export interface DeleteEvent extends EventBase {
  readonly kind: 'delete';
  readonly targetId: string;
}

/**
 * One step of an AI coding agent's work, read from the transcript the agent writes
 * (`src/core/agent/`): a prompt, a reply, a tool call, an interruption or a compaction, with
 * the agent's own times. A tool call is a span: `start` is when it was called, `time` when its
 * result came (or `start` while it has none). Every free text was redacted and shortened by the
 * parser; tool outputs are never stored, only a one-line status.
 */
/**
 * The step's facts under the parser's own names and types (AgentEvent): the journal stores what
 * the parser normalized, so a field added there is one line here, not a second definition.
 */
type AgentStepFacts = Pick<AgentEvent,
  | 'text' | 'originalLength' | 'tool' | 'command' | 'exitCode' | 'durationMs' | 'status' | 'statusLine'
  | 'added' | 'removed' | 'created' | 'model' | 'tokens' | 'trigger' | 'preTokens' | 'sidechain'>;

export interface AgentActivityEvent extends EventBase, AgentStepFacts {
  readonly kind: 'agent';
  readonly agent: AgentName;
  /** The agent's session (its transcript's id), not the journal's `sessionId`. */
  readonly agentSession: string;
  readonly action: AgentEventKind;
  /** The parser's stable key: the same step is recorded once across re-reads, reloads, resumed and forked transcripts. */
  readonly key: string;
  /** Tool calls: when the call was made (the journal's `time` is when its result came). */
  readonly start?: number;
  /** Workspace-relative when inside the workspace (the parser's are as the transcript names them). */
  readonly paths?: readonly string[];
  /** A tool call with no result yet when recording stopped (End Session, Pause): `time` is its call, its end unknown. */
  readonly endNotReported?: 'recording-stopped';
  /** A `git commit` call: the hash of the commit it made, when git's capture recorded that commit first. */
  readonly commit?: string;
}

/** Where a carried-over item was read: the latest finished retrospective's next steps, or an open checkbox of the plan file. */
export type CarriedOverSource = 'retrospective' | 'plan';

/** One item of the "Carried over" checklist. */
export interface CarriedOverItem {
  /** Unique within the session (`r1`, `r2`, … from the retrospective, `p1`, … from the plan), so a tick names its item. */
  readonly id: string;
  readonly text: string;
  readonly from: CarriedOverSource;
}

/**
 * What the session starts with from earlier work: the next steps of the latest finished
 * retrospective and (when the setting names one) the open checkboxes of the plan file, read once
 * at Start Session. Written once per session.
 */
export interface CarriedOverEvent extends EventBase {
  readonly kind: 'carried-over';
  readonly items: readonly CarriedOverItem[];
  /** Workspace-relative path of the retrospective the `retrospective` items came from. */
  readonly retrospective?: string;
  /** Workspace-relative path of the plan file the `plan` items came from. */
  readonly plan?: string;
}

/** A carried-over item ticked (done) or unticked, in the Timeline's header or in the plan file. */
export interface CarriedOverTickEvent extends EventBase {
  readonly kind: 'carried-over-tick';
  readonly itemId: string;
  /** The item's text, copied, so the row reads on its own. */
  readonly text: string;
  readonly done: boolean;
  /** Where it was ticked: the Timeline's checklist, or the plan file (recorded when it was saved). */
  readonly via: 'timeline' | 'plan';
}

export type JournalEvent =
  | SessionStartEvent
  | SessionEndEvent
  | SessionPauseEvent
  | SessionResumeEvent
  | SessionGapEvent
  | CommitEvent
  | GitOpEvent
  | CommandEvent
  | SaveBurstEvent
  | FileOpEvent
  | TaskEvent
  | DebugEvent
  | FrictionEvent
  | NoteEvent
  | LessonEvent
  | IdleEvent
  | NoticeEvent
  | EditEvent
  | DeleteEvent
  | AgentActivityEvent
  | CarriedOverEvent
  | CarriedOverTickEvent;

export type EventKind = JournalEvent['kind'];

/** An event before the journal stamps it with id, version and session. */
export type EventDraft<E extends JournalEvent = JournalEvent> = E extends JournalEvent
  ? Omit<E, 'v' | 'id' | 'sessionId'>
  : never;

/** Picks events of one kind with their type narrowed. */
export function ofKind<K extends EventKind>(events: readonly JournalEvent[], kind: K): Extract<JournalEvent, { kind: K }>[] {
  return events.filter((e): e is Extract<JournalEvent, { kind: K }> => e.kind === kind);
}

/** A command failed when its exit code is not 0; an unknown exit code counts as failed too. */
export function commandFailed(e: Pick<CommandEvent, 'exitCode'>): boolean {
  return e.exitCode !== 0;
}
