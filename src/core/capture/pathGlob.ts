import picomatch from 'picomatch';

/**
 * The glob matcher for the `excludePaths` setting, with VS Code's glob syntax (as in
 * `files.exclude`): `*` and `?` within one path segment, `**` for any number of segments
 * (including none), `{a,b}` alternatives, `[a-c]` and `[!0-9]` character ranges. picomatch
 * does the matching; this module only adapts the pattern:
 * - dot files are matched like any other (`**\/*.pem` excludes `.ssh/id.pem`), as VS Code does;
 * - a pattern without a slash matches the file name at any depth (`*.pem`), as .gitignore does.
 *   VS Code's settings would want `**\/*.pem`; for an exclusion list matching more is the safe side;
 * - `!`, `(` `)` and extglobs such as `+(x)` are not VS Code syntax, so they stay literal.
 */

/** Options that make picomatch read a pattern the way VS Code does (`posix` enables `[!...]`). */
const VSCODE_GLOB: picomatch.PicomatchOptions = { dot: true, nonegate: true, noextglob: true, posix: true };

/** Past this many alternatives a pattern is left to picomatch's own brace handling. */
const MAX_ALTERNATIVES = 64;

/** The first top-level `{...}` with a comma in it: its bounds and its comma-separated parts. */
function firstBraceGroup(pattern: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = 0; start < pattern.length; start++) {
    if (pattern[start] === '\\') start++;
    else if (pattern[start] === '{') {
      const parts: string[] = [];
      let depth = 0;
      let partStart = start + 1;
      for (let i = start + 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '\\') i++;
        else if (ch === '{') depth++;
        else if (ch === '}' && depth > 0) depth--;
        else if (ch === ',' && depth === 0) {
          parts.push(pattern.slice(partStart, i));
          partStart = i + 1;
        } else if (ch === '}') {
          parts.push(pattern.slice(partStart, i));
          if (parts.length > 1) return { start, end: i, parts };
          break;
        }
      }
    }
  }
  return undefined;
}

/**
 * Expands `{a,b}` groups into separate patterns. picomatch keeps braces as a regex group, where a
 * leading `**\/` inside (`{**\/*.html,**\/*.txt}`) no longer matches zero directories; expanded,
 * each alternative is a whole pattern again, as in VS Code.
 */
export function expandBraces(pattern: string): string[] {
  const group = firstBraceGroup(pattern);
  if (!group) return [pattern];
  const head = pattern.slice(0, group.start);
  const tail = pattern.slice(group.end + 1);
  const out: string[] = [];
  for (const part of group.parts) {
    for (const expanded of expandBraces(`${head}${part}${tail}`)) {
      out.push(expanded);
      if (out.length > MAX_ALTERNATIVES) return [pattern];
    }
  }
  return out;
}

function normalizePattern(glob: string): string {
  let pattern = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  else if (!pattern.includes('/')) pattern = `**/${pattern}`;
  // `dir/` means everything below dir.
  if (pattern.endsWith('/')) pattern += '**';
  // Parentheses are literal in VS Code globs; picomatch would read them as a regex group.
  return pattern.replace(/[()]/g, (ch) => `\\${ch}`);
}

/** Compiles a glob to an anchored regex over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  const alternatives = expandBraces(glob.trim()).map((p) => picomatch.makeRe(normalizePattern(p), VSCODE_GLOB).source);
  return new RegExp(alternatives.length === 1 ? alternatives[0] : alternatives.map((s) => `(?:${s})`).join('|'));
}

/** Whether a workspace-relative path matches one glob (Windows separators accepted). */
export function matchGlob(relPath: string, glob: string | RegExp): boolean {
  const re = typeof glob === 'string' ? globToRegExp(glob) : glob;
  return re.test(relPath.replace(/\\/g, '/').replace(/^\.\//, ''));
}
