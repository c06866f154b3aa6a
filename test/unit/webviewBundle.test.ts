import * as assert from 'node:assert/strict';
import { build } from 'esbuild';

/**
 * The lint keeps Node built-ins out of src/webview and src/shared, but the webview also imports
 * core modules (describeEvent, the event model). Bundling it for the browser, as esbuild.mjs
 * does, follows every one of those imports: a Node built-in anywhere on the way is an error.
 */
describe('the webview bundle', () => {
  it('builds for the browser, so nothing it imports reaches a Node built-in', async () => {
    const result = await build({
      entryPoints: ['src/webview/main.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    }).catch((err: { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => err);
    const errors = 'errors' in result && result.errors ? result.errors : [];
    assert.deepEqual(errors.map((e) => `${e.location?.file}:${e.location?.line}: ${e.text}`), []);
  });
});
