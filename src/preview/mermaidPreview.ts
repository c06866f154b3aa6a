/**
 * Runs inside VS Code's Markdown preview (`contributes["markdown.previewScripts"]`), bundled on its
 * own as dist/preview/mermaidPreview.js so Mermaid never weighs on the extension host. It draws
 * every `<div class="mermaid">` the markdown-it plugin (src/vscode/markdown/mermaidFencePlugin.ts)
 * left in the page, in the preview's theme, and draws them again when:
 *   - the preview updates its content (`vscode.markdown.updateContent`): VS Code patches the page
 *     in place, which puts the chart's source text back where the drawing was;
 *   - the theme changes: the webview swaps the body's `vscode-*` class.
 */
import mermaid from 'mermaid';
import type { PreviewThemeKind } from './mermaidTheme';
import { mermaidThemeFor, previewThemeKind } from './mermaidTheme';

/** Drawings by theme and source: a preview update redraws the same charts, which then cost nothing. */
const drawings = new Map<string, string>();
const MAX_DRAWINGS = 64;
/** Each pass takes a number; an older pass still awaiting Mermaid stops once a newer one started. */
let pass = 0;
let nextId = 0;
let drawnKind: PreviewThemeKind | undefined;

function charts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('div.mermaid')];
}

/** The source stays on the element: the drawing replaces its text, and a theme change redraws from it. */
function sourceOf(chart: HTMLElement): string {
  const source = chart.dataset.mermaidSource ?? chart.textContent ?? '';
  chart.dataset.mermaidSource = source;
  return source;
}

async function draw(id: string, source: string, kind: PreviewThemeKind): Promise<string> {
  const key = `${kind}\n${source}`;
  const known = drawings.get(key);
  if (known !== undefined) return known;
  try {
    const { svg } = await mermaid.render(id, source);
    if (drawings.size >= MAX_DRAWINGS) drawings.clear();
    drawings.set(key, svg);
    return svg;
  } finally {
    // On a syntax error Mermaid can leave its scratch element in the body.
    document.getElementById(`d${id}`)?.remove();
  }
}

/** A chart Mermaid cannot draw keeps its source, with the reason above it. */
function showFailure(chart: HTMLElement, source: string, err: unknown): void {
  const reason = document.createElement('p');
  reason.className = 'mermaid-error';
  reason.textContent = `Mermaid could not draw this chart: ${err instanceof Error ? err.message : String(err)}`;
  const code = document.createElement('pre');
  code.textContent = source;
  chart.replaceChildren(reason, code);
}

async function drawAll(): Promise<void> {
  const mine = ++pass;
  const kind = previewThemeKind(document.body.classList);
  drawnKind = kind;
  // strict: no click handlers or HTML labels from the file run in the preview.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', ...mermaidThemeFor(kind) });
  for (const chart of charts()) {
    const source = sourceOf(chart);
    try {
      const svg = await draw(`session-journal-mermaid-${nextId++}`, source, kind);
      if (mine !== pass) return;
      chart.innerHTML = svg;
      chart.dataset.mermaidTheme = kind;
    } catch (err) {
      if (mine !== pass) return;
      showFailure(chart, source, err);
    }
  }
}

function redraw(): void {
  drawAll().catch((err: unknown) => console.error('Session Journal: drawing Mermaid charts failed', err));
}

function start(): void {
  redraw();
  window.addEventListener('vscode.markdown.updateContent', redraw);
  new MutationObserver(() => {
    if (previewThemeKind(document.body.classList) !== drawnKind) redraw();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
