import assert from 'node:assert/strict';
import type { AgentActivityEvent, JournalEvent } from '../../src/core/journal/events';
import { rowAtOrBefore } from '../../src/webview/revealTime';
import { RowList } from '../../src/webview/rowList';
import type { RowOptions, TimelineRow } from '../../src/webview/timelineModel';
import { TimelineModel } from '../../src/webview/timelineModel';

// A click on the session strip brings the list to the newest row at or before the clicked time,
// found by binary search over the time-ordered rows (not a walk over 50,000 of them).

const t0 = new Date(2026, 10, 21, 9, 0).getTime();
const note = (s: number, id: string): JournalEvent => ({ v: 1, id, sessionId: 'x', time: t0 + s * 1000, kind: 'note', text: id });
const saves = (s: number, id: string, files: string[]): JournalEvent => ({
  v: 1, id, sessionId: 'x', time: t0 + s * 1000, kind: 'saves', start: t0 + s * 1000 - 500, files: files.map((path) => ({ path, count: 1 })), count: files.length,
});
const agent = (s: number, id: string, action: AgentActivityEvent['action']): JournalEvent => ({
  v: 1, id, sessionId: 'x', time: t0 + s * 1000, kind: 'agent', agent: 'claude-code', agentSession: 'a', key: id, action, text: id, tool: 'Bash', status: 'ok',
});

function rowsOf(events: JournalEvent[], options: Partial<RowOptions> = {}): RowList {
  const model = new TimelineModel();
  model.load(events);
  const list = new RowList();
  list.reset(model.rows({ order: 'oldest-first', hidden: new Set(), search: '', expanded: new Set(), ...options }));
  return list;
}
const idAt = (list: RowList, i: number): string | undefined => {
  const row: TimelineRow | undefined = list.at(i);
  return row?.kind === 'event' ? row.entry.event.id : undefined;
};

/** The answer the old linear scan gave on lists without open turns: the newest event row at or before `time`. */
function linear(list: RowList, time: number): string | undefined {
  let best: { id: string; t: number } | undefined;
  for (let i = 0; i < list.length; i++) {
    const row = list.at(i);
    if (row?.kind !== 'event') continue;
    const t = row.entry.event.time;
    if (t <= time && (!best || t >= best.t)) best = { id: row.entry.event.id, t };
  }
  return best?.id;
}

describe('rowAtOrBefore (the strip reveals a time)', () => {
  const events = Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? saves(i * 7, `s${i}`, ['a.ts', 'b.ts', 'c.ts']) : note(i * 7, `n${i}`)));

  for (const order of ['oldest-first', 'newest-first'] as const) {
    it(`finds the newest row at or before a time, ${order}, with hour headers and open bursts between`, () => {
      const list = rowsOf(events, { order, expanded: new Set(['s0', 's50', 's4950']) });
      for (const s of [-5, 0, 1, 6.999, 7, 350, 351, 3600, 7777, 34_993, 99_999]) {
        const time = t0 + s * 1000;
        assert.equal(idAt(list, rowAtOrBefore(list, time, order === 'newest-first')), linear(list, time), `at +${s} s`);
      }
      assert.equal(rowAtOrBefore(list, t0 - 1, order === 'newest-first'), -1);
    });
  }

  it('lands on an open turn\'s prompt, not on a step folded under it', () => {
    const list = rowsOf([note(0, 'n0'), agent(10, 'p', 'prompt'), note(20, 'n1'), agent(30, 'step', 'tool'), note(40, 'n2')], { expanded: new Set(['p']) });
    assert.equal(idAt(list, rowAtOrBefore(list, t0 + 35_000, false)), 'n1');
    assert.equal(idAt(list, rowAtOrBefore(list, t0 + 15_000, false)), 'p');
  });

  it('looks at a few dozen rows of 50,000, not all of them', () => {
    const list = rowsOf(Array.from({ length: 50_000 }, (_, i) => note(i, `n${i}`)), { order: 'newest-first' });
    let reads = 0;
    const counting = { get length() { return list.length; }, at: (i: number) => { reads++; return list.at(i); }, indexOf: (k: string) => list.indexOf(k) };
    assert.equal(idAt(list, rowAtOrBefore(counting, t0 + 12_345_500, true)), 'n12345');
    assert.ok(reads < 200, `${reads} rows read`);
  });
});
