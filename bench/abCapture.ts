/**
 * A/B, same process, same load: the capture path before issue 11 (the adapter redacted the command
 * line, then the recorder's sanitize redacted every event again) against the capture pipeline
 * (one redaction pass). Run: npx tsx bench/abCapture.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventDraft } from '../src/core/journal/events';
import { commandDraft } from '../src/core/capture/commandRecord';
import { CapturePipeline } from '../src/core/capture/capturePipeline';
import type { CaptureRules } from '../src/core/capture/capturePipeline';
import { SessionRecorder } from '../src/core/journal/sessionRecorder';
import { compileRedactOptions, isExcludedCommand, isExcludedPath, redact, redactEvent } from '../src/core/redaction/redact';
import { realisticDraft } from './drafts';
import { summarize } from './stats';

const { options } = compileRedactOptions({ extraPatterns: [], excludeCommands: [], excludePaths: ['**/.env', '**/.env.*'] });
const RULES: CaptureRules = {
  capture: { commits: true, commands: true, saves: true, tasks: true, agents: true },
  isExcludedCommand: (c) => isExcludedCommand(c, options),
  isExcludedPath: (p) => isExcludedPath(p, options),
  redact: (d) => redactEvent(d, options),
  idleMs: 15 * 60_000,
};
const N = 100_000;
const base = Date.now();
const list: EventDraft[] = Array.from({ length: N }, (_, i) => realisticDraft(i, base + i));

async function run(variant: 'before' | 'after'): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-ab-'));
  const recorder = new SessionRecorder({ storageDir: dir, redact: RULES.redact });
  recorder.start({ folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
  const pipeline = new CapturePipeline({ recorder, rules: RULES, folders: () => [], schedule: () => ({ cancel: () => undefined }) });
  const samples = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const d = list[i];
    const t0 = process.hrtime.bigint();
    if (variant === 'before') {
      // The adapter: isExcludedCommand, redactText, commandDraft; then the recorder's sanitize.
      if (d.kind === 'command') {
        if (!isExcludedCommand(d.commandLine, options)) {
          const draft = commandDraft({ redacted: redact(d.commandLine, options).text, rawLength: d.commandLine.length, start: d.start, end: d.time, confidence: d.confidence, exitCode: d.exitCode, terminal: d.terminal });
          recorder.record(redactEvent(draft, options));
        }
      } else {
        recorder.record(redactEvent(d, options));
      }
    } else if (d.kind === 'command') {
      pipeline.capture({ kind: 'command', commandLine: d.commandLine, start: d.start, end: d.time, confidence: d.confidence, exitCode: d.exitCode, terminal: d.terminal });
    } else if (d.kind === 'commit') {
      pipeline.capture(d);
    } else {
      pipeline.enter(d);
    }
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
    if (i % 1000 === 999) await recorder.flush();
  }
  await recorder.flush();
  recorder.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  return summarize(samples).median;
}

async function main(): Promise<void> {
  await run('before');
  await run('after');
  const medians: Record<string, number[]> = { before: [], after: [] };
  for (let r = 0; r < 5; r++) {
    for (const v of ['before', 'after'] as const) medians[v].push(await run(v));
  }
  for (const v of ['before', 'after']) console.log(`${v}: median per event ${summarize(Float64Array.from(medians[v])).median.toFixed(2)} µs (runs: ${medians[v].map((m) => m.toFixed(2)).join(', ')})`);
}
void main();
