/* global process, console -- Node globals; bench/ is outside the lint config's script globals */
// Reads a CPU profile of the extension host taken during the save storm
// (SJ_BENCH_STORM_PROFILE=file.cpuprofile node scripts/bench.mjs --only host) and says whose code
// the host ran: Session Journal's bundle, VS Code's extension-host runtime, other extensions,
// Node itself, the garbage collector. It does so for the whole storm and for the longest stretch
// without an idle sample, which is where the worst event-loop lag comes from.
//
//   node bench/stormProfile.mjs file.cpuprofile
import { readFileSync } from 'node:fs';

/** Who a sampled frame belongs to, from its script URL. */
export function ownerOf(url, functionName) {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 / native (program)';
  if (/\/extension\/dist\/(extension|retrospectiveKit)\.js$/.test(url)) return 'Session Journal';
  if (/\/probe\/index\.js$/.test(url)) return 'benchmark probe (the storm driver)';
  if (/\/vs\/workbench\/api\/|extensionHostProcess\.js/.test(url)) return 'VS Code extension-host runtime';
  if (/\/extensions\/([^/]+)\//.test(url)) return `extension ${/\/extensions\/([^/]+)\//.exec(url)[1]}`;
  if (url.startsWith('node:') || url === '') return 'Node.js internals';
  return 'other';
}

/** The owner a sample is charged to: its leaf frame's owner, or for Node internals and native code, the nearest caller that has one. */
function chargeOwners(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cache = new Map();
  const charge = (id) => {
    if (cache.has(id)) return cache.get(id);
    const n = byId.get(id);
    const own = ownerOf(n.callFrame.url, n.callFrame.functionName);
    let result = own;
    if (own === 'Node.js internals' || own === 'other') {
      // Charge a write or a timer to whoever called it.
      let p = parent.get(id);
      while (p !== undefined) {
        const o = ownerOf(byId.get(p).callFrame.url, byId.get(p).callFrame.functionName);
        if (o !== 'Node.js internals' && o !== 'other' && !o.startsWith('V8')) { result = `${o} (via Node)`; break; }
        p = parent.get(p);
      }
    }
    cache.set(id, result);
    return result;
  };
  return { byId, charge };
}

function table(totals, totalUs) {
  return [...totals].sort((a, b) => b[1] - a[1]).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${k}`).join('\n');
}

/** Splits a profile into owners for all samples and for the longest run of busy samples. */
export function analyse(profile) {
  const { byId, charge } = chargeOwners(profile);
  const all = new Map();
  let total = 0;
  // Longest busy stretch: consecutive samples none of which is idle.
  let best = { from: 0, to: -1, us: 0 };
  let runFrom = 0;
  let runUs = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    const owner = charge(samples[i]);
    all.set(owner, (all.get(owner) ?? 0) + dt);
    total += dt;
    if (owner === 'idle') {
      runFrom = i + 1;
      runUs = 0;
    } else {
      runUs += dt;
      if (runUs > best.us) best = { from: runFrom, to: i, us: runUs };
    }
  }
  const worst = new Map();
  const worstFunctions = new Map();
  for (let i = best.from; i <= best.to; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    const owner = charge(samples[i]);
    worst.set(owner, (worst.get(owner) ?? 0) + dt);
    const f = byId.get(samples[i]).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-3).join('/')}:${f.lineNumber + 1} [${owner}]`;
    worstFunctions.set(key, (worstFunctions.get(key) ?? 0) + dt);
  }
  return { all, total, worst, worstUs: best.us, worstFunctions };
}

if (process.argv[1] && process.argv[1].endsWith('stormProfile.mjs')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/stormProfile.mjs file.cpuprofile');
  const { all, total, worst, worstUs, worstFunctions } = analyse(JSON.parse(readFileSync(file, 'utf8')));
  console.log(`Whole profile: ${(total / 1000).toFixed(0)} ms sampled\n${table(all, total)}\n`);
  console.log(`Longest stretch without an idle sample (the worst lag): ${(worstUs / 1000).toFixed(0)} ms\n${table(worst, worstUs)}\n`);
  console.log(`Its top functions:\n${[...worstFunctions].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${k}`).join('\n')}`);
}
