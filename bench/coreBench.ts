/**
 * Runs one group of the Node-side benchmarks and prints its figures as JSON on stdout.
 * scripts/bench.mjs starts each group in a fresh `node --expose-gc --import tsx` process, so
 * one group's garbage and JIT state cannot colour the next one's numbers.
 */
import { measureAgentImport } from './agent';
import { measureCapture, measureIngest, measureMemory } from './capture';
import type { Figure } from './figure';
import { measureJournalLoad } from './journal';
import { measureReport } from './report';
import { measureRetrospective, measureValidation } from './retrospective';

const GROUPS: Record<string, () => Promise<Figure[]>> = {
  capture: measureCapture,
  ingest: measureIngest,
  memory: measureMemory,
  load: measureJournalLoad,
  retrospective: measureRetrospective,
  validation: measureValidation,
  agent: measureAgentImport,
  report: measureReport,
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const run = GROUPS[name];
  if (run === undefined) throw new Error(`unknown group "${name}"; one of: ${Object.keys(GROUPS).join(', ')}`);
  process.stdout.write(JSON.stringify(await run()) + '\n');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exitCode = 1;
});
