import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { mermaidFencePlugin } from '../../src/vscode/markdown/mermaidFencePlugin';

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\`\n`;

/** VS Code's preview wraps the fence rule to add scroll-sync attributes (markdownEngine.ts). */
function withLineNumbers(md: MarkdownIt): MarkdownIt {
  const original = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (token?.map) {
      token.attrSet('data-line', String(token.map[0]));
      token.attrJoin('class', 'code-line');
    }
    return original ? original(tokens, index, options, env, self) : '';
  };
  return md;
}

describe('the Markdown preview\'s mermaid fence plugin', () => {
  it('turns a mermaid fence into a div holding its source as text', () => {
    const html = mermaidFencePlugin(new MarkdownIt()).render(fence('mermaid', 'gantt\n    dateFormat YYYY-MM-DD HH:mm\n    Active :2026-11-22 09:12, 2026-11-22 09:37'));
    assert.equal(html, '<div class="mermaid">gantt\n    dateFormat YYYY-MM-DD HH:mm\n    Active :2026-11-22 09:12, 2026-11-22 09:37\n</div>\n');
  });

  it('escapes the source, so markup in a chart never becomes part of the page', () => {
    const html = mermaidFencePlugin(new MarkdownIt({ html: true })).render(fence('mermaid', 'graph TD\n  A["<img src=x onerror=alert(1)>"] --> B[& "</div><script>x()</script>"]'));
    assert.doesNotMatch(html, /<img|<script|<\/div><script/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /B\[&amp; &quot;&lt;\/div&gt;&lt;script&gt;/);
    assert.equal((html.match(/<div/g) ?? []).length, 1);
  });

  it('reads the language as the info string\'s first word, in any case', () => {
    const md = mermaidFencePlugin(new MarkdownIt());
    assert.match(md.render(fence('Mermaid {title="x"}', 'pie\n "a" : 1')), /^<div class="mermaid">pie/);
    assert.match(md.render(fence('  mermaid', 'pie\n "a" : 1')), /^<div class="mermaid">pie/);
  });

  it('leaves every other fence to the renderer it had', () => {
    const md = mermaidFencePlugin(new MarkdownIt());
    assert.equal(md.render(fence('ts', 'const a = 1 < 2;')), '<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>\n');
    assert.equal(md.render(fence('', 'plain')), '<pre><code>plain\n</code></pre>\n');
    assert.equal(md.render(fence('mermaidish', 'x')), '<pre><code class="language-mermaidish">x\n</code></pre>\n');
  });

  it('keeps the scroll-sync attributes VS Code\'s preview adds around it', () => {
    const md = withLineNumbers(mermaidFencePlugin(new MarkdownIt()));
    const html = md.render(`# Title\n\n${fence('mermaid', 'pie\n "a" : 1')}`);
    assert.match(html, /<div data-line="2" class="code-line mermaid">pie\n &quot;a&quot; : 1\n<\/div>/);
  });

  it('returns the instance it extended, as extendMarkdownIt must', () => {
    const md = new MarkdownIt();
    assert.equal(mermaidFencePlugin(md), md);
  });
});
