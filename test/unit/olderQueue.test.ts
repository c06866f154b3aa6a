import assert from 'node:assert/strict';
import type { JournalEvent } from '../../src/core/journal/events';
import { pageEvents } from '../../src/shared/eventPages';
import { OlderQueue, takeUpTo } from '../../src/webview/olderQueue';
import type { OlderChunk } from '../../src/webview/olderQueue';
import { TimelineModel } from '../../src/webview/timelineModel';

// The Timeline takes older pages in chunks under a time budget per frame (src/webview/olderQueue.ts):
// the chunks must give the model exactly what whole pages gave, and a frame must take no more than it is allowed.

const at = (s: number): number => Date.UTC(2026, 11, 5, 9, 0, 0) + s * 1000;
const note = (time: number, id: string, text = id): JournalEvent => ({ v: 1, id, sessionId: 's', time, kind: 'note', text });
/** Notes two to a second, so equal times fall on both sides of chunk and page boundaries. */
const session = (count: number): JournalEvent[] => Array.from({ length: count }, (_, i) => note(at(Math.floor(i / 2)), `n${i}`));

function queued(events: readonly JournalEvent[], window: number, page: number, chunk: number): { first: readonly JournalEvent[]; queue: OlderQueue; total: number } {
  const pages = pageEvents(events, window, page);
  const queue = new OlderQueue(chunk);
  let remaining = events.length - pages.first.length;
  for (const p of pages.older) queue.push({ events: p, remaining: (remaining -= p.length) });
  return { first: pages.first, queue, total: events.length };
}

function drain(queue: OlderQueue): OlderChunk[] {
  const chunks: OlderChunk[] = [];
  for (let c = queue.next(); c; c = queue.next()) chunks.push(c);
  return chunks;
}

const entries = (model: TimelineModel): string[] => model.all().map((e) => `${e.event.id}:${e.title}`);

describe('OlderQueue (older pages taken in chunks)', () => {
  it('hands out each page newest chunk first, each chunk in journal order and older than all before it, losing none', () => {
    const events = session(57);
    const { first, queue } = queued(events, 7, 20, 6);
    const chunks = drain(queue);
    assert.ok(chunks.every((c) => c.events.length <= 6 && c.events.length > 0));
    assert.deepEqual([...chunks].reverse().flatMap((c) => c.events).concat(first), events);
    for (let i = 1; i < chunks.length; i++) {
      assert.ok((chunks[i]!.events.at(-1) as JournalEvent).time <= (chunks[i - 1]!.events[0] as JournalEvent).time, `chunk ${i} is older`);
    }
    assert.equal(queue.empty, true);
    assert.equal(queue.next(), undefined);
  });

  it('counts what is still to come after each chunk: the events not yet taken, down to zero', () => {
    const { first, queue, total } = queued(session(57), 7, 20, 6);
    let held = first.length;
    for (const chunk of drain(queue)) {
      held += chunk.events.length;
      assert.equal(chunk.pending, total - held);
    }
    assert.equal(held, total);
  });

  it('gives the model the entries whole pages gave, in the same order at equal times', () => {
    const events = session(301);
    const whole = new TimelineModel();
    const pages = pageEvents(events, 40, 100);
    whole.load(pages.first);
    for (const p of pages.older) whole.addOlder(p);
    const chunked = new TimelineModel();
    const { first, queue } = queued(events, 40, 100, 33);
    chunked.load(first);
    chunked.takeChanges();
    for (const chunk of drain(queue)) {
      chunked.addOlder(chunk.events);
      assert.equal(chunked.takeChanges().full, false, 'each chunk joins at the oldest end, no rebuild');
    }
    assert.deepEqual(entries(chunked), entries(whole));
    assert.deepEqual(entries(chunked), entries(((m) => (m.load(events), m))(new TimelineModel())));
  });

  it('keeps a page\'s edits and deletions for its last chunk, so they find their targets anywhere in the page', () => {
    const events = session(60);
    const page: JournalEvent[] = [
      ...events.slice(0, 30),
      { v: 1, id: 'ed', sessionId: 's', time: at(40), kind: 'edit', targetId: 'n1', changes: { text: 'edited' } } as JournalEvent,
      { v: 1, id: 'del', sessionId: 's', time: at(40), kind: 'delete', targetId: 'n2' },
    ];
    const whole = new TimelineModel();
    whole.load(events.slice(30));
    whole.addOlder(page);
    const chunked = new TimelineModel();
    chunked.load(events.slice(30));
    const queue = new OlderQueue(7);
    queue.push({ events: page, remaining: 0 });
    const chunks = drain(queue);
    assert.deepEqual(chunks.at(-1)?.events.slice(-2).map((e) => e.id), ['ed', 'del']);
    for (const chunk of chunks) chunked.addOlder(chunk.events);
    assert.deepEqual(entries(chunked), entries(whole));
    assert.equal(chunked.get('n1')?.title, whole.get('n1')?.title);
    assert.equal(chunked.get('n2'), undefined);
  });

  it('drops what is queued on clear (a new init)', () => {
    const { queue } = queued(session(50), 5, 10, 4);
    queue.next();
    queue.clear();
    assert.equal(queue.empty, true);
    assert.equal(queue.next(), undefined);
  });
});

describe('takeUpTo (the older events one intake is allowed)', () => {
  function run(pages: number[], chunk: number, allowance: number): { taken: number; sizes: number[]; left: number } {
    const events = session(pages.reduce((a, b) => a + b, 0));
    const queue = new OlderQueue(chunk);
    let from = 0;
    for (const size of pages) {
      queue.push({ events: events.slice(from, from + size), remaining: 0 });
      from += size;
    }
    const sizes: number[] = [];
    const taken = takeUpTo(allowance, (max) => queue.next(max), (c) => sizes.push(c.events.length));
    return { taken, sizes, left: drain(queue).reduce((n, c) => n + c.events.length, 0) };
  }

  it('takes exactly the allowance when more wait, asking the queue for no more than is left of it', () => {
    assert.deepEqual(run([100], 30, 70), { taken: 70, sizes: [30, 30, 10], left: 30 });
    assert.deepEqual(run([20, 20, 20], 30, 50), { taken: 50, sizes: [20, 20, 10], left: 10 });
  });

  it('stops when nothing is left, and takes nothing from an empty queue', () => {
    assert.deepEqual(run([15], 30, 70), { taken: 15, sizes: [15], left: 0 });
    assert.deepEqual(run([], 30, 70), { taken: 0, sizes: [], left: 0 });
  });

  it('takes at least one event when allowed none, so the stream always moves', () => {
    assert.deepEqual(run([10], 30, 0), { taken: 1, sizes: [1], left: 9 });
  });
});

describe('OlderQueue.next(max)', () => {
  it('hands out the newest `max` events of the page, never more than a chunk, at least one', () => {
    const { queue } = queued(session(41), 1, 40, 10);
    assert.deepEqual(queue.next(3)?.events.map((e) => e.id), ['n37', 'n38', 'n39']);
    assert.equal(queue.next(25)?.events.length, 10);
    assert.deepEqual(queue.next(0)?.events.map((e) => e.id), ['n26']);
  });
});
