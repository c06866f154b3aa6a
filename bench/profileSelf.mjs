/* global process, console -- Node globals; bench/ is outside the lint config's script globals */
// Self time by function from a V8 CPU profile (node --cpu-prof): the top functions, each with
// its file and line, and the same time grouped by the source file, so a profile of
// bench/ingestProfile.ts says which part of the write path the CPU goes to.
//
//   node bench/profileSelf.mjs file.cpuprofile [top] [events]   (events: per-event µs by part)
import { readFileSync } from 'node:fs';

/** The part of the write path a sampled frame belongs to, from its function name and file. */
export function partOf(name, file) {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)' || name === '(program)' || name === '(root)') return 'idle / V8 (program)';
  if (name.startsWith('RegExp: ') || /src\/core\/redaction\//.test(file)) return 'redaction (src/core/redaction, its regexes)';
  if (/journalCodec|JSON/.test(file) || name === 'stringify') return 'serialisation (journalCodec, JSON.stringify)';
  if (/src\/core\/journal\/(sessionRecorder|stamp|ids|eventKinds)/.test(file) || name === 'randomFillSync') return 'recorder (stamp, id, keep the event)';
  if (/journalWriter|journalFs|node:buffer|node:internal\/fs|node:fs/.test(file) || ['utf8Write', 'writeBuffer', 'byteLengthUtf8', 'openFileHandle', 'close', 'writeString'].includes(name)) return 'writer (encode, append)';
  if (/src\/core\/capture\//.test(file)) return 'capture pipeline (gate, ledger, shorten)';
  if (/^bench\//.test(file)) return 'bench driver (feeding drafts)';
  if (/esbuild|tsx|node:internal\/modules|cjs-module-lexer|bootstrap/.test(file)) return 'start-up (tsx loading the sources)';
  return 'other';
}

/** Self µs per function key and per file, over the whole profile. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map();
  const files = new Map();
  const parts = new Map();
  let total = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    const f = byId.get(samples[i]).callFrame;
    const file = f.url === '' ? '(native)' : f.url.replace(/^file:\/\/.*?\/(src|bench|node_modules)\//, '$1/');
    const key = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + dt);
    files.set(file, (files.get(file) ?? 0) + dt);
    const part = partOf(f.functionName, file);
    parts.set(part, (parts.get(part) ?? 0) + dt);
    total += dt;
  }
  return { fns, files, parts, total };
}

function table(map, total, top) {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
}

if (process.argv[1] && process.argv[1].endsWith('profileSelf.mjs')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/profileSelf.mjs file.cpuprofile [top]');
  const top = Number(process.argv[3] ?? 30);
  const events = Number(process.argv[4] ?? 0);
  const { fns, files, parts, total } = selfTimes(JSON.parse(readFileSync(file, 'utf8')));
  if (events > 0) {
    console.log(`By part of the write path (µs an event over ${events} events):`);
    console.log([...parts].sort((a, b) => b[1] - a[1]).map(([k, us]) => `${(us / events).toFixed(2).padStart(7)} µs ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n') + '\n');
  }
  console.log(`${(total / 1000).toFixed(0)} ms sampled\n\nTop functions by self time:\n${table(fns, total, top)}\n`);
  console.log(`By file:\n${table(files, total, top)}`);
}
