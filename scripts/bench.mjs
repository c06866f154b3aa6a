// `npm run bench`: Session Journal's performance figures, side by side in one run, after a
// production build (package.json runs `node esbuild.mjs --production` first). Prints a table
// (figure, median, spread, target, verdict) and writes bench/results.json with the machine.
//
//   node scripts/bench.mjs                       everything (about 4 minutes)
//   node scripts/bench.mjs --only capture,load   some groups: capture ingest memory load
//                                                retrospective validation agent report webview realwebview sizes host
//   node scripts/bench.mjs --storm-baseline      also the save storm without the extension
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './codeServer.mjs';

const CORE_GROUPS = ['capture', 'ingest', 'memory', 'load', 'retrospective', 'validation', 'agent', 'report'];
const ALL_GROUPS = [...CORE_GROUPS, 'webview', 'realwebview', 'sizes', 'host'];

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
    date: new Date().toISOString(),
  };
}

/** A core group in a fresh Node with tsx and an exposed GC, so groups do not colour each other. */
function runCoreGroup(group) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(projectRoot, 'bench', 'coreBench.ts'), group], {
    cwd: projectRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench group "${group}" failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function runGroup(group, options) {
  // The agent's import figures (Node) and its live delay in the real webview, side by side.
  if (group === 'agent') return [...runCoreGroup(group), ...(await (await import('../bench/agentLive.mjs')).measureAgentLive())];
  if (CORE_GROUPS.includes(group)) return runCoreGroup(group);
  if (group === 'webview') return (await import('../bench/webview.mjs')).measureWebview();
  if (group === 'realwebview') return (await import('../bench/realWebview.mjs')).measureRealWebview();
  if (group === 'sizes') return (await import('../bench/extensionHost.mjs')).measureSizes();
  if (group === 'host') {
    const host = await import('../bench/extensionHost.mjs');
    const figures = await host.measureExtensionHost();
    if (options.stormBaseline) options.extra.stormBaseline = await host.measureStormBaseline();
    return figures;
  }
  throw new Error(`unknown group "${group}"; one of: ${ALL_GROUPS.join(', ')}`);
}

/** ✓ when the judged statistic meets the target, ✗ when not, – without a target or a value. */
function verdict(f) {
  if (!f.target) return '';
  const v = f.summary[f.target.stat ?? 'median'];
  if (v === null || v === undefined || Number.isNaN(v) || f.summary.runs === 0) return '–';
  const { op, value } = f.target;
  const ok = op === '<' ? v < value : op === '<=' ? v <= value : op === '>=' ? v >= value : v === value;
  return ok ? '✓' : '✗';
}

function fmt(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return 'n/a';
  const a = Math.abs(v);
  if (a >= 10_000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function row(f) {
  const s = f.summary;
  const spread = s.runs <= 1 ? '(1 run)' : f.spread === 'p10-p90' ? `p10–p90 ${fmt(s.p10)}–${fmt(s.p90)}` : `${fmt(s.min)}–${fmt(s.max)}`;
  const target = f.target ? `${f.target.stat && f.target.stat !== 'median' ? `${f.target.stat} ` : ''}${f.target.op} ${fmt(f.target.value)}` : '';
  const median = f.id === 'capture.p99' || f.target?.stat === 'p99' ? fmt(s.median) : fmt(s.median);
  return [f.label, `${median} ${f.unit}`, spread, target, verdict(f)];
}

function table(rows) {
  const header = ['Figure', 'Median', 'Spread', 'Target', ''];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const line = (r) => r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--only');
  const groups = i >= 0 ? args[i + 1].split(',') : ALL_GROUPS;
  const options = { stormBaseline: args.includes('--storm-baseline'), extra: {} };
  const info = machine();
  console.log(`Session Journal benchmark on ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, Node ${info.node}, ${info.os}; load average ${info.loadAverage.join(' ')}`);
  const figures = [];
  const errors = [];
  const t0 = Date.now();
  for (const group of groups) {
    const g0 = Date.now();
    process.stdout.write(`  ${group}… `);
    try {
      const got = await runGroup(group, options);
      figures.push(...got.map((f) => ({ group, ...f, verdict: verdict(f) })));
      console.log(`${((Date.now() - g0) / 1000).toFixed(0)} s`);
    } catch (err) {
      errors.push({ group, error: err instanceof Error ? err.message : String(err) });
      console.log(`FAILED: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    }
  }
  console.log(`\n${table(figures.map(row))}\n`);
  for (const f of figures.filter((x) => x.note)) console.log(`- ${f.label}: ${f.note}`);
  if (options.extra.stormBaseline) console.log(`\nSave storm baseline: ${JSON.stringify(options.extra.stormBaseline)}`);
  for (const e of errors) console.error(`\n${e.group} failed:\n${e.error}`);
  mkdirSync(join(projectRoot, 'bench'), { recursive: true });
  const file = join(projectRoot, 'bench', 'results.json');
  writeFileSync(file, JSON.stringify({ machine: { ...info, loadAverageAfter: os.loadavg().map((l) => +l.toFixed(2)) }, totalSeconds: Math.round((Date.now() - t0) / 1000), figures, errors, ...options.extra }, null, 2) + '\n');
  console.log(`\nWrote ${file} (${Math.round((Date.now() - t0) / 1000)} s). A ✗ is a missed target; see README "Performance" for known causes.`);
  if (errors.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
