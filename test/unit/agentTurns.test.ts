import assert from 'node:assert/strict';
import './englishWebviewStrings';
import type { AgentActivityEvent, JournalEvent } from '../../src/core/journal/events';
import { MAX_PROMPT_LINES, promptLines, turnDetail } from '../../src/webview/agentTurns';
import type { RowOptions, TimelineRow } from '../../src/webview/timelineModel';
import { TimelineModel } from '../../src/webview/timelineModel';

const at = (m: number, s = 0): number => new Date(2026, 10, 21, 10, m, s).getTime();
let n = 0;
const base = (time: number, id = `e${++n}`) => ({ v: 1, id, sessionId: 'sess', time });
const agent = (time: number, fields: Partial<AgentActivityEvent> & Pick<AgentActivityEvent, 'action'>, id?: string, session = 'claude-1'): JournalEvent => ({
  ...base(time, id), kind: 'agent', agent: 'claude-code', agentSession: session, key: `k-${id ?? n}`, ...fields,
});
const prompt = (time: number, text: string, id: string, session?: string) => agent(time, { action: 'prompt', text }, id, session);
const tool = (time: number, command: string, status: AgentActivityEvent['status'], id: string, session?: string) =>
  agent(time, { action: 'tool', tool: 'Bash', command, status, exitCode: status === 'failed' ? 1 : 0, start: time - 1000 }, id, session);
const note = (time: number, text: string, id: string): JournalEvent => ({ ...base(time, id), kind: 'note', text });

const ALL: RowOptions = { order: 'oldest-first', hidden: new Set(), search: '', expanded: new Set() };
const shape = (rows: TimelineRow[]): string[] => rows.flatMap((r) => {
  if (r.kind === 'hour') return [];
  if (r.kind === 'event') return [`${r.nested ? '  ' : ''}${r.entry.event.id}${r.turn ? `[${turnDetail(r.turn)}]` : ''}`];
  if (r.kind === 'agent-text') return [`  > ${r.text}`];
  return [r.kind];
});

function session(): TimelineModel {
  const m = new TimelineModel();
  m.load([
    prompt(at(1), 'Fix the date test\nIt fails in CI only', 'p1'),
    tool(at(2), 'npm test', 'failed', 't1'),
    note(at(3), 'CI uses UTC', 'n1'),
    tool(at(4), 'npm test', 'ok', 't2'),
    agent(at(5), { action: 'reply', text: 'Fixed.' }, 'r1'),
    agent(at(6), { action: 'interrupt' }, 'i1'),
    prompt(at(7), 'Now commit', 'p2'),
    tool(at(8), 'git commit -m fix', 'ok', 't3'),
  ]);
  return m;
}

describe('agent turns on the Timeline', () => {
  it('folds a turn\'s replies and tool calls into its prompt row; the person\'s events and the interruption stay rows', () => {
    assert.deepEqual(shape(session().rows(ALL)), [
      'p1[2 tool calls · 1 reply · 1 failed]', 'n1', 'i1', 'p2[1 tool call]',
    ]);
  });

  it('a failed call makes its closed turn stand out; the hour header counts rows, not folded steps', () => {
    const rows = session().rows(ALL);
    const p1 = rows.find((r) => r.kind === 'event' && r.entry.event.id === 'p1');
    assert.ok(p1?.kind === 'event' && p1.turn?.failed === 1 && p1.expandable);
    const header = rows[0];
    assert.ok(header?.kind === 'hour');
    assert.equal(header.count, 4);
  });

  it('opens to the full prompt, line by line, then its steps in the list\'s order', () => {
    const m = session();
    assert.deepEqual(shape(m.rows({ ...ALL, expanded: new Set(['p1']) })), [
      'p1[2 tool calls · 1 reply · 1 failed]', '  > Fix the date test', '  > It fails in CI only', '  t1', '  t2', '  r1', 'n1', 'i1', 'p2[1 tool call]',
    ]);
    assert.deepEqual(shape(m.rows({ ...ALL, order: 'newest-first', expanded: new Set(['p1']) })), [
      'p2[1 tool call]', 'i1', 'n1', 'p1[2 tool calls · 1 reply · 1 failed]', '  > Fix the date test', '  > It fails in CI only', '  r1', '  t2', '  t1',
    ]);
  });

  it('keeps two agent sessions\' turns apart', () => {
    const m = new TimelineModel();
    m.load([
      prompt(at(1), 'claude, fix it', 'a', 'claude-1'),
      prompt(at(2), 'codex, write docs', 'b', 'codex-1'),
      tool(at(3), 'npm test', 'ok', 'ta', 'claude-1'),
      tool(at(4), 'ls docs', 'ok', 'tb', 'codex-1'),
    ]);
    const rows = m.rows({ ...ALL, expanded: new Set(['a', 'b']) });
    assert.deepEqual(shape(rows), ['a[1 tool call]', '  > claude, fix it', '  ta', 'b[1 tool call]', '  > codex, write docs', '  tb']);
  });

  it('2,000 tool calls make one row while the turn is closed', () => {
    const m = new TimelineModel();
    const events: JournalEvent[] = [prompt(at(0), 'refactor everything', 'big')];
    for (let i = 0; i < 2000; i++) events.push(tool(at(1, i % 60), `step ${i}`, i % 100 === 0 ? 'failed' : 'ok', `s${i}`));
    events.push(note(at(30), 'still here', 'mine'));
    m.load(events);
    assert.deepEqual(shape(m.rows(ALL)), ['big[2000 tool calls · 20 failed]', 'mine']);
  });

  it('shows a step whose prompt is filtered out by the search as a row of its own, and searches the full prompt', () => {
    const m = session();
    assert.deepEqual(shape(m.rows({ ...ALL, search: 'git commit' })), ['t3']);
    assert.deepEqual(shape(m.rows({ ...ALL, search: 'fails in ci' })), ['p1']);
  });

  it('a short prompt with no step does not open; a long one does', () => {
    const m = new TimelineModel();
    m.load([prompt(at(1), 'hi', 'short'), prompt(at(2), 'x'.repeat(200), 'long')]);
    const rows = m.rows(ALL).filter((r) => r.kind === 'event');
    assert.deepEqual(rows.map((r) => r.kind === 'event' && r.expandable), [false, true]);
  });

  it('cuts a very long prompt to its first lines and says how many more there are', () => {
    const lines = promptLines(Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n'));
    assert.equal(lines.length, MAX_PROMPT_LINES);
    assert.equal(lines[lines.length - 1], `… ${100 - MAX_PROMPT_LINES + 1} more lines`);
  });
});
