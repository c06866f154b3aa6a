/**
 * The retrospective as data: everything the record knows, computed once by the builder and
 * turned into Markdown by the renderer. Keeping the two apart lets the Finish step refresh the
 * metrics of an edited file from a fresh model without re-rendering the user's prose.
 *
 * Strings here are plain, unescaped captured text; only the renderer escapes them.
 */
import type { FileChange, FrictionCategory } from '../journal/events';
import type { TitlePart } from '../timeline/describeEvent';
import type { AgentMetrics } from './agentMetrics';

/** Who writes the narrative parts: decides between "Session Diary" and "AI Diary". */
export type RetrospectiveAuthor = 'person' | 'agent';

/** A theme of friction that also came up in earlier sessions, as `findRecurringFriction` reports it. */
export interface RecurringFriction {
  readonly theme: string;
  /** Sessions where the theme appeared; may include the session being written up. */
  readonly sessionIds: readonly string[];
}

/** An earlier session a recurring theme appeared in. */
export interface EarlierSession {
  readonly id: string;
  /** Epoch ms of its start, when the caller knew it. */
  readonly start?: number;
}

/** A recurring theme as the retrospective shows it: only the sessions before this one. */
export interface RecurringFrictionSummary {
  readonly theme: string;
  /** Oldest first; never the session being written up. */
  readonly earlierSessions: readonly EarlierSession[];
}

/** Inputs the journal alone does not hold. */
export interface BuildOptions {
  /** Epoch ms used as the end of a session that has not ended yet. */
  readonly now: number;
  /** Offset of the session's local time from UTC; all shown times use it. */
  readonly utcOffsetMinutes: number;
  readonly focus?: string;
  readonly sessionType?: string;
  /** Who writes it; by default `agent` when the session's work was mostly an agent's (see `mostlyAgent`), else `person`. */
  readonly author?: RetrospectiveAuthor;
  /** Working-tree changes not committed yet (paths relative to the workspace), from `git diff --numstat HEAD`. */
  readonly uncommitted?: readonly FileChange[];
  readonly recurringFriction?: readonly RecurringFriction[];
  /** When earlier sessions started, by session id, so recurring friction can name them by date. */
  readonly sessionStarts?: ReadonlyMap<string, number>;
  /**
   * When set, a silence between two recorded events longer than this many minutes is left out
   * of active time too (for journals recorded without idle events). It never adds a timeline row.
   */
  readonly idleMinutes?: number;
}

/** What a timeline row is about; the Mermaid chart and styling key off it. */
export type TimelineKind =
  | 'session'
  | 'pause'
  | 'gap'
  | 'idle'
  | 'commit'
  | 'git'
  | 'command'
  | 'failure'
  | 'saves'
  | 'friction'
  | 'note'
  | 'lesson'
  | 'notice'
  | 'agent';

/** One row of the timeline; `time` is always the `time` of the event it came from. */
export interface TimelineRow {
  readonly time: number;
  readonly text: string;
  /** The same text in pieces, captured text marked, so the renderer can show it as code. */
  readonly parts: readonly TitlePart[];
  readonly kind: TimelineKind;
  /** Id of the (first) event the row came from, so a row can be traced to the journal. */
  readonly eventId: string;
}

/** A stretch of time left out of active time (idle, paused, not recording). */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** A file touched during the session. */
export interface FileSummary {
  readonly path: string;
  readonly saves: number;
  /** Undefined when git knows nothing of the file (only saved) or it is binary. */
  readonly added?: number;
  readonly removed?: number;
}

/** A commit that exists at the end of the session (its last version, after amends and rebases). */
export interface CommitSummary {
  readonly time: number;
  readonly shortHash: string;
  readonly subject: string;
  readonly files: number;
  readonly added: number;
  readonly removed: number;
  /** A merge: its diff is the merged-in side's work, so files and lines are not counted (0). */
  readonly merge?: boolean;
  /** A cherry-pick of a session commit (its short hash): its lines are counted there (0 here). */
  readonly copyOf?: string;
  /** Earlier versions of this commit recorded in the session (amends, rebase or pull picks). */
  readonly rewrites?: number;
}

export interface SlowCommand {
  readonly time: number;
  readonly commandLine: string;
  readonly durationMs: number;
  readonly failed: boolean;
}

export interface CommandStats {
  readonly ran: number;
  readonly failed: number;
  /** The slowest commands, slowest first (at most three). */
  readonly slowest: readonly SlowCommand[];
}

export interface FrictionSummary {
  readonly id: string;
  readonly time: number;
  readonly title: string;
  readonly category: FrictionCategory;
  readonly detail?: string;
  readonly trigger?: string;
}

/** A note or lesson as last edited. */
export interface TextEntry {
  readonly id: string;
  readonly time: number;
  readonly text: string;
}

/** The numbers of the Metrics section; the validator compares `commits` with the record. */
export interface RetrospectiveMetrics {
  readonly durationMs: number;
  readonly activeMs: number;
  readonly commits: number;
  readonly filesChanged: number;
  readonly linesAdded: number;
  readonly linesRemoved: number;
  readonly saves: number;
  readonly commandsRun: number;
  readonly commandsFailed: number;
  readonly frictionPoints: number;
  readonly notes: number;
  readonly lessons: number;
  /** The agent's figures, when an AI agent worked in the session (its steps are on the journal). */
  readonly agent?: AgentMetrics;
}

/** Everything the renderer needs, with no further look at the journal. */
export interface RetrospectiveModel {
  readonly utcOffsetMinutes: number;
  /** Time of session-start (or of the first event when the journal lacks one). */
  readonly start: number;
  /** Time of session-end, or `now` while the session is still running. */
  readonly end: number;
  readonly ended: boolean;
  readonly focus?: string;
  readonly sessionType?: string;
  readonly author: RetrospectiveAuthor;
  readonly durationMs: number;
  readonly activeMs: number;
  /** Merged, sorted, clipped to [start, end]. */
  readonly inactive: readonly Interval[];
  /** Sorted by time. */
  readonly timeline: readonly TimelineRow[];
  /** Sorted by path. */
  readonly files: readonly FileSummary[];
  readonly commits: readonly CommitSummary[];
  readonly commands: CommandStats;
  readonly friction: readonly FrictionSummary[];
  readonly notes: readonly TextEntry[];
  readonly lessons: readonly TextEntry[];
  /** Themes that also came up in earlier sessions; themes with no earlier session are left out. */
  readonly recurringFriction: readonly RecurringFrictionSummary[];
  readonly metrics: RetrospectiveMetrics;
}
