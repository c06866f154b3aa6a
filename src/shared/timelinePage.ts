/**
 * The Timeline webview's page, built in one place for the extension (which serves it under
 * VS Code's webview origin) and for scripts/previewWebview.mjs (which serves it from files in
 * Chromium), so the preview screenshots the same page, under the same CSP, that users get.
 * Pure string building: no vscode, no Node.
 */

export interface TimelinePageParts {
  /** The origin styles, fonts and images may come from (`webview.cspSource`, or `file:` in the preview). */
  readonly cspSource: string;
  /** A fresh random value per page: only scripts carrying it may run. */
  readonly nonce: string;
  /** Stylesheet URLs, in order (the codicon font's CSS, then timeline.css). */
  readonly styles: readonly string[];
  /** Script URLs, in order; the webview bundle comes last. */
  readonly scripts: readonly string[];
  /** Body classes; VS Code adds its theme classes itself, the preview passes them here. */
  readonly bodyClass?: string;
  /** The page's language (`vscode.env.language`) and title in it; English without a host. */
  readonly lang?: string;
  readonly title?: string;
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

function attribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** The strict policy: nothing by default, no inline script or style, scripts only with the nonce. */
export function timelineCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** The whole HTML document of the Timeline view. */
export function timelinePageHtml(parts: TimelinePageParts): string {
  const styles = parts.styles.map((href) => `<link rel="stylesheet" href="${attribute(href)}">`).join('\n');
  const scripts = parts.scripts.map((src) => `<script nonce="${attribute(parts.nonce)}" src="${attribute(src)}"></script>`).join('\n');
  const body = parts.bodyClass ? `<body class="${attribute(parts.bodyClass)}">` : '<body>';
  return `<!DOCTYPE html>
<html lang="${attribute(parts.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(timelineCsp(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${attribute(parts.title ?? 'Timeline')}</title>
</head>
${body}
<div id="root"></div>
${scripts}
</body>
</html>`;
}
