import assert from 'node:assert/strict';
import { displayCwd, toWorkspaceRelative } from '../../src/core/capture/workspacePaths';

describe('workspacePaths', () => {
  describe('toWorkspaceRelative', () => {
    const single = [{ name: 'app', path: '/home/ada/code/app' }];

    it('strips the folder of a single-root workspace', () => {
      assert.equal(toWorkspaceRelative('/home/ada/code/app/src/index.ts', single), 'src/index.ts');
    });

    it("returns '.' for the root of a single folder", () => {
      assert.equal(toWorkspaceRelative('/home/ada/code/app', single), '.');
      assert.equal(toWorkspaceRelative('/home/ada/code/app/', single), '.');
    });

    it('returns undefined outside every folder, including sibling prefixes', () => {
      assert.equal(toWorkspaceRelative('/home/ada/code/other/x.ts', single), undefined);
      assert.equal(toWorkspaceRelative('/home/ada/code/application/x.ts', single), undefined);
      assert.equal(toWorkspaceRelative('/etc/hosts', single), undefined);
    });

    it('prefixes the folder name in a multi-root workspace', () => {
      const multi = [
        { name: 'api', path: '/srv/api' },
        { name: 'web', path: '/srv/web' },
      ];
      assert.equal(toWorkspaceRelative('/srv/api/src/index.ts', multi), 'api/src/index.ts');
      assert.equal(toWorkspaceRelative('/srv/web/src/index.ts', multi), 'web/src/index.ts');
      assert.equal(toWorkspaceRelative('/srv/web', multi), 'web');
      assert.equal(toWorkspaceRelative('/srv/db/x', multi), undefined);
    });

    it('lets the deepest folder win for nested folders, whatever the order', () => {
      const nested = [
        { name: 'mono', path: '/repo' },
        { name: 'pkg', path: '/repo/packages/pkg' },
      ];
      assert.equal(toWorkspaceRelative('/repo/packages/pkg/src/a.ts', nested), 'pkg/src/a.ts');
      assert.equal(toWorkspaceRelative('/repo/packages/pkg/src/a.ts', [...nested].reverse()), 'pkg/src/a.ts');
      assert.equal(toWorkspaceRelative('/repo/packages/other/a.ts', nested), 'mono/packages/other/a.ts');
    });

    it('handles Windows separators and drive letter case', () => {
      const win = [{ name: 'Repo', path: 'C:\\Users\\ada\\Repo' }];
      assert.equal(toWorkspaceRelative('c:\\Users\\ada\\Repo\\src\\main.ts', win), 'src/main.ts');
      assert.equal(toWorkspaceRelative('C:/Users/ada/Repo/src/main.ts', win), 'src/main.ts');
      assert.equal(toWorkspaceRelative('/c:/Users/ada/Repo/README.md', win), 'README.md');
      assert.equal(toWorkspaceRelative('D:\\Users\\ada\\Repo\\x.ts', win), undefined);
    });

    it('treats Windows paths case-insensitively but keeps the file spelling', () => {
      const win = [{ name: 'Repo', path: 'C:\\Users\\Ada\\Repo' }];
      assert.equal(toWorkspaceRelative('c:\\users\\ada\\repo\\Src\\Main.ts', win), 'Src/Main.ts');
    });

    it('is case-sensitive on POSIX paths', () => {
      assert.equal(toWorkspaceRelative('/home/ada/code/App/x.ts', single), undefined);
    });
  });

  describe('displayCwd', () => {
    const folders = [{ name: 'app', path: '/home/ada/code/app' }];

    it('is workspace-relative inside the workspace', () => {
      assert.equal(displayCwd('/home/ada/code/app/packages/core', folders, '/home/ada'), 'packages/core');
    });

    it('shortens the home directory to ~ outside the workspace', () => {
      assert.equal(displayCwd('/home/ada/tmp/scratch', folders, '/home/ada'), '~/tmp/scratch');
      assert.equal(displayCwd('/home/ada', folders, '/home/ada'), '~');
    });

    it('keeps other absolute paths as they are', () => {
      assert.equal(displayCwd('/var/log', folders, '/home/ada'), '/var/log');
      assert.equal(displayCwd('/home/adam/x', folders, '/home/ada'), '/home/adam/x');
      assert.equal(displayCwd('/var/log', folders), '/var/log');
    });

    it('shortens a Windows home directory', () => {
      assert.equal(displayCwd('C:\\Users\\ada\\Downloads', [], 'C:\\Users\\ada'), '~/Downloads');
    });
  });
});
