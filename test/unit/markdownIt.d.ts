// markdown-it reaches node_modules through @vscode/vsce and ships no types. The tests drive the
// real parser, typed as far as they use it (VS Code's preview hands the same object to the plugin).
declare module 'markdown-it' {
  interface Token {
    info: string;
    content: string;
    map: [number, number] | null;
    attrJoin(name: string, value: string): void;
    attrSet(name: string, value: string): void;
  }
  type Rule = (tokens: Token[], index: number, options: unknown, env: unknown, self: Renderer) => string;
  interface Renderer {
    rules: { fence?: Rule };
    renderAttrs(token: Token): string;
  }
  class MarkdownIt {
    constructor(options?: { html?: boolean });
    renderer: Renderer;
    utils: { escapeHtml(text: string): string };
    render(source: string): string;
  }
  export default MarkdownIt;
}
