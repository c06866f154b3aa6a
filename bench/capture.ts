/**
 * The host's capture path: what each captured event costs (redaction plus
 * `SessionRecorder.record` over a real journal writer), how fast a stream reaches the disk
 * compared with plain batched appends, and how much heap a long session holds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventDraft } from '../src/core/journal/events';
import { nodeJournalFs } from '../src/core/journal/journalFs';
import type { JournalFs } from '../src/core/journal/journalFs';
import { serializeEvent } from '../src/core/journal/journalCodec';
import { JournalWriter } from '../src/core/journal/journalWriter';
import { compileRedactOptions, redactEvent } from '../src/core/redaction/redact';
import { SessionRecorder } from '../src/core/journal/sessionRecorder';
import { CapturePipeline } from '../src/core/capture/capturePipeline';
import type { CaptureRules } from '../src/core/capture/capturePipeline';
import type { SourceEvent } from '../src/core/capture/sourceEvents';
import { isExcludedCommand, isExcludedPath } from '../src/core/redaction/redact';
import { deepStrictEqual } from 'node:assert';
import type { JournalEvent } from '../src/core/journal/events';
import { figure } from './figure';
import type { Figure } from './figure';
import { realisticDraft, syntheticSession } from './drafts';
import { serializeEventFast } from './handSerializer';
import { msSince, summarize } from './stats';

const EVENTS = 100_000;
// Events between flushes: about what 200 ms of a very busy host would queue.
const CHUNK = 1000;
// The extension's defaults (package.json `sessionJournal.redaction.*`).
const { options: REDACT_OPTIONS } = compileRedactOptions({ extraPatterns: [], excludeCommands: [], excludePaths: ['**/.env', '**/.env.*'] });
const RULES: CaptureRules = {
  capture: { commits: true, commands: true, saves: true, tasks: true, agents: true },
  isExcludedCommand: (c) => isExcludedCommand(c, REDACT_OPTIONS),
  isExcludedPath: (p) => isExcludedPath(p, REDACT_OPTIONS),
  redact: (draft) => redactEvent(draft, REDACT_OPTIONS),
  idleMs: 15 * 60_000,
};

function tempStorage(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sj-bench-'));
}

export function drafts(count: number, base = Date.now()): EventDraft[] {
  const out: EventDraft[] = [];
  for (let i = 0; i < count; i++) out.push(realisticDraft(i, base + i));
  return out;
}

/** The product's capture path: the pipeline (gating, the one redaction pass, shortening) in front of the recorder. */
function newRecorder(storageDir: string, writer?: JournalWriter): SessionRecorder & { pipeline: CapturePipeline } {
  const recorder = new SessionRecorder({ storageDir, redact: RULES.redact, ...(writer ? { writer } : {}) });
  recorder.start({ folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
  const pipeline = new CapturePipeline({ recorder, rules: RULES, folders: () => [{ name: 'app', path: '/work/app' }], schedule: () => ({ cancel: () => undefined }) });
  return Object.assign(recorder, { pipeline });
}

/** What the product hands the pipeline for a draft: commands and commits as their adapters translate them; a save burst as its coalescer emits it. */
function feed(pipeline: CapturePipeline, draft: EventDraft): void {
  if (draft.kind === 'command') {
    const seen: SourceEvent = { kind: 'command', commandLine: draft.commandLine, start: draft.start, end: draft.time, confidence: draft.confidence, exitCode: draft.exitCode, terminal: draft.terminal };
    pipeline.capture(seen);
  } else if (draft.kind === 'commit') {
    pipeline.capture(draft);
  } else {
    pipeline.enter(draft);
  }
}

/** Per-event cost in µs of the capture pipeline (gate, redact once, shorten) + record, for `count` events; flushes between chunks off the clock. */
async function captureRun(list: readonly EventDraft[]): Promise<Float64Array> {
  const dir = tempStorage();
  const recorder = newRecorder(dir);
  const samples = new Float64Array(list.length);
  try {
    for (let i = 0; i < list.length; i++) {
      const t0 = process.hrtime.bigint();
      feed(recorder.pipeline, list[i]);
      samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
      if (i % CHUNK === CHUNK - 1) await recorder.flush();
    }
    await recorder.flush();
  } finally {
    recorder.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return samples;
}

/** Capture cost: 5 runs of 100k events after a warm-up run; median and p99 per run. */
export async function measureCapture(): Promise<Figure[]> {
  const list = drafts(EVENTS);
  await captureRun(list.slice(0, 20_000));
  const medians: number[] = [];
  const p99s: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < 5; run++) {
    const s = summarize(await captureRun(list));
    medians.push(s.median);
    p99s.push(s.p99);
    all.push(s.max);
  }
  return [
    figure('capture.median', 'Capture cost per event, median', 'µs', summarize(medians), { note: `CapturePipeline (gate, one redaction pass) + SessionRecorder.record over a real JournalWriter; 5 runs × ${EVENTS / 1000}k events` }),
    figure('capture.p99', 'Capture cost per event, p99', 'µs', summarize(p99s), { target: { op: '<', value: 100 }, note: `worst single event seen: ${Math.max(...all).toFixed(0)} µs (GC pauses land on single events)` }),
  ];
}

/** A JournalFs that writes for real and remembers every payload, so the raw baselines write the same bytes in the same batches. */
function recordingFs(payloads: Uint8Array[]): JournalFs {
  return {
    ...nodeJournalFs,
    appendFile: (file, data) => { payloads.push(data); return nodeJournalFs.appendFile(file, data); },
  };
}

/** CPU ms (user + system, this process) since `start` from `process.cpuUsage()`. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Wall and CPU ms to append `payloads` to a new file in `dir`, one `fs.promises.appendFile` each, as the writer does. */
async function appendAll(dir: string, name: string, payloads: readonly (string | Uint8Array)[]): Promise<{ ms: number; cpuMs: number }> {
  const file = path.join(dir, name);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (const data of payloads) await fs.promises.appendFile(file, data);
  return { ms: msSince(t0), cpuMs: cpuMsSince(c0) };
}

interface IngestRun {
  readonly pipelineMs: number;
  /** The batches as text in hand (one flat string each): UTF-8 encoding plus the appends. */
  readonly rawTextMs: number;
  /** The batches as bytes in hand (the very buffers the writer appended): the appends alone. */
  readonly rawBytesMs: number;
  readonly serializeMs: number;
  /** CPU time of the pipeline and of the text floor: what a loaded machine's neighbours do not add to. */
  readonly pipelineCpuMs: number;
  readonly rawTextCpuMs: number;
  /** CPU time of the JSON.stringify floor (the same events serialised). */
  readonly serializeCpuMs: number;
  readonly bytes: number;
}

/** The timed part of an ingest run alone (pipeline, recorder, writer, disk), for a CPU profile of it (bench/ingestProfile.ts). */
export async function ingestOnly(list: readonly EventDraft[]): Promise<number> {
  const dir = tempStorage();
  const recorder = newRecorder(dir, new JournalWriter({ fs: nodeJournalFs }));
  try {
    for (let i = 0; i < list.length; i++) {
      feed(recorder.pipeline, list[i]);
      if (i % CHUNK === CHUNK - 1) await recorder.flush();
    }
    await recorder.flush();
    return recorder.events().length;
  } finally {
    recorder.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function ingestRun(list: readonly EventDraft[]): Promise<IngestRun> {
  const dir = tempStorage();
  const payloads: Uint8Array[] = [];
  const writer = new JournalWriter({ fs: recordingFs(payloads) });
  const recorder = newRecorder(dir, writer);
  await recorder.flush();
  payloads.length = 0;
  try {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (let i = 0; i < list.length; i++) {
      feed(recorder.pipeline, list[i]);
      if (i % CHUNK === CHUNK - 1) await recorder.flush();
    }
    await recorder.flush();
    const pipelineMs = msSince(t0);
    const pipelineCpuMs = cpuMsSince(c0);
    // The floor of any JSONL writer: one JSON.stringify per event, the same events.
    const t2 = process.hrtime.bigint();
    const c2 = process.cpuUsage();
    for (const e of recorder.events()) serializeEvent(e);
    const serializeMs = msSince(t2);
    const serializeCpuMs = cpuMsSince(c2);
    recorder.dispose();

    // Decoding gives flat strings, as text already in hand would be.
    const texts = payloads.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('utf8'));
    const rawText = await appendAll(dir, 'raw-text.jsonl', texts);
    const rawBytes = await appendAll(dir, 'raw-bytes.jsonl', payloads);
    return {
      pipelineMs, rawTextMs: rawText.ms, rawBytesMs: rawBytes.ms, serializeMs, pipelineCpuMs, rawTextCpuMs: rawText.cpuMs, serializeCpuMs,
      bytes: payloads.reduce((s, p) => s + p.byteLength, 0),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Serialises `events` in batches as the writer does (each line and a newline encoded into one buffer per batch); returns ms. */
function batchedMs(events: readonly JournalEvent[], serialize: (e: JournalEvent) => string): number {
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < events.length; i += CHUNK) {
    const lines: string[] = [];
    let size = 0;
    for (let k = i; k < Math.min(events.length, i + CHUNK); k++) {
      const line = serialize(events[k]);
      lines.push(line);
      size += Buffer.byteLength(line, 'utf8') + 1;
    }
    const data = Buffer.allocUnsafe(size);
    let at = 0;
    for (const line of lines) {
      at += data.write(line, at, 'utf8');
      data[at++] = 0x0a;
    }
    bytes += at;
  }
  const ms = msSince(t0);
  if (bytes === 0) throw new Error('nothing serialised');
  return ms;
}

/**
 * bench/handSerializer.ts against the codec's JSON.stringify on 100k recorded events, interleaved
 * run by run; first checks that both write the same events (parsed back, key order aside).
 */
function measureHandSerializer(): Figure {
  const events = syntheticSession(EVENTS);
  for (const e of events) deepStrictEqual(JSON.parse(serializeEventFast(e)), JSON.parse(serializeEvent(e)));
  const ratios: number[] = [];
  const json: number[] = [];
  for (let run = 0; run < 12; run++) {
    const j = batchedMs(events, serializeEvent);
    const h = batchedMs(events, serializeEventFast);
    if (run < 2) continue;
    ratios.push(h / j);
    json.push(j);
  }
  return figure('serialize.handVsJson', 'Hand-ordered serialiser / JSON.stringify', '×', summarize(ratios), {
    note: `per-run ratios over ${EVENTS / 1000}k events serialised in batches of ${CHUNK} and UTF-8 encoded as the writer does (JSON.stringify: ${(summarize(json).median * 1000 / EVENTS).toFixed(2)} µs an event); above 1 the hand serialiser is slower, which is why the codec keeps JSON.stringify (bench/handSerializer.ts)`,
  });
}

/** Journal ingest: events/s through recorder + writer until on disk, and the ratios to raw batched appends of the same bytes. */
export async function measureIngest(): Promise<Figure[]> {
  const list = drafts(EVENTS);
  await ingestRun(list.slice(0, 20_000));
  const rates: number[] = [];
  const ratios: number[] = [];
  const bytesRatios: number[] = [];
  const rawRates: number[] = [];
  const floorRatios: number[] = [];
  const cpuPerEvent: number[] = [];
  const cpuRatios: number[] = [];
  const floorCpuRatios: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 5; run++) {
    const r = await ingestRun(list);
    rates.push(list.length / (r.pipelineMs / 1000));
    rawRates.push(list.length / (r.rawTextMs / 1000));
    ratios.push(r.rawTextMs / r.pipelineMs);
    bytesRatios.push(r.rawBytesMs / r.pipelineMs);
    floorRatios.push((r.rawTextMs + r.serializeMs) / r.pipelineMs);
    cpuPerEvent.push((r.pipelineCpuMs * 1000) / list.length);
    cpuRatios.push(r.rawTextCpuMs / r.pipelineCpuMs);
    floorCpuRatios.push((r.rawTextCpuMs + r.serializeCpuMs) / r.pipelineCpuMs);
    bytes = r.bytes;
  }
  return [
    figure('ingest.rate', 'Journal ingest (100k events to disk)', 'events/s', summarize(rates), { note: `${(bytes / 1e6).toFixed(1)} MB in batches of ${CHUNK}` }),
    figure('ingest.raw', 'Raw batched fs.appendFile, same text and batches', 'events/s', summarize(rawRates), { note: 'each batch as one flat string in hand: UTF-8 encoding and the appends' }),
    figure('ingest.ratio', 'Ingest / raw append ratio', '×', summarize(ratios), { target: { op: '>=', value: 0.5 } }),
    figure('ingest.bytesRatio', 'Ingest / raw append of the same bytes (buffers in hand)', '×', summarize(bytesRatios), { note: 'the very buffers the writer appended: no encoding left, the appends alone' }),
    figure('ingest.floorRatio', 'Ingest / (JSON.stringify + raw append) ratio', '×', summarize(floorRatios), { note: 'against the floor of any JSONL writer: same events stringified, same text appended' }),
    figure('ingest.cpuPerEvent', 'Journal ingest, CPU time per event', 'µs', summarize(cpuPerEvent), { note: 'process CPU (user + system, GC threads included) over the timed ingest: what neighbours on a loaded machine add little to' }),
    figure('ingest.cpuRatio', 'Ingest / raw append ratio in CPU time', '×', summarize(cpuRatios), { note: 'the same ratio as above in CPU time instead of wall time' }),
    figure('ingest.floorCpuRatio', 'Ingest / (JSON.stringify + raw append) ratio in CPU time', '×', summarize(floorCpuRatios), {
      note: 'against the floor of any JSONL writer in CPU time, which a loaded machine disturbs less than wall time; what is left above the floor is redaction, the kept event and its GC (bench/ingestProfile.ts)',
    }),
    measureHandSerializer(),
  ];
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc');
  collect();
  collect();
}

/**
 * One session of 100k events in a fresh recorder; returns the heap growth in MB. A function of
 * its own because a suspended async frame keeps its stale locals alive: the previous run's
 * recorder would still be reachable and the next baseline would include it.
 */
async function memoryRun(): Promise<number> {
  const dir = tempStorage();
  const base = Date.now();
  gc();
  const before = process.memoryUsage().heapUsed;
  const recorder = newRecorder(dir);
  try {
    for (let i = 0; i < EVENTS; i++) {
      // Made here, as the adapters do: what the session keeps of each draft counts.
      feed(recorder.pipeline, realisticDraft(i, base + i));
      if (i % CHUNK === CHUNK - 1) await recorder.flush();
    }
    await recorder.flush();
    gc();
    const growth = (process.memoryUsage().heapUsed - before) / (1024 * 1024);
    if (recorder.events().length < EVENTS) throw new Error('recorder lost events');
    return growth;
  } finally {
    recorder.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Heap growth after recording 100k events into one session (the recorder keeps the session in memory). */
export async function measureMemory(): Promise<Figure[]> {
  const growths: number[] = [];
  for (let run = 0; run < 5; run++) growths.push(await memoryRun());
  return [figure('memory.heap', 'Heap growth after recording 100k events', 'MB', summarize(growths), { target: { op: '<', value: 50 }, note: 'node --expose-gc; everything the recorder keeps of 100k events, drafts included' })];
}
