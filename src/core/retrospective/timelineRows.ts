/**
 * Picks the events worth a timeline row and words them. Every row copies the time of the event
 * it came from: the retrospective's times are never invented, so a reader can trust them.
 */
import { describeEvent, formatDuration, plainTitle, shorten } from '../timeline/describeEvent';
import type { TitlePart } from '../timeline/describeEvent';
import type { JournalEvent, SaveBurstEvent } from '../journal/events';
import { assertNever } from '../assertNever';
import { detectFriction } from '../friction/frictionDetector';
import { isNotableCommand, memoizedClassifier } from './notableCommands';
import type { CommandClass } from './notableCommands';
import type { TimelineKind, TimelineRow } from './model';

/** Save bursts closer than this to the previous saves row are folded into it. */
const SAVE_MERGE_MS = 5 * 60_000;

function withDetail(parts: readonly TitlePart[], detail: string | undefined): readonly TitlePart[] {
  return detail ? [...parts, { text: ` (${shorten(detail, 200)})` }] : parts;
}

/**
 * An agent's failed commands that made a retry loop (the same command failing again and again,
 * as the friction rules judge it): the one kind of agent failure that earns a row.
 */
function agentLoops(events: readonly JournalEvent[]): ReadonlySet<string> {
  const steps = events.filter((e) => e.kind === 'agent');
  if (steps.length === 0) return new Set();
  return new Set(detectFriction(steps).filter((s) => s.rule === 'retry-loop').map((s) => s.eventId));
}

function rowKind(e: JournalEvent, classify: (line: string) => CommandClass, loops: ReadonlySet<string>): TimelineKind | undefined {
  switch (e.kind) {
    case 'session-start':
    case 'session-end':
      return 'session';
    case 'session-pause':
    case 'session-resume':
      return 'pause';
    case 'session-gap':
      return 'gap';
    case 'idle':
      return 'idle';
    case 'commit':
      return 'commit';
    case 'git-op':
      return 'git';
    case 'command':
      if (!isNotableCommand(e, classify)) return undefined;
      return e.exitCode === 0 ? 'command' : 'failure';
    case 'task':
      return e.exitCode === 0 ? undefined : 'failure';
    case 'saves':
      return 'saves';
    case 'friction':
      return 'friction';
    case 'note':
      return 'note';
    case 'lesson':
      return 'lesson';
    case 'notice':
      return 'notice';
    case 'agent':
      // The agent's milestones and its retry loops; its other tool calls and replies are too many for a retrospective's timeline.
      if (loops.has(e.id)) return 'failure';
      // A call still running when recording stopped: the draft says so rather than leave its end out.
      if (e.endNotReported) return 'agent';
      return e.action === 'prompt' || e.action === 'interrupt' || e.action === 'compaction' ? 'agent' : undefined;
    case 'carried-over-tick':
      // The time a carried-over item was done is worth a row; an untick only corrects a slip.
      return e.done ? 'note' : undefined;
    case 'file-op':
    case 'debug':
    case 'edit':
    case 'delete':
    case 'carried-over':
      return undefined;
    default:
      return assertNever(e, 'event kind');
  }
}

function rowParts(e: JournalEvent): readonly TitlePart[] {
  // An idle event is written when work resumes, so the row says so instead of "Idle for …" at its end.
  if (e.kind === 'idle') return [{ text: `Back after ${formatDuration(e.to - e.from)} idle` }];
  const d = describeEvent(e);
  const parts = d.parts ?? [{ text: d.title }];
  return e.kind === 'commit' || e.kind === 'friction' ? withDetail(parts, d.detail) : parts;
}

function row(time: number, eventId: string, kind: TimelineKind, parts: readonly TitlePart[]): TimelineRow {
  return { time, eventId, kind, text: plainTitle(parts), parts };
}

/** Saves folded into one row: the row keeps the first burst's time and id. */
interface SaveGroup {
  readonly row: { time: number; eventId: string };
  readonly paths: Set<string>;
  saves: number;
  truncated: number;
  lastTime: number;
  first: SaveBurstEvent;
  bursts: number;
}

function saveGroupParts(g: SaveGroup): readonly TitlePart[] {
  if (g.bursts === 1) return rowParts(g.first);
  const files = g.paths.size + g.truncated;
  const span = formatDuration(g.lastTime - g.first.start);
  return [{ text: `Saved ${files} file${files === 1 ? '' : 's'} (${g.saves} saves over ${span})` }];
}

/**
 * Timeline rows for the (already edited) events, sorted by time; consecutive save bursts with
 * nothing worth a row between them become one row. Linear apart from the one sort.
 */
export function buildTimeline(events: readonly JournalEvent[]): TimelineRow[] {
  const picked: { e: JournalEvent; kind: TimelineKind; seq: number }[] = [];
  const classify = memoizedClassifier();
  const loops = agentLoops(events);
  for (const e of events) {
    const kind = rowKind(e, classify, loops);
    if (kind) picked.push({ e, kind, seq: picked.length });
  }
  // Journal order is almost time order; a stable sort fixes the few late-written lines.
  picked.sort((a, b) => a.e.time - b.e.time || a.seq - b.seq);

  const rows: TimelineRow[] = [];
  let group: SaveGroup | undefined;
  const closeGroup = (): void => {
    if (!group) return;
    rows.push(row(group.row.time, group.row.eventId, 'saves', saveGroupParts(group)));
    group = undefined;
  };
  for (const { e, kind } of picked) {
    if (e.kind !== 'saves') {
      closeGroup();
      rows.push(row(e.time, e.id, kind, rowParts(e)));
      continue;
    }
    if (group && e.start - group.lastTime > SAVE_MERGE_MS) closeGroup();
    if (!group) {
      group = { row: { time: e.time, eventId: e.id }, paths: new Set(), saves: 0, truncated: 0, lastTime: e.time, first: e, bursts: 0 };
    }
    for (const f of e.files) group.paths.add(f.path);
    group.saves += e.count;
    group.truncated += e.filesTruncated ?? 0;
    group.lastTime = Math.max(group.lastTime, e.time);
    group.bursts++;
  }
  closeGroup();
  return rows;
}
