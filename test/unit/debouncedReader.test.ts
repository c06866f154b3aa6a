import assert from 'node:assert/strict';
import { DebouncedReader } from '../../src/core/git/debouncedReader';

const DEBOUNCE_MS = 20;

function failOnError(err: unknown): void {
  assert.fail(`unexpected read error: ${String(err)}`);
}

/**
 * Resolves after every timer set before it with the same or a shorter delay has fired (Node runs
 * timers in order of expiry, ties in order of creation), so no test depends on the machine's speed.
 */
function afterDebounce(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
}

/** A read the test finishes by hand, counting how often it started. */
class ManualRead {
  started = 0;
  private release: (() => void) | undefined;
  private onStart: (() => void) | undefined;

  readonly read = (): Promise<void> => {
    this.started++;
    this.onStart?.();
    return new Promise((resolve) => { this.release = resolve; });
  };

  /** Resolves when the next read starts. */
  nextStart(): Promise<void> {
    return new Promise((resolve) => { this.onStart = resolve; });
  }

  finish(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
}

describe('DebouncedReader', () => {
  let reader: DebouncedReader | undefined;
  afterEach(() => reader?.dispose());

  it('turns a burst of changes into one read', async () => {
    let reads = 0;
    reader = new DebouncedReader(async () => { reads++; }, failOnError, DEBOUNCE_MS);
    for (let i = 0; i < 10; i++) reader.schedule();
    await reader.idle();
    // Any timer the burst left behind would have fired by now.
    await afterDebounce();
    assert.equal(reads, 1);
  });

  it('reads exactly once more after a read during which changes came', async () => {
    const manual = new ManualRead();
    reader = new DebouncedReader(manual.read, failOnError, DEBOUNCE_MS);
    const started = manual.nextStart();
    reader.schedule();
    await started;
    // Two changes while the read runs, each past its debounce.
    reader.schedule();
    await afterDebounce();
    reader.schedule();
    await afterDebounce();
    assert.equal(manual.started, 1, 'a second read must not start while the first runs');
    const again = manual.nextStart();
    manual.finish();
    await again;
    manual.finish();
    await reader.idle();
    assert.equal(manual.started, 2);
  });

  it('resolves idle() at once when nothing is pending, and after the follow-up read when one is', async () => {
    const manual = new ManualRead();
    reader = new DebouncedReader(manual.read, failOnError, DEBOUNCE_MS);
    await reader.idle();
    const started = manual.nextStart();
    reader.schedule();
    let idle = false;
    const waiting = reader.idle().then(() => { idle = true; });
    await started;
    reader.schedule();
    await afterDebounce();
    const again = manual.nextStart();
    manual.finish();
    await again;
    assert.equal(idle, false, 'idle() resolved with a read still to do');
    manual.finish();
    await waiting;
    assert.equal(manual.started, 2);
  });

  it('reports a failed read and keeps reading', async () => {
    const errors: unknown[] = [];
    let reads = 0;
    reader = new DebouncedReader(async () => {
      reads++;
      if (reads === 1) throw new Error('git was busy');
    }, (err) => errors.push(err), DEBOUNCE_MS);
    reader.schedule();
    await reader.idle();
    reader.schedule();
    await reader.idle();
    assert.equal(reads, 2);
    assert.deepEqual(errors.map((e) => (e as Error).message), ['git was busy']);
  });

  it('reads nothing more once disposed, and releases idle() callers', async () => {
    let reads = 0;
    reader = new DebouncedReader(async () => { reads++; }, failOnError, DEBOUNCE_MS);
    reader.schedule();
    const waiting = reader.idle();
    reader.dispose();
    await waiting;
    reader.schedule();
    await afterDebounce();
    await afterDebounce();
    assert.equal(reads, 0);
  });
});
