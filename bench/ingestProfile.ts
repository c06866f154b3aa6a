/**
 * Where the journal ingest's CPU goes: runs the timed part of bench `ingest` (100k realistic
 * drafts through the capture pipeline, the recorder and the writer to disk) several times, so a
 * CPU profile of this process is a profile of ingest and little else.
 *
 *   node --cpu-prof --cpu-prof-interval 100 --cpu-prof-dir /tmp/prof --import tsx bench/ingestProfile.ts
 *   node bench/profileSelf.mjs /tmp/prof/CPU.*.0.001.cpuprofile 30 520000   (the main thread; 520k events with the warm-up)
 */
import { drafts, ingestOnly } from './capture';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 6);
  const list = drafts(100_000);
  await ingestOnly(list.slice(0, 20_000));
  const c0 = process.cpuUsage();
  let events = 0;
  for (let run = 0; run < runs; run++) events += await ingestOnly(list);
  const used = process.cpuUsage(c0);
  process.stdout.write(`${runs} runs, ${events} events, CPU ${((used.user + used.system) / events).toFixed(2)} µs an event\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exitCode = 1;
});
