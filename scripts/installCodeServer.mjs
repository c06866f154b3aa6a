// Installs code-server (a real VS Code with a real Node extension host) into a
// gitignored folder, the way @vscode/test-electron caches VS Code under .vscode-test/.
// It stays out of package.json because it is ~300 MB and only the test runners need it.
// The workarounds below are the ones ../shared/real-vscode.md documents for offline machines.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(installDir, 'node_modules', '.bin', 'code-server');

/** Seeds @vscode/ripgrep's download cache with Debian's rg, since its postinstall cannot reach GitHub. */
function seedRipgrepCache() {
  const cache = join(process.env.TMPDIR || tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  if (!existsSync('/usr/bin/rg')) {
    throw new Error('ripgrep is missing: run `npm run setup` (it installs the Debian package ripgrep).');
  }
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-seed-'));
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

export function ensureCodeServer() {
  if (existsSync(codeServerBin)) return codeServerBin;
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${installDir} (once, about a minute)…`);
  seedRipgrepCache();
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    stdio: 'inherit',
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (!existsSync(codeServerBin)) throw new Error(`code-server did not install: ${codeServerBin} is missing`);
  return codeServerBin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err));
    process.exit(1);
  }
}
