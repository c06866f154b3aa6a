// `npm start`: builds the extension, makes a sample git workspace, starts code-server with the
// extension loaded from this working tree, and prints the URL to open. Ctrl+C stops everything.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startCodeServer, workbenchUrl, projectRoot } from './codeServer.mjs';
import { makeSampleWorkspace } from './sampleWorkspace.mjs';

const port = Number(process.env.PORT || 0) || undefined;

execFileSync(process.execPath, ['esbuild.mjs'], { cwd: projectRoot, stdio: 'inherit' });
const workspace = process.env.SJ_WORKSPACE || makeSampleWorkspace('sj-sample-');
const server = await startCodeServer({ port, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
const url = workbenchUrl(server, { folder: workspace });

console.log('\nSession Journal is running in code-server (VS Code in the browser).');
console.log(`Sample workspace: ${workspace}`);
console.log(`\nOpen this URL:\n\n  ${url}\n`);
console.log('Click the Session Journal icon in the activity bar, then Start Session. Ctrl+C stops everything.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.stop();
  if (!process.env.SJ_WORKSPACE) rmSync(workspace, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', () => { if (!stopping) { console.error('code-server stopped.'); process.exit(1); } });
