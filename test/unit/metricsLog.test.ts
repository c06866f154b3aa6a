import { strict as assert } from 'node:assert';
import { Lexer } from 'marked';
import type { Tokens } from 'marked';
import { appendMetricsRow, sessionIdOfRow, upsertMetricsRow } from '../../src/core/retrospective/metricsLog';
import type { MetricsLogRow } from '../../src/core/retrospective/metricsLog';

const draftRow: MetricsLogRow = { date: '2026-11-22 09:12', duration: '1 h 30 min', commits: 2, friction: 1, sessionId: 's-22' };
const finalRow: MetricsLogRow = { ...draftRow, friction: 3, biggestWin: 'CSV export shipped', mainFriction: 'Slow type-check' };
const otherRow: MetricsLogRow = { date: '2026-11-21 14:00', duration: '45 min', commits: 0, friction: 2, sessionId: 's-21' };

function rowsOf(log: string): string[] {
  return log.split(/\r?\n/).filter((l) => l.startsWith('|') && !/^\|\s*(?:Date|---)/.test(l));
}

function tableOf(log: string): Tokens.Table {
  const table = Lexer.lex(log, { gfm: true }).find((t): t is Tokens.Table => t.type === 'table');
  assert.ok(table, 'the log holds a Markdown table');
  return table;
}

describe('metrics log rows', () => {
  it('tags each row with its session id in a comment that is not a table cell', () => {
    const log = upsertMetricsRow(undefined, finalRow);
    const [row] = rowsOf(log);
    assert.equal(sessionIdOfRow(row), 's-22');
    const table = tableOf(log);
    assert.equal(table.header.length, 6);
    assert.deepEqual(table.rows.map((r) => r.length), [6], 'the marker adds no seventh column');
    assert.deepEqual(table.rows[0].map((c) => c.text), ['2026-11-22 09:12', '1 h 30 min', '2', '3', 'CSV export shipped', 'Slow type-check']);
  });

  it('replaces the row an earlier Finish wrote for the same session, leaving the other sessions alone', () => {
    const first = upsertMetricsRow(upsertMetricsRow(undefined, otherRow), draftRow);
    const second = upsertMetricsRow(first, finalRow);
    const rows = rowsOf(second);
    assert.equal(rows.length, 2, 'still one row per session');
    assert.equal(rows[0], rowsOf(first)[0], 'the other session keeps its row as it was');
    assert.match(rows[1], /\| 3 \| CSV export shipped \| Slow type-check \|/);
    assert.equal(sessionIdOfRow(rows[1]), 's-22');
    assert.equal(second.split('\n').length, first.split('\n').length, 'replaced in place, not appended');
  });

  it('finds the session by its id even when its start time (the date cell) differs', () => {
    const log = upsertMetricsRow(undefined, draftRow);
    const moved = upsertMetricsRow(log, { ...finalRow, date: '2026-11-22 09:13' });
    assert.deepEqual(rowsOf(moved).map(sessionIdOfRow), ['s-22']);
    assert.match(rowsOf(moved)[0], /^\| 2026-11-22 09:13 \|/);
  });

  it('appends a row for a session the log does not have yet', () => {
    const log = upsertMetricsRow(upsertMetricsRow(undefined, otherRow), finalRow);
    assert.deepEqual(rowsOf(log).map(sessionIdOfRow), ['s-21', 's-22']);
    assert.ok(log.endsWith('\n'));
  });

  it('does not take over another session\'s row that starts in the same minute', () => {
    const sameMinute: MetricsLogRow = { ...otherRow, date: finalRow.date };
    const log = upsertMetricsRow(upsertMetricsRow(undefined, sameMinute), finalRow);
    assert.deepEqual(rowsOf(log).map(sessionIdOfRow), ['s-21', 's-22']);
  });

  it('replaces a row written before rows carried a session id when its date matches, as it was matched before', () => {
    const oldLog = appendMetricsRow(appendMetricsRow(undefined, { ...otherRow, sessionId: undefined }), { ...draftRow, sessionId: undefined });
    assert.deepEqual(rowsOf(oldLog).map(sessionIdOfRow), [undefined, undefined]);
    const updated = upsertMetricsRow(oldLog, finalRow);
    const rows = rowsOf(updated);
    assert.equal(rows.length, 2);
    assert.equal(rows[0], rowsOf(oldLog)[0], 'an old row for another date stays as it was');
    assert.equal(sessionIdOfRow(rows[1]), 's-22');
    assert.match(rows[1], /CSV export shipped/);
  });

  it('keeps CRLF line endings and the text around the table', () => {
    const lf = `${upsertMetricsRow(upsertMetricsRow(undefined, otherRow), draftRow)}\nNotes written by hand.\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const out = upsertMetricsRow(crlf, finalRow);
    assert.ok(!/[^\r]\n/.test(out), 'every line break is still CRLF');
    assert.ok(out.endsWith('\r\nNotes written by hand.\r\n'));
    assert.equal(out.split('\r\n').length, crlf.split('\r\n').length);
    assert.equal(sessionIdOfRow(rowsOf(out)[1]), 's-22');
    assert.match(rowsOf(out)[1], /\| 3 \| CSV export shipped/);
    assert.equal(upsertMetricsRow(out, finalRow), out, 'writing the same row again changes nothing');
  });

  it('leaves out a session id that could break out of the comment, and then matches by date as before', () => {
    const hostile: MetricsLogRow = { ...finalRow, sessionId: 'x --> <script>' };
    const log = upsertMetricsRow(undefined, hostile);
    assert.ok(!log.includes('<script>'));
    assert.equal(sessionIdOfRow(rowsOf(log)[0]), undefined);
    assert.equal(rowsOf(upsertMetricsRow(log, hostile)).length, 1);
  });

  it('cannot be fooled by user text that looks like a marker', () => {
    const log = upsertMetricsRow(undefined, { ...otherRow, mainFriction: '<!-- session:s-22 -->' });
    const out = upsertMetricsRow(log, finalRow);
    assert.deepEqual(rowsOf(out).map(sessionIdOfRow), ['s-21', 's-22']);
  });
});
