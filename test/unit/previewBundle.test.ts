import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';

/** Every source file a bundle took in, as esbuild's metafile lists them. */
async function bundleInputs(entry: string, platform: 'node' | 'browser'): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    external: platform === 'node' ? ['vscode'] : [],
    mainFields: platform === 'node' ? ['module', 'main'] : undefined,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys((result.metafile as Metafile).inputs);
}

const fromMermaid = (input: string) => /(^|\/)node_modules\/mermaid\//.test(input);

/**
 * Mermaid is megabytes of browser code: the Markdown preview loads it as its own script, and the
 * extension host, which starts with every window, must never load it (issue 14).
 */
describe('the Markdown preview\'s Mermaid bundle', function () {
  // Bundling Mermaid reads a few thousand files: seconds on a loaded machine.
  this.timeout(120_000);

  it('keeps Mermaid out of the extension bundle', async () => {
    const inputs = await bundleInputs('src/extension.ts', 'node');
    assert.ok(inputs.includes('src/vscode/markdown/mermaidFencePlugin.ts'), 'the markdown-it plugin is part of the extension');
    assert.deepEqual(inputs.filter(fromMermaid), []);
  });

  it('keeps the validator and marked out of what activation loads: they come with the retrospective kit on first use', async () => {
    const inputs = await bundleInputs('src/extension.ts', 'node');
    const lazy = inputs.filter((i) => /node_modules\/marked\/|src\/core\/validator\/(validate|document)\.ts$|src\/core\/retrospective\/renderRetrospective\.ts$/.test(i));
    assert.deepEqual(lazy, [], 'a static import pulled these into dist/extension.js; import them through retrospectiveKit() instead');
    const kit = await bundleInputs('src/vscode/lazy/retrospectiveKit.ts', 'node');
    assert.ok(kit.some((i) => i.includes('node_modules/marked/')), 'the kit carries marked');
  });

  it('bundles Mermaid into the preview script, for the browser', async () => {
    const inputs = await bundleInputs('src/preview/mermaidPreview.ts', 'browser');
    assert.ok(inputs.some((i) => i.endsWith('node_modules/mermaid/dist/mermaid.core.mjs')), 'Mermaid is in the preview script');
  });

  it('contributes the preview script the build writes, and ships it in the .vsix', () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: Record<string, unknown> };
    assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(manifest.contributes['markdown.previewScripts'], ['./dist/preview/mermaidPreview.js']);
    assert.match(fs.readFileSync('esbuild.mjs', 'utf8'), /outfile: 'dist\/preview\/mermaidPreview\.js'/);
    assert.match(fs.readFileSync('.vscodeignore', 'utf8'), /^!dist\/preview\/mermaidPreview\.js$/m);
  });
});
