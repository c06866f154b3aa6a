import assert from 'node:assert/strict';
import type { EventDraft, FileOpEvent, SaveBurstEvent } from '../../src/core/journal/events';
import type { Scheduler } from '../../src/core/capture/burstCoalescer';
import { SaveCoalescer } from '../../src/core/capture/saveCoalescer';
import { FileOpCoalescer } from '../../src/core/capture/fileOpCoalescer';
import { withinHangLimit } from './hangGuard';

/** A fake clock: timers fire only when the test advances time. */
class FakeClock {
  now = 0;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  scheduled = 0;

  readonly schedule: Scheduler = (ms, fn) => {
    const t = { at: this.now + ms, fn, live: true };
    this.timers.push(t);
    this.scheduled++;
    return { cancel: () => { t.live = false; } };
  };

  advanceTo(time: number): void {
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= time).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.now = due.at;
      due.live = false;
      due.fn();
    }
    this.timers = this.timers.filter((t) => t.live);
    this.now = time;
  }

  get liveTimers(): number {
    return this.timers.filter((t) => t.live).length;
  }
}

function saves(opts: { quietMs?: number; maxBurstMs?: number; maxFiles?: number } = {}) {
  const clock = new FakeClock();
  const emitted: EventDraft<SaveBurstEvent>[] = [];
  const coalescer = new SaveCoalescer({ ...opts, emit: (d) => emitted.push(d), schedule: clock.schedule });
  const save = (path: string, time: number, languageId = 'typescript') => {
    clock.advanceTo(time);
    coalescer.add({ path, languageId, time });
  };
  return { clock, emitted, coalescer, save };
}

describe('SaveCoalescer', () => {
  it('turns 500 saves within one second into one event with count 500', () => {
    const { clock, emitted, save } = saves();
    for (let i = 0; i < 500; i++) save(`src/file${i}.ts`, 1000 + i * 2);
    assert.equal(emitted.length, 0, 'nothing before the quiet period');
    clock.advanceTo(1000 + 998 + 1500);
    assert.equal(emitted.length, 1);
    const e = emitted[0];
    assert.equal(e.kind, 'saves');
    assert.equal(e.count, 500);
    assert.equal(e.start, 1000);
    assert.equal(e.time, 1998);
    assert.equal(e.files.length, 200, 'default maxFiles');
    assert.equal(e.filesTruncated, 300);
    assert.equal(clock.liveTimers, 0);
  });

  it('counts repeated saves of one file within a burst', () => {
    const { clock, emitted, save } = saves();
    save('a.ts', 0);
    save('b.md', 100, 'markdown');
    save('a.ts', 200);
    save('a.ts', 300);
    clock.advanceTo(10_000);
    assert.deepEqual(emitted, [{
      kind: 'saves', time: 300, start: 0, count: 4,
      files: [{ path: 'a.ts', languageId: 'typescript', count: 3 }, { path: 'b.md', languageId: 'markdown', count: 1 }],
    }]);
  });

  it('emits two bursts separated by a quiet period', () => {
    const { clock, emitted, save } = saves({ quietMs: 1000 });
    save('a.ts', 0);
    save('a.ts', 500);
    save('b.ts', 5000);
    clock.advanceTo(20_000);
    assert.equal(emitted.length, 2);
    assert.deepEqual(emitted.map((e) => [e.start, e.time, e.count]), [[0, 500, 2], [5000, 5000, 1]]);
    assert.equal(emitted[1].files[0].path, 'b.ts');
  });

  it('resets the quiet timer on each save', () => {
    const { clock, emitted, save } = saves({ quietMs: 1000, maxBurstMs: 60_000 });
    for (let t = 0; t <= 9000; t += 900) save('a.ts', t);
    assert.equal(emitted.length, 0);
    clock.advanceTo(9000 + 1000);
    assert.equal(emitted.length, 1);
    assert.equal(emitted[0].count, 11);
  });

  it('splits a burst that lasts longer than maxBurstMs', () => {
    const { clock, emitted, save } = saves({ quietMs: 1000, maxBurstMs: 3000 });
    for (let t = 0; t < 7000; t += 500) save('a.ts', t);
    clock.advanceTo(100_000);
    assert.deepEqual(emitted.map((e) => [e.start, e.time, e.count]), [[0, 2500, 6], [3000, 5500, 6], [6000, 6500, 2]]);
    assert.equal(emitted.reduce((n, e) => n + e.count, 0), 14, 'no save lost');
  });

  it('truncates the file list at maxFiles but keeps counting saves of listed files', () => {
    const { emitted, coalescer, save } = saves({ maxFiles: 2 });
    save('a', 0);
    save('b', 1);
    save('c', 2);
    save('d', 3);
    save('c', 4);
    save('a', 5);
    coalescer.flush();
    assert.equal(emitted.length, 1);
    assert.deepEqual(emitted[0].files.map((f) => [f.path, f.count]), [['a', 2], ['b', 1]]);
    assert.equal(emitted[0].filesTruncated, 2, 'c and d, each once');
    assert.equal(emitted[0].count, 6);
  });

  it('flush emits the pending burst at once and cancels its timer', () => {
    const { clock, emitted, coalescer, save } = saves();
    save('a.ts', 10);
    coalescer.flush();
    assert.equal(emitted.length, 1);
    assert.equal(clock.liveTimers, 0);
    coalescer.flush();
    clock.advanceTo(100_000);
    assert.equal(emitted.length, 1, 'nothing emitted twice');
    assert.equal(emitted[0].filesTruncated, undefined);
  });

  it('starts a fresh burst after flush', () => {
    const { emitted, coalescer, save } = saves();
    save('a.ts', 0);
    coalescer.flush();
    save('b.ts', 100);
    coalescer.flush();
    assert.deepEqual(emitted.map((e) => e.files.map((f) => f.path)), [['a.ts'], ['b.ts']]);
  });

  it('spans out-of-order saves', () => {
    const { emitted, coalescer } = saves();
    coalescer.add({ path: 'a', time: 500 });
    coalescer.add({ path: 'b', time: 400 });
    coalescer.flush();
    assert.equal(emitted[0].start, 400);
    assert.equal(emitted[0].time, 500);
    assert.deepEqual(emitted[0].files[1], { path: 'b', count: 1 });
  });

  it('coalesces 10,000 saves into one burst', () => {
    const { clock, emitted, coalescer } = saves();
    withinHangLimit('10,000 saves', () => {
      for (let i = 0; i < 10_000; i++) coalescer.add({ path: `f${i % 3000}.ts`, time: i / 10 });
      coalescer.flush();
    });
    assert.equal(emitted.length, 1);
    assert.equal(emitted[0].count, 10_000);
    assert.equal(emitted[0].filesTruncated, 2800);
    assert.equal(clock.liveTimers, 0);
  });
});

describe('FileOpCoalescer', () => {
  function ops(maxFiles?: number) {
    const clock = new FakeClock();
    const emitted: EventDraft<FileOpEvent>[] = [];
    const coalescer = new FileOpCoalescer({ quietMs: 1000, maxFiles, emit: (d) => emitted.push(d), schedule: clock.schedule });
    return { clock, emitted, coalescer };
  }

  it('coalesces creations and deletions separately, deduplicating paths', () => {
    const { clock, emitted, coalescer } = ops();
    coalescer.add({ op: 'create', paths: ['a.ts', 'b.ts'], time: 0 });
    coalescer.add({ op: 'delete', paths: ['old.ts'], time: 10 });
    coalescer.add({ op: 'create', paths: ['b.ts', 'c.ts'], time: 20 });
    clock.advanceTo(5000);
    assert.deepEqual(emitted, [
      { kind: 'file-op', op: 'create', time: 20, paths: ['a.ts', 'b.ts', 'c.ts'] },
      { kind: 'file-op', op: 'delete', time: 10, paths: ['old.ts'] },
    ].sort((a, b) => a.time - b.time));
  });

  it('keeps rename pairs and lists the new paths', () => {
    const { emitted, coalescer } = ops();
    coalescer.add({ op: 'rename', renames: [{ from: 'a.ts', to: 'b.ts' }], time: 5 });
    coalescer.add({ op: 'rename', renames: [{ from: 'x/c.ts', to: 'y/c.ts' }], time: 6 });
    coalescer.flush();
    assert.deepEqual(emitted, [{
      kind: 'file-op', op: 'rename', time: 6, paths: ['b.ts', 'y/c.ts'],
      renames: [{ from: 'a.ts', to: 'b.ts' }, { from: 'x/c.ts', to: 'y/c.ts' }],
    }]);
  });

  it('truncates bulk operations and counts what was left out', () => {
    const { emitted, coalescer } = ops(100);
    coalescer.add({ op: 'delete', paths: Array.from({ length: 10_000 }, (_, i) => `gen/${i}.js`), time: 0 });
    coalescer.flush();
    assert.equal(emitted.length, 1);
    assert.equal(emitted[0].paths.length, 100);
    assert.equal(emitted[0].pathsTruncated, 9_900);
  });

  it('flushes pending operations oldest first and ignores empty events', () => {
    const { emitted, coalescer } = ops();
    coalescer.add({ op: 'delete', paths: [], time: 0 });
    coalescer.add({ op: 'rename', renames: [{ from: 'a', to: 'b' }], time: 30 });
    coalescer.add({ op: 'create', paths: ['n'], time: 10 });
    coalescer.flush();
    assert.deepEqual(emitted.map((e) => e.op), ['create', 'rename']);
  });
});
