import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import type { JournalEvent } from '../../src/core/journal/events';
import { eventProblem, parseJournal, serializeEvent } from '../../src/core/journal/journalCodec';
import { commandDraft, stamp } from './journalFixtures';
import { withinHangLimit } from './hangGuard';

function journalOf(events: readonly JournalEvent[]): string {
  return events.map((e) => serializeEvent(e) + '\n').join('');
}

const start = stamp({ kind: 'session-start', time: 1000, folders: ['app'], trusted: true, utcOffsetMinutes: 60 }, 's1', 'a');
const note = stamp({ kind: 'note', time: 2000, text: 'line one\nline two\u2028still two' }, 's1', 'b');
const cmd = stamp(commandDraft(3000, 1), 's1', 'c');

describe('journalCodec', () => {
  describe('serializeEvent', () => {
    it('writes one line even when text holds line breaks of any kind', () => {
      const line = serializeEvent(note);
      assert.equal(/[\n\r\u0085\u2028\u2029]/.test(line), false);
      assert.deepEqual(JSON.parse(line), note);
    });

    it('round-trips every event through parseJournal', () => {
      const { events, problems } = parseJournal(journalOf([start, note, cmd]));
      assert.deepEqual(events, [start, note, cmd]);
      assert.deepEqual(problems, []);
    });
  });

  describe('parseJournal', () => {
    it('skips a torn last line and reports it', () => {
      const text = journalOf([start, note]) + serializeEvent(cmd).slice(0, 25);
      const { events, problems } = parseJournal(text);
      assert.deepEqual(events.map((e) => e.id), ['a', 'b']);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].line, 3);
      assert.match(problems[0].reason, /torn/);
    });

    it('keeps a complete last event that only lacks its newline', () => {
      const text = journalOf([start, note]) + serializeEvent(cmd);
      assert.deepEqual(parseJournal(text).events.map((e) => e.id), ['a', 'b', 'c']);
    });

    it('skips a corrupt middle line and keeps the lines around it', () => {
      const text = `${serializeEvent(start)}\n{"v":1,"kind":"note",garbage\n${serializeEvent(cmd)}\n`;
      const { events, problems } = parseJournal(text);
      assert.deepEqual(events.map((e) => e.id), ['a', 'c']);
      assert.deepEqual(problems, [{ line: 2, reason: 'not valid JSON' }]);
    });

    it('skips lines from a newer schema version', () => {
      const newer = { ...note, id: 'n', v: SCHEMA_VERSION + 1 };
      const { events, problems } = parseJournal(`${serializeEvent(start)}\n${JSON.stringify(newer)}\n`);
      assert.deepEqual(events.map((e) => e.id), ['a']);
      assert.equal(problems[0].line, 2);
      assert.match(problems[0].reason, /newer/);
    });

    it('skips valid JSON that is not an event, saying why', () => {
      const lines = [
        '[1,2,3]',
        '"just a string"',
        JSON.stringify({ v: 1, id: 'x', sessionId: 's1', time: 1 }),
        JSON.stringify({ v: 1, kind: 'note', sessionId: 's1', time: 1, text: 't' }),
        JSON.stringify({ v: 1, kind: 'note', id: 'y', sessionId: 's1', text: 't' }),
        JSON.stringify({ v: 1, kind: 'teleport', id: 'z', sessionId: 's1', time: 1 }),
        JSON.stringify({ v: 1, kind: 'commit', id: 'w', sessionId: 's1', time: 1, hash: 'h', subject: 's', added: 0, removed: 0 }),
        JSON.stringify({ kind: 'note', id: 'u', sessionId: 's1', time: 1, text: 't' }),
      ];
      const { events, problems } = parseJournal(lines.join('\n') + '\n');
      assert.deepEqual(events, []);
      assert.deepEqual(problems.map((p) => p.line), [1, 2, 3, 4, 5, 6, 7, 8]);
      assert.match(problems[2].reason, /kind/);
      assert.match(problems[3].reason, /"id"/);
      assert.match(problems[4].reason, /"time"/);
      assert.match(problems[5].reason, /unknown kind "teleport"/);
      assert.match(problems[6].reason, /"files"/);
      assert.match(problems[7].reason, /schema version/);
    });

    it('drops repeated ids (a retried write), keeping the first, and reports them', () => {
      const retried = { ...note, text: 'second copy' };
      const text = journalOf([start, note, retried as JournalEvent, cmd]);
      const { events, problems } = parseJournal(text);
      assert.deepEqual(events.map((e) => e.id), ['a', 'b', 'c']);
      assert.deepEqual(events[1], note);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].line, 3);
      assert.match(problems[0].reason, /duplicate id "b" \(first on line 2\)/);
    });

    it('ignores blank lines and CRLF endings, counting lines as the file does', () => {
      const text = `${serializeEvent(start)}\r\n\n   \n{bad}\r\n${serializeEvent(cmd)}\r\n`;
      const { events, problems } = parseJournal(text);
      assert.deepEqual(events.map((e) => e.id), ['a', 'c']);
      assert.deepEqual(problems.map((p) => p.line), [4]);
    });

    it('survives binary garbage, a 10 MB line and deep nesting', () => {
      const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('utf8');
      const huge = '{"v":1,"kind":"note","text":"' + 'x'.repeat(10 * 1024 * 1024);
      const deep = '['.repeat(200_000);
      for (const text of [binary, huge, deep, '\u0000\uFFFD\uD800', '\n\n\n']) {
        const result = parseJournal(text);
        assert.equal(result.events.length, 0);
      }
      assert.equal(parseJournal(huge).problems.length, 1);
    });

    it('reads 100k lines (and never hangs on them)', () => {
      const lines: string[] = [];
      for (let i = 0; i < 100_000; i++) lines.push(serializeEvent(stamp(commandDraft(1000 + i, i % 3), 's1', `id${i}`)));
      const text = lines.join('\n') + '\n';
      const { events, problems } = withinHangLimit('parseJournal of 100k lines', () => parseJournal(text));
      assert.equal(events.length, 100_000);
      assert.equal(problems.length, 0);
    });

    it('never throws, and keeps every intact line, on random and mutated journals', () => {
      const valid = journalOf([start, note, cmd]);
      fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseJournal(s);
        assert.ok(Array.isArray(r.events) && Array.isArray(r.problems));
      }), { numRuns: 300 });
      fc.assert(fc.property(
        fc.nat({ max: valid.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 20 }),
        (at, cut, insert) => {
          const mutated = valid.slice(0, at) + insert + valid.slice(Math.min(valid.length, at + cut));
          const r = parseJournal(mutated);
          for (const e of r.events) assert.equal(eventProblem(e), undefined);
          // Lines the mutation did not touch come through unchanged.
          const untouched = valid.slice(0, at).split('\n').slice(0, -1);
          for (const line of untouched) {
            assert.ok(r.events.some((e) => serializeEvent(e) === line), `lost intact line ${line}`);
          }
        },
      ), { numRuns: 300 });
    });
  });
});
