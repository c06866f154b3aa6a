/**
 * What each stage of the journal write path costs on its own, per event, over the bench's 100k
 * realistic drafts, in one process so every stage sees the same machine: the floor pieces
 * (JSON.stringify of the stored event, UTF-8 encoding and the append) beside what Session Journal
 * adds (redaction, stamping with an id, the pipeline's gate). The stages' sum is below the whole
 * ingest: the rest is the GC of the events the session keeps (bench/ingestProfile.ts shows it).
 *
 *   node --expose-gc --import tsx bench/ingestStages.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeEvent } from '../src/core/journal/journalCodec';
import { newId } from '../src/core/journal/ids';
import { stampDraft } from '../src/core/journal/stamp';
import { compileRedactOptions, redactEvent } from '../src/core/redaction/redact';
import { drafts, ingestOnly } from './capture';
import { summarize } from './stats';

const { options } = compileRedactOptions({ extraPatterns: [], excludeCommands: [], excludePaths: ['**/.env', '**/.env.*'] });

function cpuUsPerEvent(count: number, work: () => void): number {
  const c0 = process.cpuUsage();
  work();
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / count;
}

async function main(): Promise<void> {
  const list = drafts(100_000);
  const events = list.map((d) => stampDraft(d, 1, newId(), '20261205-040000-abcdef'));
  const lines = events.map(serializeEvent);
  const batches: string[] = [];
  // Flattened once here (a Buffer round trip), so the encode stage does not pay for a rope.
  for (let i = 0; i < lines.length; i += 1000) batches.push(Buffer.from(`${lines.slice(i, i + 1000).join('\n')}\n`).toString('utf8'));
  const encoded = batches.map((b) => Buffer.from(b, 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-stages-'));
  let sink = 0;
  const stages: Record<string, () => void> = {
    'redaction (redactEvent, every draft)': () => { for (const d of list) sink += redactEvent(d, options).time; },
    'stamp + id (stampDraft, newId)': () => { for (const d of list) sink += stampDraft(d, 1, newId(), 's').time; },
    'JSON.stringify of the stored event': () => { for (const e of events) sink += serializeEvent(e).length; },
    'UTF-8 encode, batches of 1000 (flat text in hand)': () => { for (const text of batches) sink += Buffer.from(text, 'utf8').length; },
    'append, batches of 1000 (bytes in hand, sync)': () => {
      const file = path.join(dir, `raw-${sink}.jsonl`);
      for (const bytes of encoded) fs.appendFileSync(file, bytes);
    },
  };
  const results: Record<string, number[]> = {};
  for (let run = 0; run < 7; run++) {
    for (const [name, work] of Object.entries(stages)) (results[name] ??= []).push(cpuUsPerEvent(list.length, work));
    const c0 = process.cpuUsage();
    const n = await ingestOnly(list);
    const u = process.cpuUsage(c0);
    (results['whole ingest (pipeline, recorder, writer, disk)'] ??= []).push((u.user + u.system) / n);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, values] of Object.entries(results)) {
    const s = summarize(values.slice(2));
    process.stdout.write(`${s.median.toFixed(2).padStart(6)} µs  (${s.min.toFixed(2)}–${s.max.toFixed(2)})  ${name}\n`);
  }
  if (sink === 0) throw new Error('nothing measured');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exitCode = 1;
});
