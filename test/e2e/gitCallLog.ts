// A `git` that writes down every call before running the real one. Set as `git.path`, it sees
// every git process the extension (and VS Code's git support) starts, however short: sampling
// `ps` can miss a git that lives for a few milliseconds, this cannot.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One call of the wrapper. */
export interface GitCall {
  /** True when one of the caller's ancestors is an extension host (`--type=extensionHost`). */
  readonly fromExtensionHost: boolean;
  /** The caller's process chain, parent first (pids). */
  readonly ancestors: readonly number[];
  readonly cwd: string;
  /** git's arguments, joined by spaces. */
  readonly args: string;
}

export interface GitCallLog {
  /** The wrapper itself, for `git.path`. */
  readonly gitPath: string;
  /** Every call so far. */
  calls(): GitCall[];
  remove(): void;
}

/**
 * The wrapper walks its ancestors through /proc (a shell script, so it adds no git of its own),
 * appends one tab-separated line per call in a single write, then execs the real git.
 */
function wrapperScript(realGit: string, logFile: string): string {
  return `#!/bin/sh
exthost=0
chain=""
p=$PPID
while [ -n "$p" ] && [ "$p" -gt 1 ]; do
  case "$(tr '\\0' ' ' < /proc/$p/cmdline 2>/dev/null)" in *--type=extensionHost*) exthost=1 ;; esac
  chain="$chain$p,"
  p=$(sed -n 's/^PPid:[[:space:]]*//p' /proc/$p/status 2>/dev/null)
done
line=$(printf '%s\\t%s\\t%s\\t%s' "$exthost" "$chain" "$(pwd)" "$*" | tr '\\n' ' ')
printf '%s\\n' "$line" >> '${logFile}'
exec '${realGit}' "$@"
`;
}

/** Makes the wrapper in a temp folder, in front of the git found on this process's PATH. */
export function makeGitCallLog(): GitCallLog {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  if (!path.isAbsolute(realGit)) throw new Error(`no git on PATH (got ${JSON.stringify(realGit)})`);
  const binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-git-wrapper-'));
  const logFile = path.join(binDir, 'calls.log');
  const gitPath = path.join(binDir, 'git');
  fs.writeFileSync(logFile, '');
  fs.writeFileSync(gitPath, wrapperScript(realGit, logFile), { mode: 0o755 });
  return {
    gitPath,
    calls() {
      return fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => l.length > 0).map((line) => {
        const [exthost = '', chain = '', cwd = '', ...args] = line.split('\t');
        return { fromExtensionHost: exthost === '1', ancestors: chain.split(',').filter(Boolean).map(Number), cwd, args: args.join('\t') };
      });
    },
    remove() {
      fs.rmSync(binDir, { recursive: true, force: true });
    },
  };
}
