/**
 * `session-journal report [FOLDER...] [--json] [--since DATE]`: the team report over every
 * retrospective and metrics log under the folders (the current folder when none is given). Each
 * folder is one source in the report: a person's clone, a repository.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDay, reportFromFiles } from '../core/report/collectReport';
import type { ReportFile } from '../core/report/collectReport';
import { renderTeamReport } from '../core/report/renderTeamReport';
import { describeIoError, EXIT_OK, EXIT_USAGE, usageError } from './cliIo';
import type { CliIo } from './cliIo';

export const REPORT_USAGE = `report writes a Markdown team report from the retrospectives and metrics logs under the
folders (default: the current folder): sessions and active time per week, friction per session,
recurring friction themes across people, validation pass rate, carried-over next steps done.

Options:
  --json           print the report's figures as JSON instead
  --since DATE     only sessions on or after DATE (YYYY-MM-DD)

Exit status: 0 the report was written, 2 usage error or a folder could not be read.
`;

const OPTIONS = {
  json: { type: 'boolean' },
  since: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Folders never worth reading for retrospectives: dependencies and hidden folders (.git). */
const SKIPPED = /^(?:\.|node_modules$)/;

function parse(args: readonly string[]): { folders: string[]; json: boolean; since?: string } | string {
  let parsed: { values: { json?: boolean; since?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const message = usageError(error);
    return /'--since'/.test(message) ? '--since needs a date (YYYY-MM-DD)' : message;
  }
  const { json = false, since } = parsed.values;
  if (since !== undefined && !isIsoDay(since)) return `--since needs a date (YYYY-MM-DD), not '${since}'`;
  const folders = parsed.positionals.slice(1).map((f) => f.replace(/(.)\/+$/, '$1'));
  return { folders: folders.length > 0 ? folders : ['.'], json, ...(since !== undefined ? { since } : {}) };
}

/** Every Markdown file under `folder`, in name order so the report does not depend on the disk's. */
async function markdownUnder(io: CliIo, folder: string, source: string, out: ReportFile[]): Promise<void> {
  if (!io.readDir) throw new Error('this command line cannot list folders');
  const entries = [...(await io.readDir(folder))].sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.directory) {
      if (!SKIPPED.test(entry.name)) await markdownUnder(io, path, source, out);
    } else if (/\.md$/i.test(entry.name)) {
      out.push({ file: path, source, text: await io.readFile(path) });
    }
  }
}

/** `args` holds the whole command line after the program name, `report` included. */
export async function runReport(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const options = parse(args);
  if (typeof options === 'string') {
    io.stderr.write(`session-journal: ${options}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const files: ReportFile[] = [];
  for (const folder of options.folders) {
    try {
      await markdownUnder(io, folder, folder, files);
    } catch (error) {
      io.stderr.write(`session-journal: cannot read '${folder}': ${describeIoError(error)}\n`);
      return EXIT_USAGE;
    }
  }
  const report = reportFromFiles(files, options.since);
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderTeamReport(report));
  return EXIT_OK;
}
