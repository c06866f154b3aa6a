// Draws the Marketplace icon, media/icon.png (128×128), from the activity-bar glyph in
// media/icon.svg, so the two never drift apart: the glyph, white, on a rounded tile in the
// gallery banner's colour, rendered by Debian's Chromium with a transparent background outside
// the tile. The PNG is committed; run this again after changing the glyph.
//
//   node scripts/iconPng.mjs   → media/icon.png
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
/** The tile's colours; package.json's galleryBanner uses the darker one. */
const TILE_TOP = '#17638a';
const TILE_BOTTOM = '#0f3b57';

const glyph = readFileSync(join(root, 'media', 'icon.svg'), 'utf8');
const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(glyph)?.[1];
if (!inner) throw new Error('media/icon.svg has no <svg> element');
const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) \1"/.exec(glyph)?.[1];
if (!viewBox) throw new Error('media/icon.svg needs a square viewBox starting at 0 0');
// The glyph fills 96 of the 128 pixels; its 1.5-unit strokes become 6 px, readable at 32 px too.
const scale = 96 / Number(viewBox);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs><linearGradient id="tile" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${TILE_TOP}"/><stop offset="1" stop-color="${TILE_BOTTOM}"/></linearGradient></defs>
  <rect x="0" y="0" width="${SIZE}" height="${SIZE}" rx="24" fill="url(#tile)"/>
  <g transform="translate(16 16) scale(${scale})" fill="none" stroke="#ffffff" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" color="#ffffff">${inner}</g>
</svg>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  // A PNG's IHDR holds the width and height at bytes 16–23.
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  if (width !== SIZE || height !== SIZE) throw new Error(`The icon came out ${width}×${height}, not ${SIZE}×${SIZE}`);
  writeFileSync(join(root, 'media', 'icon.png'), png);
  console.log(`media/icon.png written (${SIZE}×${SIZE}, ${png.length} bytes)`);
} finally {
  await browser.close();
}
