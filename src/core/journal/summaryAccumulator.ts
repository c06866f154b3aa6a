/**
 * The session's times and counts, gathered one effective event at a time, so a summary can be
 * kept up to date as events are appended instead of walking the whole session again (50,000
 * events at agent scale). {@link summarize} in sessionState is this over all effective events:
 * one place computes every number.
 */
import { commitLedger, commitTotals } from '../git/commitLedger';
import { commandFailed } from './events';
import type { CommitEvent, GitOpEvent, JournalEvent } from './events';
import type { SessionSnapshot } from './sessionState';

type Interval = [number, number];

/** Total length of the union of intervals, each clipped to [lo, hi]. */
function coveredMs(intervals: readonly Interval[], lo: number, hi: number): number {
  const clipped = intervals
    .map(([a, b]): Interval => [Math.max(a, lo), Math.min(b, hi)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const [a, b] of clipped) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else if (b > curEnd) {
      curEnd = b;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim().length > 0 ? s : undefined;
}

/**
 * Takes the effective events (edits applied, deleted ones left out) in journal order, through
 * {@link add}; {@link finish} gives the summary at `now` in time proportional to the session's
 * pauses, idle stretches and commits, not to its events. A delete cannot be taken back out of
 * it: whoever keeps one up to date starts a new one then (deletes are rare user actions).
 */
export class SummaryAccumulator {
  private first: JournalEvent | undefined;
  private sessionId = '';
  private start: number | undefined;
  private end: number | undefined;
  private startFocus: string | undefined;
  private endFocus: string | undefined;
  private firstTime = Number.POSITIVE_INFINITY;
  private readonly excluded: Interval[] = [];
  private readonly pauseMarks: { time: number; pause: boolean }[] = [];
  private commands = 0;
  private commandsFailed = 0;
  private saves = 0;
  private friction = 0;
  private notes = 0;
  private lessons = 0;
  private tasksFailed = 0;
  private readonly files = new Set<string>();
  /** Commits and git operations, in order: the ledger is built from these alone. */
  private readonly gitEvents: (CommitEvent | GitOpEvent)[] = [];
  /** The commit total for {@link gitEvents} as they were when it was counted; undefined once they changed. */
  private commits: number | undefined = 0;

  add(e: JournalEvent): void {
    this.first ??= e;
    if (e.time < this.firstTime) this.firstTime = e.time;
    switch (e.kind) {
      case 'session-start':
        if (this.start === undefined) {
          this.start = e.time;
          this.sessionId = e.sessionId;
          this.startFocus = e.focus;
          // The ledger's clock starts at the session's start: counted again from it.
          this.commits = undefined;
        }
        break;
      case 'session-end':
        this.end = e.time;
        this.endFocus = e.focus;
        break;
      case 'session-pause': this.pauseMarks.push({ time: e.time, pause: true }); break;
      case 'session-resume': this.pauseMarks.push({ time: e.time, pause: false }); break;
      case 'session-gap':
      case 'idle':
        this.excluded.push([e.from, e.to]);
        break;
      case 'command':
        this.commands++;
        if (commandFailed(e)) this.commandsFailed++;
        break;
      case 'saves':
        this.saves += e.count;
        for (const f of e.files) this.files.add(f.path);
        break;
      case 'task': if (commandFailed(e)) this.tasksFailed++; break;
      case 'friction': this.friction++; break;
      case 'note': this.notes++; break;
      case 'lesson': this.lessons++; break;
      case 'commit':
      case 'git-op':
        this.gitEvents.push(e);
        this.commits = undefined;
        break;
      default: break;
    }
  }

  /** The summary at `now`, which stands in for the end of a session that has not ended. */
  finish(now: number): SessionSnapshot {
    const begin = this.start ?? (Number.isFinite(this.firstTime) ? this.firstTime : now);
    const finish = this.end ?? Math.max(now, begin);
    const marks = [...this.pauseMarks].sort((a, b) => a.time - b.time);
    const excluded = [...this.excluded];
    let pausedAt: number | undefined;
    for (const m of marks) {
      if (m.pause && pausedAt === undefined) pausedAt = m.time;
      else if (!m.pause && pausedAt !== undefined) {
        excluded.push([pausedAt, m.time]);
        pausedAt = undefined;
      }
    }
    if (pausedAt !== undefined) excluded.push([pausedAt, finish]);
    const elapsedMs = Math.max(0, finish - begin);
    const focus = nonEmpty(this.endFocus) ?? nonEmpty(this.startFocus);
    return {
      sessionId: this.sessionId || (this.first?.sessionId ?? ''),
      ...(focus !== undefined ? { focus } : {}),
      start: begin,
      ...(this.end !== undefined ? { end: this.end } : {}),
      paused: pausedAt !== undefined && this.end === undefined,
      elapsedMs,
      activeMs: Math.max(0, elapsedMs - coveredMs(excluded, begin, finish)),
      counts: {
        commits: this.commitCount(),
        commands: this.commands,
        commandsFailed: this.commandsFailed,
        saves: this.saves,
        files: this.files.size,
        friction: this.friction,
        notes: this.notes,
        lessons: this.lessons,
        tasksFailed: this.tasksFailed,
      },
    };
  }

  /** Amends, rebases and merges are commit events too; the ledger counts each surviving commit once. */
  private commitCount(): number {
    // The ledger's session start: the first session-start, else the first event (commitLedger's own rule).
    this.commits ??= commitTotals(commitLedger(this.gitEvents, this.start ?? this.first?.time ?? 0)).commits;
    return this.commits;
  }
}
