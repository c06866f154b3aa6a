// The counting and reporting behind `npm test` (scripts/test.mjs), kept apart from the
// process plumbing so that plain mocha can test it (test/unit/testSummary.test.ts).

/** Mocha's own summary lines; colours are stripped first because a TTY reporter adds them. */
const MOCHA_LINE = /^\s*(\d+) (passing|failing|pending)\b/gm;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Sums mocha's "N passing / N failing / N pending" lines in a stage's whole output. The
 * whole output, not each chunk as it arrives: a chunk may end in the middle of "27 passing".
 */
export function countMochaSummary(output) {
  const counts = { passed: 0, failed: 0, pending: 0 };
  for (const [, n, word] of output.replace(ANSI, '').matchAll(MOCHA_LINE)) {
    counts[word === 'passing' ? 'passed' : word === 'failing' ? 'failed' : 'pending'] += Number(n);
  }
  return counts;
}

/** One stage's line in the summary: "unit 727/727", "lint failed", "e2e not run (build failed)". */
export function describeStage(stage) {
  if (stage.status === 'not run') return `${stage.short} not run (${stage.reason})`;
  if (!stage.counts) return `${stage.short} ${stage.status === 'ok' ? 'ok' : 'failed'}`;
  const { passed, failed, pending } = stage.counts;
  let text = `${stage.short} ${passed}/${passed + failed}`;
  if (pending) text += ` (${pending} skipped)`;
  // A suite that exits non-zero without a failing test (a crash, a timeout, no tests found)
  // must not read as green.
  if (stage.status === 'failed' && failed === 0) text += ' failed';
  return text;
}

/**
 * The totals of the closing line. A failed stage that reported no failing test (type-check,
 * lint, build, a crashed suite) counts as one failure, so the line never says "0 failed"
 * while `npm test` exits non-zero. A stage that could not run adds nothing: the stage that
 * stopped it is already counted.
 */
export function totals(stages) {
  const sum = { passed: 0, failed: 0, pending: 0 };
  for (const stage of stages) {
    if (stage.counts) {
      sum.passed += stage.counts.passed;
      sum.failed += stage.counts.failed;
      sum.pending += stage.counts.pending;
    }
    if (stage.status === 'failed' && !(stage.counts?.failed > 0)) sum.failed += 1;
  }
  return sum;
}

/** The lines printed at the end: every stage, then the closing line that CI reads, alone. */
export function summaryLines(stages) {
  const sum = totals(stages);
  return [
    `summary: ${stages.map(describeStage).join(', ')}`,
    `tests: ${sum.passed} passed, ${sum.failed} failed${sum.pending ? `, ${sum.pending} skipped` : ''}`,
  ];
}

/** Whether `npm test` as a whole failed. */
export function anyFailed(stages) {
  return stages.some((s) => s.status !== 'ok');
}
