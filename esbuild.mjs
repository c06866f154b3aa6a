// Builds Session Journal: the extension (Node, CommonJS, `vscode` external) and the retrospective
// kit it loads on demand, the command-line validator, the Timeline webview (browser IIFE), the
// Markdown preview's Mermaid script (browser IIFE) and the integration suite, into dist/.
// Type-checking is separate (`npm run typecheck`): esbuild only strips types, which keeps builds fast.
//   node esbuild.mjs               one development build (sourcemaps)
//   node esbuild.mjs --production  minified, no sourcemaps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change, problem-matcher style log lines
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints esbuild's results in the shape of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcherLog = {
  name: 'problem-matcher-log',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

function listTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listTests(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherLog] : [],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    // simple-git pulls in debug, which probes optional modules; nothing else is dynamic.
    mainFields: ['module', 'main'],
  },
  {
    // Loaded on demand by src/vscode/lazy/loadRetrospectiveKit.ts (esbuild cannot split CommonJS):
    // the validator, marked and the retrospective builder stay out of activation.
    ...common,
    entryPoints: ['src/vscode/lazy/retrospectiveKit.ts'],
    outfile: 'dist/retrospectiveKit.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/cli/sessionJournal.ts'],
    outfile: 'dist/cli.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  },
  {
    // VS Code's Markdown preview loads this beside its own scripts; it alone carries Mermaid
    // (test/unit/previewBundle.test.ts keeps Mermaid out of dist/extension.js).
    ...common,
    entryPoints: ['src/preview/mermaidPreview.ts'],
    outfile: 'dist/preview/mermaidPreview.js',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // Always minified, without a source map: the preview parses this whole file each time it
    // opens, and 8 MB of unminified Mermaid slows that for no debugging we do.
    minify: true,
    sourcemap: false,
  },
];

// The integration suite runs inside the real extension host, so it is bundled like the
// extension; mocha stays external (it is resolved from node_modules at run time).
if (!production) {
  builds.push({
    ...common,
    minify: false,
    sourcemap: true,
    entryPoints: listTests('test/integration'),
    outdir: 'dist/test/integration',
    outbase: 'test/integration',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
  });
}

/** The codicon font ships inside dist/ (the .vsix carries no node_modules). */
function copyCodicons() {
  mkdirSync('dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join('node_modules/@vscode/codicons/dist', file), join('dist/codicons', file));
}

async function main() {
  copyCodicons();
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
