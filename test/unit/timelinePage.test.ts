import * as assert from 'node:assert/strict';
import { timelinePageHtml } from '../../src/shared/timelinePage';

describe('timelinePageHtml', () => {
  const html = timelinePageHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'n0nce', styles: ['a.css', 'b.css'], scripts: ['data.js', 'webview.js'] });

  it('allows only nonce-carrying scripts and resources from the webview origin', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; img-src https://x.vscode-cdn.net data:; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; script-src 'nonce-n0nce'");
    assert.deepEqual([...html.matchAll(/<script ([^>]*)>/g)].map((m) => m[1]), ['nonce="n0nce" src="data.js"', 'nonce="n0nce" src="webview.js"']);
    assert.deepEqual([...html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g)].map((m) => m[1]), ['a.css', 'b.css']);
    assert.match(html, /<body>\n<div id="root"><\/div>/);
  });

  it('escapes what it puts in attributes, so a URL cannot open a tag', () => {
    const hostile = timelinePageHtml({ cspSource: 'file:', nonce: 'n', styles: ['x"><script>alert(1)</script>.css'], scripts: [], bodyClass: 'vscode-dark" onload="alert(1)' });
    assert.doesNotMatch(hostile, /<script>alert/);
    assert.match(hostile, /<body class="vscode-dark&quot; onload=&quot;alert\(1\)">/);
  });
});
