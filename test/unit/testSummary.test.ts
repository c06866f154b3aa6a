import { strict as assert } from 'node:assert';
import type { StageResult } from '../../scripts/testSummary.mjs';
import { anyFailed, countMochaSummary, describeStage, summaryLines, totals } from '../../scripts/testSummary.mjs';

describe('npm test summary', () => {
  it('reads mocha\'s passing, failing and pending lines, summing repeated runs', () => {
    const output = [
      '  ✔ one',
      '  727 passing (1m)',
      '  2 pending',
      'some log mentioning 5 passing cars mid-line',
      '\u001b[32m  33 passing\u001b[0m (2m)',
      '\u001b[31m  1 failing\u001b[0m',
    ].join('\n');
    assert.deepEqual(countMochaSummary(output), { passed: 760, failed: 1, pending: 2 });
  });

  it('finds nothing in output without a mocha summary', () => {
    assert.deepEqual(countMochaSummary('Error: Cannot find module x\n'), { passed: 0, failed: 0, pending: 0 });
  });

  it('reports every stage, including the ones after a red one', () => {
    const stages: StageResult[] = [
      { short: 'type-check', status: 'ok' },
      { short: 'lint', status: 'failed' },
      { short: 'unit', status: 'ok', counts: { passed: 727, failed: 0, pending: 0 } },
      { short: 'build', status: 'ok' },
      { short: 'integration', status: 'failed', counts: { passed: 33, failed: 1, pending: 0 } },
      { short: 'e2e', status: 'failed', counts: { passed: 19, failed: 4, pending: 2 } },
    ];
    assert.deepEqual(summaryLines(stages), [
      'summary: type-check ok, lint failed, unit 727/727, build ok, integration 33/34, e2e 19/23 (2 skipped)',
      'tests: 779 passed, 6 failed, 2 skipped',
    ]);
    assert.equal(anyFailed(stages), true);
  });

  it('says which stages could not run and why, without counting them again', () => {
    const stages: StageResult[] = [
      { short: 'unit', status: 'ok', counts: { passed: 10, failed: 0, pending: 0 } },
      { short: 'build', status: 'failed' },
      { short: 'integration', status: 'not run', reason: 'build failed' },
      { short: 'e2e', status: 'not run', reason: 'build failed' },
    ];
    assert.equal(summaryLines(stages)[0], 'summary: unit 10/10, build failed, integration not run (build failed), e2e not run (build failed)');
    assert.deepEqual(totals(stages), { passed: 10, failed: 1, pending: 0 });
  });

  it('never says 0 failed for a suite that exited non-zero without a failing test', () => {
    const crashed: StageResult = { short: 'integration', status: 'failed', counts: { passed: 12, failed: 0, pending: 0 } };
    assert.equal(describeStage(crashed), 'integration 12/12 failed');
    assert.deepEqual(totals([crashed]), { passed: 12, failed: 1, pending: 0 });
  });

  it('is green only when every stage is', () => {
    const green: StageResult[] = [
      { short: 'lint', status: 'ok' },
      { short: 'unit', status: 'ok', counts: { passed: 3, failed: 0, pending: 0 } },
    ];
    assert.equal(anyFailed(green), false);
    assert.equal(summaryLines(green)[1], 'tests: 3 passed, 0 failed');
  });
});
