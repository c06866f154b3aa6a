/**
 * The files and line counts of an `apply_patch` input (Codex's own patch format):
 * `*** Add File: p`, `*** Update File: p` (optionally `*** Move to: q`), `*** Delete File: p`,
 * and hunk lines starting with `+`, `-` or a space. Paths are as written, relative to the cwd.
 */
export interface PatchSummary {
  readonly paths: string[];
  readonly added: number;
  readonly removed: number;
  readonly created: boolean;
}

export function summarizePatch(patch: string): PatchSummary {
  const paths: string[] = [];
  let added = 0;
  let removed = 0;
  let created = false;
  for (const line of patch.split('\n')) {
    const header = /^\*\*\* (Add|Update|Delete) File: (.+)$/.exec(line);
    if (header) {
      paths.push(header[2].trim());
      if (header[1] === 'Add') created = true;
      continue;
    }
    const move = /^\*\*\* Move to: (.+)$/.exec(line);
    if (move) {
      paths[paths.length - 1] = move[1].trim();
      continue;
    }
    if (line.startsWith('***')) continue;
    if (line.startsWith('+')) added++;
    else if (line.startsWith('-')) removed++;
  }
  return { paths, added, removed, created };
}
