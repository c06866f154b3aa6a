/**
 * The retrospective pipeline (build the model, render Markdown, validate it) at 1k, 10k and
 * 100k events, and the validator on a 50 KB document against `marked.lexer` alone (its own
 * floor: the validator lexes with marked) and against markdownlint when it is installed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';
import { ofKind } from '../src/core/journal/events';
import { buildRetrospective } from '../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../src/core/retrospective/renderRetrospective';
import { validateRetrospective } from '../src/core/validator/validate';
import { syntheticSession } from './drafts';
import { figure } from './figure';
import type { Figure } from './figure';
import { msSince, repeat, summarize } from './stats';

function pipelineMs(events: ReturnType<typeof syntheticSession>): number {
  const t0 = process.hrtime.bigint();
  const model = buildRetrospective(events, { now: events[events.length - 1].time, utcOffsetMinutes: 60 });
  const md = renderRetrospective(model);
  const result = validateRetrospective(md, undefined, { commits: ofKind(events, 'commit').length, start: events[0].time, end: events[events.length - 1].time });
  const ms = msSince(t0);
  if (result.rules.length === 0) throw new Error('validator returned no rules');
  return ms;
}

/** Build + render + validate for 1k, 10k, 100k events, and how the time grows. */
export async function measureRetrospective(): Promise<Figure[]> {
  const sizes = [1000, 10_000, 100_000];
  const results = new Map<number, Awaited<ReturnType<typeof repeat>>>();
  for (const n of sizes) {
    const events = syntheticSession(n);
    results.set(n, await repeat(n >= 100_000 ? 5 : 9, () => pipelineMs(events), 2));
  }
  const m = (n: number) => results.get(n)?.median ?? Number.NaN;
  const growth = (a: number, b: number) => summarize([m(b) / m(a)]);
  return [
    figure('retro.1k', 'Retrospective build+render+validate, 1k events', 'ms', results.get(1000)!),
    figure('retro.10k', 'Retrospective build+render+validate, 10k events', 'ms', results.get(10_000)!),
    figure('retro.100k', 'Retrospective build+render+validate, 100k events', 'ms', results.get(100_000)!, { target: { op: '<', value: 1000 } }),
    figure('retro.growth.10k', 'Retrospective growth 10k/1k', '×', growth(1000, 10_000), { note: '10 = linear; a rendered document is capped (timeline and tables), so less is expected' }),
    figure('retro.growth.100k', 'Retrospective growth 100k/10k', '×', growth(10_000, 100_000), { note: '10 = linear' }),
  ];
}

const GOOD = path.join(__dirname, '..', 'test', 'fixtures', 'retrospectives', 'good.md');

/** Splits a document into its preamble and `## ` sections (heading line included). */
function sections(markdown: string): { head: string; parts: Map<string, string> } {
  const chunks = markdown.split(/\n(?=## )/);
  const parts = new Map<string, string>();
  for (const c of chunks.slice(1)) parts.set(c.slice(3, c.indexOf('\n')).trim(), c);
  return { head: chunks[0], parts };
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A valid, realistic retrospective of at least `minBytes`: `source` (good.md unless given) with
 * its list sections repeated (each copy numbered so items stay distinct) and a long timeline in
 * order.
 */
export function largeRetrospective(minBytes = 50 * 1024, source = GOOD): string {
  const { head, parts } = sections(fs.readFileSync(source, 'utf8'));
  const clock = (field: string): number => {
    const m = new RegExp(`\\*\\*${field}\\*\\*: (\\d{2}):(\\d{2})`).exec(head);
    if (m === null) throw new Error(`${path.basename(source)} has no ${field} in its header`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const [from, to] = [clock('Start Time'), clock('End Time')];
  const repeatBody = (name: string, k: number, numbered = false): string => {
    const text = parts.get(name);
    if (text === undefined) throw new Error(`${path.basename(source)} has no "${name}" section`);
    const [heading, ...rest] = text.split('\n');
    const body = rest.join('\n').trim();
    const copies: string[] = [];
    let n = 0;
    for (let i = 0; i < k; i++) {
      copies.push(body.replace(/^(\d+)\. /gm, () => (numbered ? `${++n}. ` : '1. ')).replace(/^(- (?:\[ \] )?)(.*)$/gm, `$1$2 (part ${i + 1})`));
    }
    return `${heading}\n\n${copies.join('\n\n')}\n`;
  };
  for (let k = 2; ; k++) {
    const rows: string[] = [];
    // From the header's start to its end time, in order.
    for (let t = from; t <= to; t += Math.max(1, Math.floor(8 / k))) rows.push(`| ${hhmm(t)} | Ran \`npm test\` on the queue worker, step ${t} |`);
    const timeline = `## Timeline\n\nTimes are local (2026-11-22).\n\n| Time | Event |\n|------|-------|\n${rows.join('\n')}\n`;
    const technical = parts.get('Technical Details') ?? '';
    const doc = [
      head.trimEnd(), '', repeatBody('Session Summary', k), timeline, technical.trimEnd(), '',
      repeatBody('Session Diary', k), repeatBody('What Went Well', k), repeatBody('What Could Improve', k),
      repeatBody('Honest Feedback', k, true), repeatBody('Lessons Learned', k), repeatBody('Next Steps', k), parts.get('Metrics') ?? '',
    ].join('\n');
    if (Buffer.byteLength(doc) >= minBytes) return doc;
  }
}

type MarkdownLint = (text: string) => unknown;

/**
 * markdownlint's sync API when the package is installed; undefined (and the column is skipped)
 * when not. With it, the rules it runs: with no configuration every built-in rule is on, so
 * that is its built-in list, which its `exports` map hides, so it is read from the file.
 */
async function loadMarkdownlint(): Promise<{ lint: MarkdownLint; version: string; rules: string[] } | undefined> {
  try {
    // A variable specifier: the package is optional, so neither tsc nor esbuild may insist on it.
    const specifier = 'markdownlint/sync';
    const mod = (await import(specifier)) as { lint: (o: { strings: Record<string, string> }) => unknown };
    const dir = path.join(__dirname, '..', 'node_modules', 'markdownlint');
    // Its `exports` map hides package.json, so read it from where npm put it.
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    const builtIn = (await import(pathToFileURL(path.join(dir, 'lib', 'rules.mjs')).href)) as { default: { names: string[] }[] };
    return { lint: (text) => mod.lint({ strings: { doc: text } }), version: pkg.version, rules: builtIn.default.map((r) => r.names[0]) };
  } catch {
    return undefined;
  }
}

/** Unrecorded runs before timing, the same for every contender: a cold validator costs several times a warm one. */
const WARMUP_RUNS = 150;

/**
 * Times several functions on the same input, interleaved run by run, so a noisy neighbour on
 * the shared machine slows all of them alike and the per-run ratios stay meaningful. Each
 * function first runs `warmup` times, the same number for each, so none is compared cold.
 */
function timeInterleaved(runs: number, fns: readonly (() => unknown)[], warmup: number): number[][] {
  for (const fn of fns) for (let i = 0; i < warmup; i++) fn();
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = process.hrtime.bigint();
      fn();
      out[k].push(msSince(t0));
    });
  }
  return out;
}

/** Median and spread of the paired per-run ratios a[i] / b[i]. */
function ratio(a: readonly number[], b: readonly number[]): ReturnType<typeof summarize> {
  return summarize(a.map((v, i) => v / b[i]));
}

const CORPUS = path.join(__dirname, '..', 'test', 'fixtures', 'retrospectives-corpus');

/** Languages written without spaces between words, whose word counts go through Intl.Segmenter. */
const UNSPACED_LANGUAGES: readonly (readonly [string, string, string])[] = [
  ['th', 'Thai', 'thai-complete.md'], ['ja', 'Japanese', 'japanese-complete.md'], ['zh', 'Chinese', 'heldout-chinese.md'],
];

/** Paired validator / marked.lexer runs per figure: 30 let a shared machine's spread decide the verdict. */
const PAIRED_RUNS = 200;

/** Validator / marked.lexer on a 50 KB retrospective grown from a corpus file in that language. */
function unspacedFigure(id: string, name: string, file: string, runs: number): Figure {
  const doc = largeRetrospective(50 * 1024, path.join(CORPUS, file));
  const failing = validateRetrospective(doc).rules.filter((r) => !r.passed).map((r) => r.rule);
  const [validate, lexer] = timeInterleaved(runs, [() => validateRetrospective(doc), () => marked.lexer(doc)], WARMUP_RUNS);
  return figure(`validate.vsLexer.${id}`, `Validator / marked.lexer, ${name}`, '×', ratio(validate, lexer), {
    spread: 'p10-p90', target: { op: '<=', value: 1.5 },
    note: `${(Buffer.byteLength(doc) / 1024).toFixed(0)} KB grown from ${file}; validator ${summarize(validate).median.toFixed(2)} ms, lexer ${summarize(lexer).median.toFixed(2)} ms; ${failing.length === 0 ? 'passes every rule' : `failing: ${failing.join(', ')}`}`,
  });
}

/** The validator on a 50 KB retrospective, against marked.lexer and markdownlint on the same text. */
export async function measureValidation(): Promise<Figure[]> {
  const doc = largeRetrospective();
  const kb = (Buffer.byteLength(doc) / 1024).toFixed(0);
  const check = validateRetrospective(doc);
  const failing = check.rules.filter((r) => !r.passed).map((r) => r.rule);
  const runs = 30;
  const markdownlint = await loadMarkdownlint();
  // The ratio to marked.lexer from 200 paired runs (about 1.5 s): with 30 a shared machine's spread
  // decided the verdict. markdownlint (80+ ms a run) gets its own 30, paired with the validator.
  const [validate, lexer] = timeInterleaved(PAIRED_RUNS, [() => validateRetrospective(doc), () => marked.lexer(doc)], WARMUP_RUNS);
  const [validateBesideLint, lint] = markdownlint ? timeInterleaved(runs, [() => validateRetrospective(doc), () => markdownlint.lint(doc)], WARMUP_RUNS) : [];
  const figures = [
    figure('validate.50kb', `Validate a ${kb} KB retrospective`, 'ms', summarize(validate), { spread: 'p10-p90', note: failing.length === 0 ? 'the document passes every rule' : `rules failing on the generated document: ${failing.join(', ')}` }),
    figure('validate.lexer', 'marked.lexer alone, same text', 'ms', summarize(lexer), { spread: 'p10-p90' }),
    figure('validate.vsLexer', 'Validator / marked.lexer', '×', ratio(validate, lexer), { spread: 'p10-p90', target: { op: '<=', value: 1.5 }, note: `median of paired per-run ratios (interleaved runs, after ${WARMUP_RUNS} warm-up runs each); 1.5× is issue 15's target` }),
    ...UNSPACED_LANGUAGES.map(([id, name, file]) => unspacedFigure(id, name, file, PAIRED_RUNS)),
  ];
  if (markdownlint === undefined || lint === undefined || validateBesideLint === undefined) {
    figures.push(figure('validate.vsMarkdownlint', 'Validator / markdownlint', '×', summarize([]), {
      target: { op: '<', value: 1 }, note: 'SKIPPED: markdownlint is not installed (npm install --no-save markdownlint@0.40.0)',
    }));
  } else {
    const disabled = /markdownlint-(?:disable|configure-file)/.test(doc) ? ' (the document disables some inline)' : '';
    figures.push(figure('validate.markdownlint', `markdownlint ${markdownlint.version}, same text`, 'ms', summarize(lint), {
      spread: 'p10-p90',
      note: `${WARMUP_RUNS} warm-up runs like the validator; no configuration, so all ${markdownlint.rules.length} built-in rules ran${disabled}: ${markdownlint.rules.join(' ')}`,
    }));
    figures.push(figure('validate.vsMarkdownlint', 'Validator / markdownlint', '×', ratio(validateBesideLint, lint), { spread: 'p10-p90', target: { op: '<', value: 1 } }));
  }
  return figures;
}
