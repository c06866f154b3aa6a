/**
 * The messages between the Timeline webview and the extension host, declared once so both
 * sides are type-checked against the same shapes. The webview is untrusted input from the
 * host's point of view (it renders captured strings), so every message it sends goes through
 * {@link isWebviewMessage} before the host acts on it.
 */
import type { JournalEvent } from '../core/journal/events';
import type { SessionSnapshot } from '../core/journal/sessionState';
import type { CarriedOverStatus } from '../core/handoff/carriedOver';

export type { SessionSnapshot };


/** Whether the newest entry is at the top (the default, like VS Code's own Timeline) or at the bottom. */
export type TimelineOrder = 'newest-first' | 'oldest-first';

/** User settings the webview needs; read by the host from `sessionJournal.timeline.*`. */
export interface TimelineSettings {
  readonly order: TimelineOrder;
}

/** Everything the view shows at once; what a {@link TimelineChange} source can hand over at any time. */
export interface TimelineState {
  /** The session's times and counts for the header, exactly as `summarize()` computes them; null when no session is recording or loaded. */
  readonly summary: SessionSnapshot | null;
  readonly events: readonly JournalEvent[];
  readonly trusted: boolean;
  /** Plain-text notices about the capture itself, e.g. "commits are not captured in untrusted workspaces". */
  readonly notices: readonly string[];
}

/**
 * The keys of the webview's texts. The host fills every key (src/shared/webviewStrings.ts, through
 * `vscode.l10n`): a key added here and not filled there, or used in the webview and not listed, is
 * a compile error.
 */
export type WebviewStringKey =
  | 'currentSession'
  | 'capturedSoFar'
  | 'emptyMessage'
  | 'startSession'
  | 'getStarted'
  | 'untitledSession'
  | 'elapsed'
  | 'active'
  | 'stateEnded'
  | 'statePaused'
  | 'stateRecording'
  | 'startNewSession'
  | 'addNote'
  | 'logFriction'
  | 'resumeRecording'
  | 'pauseRecording'
  | 'endSession'
  | 'commandsSucceeded'
  | 'failed'
  | 'savesInFiles'
  | 'commitOne'
  | 'commitMany'
  | 'commandOne'
  | 'commandMany'
  | 'saveOne'
  | 'saveMany'
  | 'fileOne'
  | 'fileMany'
  | 'frictionOne'
  | 'frictionMany'
  | 'noteOne'
  | 'noteMany'
  | 'agentStepOne'
  | 'agentStepMany'
  | 'idleMinuteOne'
  | 'idleMinuteMany'
  | 'entryOne'
  | 'entryMany'
  | 'carriedOver'
  | 'carriedOverList'
  | 'carriedOverDone'
  | 'carriedOverFromPlan'
  | 'doneAt'
  | 'yesterdayAt'
  | 'justNow'
  | 'minutesAgo'
  | 'hoursAgo'
  | 'yesterday'
  | 'daysAgo'
  | 'filterByKind'
  | 'chipCommits'
  | 'chipCommitsLong'
  | 'chipCommands'
  | 'chipCommandsLong'
  | 'chipSaves'
  | 'chipSavesLong'
  | 'chipNotes'
  | 'chipNotesLong'
  | 'chipAgent'
  | 'chipAgentLong'
  | 'chipOther'
  | 'chipOtherLong'
  | 'searchTimeline'
  | 'jumpToNow'
  | 'shownOfTotal'
  | 'sessionTimeline'
  | 'noMatch'
  | 'editEntry'
  | 'deleteEntry'
  | 'logFrictionAbout'
  | 'addNoteAbout'
  | 'openFile'
  | 'openFileSaved'
  | 'fileSaves'
  | 'moreFilesOne'
  | 'moreFilesMany'
  | 'toolCallOne'
  | 'toolCallMany'
  | 'replyOne'
  | 'replyMany'
  | 'callOne'
  | 'callMany'
  | 'stripBucket'
  | 'stripBucketFailed'
  | 'stripSummary'
  | 'stripSummaryFailed'
  | 'newOne'
  | 'newEntries'
  | 'newEntriesAttentionOne'
  | 'newEntriesAttentionMany';

/** The webview's texts in the UI language; `{0}`-style placeholders are filled by the webview. */
export type WebviewStrings = { readonly [K in WebviewStringKey]: string };

/** What a timeline source reports as the session changes; the provider turns these into messages. */
export type TimelineChange =
  | { readonly type: 'append'; readonly events: readonly JournalEvent[]; readonly summary: SessionSnapshot }
  | { readonly type: 'reset' };

// ---------------------------------------------------------------------------------------------
// Host → webview

/**
 * The state, sent in answer to `ready` (and after a reset or a settings change), so the view never
 * depends on history. `events` holds only the newest events (see shared/eventPages); the older
 * ones follow in {@link OlderEventsMessage}s carrying the same `generation`.
 */
export interface InitMessage extends TimelineState {
  readonly type: 'init';
  readonly settings: TimelineSettings;
  /** Counts the inits this host sent, so pages of a superseded init are recognised and dropped. */
  readonly generation: number;
  /** How many events the session has in all, `events` and every page to come. */
  readonly total: number;
  /** The view's texts in VS Code's display language: the webview has no `vscode.l10n` of its own. */
  readonly strings: WebviewStrings;
}

/** A page of events older than any sent so far for this `generation`, in journal order. */
export interface OlderEventsMessage {
  readonly type: 'older';
  readonly generation: number;
  readonly events: readonly JournalEvent[];
  /** Events still to come after this page; 0 on the last. */
  readonly remaining: number;
}

/**
 * New events recorded since the last message, coalesced by the host (~50 ms), so the list grows
 * without a full redraw. `edit` and `delete` events among them change rows already shown.
 */
export interface AppendMessage {
  readonly type: 'append';
  readonly events: readonly JournalEvent[];
  readonly summary: SessionSnapshot;
}

/** The session was replaced wholesale (started, ended, journal reloaded): drop everything; an `init` follows. */
export interface ResetMessage {
  readonly type: 'reset';
}

/**
 * The "Carried over" checklist of the header: the earlier session's next steps (and the plan
 * file's open boxes), each with the time it was ticked. Sent apart from `init`, after it and after
 * every tick, because the list lives at the session's start, which a windowed `init` may not hold.
 * An empty list hides the checklist.
 */
export interface CarriedOverMessage {
  readonly type: 'carriedOver';
  readonly items: readonly CarriedOverStatus[];
  /** Workspace-relative files the items came from, for the checklist's tooltip. */
  readonly retrospective?: string;
  readonly plan?: string;
  /** Whether a tick can be recorded now: a session records (ended or elsewhere, the boxes are read-only). */
  readonly canTick: boolean;
}

/**
 * Show Timeline ran: the keyboard goes to the list's current row (the first row when none was
 * chosen, the first control when the list is empty), as focusing a tree view focuses its item.
 * VS Code only focuses the page itself, and a keyboard user could not reach the rows from there.
 * A control of the page that already holds the focus (the search field) keeps it.
 */
export interface FocusListMessage {
  readonly type: 'focusList';
}

export type HostToWebviewMessage = InitMessage | OlderEventsMessage | AppendMessage | ResetMessage | CarriedOverMessage | FocusListMessage;

// Keyed by the union, so a new host message does not compile until the webview's check knows it.
const HOST_MESSAGE_TYPES: { readonly [K in HostToWebviewMessage['type']]: true } = {
  init: true, older: true, append: true, reset: true, carriedOver: true, focusList: true,
};

/**
 * Whether a value the webview received is a message from the host. The host is trusted (it
 * built the message from these types); this keeps out other windows' postMessages and types a
 * newer host may add, so the view's exhaustive switch only sees what it was compiled for.
 */
export function isHostMessage(value: unknown): value is HostToWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type: unknown = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(HOST_MESSAGE_TYPES, type);
}

// ---------------------------------------------------------------------------------------------
// Webview → host

/**
 * The webview listens, and says which `init` it already holds: the one the host sent while the
 * page loaded (its `generation`), or none (absent) when that one was dropped or never sent. The
 * host answers with an `init` only when the page lacks the current one (see shared/initHandshake).
 */
export interface ReadyMessage { readonly type: 'ready'; readonly initGeneration?: number }
/** The Start button (header or empty state): runs the Start Session command. */
export interface StartSessionMessage { readonly type: 'startSession' }
/** The empty state's Get Started button: opens the extension's walkthrough. */
export interface OpenWalkthroughMessage { readonly type: 'openWalkthrough' }
/** The End button: runs the End Session flow that writes the retrospective. */
export interface EndSessionMessage { readonly type: 'endSession' }
/** The Pause button: stops capture without ending the session. */
export interface PauseSessionMessage { readonly type: 'pauseSession' }
/** The Resume button shown while paused. */
export interface ResumeSessionMessage { readonly type: 'resumeSession' }
/** A saved file was clicked: open it in an editor (the host resolves and checks the path). */
export interface OpenFileMessage { readonly type: 'openFile'; readonly path: string }
/** A commit row was activated: show the commit (diff) in the repository it belongs to. */
export interface ShowCommitMessage { readonly type: 'showCommit'; readonly repo: string; readonly hash: string }
/** A command row was activated: show its full command line, exit code and timing. */
export interface ShowCommandMessage { readonly type: 'showCommand'; readonly eventId: string }
/** Log a friction point, optionally about the entry it was started from (e.g. a failed command). */
export interface LogFrictionMessage { readonly type: 'logFriction'; readonly eventId?: string }
/** Add a note, optionally attached to an entry. */
export interface AddNoteMessage { readonly type: 'addNote'; readonly eventId?: string }
/** Edit a friction point, note or lesson (the host appends an `edit` event). */
export interface EditEntryMessage { readonly type: 'editEntry'; readonly eventId: string }
/** Delete a friction point, note or lesson (the host confirms, then appends a `delete` event). */
export interface DeleteEntryMessage { readonly type: 'deleteEntry'; readonly eventId: string }
/** A carried-over item's box was ticked (done) or unticked in the header: the host records it on the Timeline. */
export interface TickCarriedOverMessage { readonly type: 'tickCarriedOver'; readonly itemId: string; readonly done: boolean }

export type WebviewToHostMessage =
  | ReadyMessage
  | StartSessionMessage
  | OpenWalkthroughMessage
  | EndSessionMessage
  | PauseSessionMessage
  | ResumeSessionMessage
  | OpenFileMessage
  | ShowCommitMessage
  | ShowCommandMessage
  | LogFrictionMessage
  | AddNoteMessage
  | EditEntryMessage
  | DeleteEntryMessage
  | TickCarriedOverMessage;

/** Longest event id the host accepts; journal ids are far shorter, anything longer is not ours. */
export const MAX_EVENT_ID_LENGTH = 128;
/** Longest path (file or repository) the host accepts, generous for deep monorepos. */
export const MAX_PATH_LENGTH = 4096;

type FieldCheck = (value: unknown) => boolean;

// Control characters have no business in an id or a path; rejecting them keeps log lines and
// path joins on the host honest.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const COMMIT_HASH = /^[0-9a-f]{4,64}$/i;

const eventId: FieldCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_EVENT_ID_LENGTH && !CONTROL_CHARS.test(v);
const pathText: FieldCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_PATH_LENGTH && !CONTROL_CHARS.test(v);
const hash: FieldCheck = (v) => typeof v === 'string' && COMMIT_HASH.test(v);
/** Carried-over item ids are `r1`, `p12` (see carriedOverList); nothing else names one. */
const itemId: FieldCheck = (v) => typeof v === 'string' && /^[rp][1-9]\d{0,3}$/.test(v);
const bool: FieldCheck = (v) => typeof v === 'boolean';
/** The host counts its inits from 1; no other number names one. */
const generation: FieldCheck = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

interface Shape {
  readonly required: Readonly<Record<string, FieldCheck>>;
  readonly optional: Readonly<Record<string, FieldCheck>>;
}

const NONE: Readonly<Record<string, FieldCheck>> = {};

/** Field rules per message type; a type missing here is unknown and rejected. */
const SHAPES: { readonly [K in WebviewToHostMessage['type']]: Shape } = {
  ready: { required: NONE, optional: { initGeneration: generation } },
  startSession: { required: NONE, optional: NONE },
  openWalkthrough: { required: NONE, optional: NONE },
  endSession: { required: NONE, optional: NONE },
  pauseSession: { required: NONE, optional: NONE },
  resumeSession: { required: NONE, optional: NONE },
  openFile: { required: { path: pathText }, optional: NONE },
  showCommit: { required: { repo: pathText, hash }, optional: NONE },
  showCommand: { required: { eventId }, optional: NONE },
  logFriction: { required: NONE, optional: { eventId } },
  addNote: { required: NONE, optional: { eventId } },
  editEntry: { required: { eventId }, optional: NONE },
  deleteEntry: { required: { eventId }, optional: NONE },
  tickCarriedOver: { required: { itemId, done: bool }, optional: NONE },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks a message from the webview before the host uses it: a known `type`, every required
 * field present with the right type and a sane length, optional fields valid when present, and
 * no other fields. Anything else (a compromised or buggy webview) is rejected, not repaired.
 */
export function isWebviewMessage(value: unknown): value is WebviewToHostMessage {
  if (!isPlainObject(value)) return false;
  const type = value['type'];
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(SHAPES, type)) return false;
  const shape = SHAPES[type as WebviewToHostMessage['type']];
  for (const key of Object.keys(value)) {
    if (key === 'type') continue;
    const check = Object.prototype.hasOwnProperty.call(shape.required, key)
      ? shape.required[key]
      : Object.prototype.hasOwnProperty.call(shape.optional, key) ? shape.optional[key] : undefined;
    if (!check) return false;
    const field = value[key];
    // An optional field sent as undefined is the same as leaving it out (postMessage drops it anyway).
    if (field === undefined && !Object.prototype.hasOwnProperty.call(shape.required, key)) continue;
    if (!check(field)) return false;
  }
  for (const key of Object.keys(shape.required)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
  }
  return true;
}

/** Sorting/grouping needs only these; kept here so the webview's filter chips and the tests agree on names. */
export const TIMELINE_CATEGORIES = ['commits', 'commands', 'saves', 'notes', 'agent', 'other'] as const;
/** A filter chip in the toolbar: commits, commands, saves, friction & notes, the AI agent's work, other. */
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number];
