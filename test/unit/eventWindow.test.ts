import assert from 'node:assert/strict';
import type { JournalEvent } from '../../src/core/journal/events';
import { pageEvents, pageRanges } from '../../src/shared/eventPages';
import { RowList } from '../../src/webview/rowList';
import type { RowOptions, TimelineRow } from '../../src/webview/timelineModel';
import { buildRows, TimelineModel } from '../../src/webview/timelineModel';

// The Timeline's windowing: the host's split of a session into a first window and older pages,
// the model taking pages in front, and the row list grown at its ends; each checked against the
// rows a full rebuild gives, which is what the list showed before windowing.

const at = (h: number, m: number, s = 0): number => new Date(2026, 10, 21, h, m, s).getTime();
const note = (time: number, id: string, text = id): JournalEvent => ({ v: 1, id, sessionId: 's', time, kind: 'note', text });
/** `count` notes from 09:00, one every `stepS` seconds, so they span several hours. */
const session = (count: number, stepS = 97): JournalEvent[] => Array.from({ length: count }, (_, i) => note(at(9, 0, i * stepS), `n${i}`));
const options = (o: Partial<RowOptions> = {}): RowOptions => ({ order: 'newest-first', hidden: new Set(), search: '', expanded: new Set(), ...o });
const shape = (rows: readonly TimelineRow[]): string[] => rows.map((r) => (r.kind === 'hour' ? `H${new Date(r.hour).getHours()}:${r.count}` : r.key));
const listed = (list: RowList): TimelineRow[] => Array.from({ length: list.length }, (_, i) => list.at(i) as TimelineRow);

/** What the webview does with the host's messages: load the first window, then take each page, adding rows at the ends. */
function streamed(events: readonly JournalEvent[], o: RowOptions, window: number, page: number): { model: TimelineModel; list: RowList } {
  const pages = pageEvents(events, window, page);
  const model = new TimelineModel();
  const list = new RowList();
  model.load(pages.first);
  model.takeChanges();
  list.reset(model.rows(o));
  for (const p of pages.older) {
    model.addOlder(p);
    const changes = model.takeChanges();
    assert.equal(changes.full, false, 'a page older than all held joins at the end, no rebuild');
    const block = buildRows(changes.older, o);
    if (o.order === 'newest-first') list.append(block);
    else list.prepend(block);
  }
  return { model, list };
}

describe('pageRanges', () => {
  it('gives the same split as pageEvents, as index ranges, each with the events still to come after it', () => {
    for (const total of [0, 1, 5, 6, 12, 23, 2000]) {
      const events = session(total, 1);
      const ranges = pageRanges(total, 5, 7);
      const pages = pageEvents(events, 5, 7);
      assert.deepEqual(events.slice(ranges.firstStart), pages.first, `first window of ${total}`);
      assert.deepEqual(ranges.older.map((r) => events.slice(r.start, r.end)), pages.older, `older pages of ${total}`);
      let remaining = total - pages.first.length;
      for (const r of ranges.older) {
        remaining -= r.end - r.start;
        assert.equal(r.remaining, remaining);
      }
    }
  });
});

describe('pageEvents', () => {
  it('sends the newest events first, then older pages newest first, each in journal order, losing none', () => {
    const events = session(23);
    const { first, older } = pageEvents(events, 5, 7);
    assert.deepEqual(first.map((e) => e.id), ['n18', 'n19', 'n20', 'n21', 'n22']);
    assert.deepEqual(older.map((p) => p.map((e) => e.id)), [
      ['n11', 'n12', 'n13', 'n14', 'n15', 'n16', 'n17'],
      ['n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10'],
      ['n0', 'n1', 'n2', 'n3'],
    ]);
    assert.deepEqual([...older].reverse().flat().concat(first), events);
  });

  it('sends a small session whole in the first window', () => {
    const events = session(3);
    assert.deepEqual(pageEvents(events, 5, 7), { first: events, older: [] });
    assert.deepEqual(pageEvents([], 5, 7), { first: [], older: [] });
  });
});

describe('RowList and streamed pages', () => {
  for (const order of ['newest-first', 'oldest-first'] as const) {
    it(`builds, page by page, the same rows as the whole session at once (${order}), hour headers joined across pages`, () => {
      const events = session(400);
      const o = options({ order });
      const { model, list } = streamed(events, o, 37, 50);
      const whole = buildRows(model.all(), o);
      assert.deepEqual(shape(listed(list)), shape(whole));
      assert.equal(list.eventCount, 400);
      whole.forEach((row, i) => assert.equal(list.indexOf(row.key), i, `index of ${row.key}`));
    });
  }

  it('keeps a search over pages that arrive later: a match in the oldest page is found', () => {
    const events = session(300).map((e, i) => (i === 2 ? note(e.time, e.id, 'needle in the first hour') : e));
    const o = options({ search: 'NEEDLE' });
    const { list } = streamed(events, o, 20, 40);
    assert.deepEqual(shape(listed(list)), ['H9:1', 'e:n2']);
    assert.equal(list.eventCount, 1);
  });

  it('adds live events at the newest end with the same rows a rebuild gives, and finds every row by key afterwards', () => {
    const events = session(120);
    const o = options();
    const { model, list } = streamed(events, o, 10, 25);
    // Two in the newest hour, then one in a new hour.
    const last = events[events.length - 1] as JournalEvent;
    model.append([note(last.time + 1000, 'live1'), note(last.time + 2000, 'live2'), note(last.time + 3 * 3_600_000, 'live3')]);
    const changes = model.takeChanges();
    assert.equal(changes.full, false);
    assert.deepEqual(changes.newer.map((e) => e.event.id), ['live1', 'live2', 'live3']);
    list.prepend(buildRows(changes.newer, o));
    const whole = buildRows(model.all(), o);
    assert.deepEqual(shape(listed(list)), shape(whole));
    whole.forEach((row, i) => assert.equal(list.indexOf(row.key), i, `index of ${row.key}`));
    assert.equal(list.indexOf('e:nope'), -1);
  });

  it('reports a change in the middle as a full rebuild: a deletion, an event out of time order, an edit that moves', () => {
    const model = new TimelineModel();
    model.load(session(10));
    model.takeChanges();
    model.append([{ v: 1, id: 'd', sessionId: 's', time: at(12, 0), kind: 'delete', targetId: 'n3' }]);
    assert.equal(model.takeChanges().full, true);
    model.append([note(at(9, 0, 30), 'late')]);
    assert.equal(model.takeChanges().full, true);
    model.append([note(at(9, 0, 30), 'n5', 'moved to an earlier time')]);
    assert.equal(model.takeChanges().full, true);
    model.append([note(at(9, 0, 6 * 97), 'n6', 'same time, new text')]);
    const changes = model.takeChanges();
    assert.equal(changes.full, false);
    assert.deepEqual(changes.replaced.map((e) => e.title), ['Note: same time, new text']);
  });

  it('sorts a page that overlaps the events held into place and asks for a rebuild', () => {
    const events = session(20);
    const model = new TimelineModel();
    model.load(events.slice(10));
    model.takeChanges();
    const between = note(at(9, 0, 12 * 97 + 1), 'between');
    model.addOlder([...events.slice(5, 10), between]);
    assert.equal(model.takeChanges().full, true);
    assert.deepEqual(model.all().map((e) => e.event.id), [...events.slice(5, 13).map((e) => e.id), 'between', ...events.slice(13).map((e) => e.id)]);
  });

  it('finds the hour header over any row for the sticky header', () => {
    const o = options({ order: 'oldest-first' });
    const { list } = streamed(session(100), o, 10, 30);
    for (let i = 0; i < list.length; i++) {
      const header = list.at(list.headerIndexOf(i));
      const row = list.at(i);
      assert.equal(header?.kind, 'hour');
      if (row?.kind === 'event' && header?.kind === 'hour') assert.equal(header.hour, row.entry.hour);
    }
  });
});
