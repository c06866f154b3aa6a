import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { WebviewStringKey } from '../../src/shared/protocol';
import { englishWebviewStrings } from '../../src/shared/webviewStrings';

const root = join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every string in the manifest with the path that leads to it, e.g. `contributes.commands.0.title`. */
function manifestStrings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => manifestStrings(v, `${path}.${i}`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => manifestStrings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('localisation: the manifest (package.json, package.nls.json)', () => {
  const strings = manifestStrings(readJson('package.json'));
  const nls = readJson('package.nls.json') as Record<string, string>;
  const used = new Set(strings.flatMap(([, v]) => [...v.matchAll(/^%([^%\s]+)%$/g)].map((m) => m[1] ?? '')));

  it('resolves every %key% in package.nls.json, with English text', () => {
    const missing = [...used].filter((key) => typeof nls[key] !== 'string' || nls[key].trim() === '');
    assert.deepEqual(missing, []);
  });

  it('has no key in package.nls.json that package.json does not use', () => {
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('takes every user-visible text from package.nls.json', () => {
    // What VS Code shows: names, titles, descriptions, alt texts. Ids, icons, when-clauses and defaults are not text.
    const visible = /(^displayName|^description|\.title|\.category|\.name|\.contextualTitle|[dD]escription(s\.\d+)?|\.altText)$/;
    const literal = strings.filter(([path, value]) => visible.test(path) && !/^%[^%\s]+%$/.test(value)
      // `.name` and `.description` inside `repository`, `author` or similar are not shown in the UI.
      && !path.startsWith('repository.') && !path.startsWith('scripts.'));
    assert.deepEqual(literal, []);
  });

  it('points "l10n" at the folder of the committed bundle', () => {
    assert.equal((readJson('package.json') as { l10n?: string }).l10n, './l10n');
  });
});

describe('localisation: the runtime bundle (l10n/bundle.l10n.json)', () => {
  it('is what `npm run l10n` exports from src today (a string added, changed or removed fails until it is re-run)', function () {
    this.timeout(60_000);
    const out = mkdtempSync(join(tmpdir(), 'sj-l10n-'));
    try {
      const run = spawnSync(join(root, 'node_modules', '.bin', 'vscode-l10n-dev'), ['export', '--outDir', out, './src'], { cwd: root, encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      const fresh: unknown = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8'));
      assert.deepEqual(readJson('l10n/bundle.l10n.json'), fresh, 'l10n/bundle.l10n.json is stale: run `npm run l10n` and commit it');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('gets a literal from every l10n.t call, since the extractor skips anything else', () => {
    const calls = sourceFiles(join(root, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/\bl10n\.t\(\s*(.)/g)].map((m) => ({ file, next: m[1] ?? '' }));
    });
    assert.ok(calls.length > 100, `found ${calls.length} l10n.t calls`);
    // A string or an object literal (`{ message: '…', args, comment }`).
    assert.deepEqual(calls.filter((c) => !`'"{`.includes(c.next)), []);
  });
});

describe('localisation: the webview texts', () => {
  const english = englishWebviewStrings();
  const keys = Object.keys(english) as WebviewStringKey[];

  it('fills every key with text, its placeholders numbered from {0}', () => {
    for (const key of keys) {
      const text = english[key];
      assert.ok(text.trim().length > 0, `${key} is empty`);
      const numbers = [...new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_, i) => i), `${key}: "${text}" skips a placeholder`);
    }
  });

  it('uses every key in src/webview (no dead text to translate)', () => {
    const webview = sourceFiles(join(root, 'src', 'webview')).map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.deepEqual(keys.filter((key) => !webview.includes(`'${key}'`)), []);
  });

  it('leaves no English text of the table in the webview bundle: the texts come from the host', async () => {
    const result = await build({ entryPoints: [join(root, 'src/webview/main.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' });
    const bundle = result.outputFiles[0]?.text ?? '';
    assert.ok(bundle.length > 10_000, 'the bundle was built');
    // Text with a space or a placeholder is a sentence, not an identifier the bundle may hold for other reasons.
    const sentences = keys.map((key) => english[key]).filter((text) => /[\s{]/.test(text));
    assert.deepEqual(sentences.filter((text) => bundle.includes(JSON.stringify(text)) || bundle.includes(`'${text}'`)), []);
  });
});
