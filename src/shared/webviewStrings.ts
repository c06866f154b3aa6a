/**
 * The Timeline webview's texts. The webview has no `vscode.l10n`, so the host translates this
 * table and sends it in every `init` (protocol.ts, `InitMessage.strings`); the webview holds no
 * English of its own. The standalone preview and the benchmark (no host) use {@link englishWebviewStrings}.
 *
 * Each text is a literal argument of `l10n.t` so `vscode-l10n-dev export` finds it for
 * l10n/bundle.l10n.json (it does not follow variables, and reads only files that import 'vscode':
 * hence the type-only import, which esbuild erases, so nothing of vscode reaches the preview).
 * `{0}`, `{1}` are filled in the webview (src/webview/strings.ts). Counts come in `One`/`Many`
 * pairs: the English plural rule.
 */
import type * as vscode from 'vscode';
import type { WebviewStrings } from './protocol';

/** What the table needs of `vscode.l10n`: `vscode.l10n` itself on the host, the identity elsewhere. */
export type Translator = Pick<typeof vscode.l10n, 't'>;

export function webviewStrings(l10n: Translator): WebviewStrings {
  return {
    // Header and empty state
    currentSession: l10n.t('Current session'),
    capturedSoFar: l10n.t('Captured so far'),
    emptyMessage: l10n.t('No session is recording. Start a session to capture commits, terminal commands and saves.'),
    startSession: l10n.t('Start Session'),
    getStarted: l10n.t('Get Started'),
    untitledSession: l10n.t('Untitled session'),
    elapsed: l10n.t('{0} elapsed'),
    active: l10n.t('{0} active'),
    stateEnded: l10n.t('Ended'),
    statePaused: l10n.t('Paused'),
    stateRecording: l10n.t('Recording'),
    startNewSession: l10n.t('Start a new session'),
    addNote: l10n.t('Add a note'),
    logFriction: l10n.t('Log friction'),
    resumeRecording: l10n.t('Resume recording'),
    pauseRecording: l10n.t('Pause recording'),
    endSession: l10n.t('End session and write the retrospective'),
    commandsSucceeded: l10n.t('{0} succeeded'),
    failed: l10n.t('{0} failed'),
    savesInFiles: l10n.t('{0} in {1}'),
    // Counts
    commitOne: l10n.t('{0} commit'),
    commitMany: l10n.t('{0} commits'),
    commandOne: l10n.t('{0} command'),
    commandMany: l10n.t('{0} commands'),
    saveOne: l10n.t('{0} save'),
    saveMany: l10n.t('{0} saves'),
    fileOne: l10n.t('{0} file'),
    fileMany: l10n.t('{0} files'),
    frictionOne: l10n.t('{0} friction point'),
    frictionMany: l10n.t('{0} friction points'),
    noteOne: l10n.t('{0} note or friction'),
    noteMany: l10n.t('{0} notes and friction'),
    agentStepOne: l10n.t('{0} agent step'),
    agentStepMany: l10n.t('{0} agent steps'),
    idleMinuteOne: l10n.t('{0} idle minute'),
    idleMinuteMany: l10n.t('{0} idle minutes'),
    entryOne: l10n.t('{0}, {1} entry'),
    entryMany: l10n.t('{0}, {1} entries'),
    // Carried-over checklist
    carriedOver: l10n.t('Carried over'),
    carriedOverList: l10n.t('Carried over from the last session'),
    carriedOverDone: l10n.t('{0} of {1} done'),
    carriedOverFromPlan: l10n.t('plan'),
    doneAt: l10n.t('Done at {0}'),
    // Times
    yesterdayAt: l10n.t('Yesterday {0}'),
    justNow: l10n.t('just now'),
    minutesAgo: l10n.t('{0} min ago'),
    hoursAgo: l10n.t('{0} h ago'),
    yesterday: l10n.t('yesterday'),
    daysAgo: l10n.t('{0} days ago'),
    // Toolbar
    filterByKind: l10n.t('Filter by kind'),
    chipCommits: l10n.t('Commits'),
    chipCommitsLong: l10n.t('Show commits'),
    chipCommands: l10n.t('Commands'),
    chipCommandsLong: l10n.t('Show terminal commands and tasks'),
    chipSaves: l10n.t('Saves'),
    chipSavesLong: l10n.t('Show saves and file operations'),
    chipNotes: l10n.t('Notes'),
    chipNotesLong: l10n.t('Show friction, notes and lessons'),
    chipAgent: l10n.t('Agent'),
    chipAgentLong: l10n.t("Show the AI agent's prompts and tool calls"),
    chipOther: l10n.t('Other'),
    chipOtherLong: l10n.t('Show session, idle and other entries'),
    searchTimeline: l10n.t('Search the timeline'),
    jumpToNow: l10n.t('Jump to now'),
    shownOfTotal: l10n.t('{0} of {1}'),
    // List and rows
    sessionTimeline: l10n.t('Session timeline'),
    noMatch: l10n.t('No entries match the filters.'),
    editEntry: l10n.t('Edit entry'),
    deleteEntry: l10n.t('Delete entry'),
    logFrictionAbout: l10n.t('Log friction about this'),
    addNoteAbout: l10n.t('Add a note about this'),
    openFile: l10n.t('Open {0}'),
    openFileSaved: l10n.t('Open {0}, saved {1} times'),
    fileSaves: l10n.t('{0} saves'),
    moreFilesOne: l10n.t('and {0} more file not listed in the journal'),
    moreFilesMany: l10n.t('and {0} more files not listed in the journal'),
    // Agent turns
    toolCallOne: l10n.t('{0} tool call'),
    toolCallMany: l10n.t('{0} tool calls'),
    replyOne: l10n.t('{0} reply'),
    replyMany: l10n.t('{0} replies'),
    callOne: l10n.t('{0} call'),
    callMany: l10n.t('{0} calls'),
    // Session strip
    stripBucket: l10n.t('{0}–{1}: {2}'),
    stripBucketFailed: l10n.t('{0}–{1}: {2}, {3} failed'),
    stripSummary: l10n.t('Session at a glance: {0}'),
    stripSummaryFailed: l10n.t('Session at a glance: {0}; {1} failed'),
    // Screen-reader announcements of new rows
    newOne: l10n.t('New: {0}'),
    newEntries: l10n.t('{0} new entries'),
    newEntriesAttentionOne: l10n.t('{0} new entries, {1} needs attention'),
    newEntriesAttentionMany: l10n.t('{0} new entries, {1} need attention'),
  };
}

/** The English table, for pages without a host (scripts/previewWebview.mjs, the benchmark) and unit tests. */
export function englishWebviewStrings(): WebviewStrings {
  return webviewStrings({ t: (message: string | { readonly message: string }) => (typeof message === 'string' ? message : message.message) });
}
