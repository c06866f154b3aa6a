/**
 * Builds the retrospective model from a session's journal: one pass over the events collects
 * files, commits, commands, friction, notes and lessons; the timeline and the inactive stretches
 * have their own small modules. Nothing is invented: every number and row comes from an event.
 */
import { carriedOverCount, carriedOverState } from '../handoff/carriedOver';
import { commitLedger, commitTotals, countsAsCommit, ownsLines } from '../git/commitLedger';
import type { CommitTotals, LedgerCommit } from '../git/commitLedger';
import { commandFailed } from '../journal/events';
import type { CommitEvent, FileChange, JournalEvent } from '../journal/events';
import { effectiveEvents } from '../journal/sessionState';
import { frictionTriggerText } from '../timeline/describeAgent';
import { agentMetrics, mostlyAgent } from './agentMetrics';
import { inactiveIntervals, totalLength } from './inactiveTime';
import type {
  BuildOptions,
  CommitSummary,
  FileSummary,
  FrictionSummary,
  RecurringFrictionSummary,
  RetrospectiveModel,
  SlowCommand,
  TextEntry,
} from './model';
import { buildTimeline } from './timelineRows';

const SLOWEST_KEPT = 3;

interface FileAccumulator {
  saves: number;
  added?: number;
  removed?: number;
}

class FileTable {
  private readonly byPath = new Map<string, FileAccumulator>();

  private entry(path: string): FileAccumulator {
    let acc = this.byPath.get(path);
    if (!acc) {
      acc = { saves: 0 };
      this.byPath.set(path, acc);
    }
    return acc;
  }

  addSaves(path: string, count: number): void {
    this.entry(path).saves += count;
  }

  addChange(path: string, change: FileChange): void {
    const acc = this.entry(path);
    // Binary files have no line counts; they still count as changed.
    if (change.added !== undefined) acc.added = (acc.added ?? 0) + change.added;
    if (change.removed !== undefined) acc.removed = (acc.removed ?? 0) + change.removed;
  }

  summaries(): FileSummary[] {
    return [...this.byPath.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, acc]) => ({ path, saves: acc.saves, added: acc.added, removed: acc.removed }));
  }
}

/** Commit paths are relative to their repository; the table wants them relative to the workspace. */
function workspacePath(commit: CommitEvent, path: string): string {
  return commit.repo === '.' || commit.repo === '' ? path : `${commit.repo.replace(/\/+$/, '')}/${path}`;
}

function addCommitFiles(files: FileTable, commit: CommitEvent): void {
  for (const f of commit.files) files.addChange(workspacePath(commit, f.path), f);
}

/** A merge's diff is the other side's work, a copy's the original's: their rows show no files or lines of their own. */
function commitSummary(c: LedgerCommit): CommitSummary {
  const e = c.event;
  const merge = c.counting === 'merge';
  // A copy's lines are counted on the commit it copies.
  const noLines = merge || c.counting === 'copy';
  return {
    time: e.time,
    shortHash: e.hash.slice(0, 7),
    subject: e.subject,
    files: noLines ? 0 : e.files.length + (e.filesTruncated ?? 0),
    added: noLines ? 0 : e.added,
    removed: noLines ? 0 : e.removed,
    ...(merge ? { merge: true } : {}),
    ...(c.copyOf ? { copyOf: c.copyOf.slice(0, 7) } : {}),
    ...(c.rewrites > 0 ? { rewrites: c.rewrites } : {}),
  };
}

/**
 * Amends, rebase and pull picks and merges are commit events too: the ledger keeps each commit
 * that exists at the end once, and only the session's own commits add lines and files.
 */
function commitsOf(live: readonly JournalEvent[], files: FileTable): { commits: CommitSummary[]; totals: CommitTotals } {
  const ledger = commitLedger(live);
  for (const c of ledger) if (ownsLines(c)) addCommitFiles(files, c.event);
  return { commits: ledger.filter(countsAsCommit).map(commitSummary), totals: commitTotals(ledger) };
}

function sessionIdOf(events: readonly JournalEvent[]): string | undefined {
  return (events.find((e) => e.kind === 'session-start') ?? events[0])?.sessionId;
}

/**
 * The recurring-friction rule counts the current session among the recent ones (3 of the last 7,
 * this one included), but the retrospective says "also in earlier sessions": the current one is
 * left out of the list, and a theme seen only now has nothing earlier to show.
 */
function earlierRecurrences(live: readonly JournalEvent[], options: BuildOptions): RecurringFrictionSummary[] {
  const current = sessionIdOf(live);
  const out: RecurringFrictionSummary[] = [];
  for (const r of options.recurringFriction ?? []) {
    const earlierSessions = r.sessionIds
      .filter((id) => id !== current)
      .map((id) => {
        const start = options.sessionStarts?.get(id);
        return start === undefined ? { id } : { id, start };
      });
    if (earlierSessions.length > 0) out.push({ theme: r.theme, earlierSessions });
  }
  return out;
}

function keepSlowest(slowest: SlowCommand[], candidate: SlowCommand): void {
  if (slowest.length === SLOWEST_KEPT && candidate.durationMs <= slowest[SLOWEST_KEPT - 1].durationMs) return;
  let i = slowest.length;
  while (i > 0 && slowest[i - 1].durationMs < candidate.durationMs) i--;
  slowest.splice(i, 0, candidate);
  if (slowest.length > SLOWEST_KEPT) slowest.pop();
}

/**
 * Builds the model of a session's retrospective. `events` are one session's journal lines in
 * journal order, edits and deletes included (they are applied first). Linear in the events,
 * apart from sorting the rows and the file table.
 */
export function buildRetrospective(events: readonly JournalEvent[], options: BuildOptions): RetrospectiveModel {
  const live = effectiveEvents(events);
  const files = new FileTable();
  const slowest: SlowCommand[] = [];
  const friction: FrictionSummary[] = [];
  const notes: TextEntry[] = [];
  const lessons: TextEntry[] = [];
  let startTime: number | undefined;
  let endTime: number | undefined;
  let firstTime: number | undefined;
  let startFocus: string | undefined;
  let endFocus: string | undefined;
  let endType: string | undefined;
  let commandsRun = 0;
  let commandsFailed = 0;
  let saves = 0;

  for (const e of live) {
    firstTime ??= e.time;
    switch (e.kind) {
      case 'session-start':
        if (startTime === undefined) {
          startTime = e.time;
          startFocus = e.focus;
        }
        break;
      case 'session-end':
        endTime = e.time;
        endFocus = e.focus ?? endFocus;
        endType = e.sessionType ?? endType;
        break;
      case 'command': {
        commandsRun++;
        const failed = commandFailed(e);
        if (failed) commandsFailed++;
        keepSlowest(slowest, { time: e.time, commandLine: e.commandLine, durationMs: e.durationMs, failed });
        break;
      }
      case 'saves':
        saves += e.count;
        for (const f of e.files) files.addSaves(f.path, f.count);
        break;
      case 'friction':
        friction.push({ id: e.id, time: e.time, title: e.title, category: e.category, detail: e.detail, trigger: frictionTriggerText(e.trigger) });
        break;
      case 'note':
        notes.push({ id: e.id, time: e.time, text: e.text });
        break;
      case 'lesson':
        lessons.push({ id: e.id, time: e.time, text: e.text });
        break;
      default:
        break;
    }
  }
  const { commits, totals } = commitsOf(live, files);
  let linesAdded = totals.added;
  let linesRemoved = totals.removed;
  for (const change of options.uncommitted ?? []) {
    files.addChange(change.path, change);
    linesAdded += change.added ?? 0;
    linesRemoved += change.removed ?? 0;
  }

  const start = startTime ?? firstTime ?? options.now;
  const end = Math.max(start, endTime ?? options.now);
  const inactive = inactiveIntervals(live, start, end, options.idleMinutes);
  const durationMs = end - start;
  const activeMs = Math.max(0, durationMs - totalLength(inactive));
  const fileSummaries = files.summaries();
  const carriedOver = carriedOverState(live);
  const carried = carriedOver && carriedOver.items.length > 0 ? carriedOver : undefined;
  const agent = agentMetrics(live);

  return {
    utcOffsetMinutes: options.utcOffsetMinutes,
    start,
    end,
    ended: endTime !== undefined,
    focus: options.focus ?? endFocus ?? startFocus,
    sessionType: options.sessionType ?? endType,
    author: options.author ?? (mostlyAgent(agent, { linesAdded, linesRemoved, commandsRun }) ? 'agent' : 'person'),
    durationMs,
    activeMs,
    inactive,
    timeline: buildTimeline(live),
    files: fileSummaries,
    commits,
    commands: { ran: commandsRun, failed: commandsFailed, slowest },
    friction,
    notes,
    lessons,
    recurringFriction: earlierRecurrences(live, options),
    ...(carried ? { carriedOver: carried } : {}),
    metrics: {
      durationMs,
      activeMs,
      commits: totals.commits,
      filesChanged: fileSummaries.length,
      linesAdded,
      linesRemoved,
      saves,
      commandsRun,
      commandsFailed,
      frictionPoints: friction.length,
      notes: notes.length,
      lessons: lessons.length,
      ...(carried ? { carriedOver: carriedOverCount(carried) } : {}),
      ...(agent ? { agent } : {}),
    },
  };
}
