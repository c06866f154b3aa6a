/**
 * A tiny glob matcher for the `excludePaths` setting (`**\/.env`, `secrets/**`, `*.pem`), so
 * core needs no dependency for three wildcards. Semantics, as in .gitignore: `**` spans any
 * number of directories (including none), `*` and `?` stay within one path segment, and a
 * pattern without a slash matches the file name at any depth.
 */

function escapeRegex(ch: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(ch) ? `\\${ch}` : ch;
}

/** Compiles a glob to an anchored regex over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  else if (!pattern.includes('/')) pattern = `**/${pattern}`;
  // `dir/` means everything below dir.
  if (pattern.endsWith('/')) pattern += '**';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/';
      const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atStart && atEnd) {
        if (i + 2 === pattern.length) {
          out += '.*';
          i += 1;
        } else {
          // `**/` matches zero or more whole segments.
          out += '(?:[^/]*/)*';
          i += 2;
        }
        continue;
      }
      out += '[^/]*';
      i += 1;
    } else if (ch === '*') {
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else {
      out += escapeRegex(ch);
    }
  }
  return new RegExp(`^${out}$`);
}

/** Whether a workspace-relative path matches one glob (Windows separators accepted). */
export function matchGlob(relPath: string, glob: string | RegExp): boolean {
  const re = typeof glob === 'string' ? globToRegExp(glob) : glob;
  return re.test(relPath.replace(/\\/g, '/').replace(/^\.\//, ''));
}
