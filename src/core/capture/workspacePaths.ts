/**
 * Paths as the journal stores them: workspace-relative, so a retrospective never leaks a home
 * directory layout and reads the same on every machine. Pure string logic (no `path` module),
 * because the extension host may be on Windows while tests run on Linux.
 */

/** A workspace folder as the glue passes it in (name and absolute file-system path). */
export interface WorkspaceFolderInfo {
  readonly name: string;
  readonly path: string;
}

/** Forward slashes, no trailing slash, lower-case drive letter: one spelling per path. */
function normalize(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(s)) s = s[0].toLowerCase() + s.slice(1);
  // `/c:/x` is how URIs spell Windows paths; treat it as `c:/x`.
  if (/^\/[A-Za-z]:/.test(s)) s = s[1].toLowerCase() + s.slice(2);
  s = s.replace(/\/{2,}/g, '/');
  if (s.length > 1 && s.endsWith('/') && !/^[a-z]:\/$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** Windows file systems ignore case, so a folder opened as `C:\Repo` contains `c:\repo\x`. */
function isWindowsPath(p: string): boolean {
  return /^[a-z]:/.test(p);
}

/** The part of `abs` below `folder`, '' for the folder itself, undefined when outside. */
function relativeTo(abs: string, folder: string): string | undefined {
  const win = isWindowsPath(folder);
  const a = win ? abs.toLowerCase() : abs;
  const f = win ? folder.toLowerCase() : folder;
  if (a === f) return '';
  const prefix = f.endsWith('/') ? f : `${f}/`;
  if (!a.startsWith(prefix)) return undefined;
  return abs.slice(prefix.length);
}

/**
 * Turns an absolute path into the form the journal stores. In a multi-root workspace the folder
 * name is prefixed (`api/src/x.ts`) so two `src/index.ts` stay apart; for nested folders the
 * deepest one wins. Returns undefined outside every folder, and '.' for a single folder's root.
 */
export function toWorkspaceRelative(absPath: string, folders: readonly WorkspaceFolderInfo[]): string | undefined {
  const abs = normalize(absPath);
  let best: { folder: WorkspaceFolderInfo; rel: string; depth: number } | undefined;
  for (const folder of folders) {
    const root = normalize(folder.path);
    const rel = relativeTo(abs, root);
    if (rel === undefined) continue;
    if (!best || root.length > best.depth) best = { folder, rel, depth: root.length };
  }
  if (!best) return undefined;
  if (folders.length > 1) return best.rel ? `${best.folder.name}/${best.rel}` : best.folder.name;
  return best.rel || '.';
}

/**
 * A working directory for display: workspace-relative when inside the workspace, otherwise the
 * absolute path with the home directory shortened to `~` (pass `home` explicitly; core code
 * does not read the environment).
 */
export function displayCwd(abs: string, folders: readonly WorkspaceFolderInfo[], home?: string): string {
  const rel = toWorkspaceRelative(abs, folders);
  if (rel !== undefined) return rel;
  const norm = normalize(abs);
  if (home) {
    const h = normalize(home);
    const under = relativeTo(norm, h);
    if (under !== undefined) return under ? `~/${under}` : '~';
  }
  return norm;
}
