import assert from 'node:assert/strict';
import type { CommandEvent, JournalEvent, SaveBurstEvent } from '../../src/core/journal/events';
import type { TimelineCategory } from '../../src/shared/protocol';
import { categoryOf, isEditable, styleOf } from '../../src/webview/eventStyle';
import type { RowOptions, TimelineRow } from '../../src/webview/timelineModel';
import { TimelineModel } from '../../src/webview/timelineModel';
import { withinHangLimit } from './hangGuard';

const S = 'sess';
/** Local time on 2026-11-21, so hour grouping is tested in the machine's own zone. */
const at = (h: number, m: number, s = 0): number => new Date(2026, 10, 21, h, m, s).getTime();
let n = 0;
const base = (time: number, id = `e${++n}`) => ({ v: 1, id, sessionId: S, time });

function command(time: number, commandLine: string, exitCode: number | null, id?: string): CommandEvent {
  return { ...base(time, id), kind: 'command', commandLine, confidence: 'high', exitCode, start: time - 1000, durationMs: 1000, terminal: 'bash' };
}
function saves(time: number, files: [string, number][], id?: string, filesTruncated?: number): SaveBurstEvent {
  return {
    ...base(time, id), kind: 'saves', start: time - 5000,
    files: files.map(([path, count]) => ({ path, count })), count: files.reduce((s, [, c]) => s + c, 0),
    ...(filesTruncated ? { filesTruncated } : {}),
  };
}
const note = (time: number, text: string, id?: string): JournalEvent => ({ ...base(time, id), kind: 'note', text });
const friction = (time: number, title: string, id?: string): JournalEvent => ({ ...base(time, id), kind: 'friction', title, category: 'tooling' });
const commit = (time: number, subject: string, id?: string): JournalEvent => ({
  ...base(time, id), kind: 'commit', repo: '.', hash: 'abcdef0123456789', subject, authorTime: time, operation: 'commit',
  files: [{ path: 'src/deep/module.ts', added: 3, removed: 1 }], added: 3, removed: 1,
});

const ALL: RowOptions = { order: 'oldest-first', hidden: new Set(), search: '', expanded: new Set() };
const opts = (o: Partial<RowOptions>): RowOptions => ({ ...ALL, ...o });
const eventIds = (rows: TimelineRow[]): string[] => rows.flatMap((r) => (r.kind === 'event' ? [r.entry.event.id] : []));
const shape = (rows: TimelineRow[]): string[] =>
  rows.map((r) => (r.kind === 'hour' ? `H${new Date(r.hour).getHours()}:${r.count}` : r.kind === 'event' ? r.entry.event.id : r.kind === 'file' ? `F:${r.path}` : r.kind === 'more' ? `M:${r.count}` : `P:${r.text}`));

describe('TimelineModel', () => {
  it('sorts loaded events by time and keeps journal order for equal times', () => {
    const m = new TimelineModel();
    m.load([command(at(10, 5), 'b', 0, 'b'), command(at(10, 1), 'a', 0, 'a'), note(at(10, 5), 'c', 'c')]);
    assert.deepEqual(m.all().map((e) => e.event.id), ['a', 'b', 'c']);
  });

  it('groups rows under one header per local hour, with the number of entries in it', () => {
    const m = new TimelineModel();
    m.load([command(at(9, 59, 59), 'x', 0, 'a'), command(at(10, 0), 'y', 0, 'b'), note(at(10, 30), 'z', 'c'), note(at(12, 1), 'w', 'd')]);
    assert.deepEqual(shape(m.rows(ALL)), ['H9:1', 'a', 'H10:2', 'b', 'c', 'H12:1', 'd']);
    assert.deepEqual(shape(m.rows(opts({ order: 'newest-first' }))), ['H12:1', 'd', 'H10:2', 'c', 'b', 'H9:1', 'a']);
  });

  it('applies edits and deletions instead of showing them as rows', () => {
    const m = new TimelineModel();
    m.load([
      friction(at(10, 0), 'Slow build', 'f'),
      note(at(10, 1), 'first', 'n'),
      { ...base(at(10, 2)), kind: 'edit', targetId: 'f', title: 'Very slow build', category: 'environment' },
      { ...base(at(10, 3)), kind: 'delete', targetId: 'n' },
    ]);
    assert.equal(m.size, 1);
    const f = m.get('f');
    assert.equal(f?.title, 'Friction: Very slow build');
    assert.equal(f?.event.kind === 'friction' && f.event.category, 'environment');
    assert.equal(m.get('n'), undefined);
  });

  it('applies a live edit with a new revision so the row is redrawn', () => {
    const m = new TimelineModel();
    m.load([note(at(10, 0), 'before', 'n')]);
    const rev = m.get('n')?.rev ?? -1;
    m.apply({ ...base(at(10, 5)), kind: 'edit', targetId: 'n', text: 'after' });
    assert.equal(m.get('n')?.title, 'Note: after');
    assert.equal(m.get('n')?.rev, rev + 1);
    assert.equal(m.size, 1);
  });

  it('accepts a replacement entry with the same id, and ignores edits of unknown ids', () => {
    const m = new TimelineModel();
    m.load([note(at(10, 0), 'v1', 'n')]);
    m.apply(note(at(10, 0), 'v2', 'n'));
    m.apply({ ...base(at(10, 1)), kind: 'edit', targetId: 'missing', text: 'x' });
    m.apply({ ...base(at(10, 1)), kind: 'delete', targetId: 'missing' });
    assert.deepEqual(m.all().map((e) => e.title), ['Note: v2']);
  });

  it('appends live events in time order even when one arrives late', () => {
    const m = new TimelineModel();
    m.load([command(at(10, 0), 'a', 0, 'a')]);
    m.append([command(at(10, 10), 'c', 0, 'c')]);
    m.append([command(at(10, 5), 'b', 0, 'b')]); // a long command ends after a later one started
    assert.deepEqual(eventIds(m.rows(ALL)), ['a', 'b', 'c']);
  });

  it('filters by category chip', () => {
    const m = new TimelineModel();
    m.load([commit(at(10, 0), 'c', 'c'), command(at(10, 1), 'x', 0, 'x'), saves(at(10, 2), [['a.ts', 1]], 's'), note(at(10, 3), 'n', 'n'), { ...base(at(10, 4), 'i'), kind: 'idle', from: at(9, 0), to: at(10, 0) }]);
    const only = (keep: TimelineCategory) => eventIds(m.rows(opts({ hidden: new Set((['commits', 'commands', 'saves', 'notes', 'other'] as const).filter((c) => c !== keep)) })));
    assert.deepEqual(only('commits'), ['c']);
    assert.deepEqual(only('commands'), ['x']);
    assert.deepEqual(only('saves'), ['s']);
    assert.deepEqual(only('notes'), ['n']);
    assert.deepEqual(only('other'), ['i']);
    assert.deepEqual(shape(m.rows(opts({ hidden: new Set(['commits', 'commands', 'saves', 'notes', 'other']) }))), []);
  });

  it('searches titles, details and file paths, case-insensitively', () => {
    const m = new TimelineModel();
    m.load([
      command(at(10, 0), 'npm test', 1, 'fail'),
      saves(at(10, 1), [['src/Alpha.ts', 1], ['src/beta.ts', 2]], 'burst'),
      commit(at(10, 2), 'Fix parser', 'commit'),
    ]);
    assert.deepEqual(eventIds(m.rows(opts({ search: 'NPM' }))), ['fail']);
    assert.deepEqual(eventIds(m.rows(opts({ search: 'alpha' }))), ['burst']);
    assert.deepEqual(eventIds(m.rows(opts({ search: 'deep/module' }))), ['commit']);
    assert.deepEqual(eventIds(m.rows(opts({ search: '  exit 1 ' }))), ['fail']);
    assert.deepEqual(eventIds(m.rows(opts({ search: 'nothing like this' }))), []);
  });

  it('expands a save burst into one row per file, plus a row for files the journal left out', () => {
    const m = new TimelineModel();
    m.load([saves(at(10, 0), [['a.ts', 2], ['b.ts', 1]], 'burst', 7), saves(at(10, 1), [['single.ts', 3]], 'one')]);
    const collapsed = m.rows(ALL);
    assert.deepEqual(shape(collapsed), ['H10:2', 'burst', 'one']);
    const burst = collapsed[1];
    assert.ok(burst?.kind === 'event' && burst.expandable && !burst.expanded);
    const single = collapsed[2];
    assert.ok(single?.kind === 'event' && !single.expandable, 'a one-file save opens the file instead');
    assert.deepEqual(shape(m.rows(opts({ expanded: new Set(['burst', 'one']) }))), ['H10:2', 'burst', 'F:a.ts', 'F:b.ts', 'M:7', 'one']);
    assert.deepEqual(shape(m.rows(opts({ order: 'newest-first', expanded: new Set(['burst']) }))), ['H10:2', 'one', 'burst', 'F:a.ts', 'F:b.ts', 'M:7']);
  });

  it('gives every row a unique key', () => {
    const m = new TimelineModel();
    m.load([saves(at(10, 0), [['a.ts', 1], ['b.ts', 1]], 'b1'), saves(at(10, 1), [['a.ts', 1], ['b.ts', 1]], 'b2'), note(at(11, 0), 'x', 'n')]);
    const rows = m.rows(opts({ expanded: new Set(['b1', 'b2']) }));
    assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
  });

  it('keeps captured text verbatim (the DOM layer sets it as text, never as HTML)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const m = new TimelineModel();
    m.load([commit(at(10, 0), hostile, 'c')]);
    assert.ok(m.get('c')?.title.includes(hostile));
  });

  it('builds rows for 10,000 events quickly enough to redraw every frame', () => {
    const m = new TimelineModel();
    const events: JournalEvent[] = [];
    for (let i = 0; i < 10_000; i++) events.push(i % 3 ? command(at(8, 0) + i * 9000, `cmd ${i}`, i % 7 ? 0 : 1, `big${i}`) : saves(at(8, 0) + i * 9000, [['a.ts', 1], ['b.ts', 2]], `big${i}`));
    m.load(events);
    const rows = withinHangLimit('rows of 10,000 events', () => m.rows(opts({ order: 'newest-first', search: 'cmd' })));
    assert.equal(eventIds(rows).length, 6666);
  });
});

describe('eventStyle', () => {
  it('marks failed commands (including unknown exit codes) to stand out, successful ones not', () => {
    assert.deepEqual(styleOf(command(at(10, 0), 'x', 0)), { icon: 'terminal', tone: 'command', standOut: false });
    assert.equal(styleOf(command(at(10, 0), 'x', 2)).tone, 'failed');
    assert.equal(styleOf(command(at(10, 0), 'x', null)).standOut, true);
  });

  it('puts each kind in the chip that filters it, and lets only the user\'s own words be edited', () => {
    assert.equal(categoryOf(commit(0, 's')), 'commits');
    assert.equal(categoryOf(friction(0, 't')), 'notes');
    assert.equal(categoryOf({ ...base(0), kind: 'session-start', folders: [], trusted: true, utcOffsetMinutes: 0 }), 'other');
    assert.equal(isEditable(note(0, 'x')), true);
    assert.equal(isEditable(commit(0, 'x')), false);
  });
});
