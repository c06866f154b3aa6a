import assert from 'node:assert/strict';
import type { AgentActivityEvent, JournalEvent } from '../../src/core/journal/events';
import { RowList } from '../../src/webview/rowList';
import { canPatchRows, patchRows } from '../../src/webview/rowPatch';
import type { RowOptions, TimelineRow } from '../../src/webview/timelineModel';
import { TimelineModel } from '../../src/webview/timelineModel';

// An agent's step arriving live is folded into its turn's row: the model names the turn that grew,
// and the rows patch that one row in place instead of rebuilding 50,000 (issue 15).

const at = (m: number, s = 0): number => new Date(2026, 10, 21, 10, m, s).getTime();
let n = 0;
const agent = (time: number, action: AgentActivityEvent['action'], id: string, fields: Partial<AgentActivityEvent> = {}, session = 'claude-1'): JournalEvent => ({
  v: 1, id, sessionId: 'sess', time, kind: 'agent', agent: 'claude-code', agentSession: session, key: `k-${id}-${++n}`, action, ...fields,
});
const prompt = (time: number, id: string, session?: string) => agent(time, 'prompt', id, { text: `prompt ${id}` }, session);
const tool = (time: number, id: string, status: AgentActivityEvent['status'] = 'ok', session?: string) =>
  agent(time, 'tool', id, { tool: 'Bash', command: 'npm test', status, start: time - 10 }, session);
const note = (time: number, id: string): JournalEvent => ({ v: 1, id, sessionId: 'sess', time, kind: 'note', text: `note ${id}` });

const ALL: RowOptions = { order: 'newest-first', hidden: new Set(), search: '', expanded: new Set() };

/** What a person sees of the rows: keys, turn summaries and hour counts. */
const shape = (rows: readonly TimelineRow[]): string[] => rows.map((r) => {
  if (r.kind === 'hour') return `${r.key}:${r.count}`;
  if (r.kind === 'event') return `${r.key}${r.turn ? `[${r.turn.steps}/${r.turn.tools}/${r.turn.failed}]` : ''}`;
  return r.key;
});
const listShape = (list: RowList): string[] => shape(Array.from({ length: list.length }, (_, i) => list.at(i) as TimelineRow));

/** A model and the rows the view would hold after drawing it. */
function drawn(events: JournalEvent[], options = ALL): { model: TimelineModel; rows: RowList } {
  const model = new TimelineModel();
  model.load(events);
  model.takeChanges();
  const rows = new RowList();
  rows.reset(model.rows(options));
  return { model, rows };
}

/** Appends live as the view does, one frame per call; true when the rows were patched, false when rebuilt. */
function appendFrame(model: TimelineModel, rows: RowList, events: JournalEvent[], options = ALL): boolean {
  model.append(events);
  const changes = model.takeChanges();
  if (!canPatchRows(rows, model, changes, options)) {
    rows.reset(model.rows(options));
    return false;
  }
  patchRows(rows, model, changes, options);
  return true;
}

describe('Agent steps arriving live (turn row replaced in place)', () => {
  it('names the turn that grew instead of asking for a full rebuild', () => {
    const { model } = drawn([note(at(0), 'n0'), prompt(at(1), 'p1')]);
    model.append([tool(at(2), 't1')]);
    const changes = model.takeChanges();
    assert.equal(changes.full, false);
    assert.deepEqual(changes.newer, []);
    assert.deepEqual(changes.turns.map((e) => e.event.id), ['p1']);
  });

  it('patches 2,000 tool calls of one turn into its row, each frame equal to a full rebuild', () => {
    const { model, rows } = drawn([note(at(0), 'n0'), prompt(at(1), 'p1'), note(at(1, 30), 'n1')]);
    let patched = 0;
    for (let i = 0; i < 2000; i++) {
      const time = at(2) + i * 100;
      const batch = i % 500 === 0 ? [note(time - 1, `live-note-${i}`), tool(time, `t${i}`, i % 7 === 0 ? 'failed' : 'ok')] : [tool(time, `t${i}`)];
      if (appendFrame(model, rows, batch)) patched++;
      if (i % 250 === 0 || i === 1999) assert.deepEqual(listShape(rows), shape(model.rows(ALL)), `after step ${i}`);
    }
    assert.equal(patched, 2000);
    const p1 = rows.at(rows.indexOf('e:p1'));
    assert.ok(p1?.kind === 'event' && p1.turn?.tools === 2000);
  });

  it('a prompt and its first steps in one message stay one row; the next message patches it', () => {
    const { model, rows } = drawn([note(at(0), 'n0')]);
    assert.equal(appendFrame(model, rows, [prompt(at(1), 'p1'), tool(at(2), 't1')]), true);
    assert.equal(appendFrame(model, rows, [tool(at(3), 't2', 'failed')]), true);
    assert.deepEqual(listShape(rows), shape(model.rows(ALL)));
    assert.deepEqual(listShape(rows).filter((k) => k.startsWith('e:')), ['e:p1[2/2/1]', 'e:n0']);
  });

  it('keeps two agent sessions apart, and a step without a prompt is a row of its own', () => {
    const { model, rows } = drawn([prompt(at(1), 'a', 'claude-1'), prompt(at(2), 'b', 'codex-1')]);
    assert.equal(appendFrame(model, rows, [tool(at(3), 'ta', 'ok', 'claude-1'), tool(at(4), 'tb', 'ok', 'codex-1'), tool(at(5), 'orphan', 'ok', 'gemini-1')]), true);
    assert.deepEqual(listShape(rows), shape(model.rows(ALL)));
    assert.ok(rows.indexOf('e:orphan') >= 0);
  });

  it('rebuilds when the turn is open (its steps are rows) or its prompt is filtered out by the search', () => {
    const open = drawn([prompt(at(1), 'p1')], { ...ALL, expanded: new Set(['p1']) });
    assert.equal(appendFrame(open.model, open.rows, [tool(at(2), 't1')], { ...ALL, expanded: new Set(['p1']) }), false);
    const searched = { ...ALL, search: 'npm' };
    const hidden = drawn([prompt(at(1), 'p1')], searched);
    assert.equal(appendFrame(hidden.model, hidden.rows, [tool(at(2), 't1')], searched), false);
    assert.deepEqual(listShape(hidden.rows), shape(hidden.model.rows(searched)));
  });

  it('an edited prompt keeps its turn on its row', () => {
    const { model, rows } = drawn([prompt(at(1), 'p1'), tool(at(2), 't1'), tool(at(3), 't2')]);
    assert.equal(appendFrame(model, rows, [{ ...(prompt(at(1), 'p1') as AgentActivityEvent), text: 'prompt p1, resent' }]), true);
    assert.deepEqual(listShape(rows), shape(model.rows(ALL)));
  });
});
