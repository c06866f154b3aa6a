// `npm test`: every check in order. A red stage does not stop the next one (one failure must not
// hide another); only the stages that need the build are skipped when the build fails. At the
// end, one summary line per run ("unit 727/727, integration 33/34, …") and the closing line
// that CI reads ("tests: N passed, N failed"), alone on its line.
import { spawn } from 'node:child_process';
import { anyFailed, countMochaSummary, summaryLines } from './testSummary.mjs';

/** name, summary name, command, whether mocha counts are read, which stage it needs. */
const STAGES = [
  { name: 'type-check', short: 'type-check', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', short: 'lint', args: ['run', '--silent', 'lint'] },
  { name: 'unit tests', short: 'unit', args: ['run', '--silent', 'test:unit'], mocha: true },
  { name: 'build', short: 'build', args: ['run', '--silent', 'build'] },
  { name: 'integration tests (real VS Code extension host)', short: 'integration', args: ['run', '--silent', 'test:integration'], mocha: true, needs: 'build' },
  { name: 'end-to-end tests (Chromium + code-server)', short: 'e2e', args: ['run', '--silent', 'test:e2e'], mocha: true, needs: 'build' },
];

function run(name, args) {
  return new Promise((resolve) => {
    console.log(`\n=== ${name} ===`);
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => { process.stdout.write(c); output += c.toString(); });
    child.stderr.on('data', (c) => process.stderr.write(c));
    child.on('error', (err) => { console.error(err.message); });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const results = [];
for (const stage of STAGES) {
  const needed = stage.needs && results.find((r) => r.short === stage.needs);
  if (needed && needed.status !== 'ok') {
    console.log(`\n=== ${stage.name} === not run: ${stage.needs} failed`);
    results.push({ short: stage.short, status: 'not run', reason: `${stage.needs} failed` });
    continue;
  }
  const { code, output } = await run(stage.name, stage.args);
  const counts = stage.mocha ? countMochaSummary(output) : undefined;
  const status = code === 0 && !(counts?.failed > 0) ? 'ok' : 'failed';
  if (status === 'failed') console.error(`\n${stage.name} failed.`);
  results.push({ short: stage.short, status, ...(counts ? { counts } : {}) });
}

console.log('');
for (const line of summaryLines(results)) console.log(line);
process.exit(anyFailed(results) ? 1 : 0);
