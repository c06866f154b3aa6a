// Types for scripts/testSummary.mjs, so the TypeScript unit test can import it.
export interface MochaCounts {
  passed: number;
  failed: number;
  pending: number;
}
export interface StageResult {
  /** The name in the summary line: "unit", "lint". */
  short: string;
  status: 'ok' | 'failed' | 'not run';
  /** Why a stage did not run. */
  reason?: string;
  /** Mocha's counts, for the test stages only. */
  counts?: MochaCounts;
}
export function countMochaSummary(output: string): MochaCounts;
export function describeStage(stage: StageResult): string;
export function totals(stages: readonly StageResult[]): MochaCounts;
export function summaryLines(stages: readonly StageResult[]): string[];
export function anyFailed(stages: readonly StageResult[]): boolean;
