// The floor of the real-webview figures: an extension that does nothing but show a webview view
// with one static element, written to a temp folder and loaded as the development extension in
// the same code-server. Whatever it takes from "Show" to its first paint is VS Code's (and the
// browser's) cost of a webview view, which no extension can go below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EMPTY_VIEW_COMMAND = 'Empty Webview View: Show';
export const EMPTY_VIEW_EXTENSION_ID = 'bench.empty-webview-view';

const manifest = {
  name: 'empty-webview-view', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.90.0' }, main: './extension.js',
  activationEvents: [],
  contributes: {
    viewsContainers: { activitybar: [{ id: 'emptyFloor', title: 'Empty Floor', icon: 'icon.svg' }] },
    views: { emptyFloor: [{ type: 'webview', id: 'emptyFloor.view', name: 'Empty' }] },
    commands: [{ command: 'emptyFloor.show', title: 'Show', category: 'Empty Webview View' }],
  },
};

// Shown the way Session Journal shows its Timeline: a command that focuses the view.
const extension = `const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('emptyFloor.view', {
      resolveWebviewView(view) {
        view.webview.html = '<!DOCTYPE html><html><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src \\'none\\'"></head><body><div class="row">Empty view</div></body></html>';
      },
    }),
    vscode.commands.registerCommand('emptyFloor.show', () => vscode.commands.executeCommand('emptyFloor.view.focus')),
  );
};
`;

const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect x="4" y="4" width="16" height="16" fill="currentColor"/></svg>';

/** Writes the extension to a new temp folder and returns its path. */
export function writeEmptyWebviewExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'sj-empty-view-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'extension.js'), extension);
  writeFileSync(join(dir, 'icon.svg'), icon);
  return dir;
}
