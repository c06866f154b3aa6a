import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { JournalEvent } from '../../src/core/journal/events';
import { eventProblem, parseJournal } from '../../src/core/journal/journalCodec';
import type { ParsedJournal } from '../../src/core/journal/journalCodec';
import { sessionFile } from '../../src/core/journal/journalStore';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import { validateRetrospective } from '../../src/core/validator/validate';
import type { ValidationResult } from '../../src/core/validator/types';
import { tempDir } from './journalFixtures';
import { GOOD_PATH } from './validatorFixture';

/**
 * The journal reader and the validator read files people and crashes produce: torn, flipped,
 * duplicated, padded with megabytes. Both must answer every input, quickly, without throwing.
 * Inputs are mutations of real files (a journal the SessionRecorder wrote, good.md).
 */

const CALL_LIMIT_MS = 500;
/**
 * Longest line the validator's mutations insert. The validator cuts lines over MAX_LINE_CHARS
 * (20,000) before parsing, so any longer line costs what 20,000 characters cost: 100,000 already
 * crosses the cut, and longer ones would only slow the run. The worst line found, 1 MB of `[`
 * (420-570 ms of CPU in the Markdown parser before the cut, tens of ms now), is measured below.
 */
const VALIDATOR_HUGE_LINE = 100_000;
/** Longest line the journal reader's mutations insert. */
const JOURNAL_HUGE_LINE = 1_000_000;
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

/**
 * Runs `fn` and asserts its CPU time (this process, user + system) stays under the limit. CPU
 * time, not wall time: the tests share two cores with other work, and a wall-clock bound would
 * measure the neighbours. The slowest wall time is reported too.
 */
function timed<T>(what: string, size: number, fn: () => T): T {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = fn();
  const wallMs = performance.now() - wall;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  slowest.cpuMs = Math.max(slowest.cpuMs, cpuMs);
  slowest.wallMs = Math.max(slowest.wallMs, wallMs);
  assert.ok(cpuMs < CALL_LIMIT_MS, `${what} took ${cpuMs.toFixed(0)} ms of CPU on ${size} chars`);
  return result;
}

const slowest = { cpuMs: 0, wallMs: 0 };

function cpuMsOf(fn: () => void): number {
  const cpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

function timedParse(text: string): ParsedJournal {
  return timed('parseJournal', text.length, () => parseJournal(text));
}

function timedValidate(markdown: string): ValidationResult {
  return timed('validateRetrospective', markdown.length, () => validateRetrospective(markdown));
}

/** What any parse must satisfy: events are valid and unique, each skipped line is counted once. */
function checkJournal(text: string, parsed: ParsedJournal): void {
  const ids = new Set<string>();
  for (const e of parsed.events) {
    assert.equal(eventProblem(e), undefined, 'every returned event is a valid event');
    assert.ok(!ids.has(e.id), `duplicate id ${e.id} returned`);
    ids.add(e.id);
  }
  const lines = text.split('\n').filter((l) => l.trim().length > 0).length;
  assert.ok(parsed.events.length + parsed.problems.length <= lines, 'no more results than non-blank lines');
  const lineCount = text.split('\n').length;
  for (const p of parsed.problems) assert.ok(p.line >= 1 && p.line <= lineCount && p.reason.length > 0, `problem line ${p.line}`);
}

function checkValidation(result: ValidationResult): void {
  assert.equal(typeof result.passed, 'boolean');
  assert.ok(Array.isArray(result.findings) && Array.isArray(result.rules));
  for (const f of result.findings) assert.ok(f.line >= 1 && f.message.length > 0);
}

/** A real journal: a session with every common kind of event, written to disk by the recorder. */
async function recordRealJournal(): Promise<{ text: string; events: JournalEvent[] }> {
  const { dir, cleanup } = tempDir();
  let now = T0;
  const recorder = new SessionRecorder({ storageDir: dir, clock: () => now });
  try {
    const start = recorder.start({ focus: 'fuzz «ünïcode» 😀', folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
    for (let i = 0; i < 20; i++) {
      now += 30_000;
      recorder.record({ kind: 'command', time: now, start: now - 1500, durationMs: 1500, commandLine: `npm test -- --grep "case ${i}"`, exitCode: i % 3 === 0 ? 1 : 0, confidence: 'high', terminal: 'bash', cwd: '.' });
      recorder.record({ kind: 'saves', time: now + 1, start: now - 5000, files: [{ path: `src/f${i}.ts`, languageId: 'typescript', count: 2 }], count: 2 });
      if (i % 4 === 0) {
        recorder.record({ kind: 'commit', time: now + 2, repo: '.', hash: i.toString(16).padStart(40, 'c'), subject: `Commit ${i}\u2028with a line separator`, authorTime: now, operation: 'commit', branch: 'main', files: [{ path: `src/f${i}.ts`, added: i, removed: 1 }], added: i, removed: 1 });
      }
    }
    recorder.record({ kind: 'friction', time: (now += 1000), title: 'Flaky test', detail: 'quotes " and \\ backslashes', category: 'flaky test' });
    recorder.record({ kind: 'note', time: (now += 1000), text: 'tab\there, NUL \u0000 and a control char \u001b[31m' });
    recorder.pause();
    recorder.resume();
    recorder.end({ sessionType: 'feature', focus: 'done' });
    await recorder.flush();
    const text = readFileSync(sessionFile(dir, start.sessionId), 'utf8');
    return { text, events: [...parseJournal(text).events] };
  } finally {
    recorder.dispose();
    cleanup();
  }
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; line: number; to: number }
  | { kind: 'huge-line'; line: number; size: number; char: string }
  | { kind: 'control'; at: number; char: string };

const HUGE_CHARS = fc.constantFrom('a', '{', '"', '[', ' ', '\\', '|', '#', '`');
const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ud800', '\n');

function mutationArb(maxHugeLine: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('huge-line' as const), line: fc.nat(), size: fc.integer({ min: 10_000, max: maxHugeLine }), char: HUGE_CHARS }),
    fc.record({ kind: fc.constant('control' as const), at: fc.nat(), char: CONTROL }),
  );
}

/** Applies mutations at the byte level (flips) and the line level, then decodes as the reader would. */
function mutate(original: string, ops: readonly Mutation[]): string {
  let bytes = Buffer.from(original, 'utf8');
  for (const op of ops) {
    switch (op.kind) {
      case 'flip': {
        if (bytes.length === 0) break;
        const copy = Buffer.from(bytes);
        const at = op.at % copy.length;
        copy[at] = (copy[at] ?? 0) ^ (1 << op.bit);
        bytes = copy;
        break;
      }
      case 'truncate':
        bytes = bytes.subarray(0, op.at % (bytes.length + 1));
        break;
      case 'duplicate-line': {
        const lines = bytes.toString('utf8').split('\n');
        const line = lines[op.line % lines.length] ?? '';
        lines.splice(op.to % (lines.length + 1), 0, line);
        bytes = Buffer.from(lines.join('\n'), 'utf8');
        break;
      }
      case 'huge-line': {
        const lines = bytes.toString('utf8').split('\n');
        lines.splice(op.line % (lines.length + 1), 0, op.char.repeat(op.size));
        bytes = Buffer.from(lines.join('\n'), 'utf8');
        break;
      }
      case 'control': {
        const text = bytes.toString('utf8');
        const at = op.at % (text.length + 1);
        bytes = Buffer.from(text.slice(0, at) + op.char + text.slice(at), 'utf8');
        break;
      }
    }
  }
  return bytes.toString('utf8');
}

describe('fuzzing the journal reader and the validator', function () {
  this.timeout(20_000);
  let journal: { text: string; events: JournalEvent[] };
  let good: string;
  const counts = { journal: 0, validator: 0 };

  before(async () => {
    journal = await recordRealJournal();
    good = readFileSync(GOOD_PATH, 'utf8');
    assert.ok(journal.events.length > 50, 'the real journal has events to mutate');
    assert.equal(parseJournal(journal.text).problems.length, 0, 'the unmutated journal reads cleanly');
  });

  after(() => {
    console.log(`      fuzzed inputs: ${counts.journal} journals, ${counts.validator} retrospectives; none threw, each under ${CALL_LIMIT_MS} ms of CPU (slowest: ${slowest.cpuMs.toFixed(0)} ms CPU, ${slowest.wallMs.toFixed(0)} ms wall)`);
  });

  it('parseJournal answers random text of any kind', () => {
    fc.assert(fc.property(fc.oneof(
      fc.string({ unit: 'binary', maxLength: 3000 }),
      fc.array(fc.json(), { maxLength: 30 }).map((lines) => lines.join('\n')),
      fc.array(fc.jsonValue(), { maxLength: 20 }).map((values) => values.map((v) => JSON.stringify(v)).join('\n')),
    ), (text) => {
      counts.journal++;
      checkJournal(text, timedParse(text));
    }), { numRuns: 250 });
  });

  it('parseJournal answers mutated real journals: flips, truncations, duplicated lines, huge lines, control chars', () => {
    fc.assert(fc.property(fc.array(mutationArb(JOURNAL_HUGE_LINE), { minLength: 1, maxLength: 3 }), (ops) => {
      counts.journal++;
      const text = mutate(journal.text, ops);
      checkJournal(text, timedParse(text));
    }), { numRuns: 300 });
  });

  it('a truncated journal gives back exactly the events whose lines were complete, with at most a torn last line', () => {
    const ends: number[] = [];
    let at = journal.text.indexOf('\n');
    while (at !== -1) {
      ends.push(at);
      at = journal.text.indexOf('\n', at + 1);
    }
    fc.assert(fc.property(fc.nat({ max: journal.text.length }), (cut) => {
      counts.journal++;
      const parsed = timedParse(journal.text.slice(0, cut));
      // A line is kept when all of its JSON made it (the newline itself may be cut off).
      const complete = ends.filter((end) => end <= cut).length;
      assert.deepEqual(parsed.events, journal.events.slice(0, complete));
      assert.ok(parsed.problems.length <= 1, `problems: ${JSON.stringify(parsed.problems)}`);
      for (const p of parsed.problems) assert.match(p.reason, /torn last line/);
    }), { numRuns: 400 });
  });

  it('duplicated lines (a retried write) never duplicate events', () => {
    const lines = journal.text.split('\n').filter((l) => l.length > 0);
    fc.assert(fc.property(fc.array(fc.nat({ max: lines.length - 1 }), { minLength: 1, maxLength: 20 }), (picks) => {
      counts.journal++;
      const text = [...lines, ...picks.map((i) => lines[i])].join('\n') + '\n';
      const parsed = timedParse(text);
      assert.deepEqual(parsed.events, journal.events);
      assert.equal(parsed.problems.length, picks.length);
      for (const p of parsed.problems) assert.match(p.reason, /duplicate id/);
    }), { numRuns: 300 });
  });

  it('validateRetrospective answers mutated good.md: flips, truncations, duplicated lines, huge lines, control chars', () => {
    fc.assert(fc.property(fc.array(mutationArb(VALIDATOR_HUGE_LINE), { minLength: 1, maxLength: 4 }), (ops) => {
      counts.validator++;
      checkValidation(timedValidate(mutate(good, ops)));
    }), { numRuns: 200 });
  });

  it('validateRetrospective stays linear on the worst huge line found (1 MB of "[")', () => {
    const small = '['.repeat(100_000) + '\n' + good;
    const big = '['.repeat(1_000_000) + '\n' + good;
    validateRetrospective(small);
    const smallMs = cpuMsOf(() => checkValidation(validateRetrospective(small)));
    const bigMs = cpuMsOf(() => checkValidation(validateRetrospective(big)));
    console.log(`      1 MB line of "[": ${bigMs.toFixed(0)} ms of CPU (100 KB: ${smallMs.toFixed(0)} ms)`);
    // Ten times the input: a quadratic parser would take ~100 times as long. With lines cut at
    // MAX_LINE_CHARS both cost about the same; the test guards linearity should the cut go.
    assert.ok(bigMs < 5000, `1 MB of "[" took ${bigMs.toFixed(0)} ms of CPU`);
    assert.ok(bigMs < Math.max(smallMs, 20) * 30, `not linear: ${smallMs.toFixed(0)} ms → ${bigMs.toFixed(0)} ms`);
  });

  it('validateRetrospective answers random text, and a journal passed to it by mistake', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 3000 }), fc.constant(journal.text)), (text) => {
      counts.validator++;
      checkValidation(timedValidate(text));
    }), { numRuns: 200 });
  });
});
