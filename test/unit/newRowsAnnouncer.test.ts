import * as assert from 'node:assert/strict';
import './englishWebviewStrings';
import type { JournalEvent } from '../../src/core/journal/events';
import { NewRowsAnnouncer } from '../../src/webview/newRowsAnnouncer';

/** A clock that only moves when the test says, with the timers it has been asked to run. */
class FakeTimers {
  time = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  now(): number { return this.time; }
  setTimeout(run: () => void, ms: number): number { const id = this.next++; this.due.set(id, { at: this.time + ms, run }); return id; }
  clearTimeout(id: number): void { this.due.delete(id); }
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const [id, t] = [...this.due].filter(([, d]) => d.at <= until).sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !t) break;
      this.due.delete(id);
      this.time = t.at;
      t.run();
    }
    this.time = until;
  }
}

const base = { v: 1, sessionId: 's' };
const save = (i: number): JournalEvent => ({ ...base, id: `s${i}`, time: i, kind: 'saves', start: i, files: [{ path: `f${i}.ts`, count: 1 }], count: 1 });
const failed: JournalEvent = { ...base, id: 'c', time: 1, kind: 'command', commandLine: 'npm test', confidence: 'high', exitCode: 1, start: 0, durationMs: 2500, terminal: 'bash' };

describe('NewRowsAnnouncer (the Timeline live region)', () => {
  it('says a burst of 500 saves, arriving in 50 messages, once', () => {
    const timers = new FakeTimers();
    const said: string[] = [];
    const announcer = new NewRowsAnnouncer((t) => said.push(t), timers);
    for (let m = 0; m < 50; m++) {
      announcer.add(Array.from({ length: 10 }, (_, i) => save(m * 10 + i)));
      timers.advance(40); // the host batches about every 100 ms; a storm is faster than the quiet time
    }
    timers.advance(NewRowsAnnouncer.QUIET_MS);
    assert.deepEqual(said, ['500 new entries']);
  });

  it('says one row by its title, after a quiet second, and counts what needs attention', () => {
    const timers = new FakeTimers();
    const said: string[] = [];
    const announcer = new NewRowsAnnouncer((t) => said.push(t), timers);
    announcer.add([failed]);
    timers.advance(NewRowsAnnouncer.QUIET_MS - 1);
    assert.deepEqual(said, [], 'waits for the stream to be quiet');
    timers.advance(1);
    assert.deepEqual(said, ['New: `npm test` failed (exit 1) in 2.5 s']);
    announcer.add([save(1), failed, save(2)]);
    timers.advance(NewRowsAnnouncer.QUIET_MS);
    assert.deepEqual(said.slice(1), ['3 new entries, 1 needs attention']);
  });

  it('still speaks during a stream that never pauses, at most every few seconds', () => {
    const timers = new FakeTimers();
    const said: string[] = [];
    const announcer = new NewRowsAnnouncer((t) => said.push(t), timers);
    for (let i = 0; i < 120; i++) { announcer.add([save(i)]); timers.advance(100); }
    // 12 s of one save every 100 ms: one announcement per 5 s of waiting, never one per save.
    assert.ok(said.length >= 2 && said.length <= 3, JSON.stringify(said));
  });

  it('does not announce edits and deletes, nor what was pending when the session was replaced', () => {
    const timers = new FakeTimers();
    const said: string[] = [];
    const announcer = new NewRowsAnnouncer((t) => said.push(t), timers);
    announcer.add([{ ...base, id: 'e', time: 1, kind: 'edit', targetId: 'x' }]);
    announcer.add([save(1)]);
    announcer.clear();
    timers.advance(10_000);
    assert.deepEqual(said, []);
  });
});
