import type { FileChange } from '../journal/events';

/**
 * Parses `git show --numstat --format=` and `git diff --numstat` output into the journal's
 * FileChange list. A 10,000-file commit (a vendored tree, a mass rename) must not turn into a
 * 10,000-entry journal line, so the list is cut at `maxFiles` and the rest only counted.
 */

/** Options for the numstat parsers. */
export interface NumstatOptions {
  /** Files kept in the list; default 500. */
  readonly maxFiles?: number;
}

/** The parsed file list; totals cover every file, including those cut from the list. */
export interface NumstatResult {
  readonly files: FileChange[];
  /** Files left out of `files`. */
  readonly truncated: number;
  /** Lines added over all files (binary files count 0). */
  readonly added: number;
  readonly removed: number;
}

const DEFAULT_MAX_FILES = 500;
const COUNT = /^(\d+|-)$/;

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git C-quotes paths with unusual bytes (`"caf\303\251.txt"`); this undoes it, decoding UTF-8. */
export function unquoteGitPath(path: string): string {
  if (path.length < 2 || !path.startsWith('"') || !path.endsWith('"')) return path;
  const body = path.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = String.fromCodePoint(body.codePointAt(i) ?? 0);
    if (ch !== '\\' || i + 1 >= body.length) {
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
      continue;
    }
    const next = body[i + 1];
    const octal = /^[0-3][0-7]{2}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (next in C_ESCAPES) {
      bytes.push(C_ESCAPES[next]);
      i += 1;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The new path of a numstat rename: `old => new`, `dir/{old => new}/file`, `{ => dir}/file`,
 * `dir/{old => }/file`. Other paths are returned unchanged (but unquoted).
 */
export function renamedPath(path: string): string {
  const braces = /^(.*)\{([^{}]*) => ([^{}]*)\}(.*)$/.exec(path);
  if (braces) {
    const [, head, , to, tail] = braces;
    return unquoteGitPath(`${head}${to}${tail}`.replace(/\/{2,}/g, '/').replace(/^\//, ''));
  }
  const arrow = path.indexOf(' => ');
  if (arrow >= 0) return unquoteGitPath(path.slice(arrow + 4));
  return unquoteGitPath(path);
}

/** Collects changes with the cap and totals; shared by both output formats. */
class NumstatCollector {
  readonly files: FileChange[] = [];
  truncated = 0;
  added = 0;
  removed = 0;

  constructor(private readonly maxFiles: number) {}

  push(addedText: string, removedText: string, path: string): void {
    const binary = addedText === '-' || removedText === '-';
    const added = binary ? undefined : Number(addedText);
    const removed = binary ? undefined : Number(removedText);
    this.added += added ?? 0;
    this.removed += removed ?? 0;
    if (this.files.length >= this.maxFiles) {
      this.truncated++;
      return;
    }
    this.files.push(binary ? { path } : { path, added, removed });
  }

  result(): NumstatResult {
    return { files: this.files, truncated: this.truncated, added: this.added, removed: this.removed };
  }
}

/** Parses line-based numstat output; lines that are not numstat (blank, a format line) are skipped. */
export function parseNumstat(text: string, options: NumstatOptions = {}): NumstatResult {
  const collector = new NumstatCollector(options.maxFiles ?? DEFAULT_MAX_FILES);
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const first = line.indexOf('\t');
    const second = first < 0 ? -1 : line.indexOf('\t', first + 1);
    if (second < 0) continue;
    const a = line.slice(0, first);
    const r = line.slice(first + 1, second);
    const path = line.slice(second + 1);
    if (!COUNT.test(a) || !COUNT.test(r) || !path) continue;
    collector.push(a, r, renamedPath(path));
  }
  return collector.result();
}

/**
 * Parses `--numstat -z` output, where paths are never quoted and a rename is
 * `added\tremoved\t\0old\0new\0`: the unambiguous form for paths containing ` => ` or braces.
 */
export function parseNumstatZ(text: string, options: NumstatOptions = {}): NumstatResult {
  const collector = new NumstatCollector(options.maxFiles ?? DEFAULT_MAX_FILES);
  const parts = text.split('\0');
  for (let i = 0; i < parts.length; i++) {
    // `git show -z` may put the (empty) format line and a newline before the first record.
    const record = parts[i].replace(/^\n+/, '');
    const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(record);
    if (!m) continue;
    if (m[3] !== '') {
      collector.push(m[1], m[2], m[3]);
    } else if (i + 2 < parts.length) {
      collector.push(m[1], m[2], parts[i + 2]);
      i += 2;
    }
  }
  return collector.result();
}
