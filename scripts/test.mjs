// `npm test`: every check in order, stopping at the first that fails, then one closing line
// that counts the tests of all three suites ("tests: N passed, N failed").
import { spawn } from 'node:child_process';

const STAGES = [
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npm', ['run', '--silent', 'test:unit']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['integration tests (real VS Code extension host)', 'npm', ['run', '--silent', 'test:integration']],
  ['end-to-end tests (Chromium + code-server)', 'npm', ['run', '--silent', 'test:e2e']],
];

const totals = { passed: 0, failed: 0, pending: 0 };

function run(name, cmd, args) {
  return new Promise((resolve) => {
    console.log(`\n=== ${name} ===`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const count = (chunk) => {
      const text = chunk.toString();
      for (const [, n, word] of text.matchAll(/^\s*(\d+) (passing|failing|pending)\b/gm)) {
        totals[word === 'passing' ? 'passed' : word === 'failing' ? 'failed' : 'pending'] += Number(n);
      }
    };
    child.stdout.on('data', (c) => { process.stdout.write(c); count(c); });
    child.stderr.on('data', (c) => process.stderr.write(c));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

let failedStage;
for (const [name, cmd, args] of STAGES) {
  const code = await run(name, cmd, args);
  if (code !== 0) {
    failedStage = name;
    break;
  }
}
if (failedStage) console.error(`\n${failedStage} failed.`);
const failed = totals.failed + (failedStage && totals.failed === 0 ? 1 : 0);
console.log(`\ntests: ${totals.passed} passed, ${failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
process.exit(failedStage ? 1 : 0);
