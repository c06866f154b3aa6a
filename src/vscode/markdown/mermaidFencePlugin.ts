/**
 * The markdown-it plugin VS Code's Markdown preview loads from this extension
 * (`contributes["markdown.markdownItPlugins"]`): a ```mermaid fence becomes
 * `<div class="mermaid">source</div>`, which the preview script (src/preview/mermaidPreview.ts)
 * turns into a chart. The source stays escaped text, so until the script draws it, or when it
 * cannot, the reader sees the chart's source, never markup taken from the file.
 *
 * Only the shape of markdown-it this plugin touches is typed here: the extension bundles no
 * markdown-it (the preview hands its own instance over), so it has no types to import.
 */

/** A block token of markdown-it, as far as a fence renderer reads it. */
export interface FenceToken {
  readonly info: string;
  readonly content: string;
  attrJoin(name: string, value: string): void;
}

/**
 * markdown-it's `Renderer.rules`, as far as this plugin uses them. Method syntax on purpose: the
 * real tokens have more fields than FenceToken, and a method's parameters are compared both ways.
 */
export interface RenderRules {
  fence?(tokens: FenceToken[], index: number, options: unknown, env: unknown, self: TokenRenderer): string;
}

/** markdown-it's renderer, as far as this plugin uses it. */
export interface TokenRenderer {
  readonly rules: RenderRules;
  renderAttrs(token: FenceToken): string;
}

/** The markdown-it instance the preview passes to `extendMarkdownIt`. */
export interface MarkdownItLike {
  readonly renderer: TokenRenderer;
  readonly utils: { escapeHtml(text: string): string };
}

/** The fence's language: the info string's first word (```mermaid, ```Mermaid {title}, ...). */
function fenceLanguage(info: string): string {
  return info.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '';
}

/** Adds the mermaid fence rule in front of the existing one; returns `md` for chaining, as VS Code expects. */
export function mermaidFencePlugin<T extends MarkdownItLike>(md: T): T {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (!token || fenceLanguage(token.info) !== 'mermaid') {
      return fallback ? fallback(tokens, index, options, env, self) : `<pre><code>${md.utils.escapeHtml(token?.content ?? '')}</code></pre>\n`;
    }
    // The preview adds `code-line` and `data-line` attributes for scroll sync; keep them.
    token.attrJoin('class', 'mermaid');
    return `<div${self.renderAttrs(token)}>${md.utils.escapeHtml(token.content)}</div>\n`;
  };
  return md;
}
