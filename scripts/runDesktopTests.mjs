// Desktop users: the same integration suite under @vscode/test-electron, which downloads a
// desktop VS Code (it needs internet access, so it is not part of CI on offline machines).
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { projectRoot } from './codeServer.mjs';
import { addTestWorkspaceSettings, makeSampleWorkspace } from './sampleWorkspace.mjs';

const workspace = makeSampleWorkspace('sj-desktop-');
addTestWorkspaceSettings(workspace);
try {
  await runTests({
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: join(projectRoot, 'dist', 'test', 'integration', 'index'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { SJ_TEST_WORKSPACE: workspace },
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
