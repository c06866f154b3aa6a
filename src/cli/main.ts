/**
 * The `session-journal` command line: validates retrospectives outside the editor, so CI and
 * pre-commit hooks can hold them to the same rules as the extension does, and prints what an
 * AI agent's transcript holds (`agent-events`, in agentEvents.ts) and drafts a retrospective of
 * it (`draft --transcript`, in draft.ts).
 */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { validateRetrospective } from '../core/validator/validate';
import { loadValidatorConfig } from '../core/validator/config';
import type { ValidatorConfig } from '../core/validator/config';
import type { Finding } from '../core/validator/types';
import { describeIoError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, usageError } from './cliIo';
import type { CliIo } from './cliIo';
import { AGENT_EVENTS_USAGE, runAgentEvents } from './agentEvents';
import { DRAFT_USAGE, runDraft } from './draft';

export type { CliIo } from './cliIo';
export { EXIT_OK, EXIT_FAILED, EXIT_USAGE, describeIoError } from './cliIo';

const USAGE = `Usage: session-journal validate FILE... [--json] [--config FILE]
       session-journal agent-events FILE... [--json]
       session-journal draft --transcript FILE [--out DIR]

validate checks session retrospectives against the retrospective format.

Options:
  --json           print one JSON array with an object per file
  --config FILE    JSON file with validator settings (thresholds, required sections)
  -h, --help       show this help
  -v, --version    show the version

Exit status: 0 every file passes, 1 a rule fails, 2 usage or I/O error.

${AGENT_EVENTS_USAGE}
${DRAFT_USAGE}`;

interface Options {
  files: string[];
  json: boolean;
  config?: string;
}

/** The options `util.parseArgs` knows; anything else is a usage error. */
const OPTIONS = {
  json: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Whether --help or --version was asked for anywhere before `--`, whatever else is wrong. */
function wants(args: readonly string[], option: 'help' | 'version'): boolean {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true });
  return values[option] === true;
}

/** The subcommand named first among the positionals, whatever the options around it. */
function commandOf(args: readonly string[]): string | undefined {
  return parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true }).positionals[0];
}

function parseOptions(args: readonly string[]): Options | string {
  let parsed: { values: { json?: boolean; config?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return usageError(error, ['--config']);
  }
  const [command, ...files] = parsed.positionals;
  if (command !== 'validate') {
    return command === undefined ? 'no command given' : `unknown command '${command}'`;
  }
  const { json = false, config } = parsed.values;
  if (config === '') return '--config needs a file';
  if (files.length === 0) return 'no files to validate';
  return config === undefined ? { files, json } : { files, json, config };
}

async function loadConfig(path: string, io: CliIo): Promise<ValidatorConfig | string> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    return `cannot read config '${path}': ${describeIoError(error)}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `config '${path}' is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const { config, errors } = loadValidatorConfig(json);
  return errors.length > 0 ? `config '${path}' is invalid:\n  ${errors.join('\n  ')}` : config;
}

interface FileReport {
  file: string;
  passed: boolean;
  findings: { rule: string; message: string; line: number; severity: Finding['severity']; alsoFails?: readonly string[] }[];
  /** Set when the file could not be read. */
  error?: string;
}

/**
 * Runs the command line with `args` (the arguments after the program name) and returns the
 * exit code; all output goes through `io`.
 */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  if (wants(args, 'help')) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (wants(args, 'version')) {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  if (commandOf(args) === 'agent-events') return runAgentEvents(args, io, USAGE);
  if (commandOf(args) === 'draft') return runDraft(args, io, USAGE);
  const options = parseOptions(args);
  if (typeof options === 'string') {
    io.stderr.write(`session-journal: ${options}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  let config: ValidatorConfig | undefined;
  if (options.config !== undefined) {
    const loaded = await loadConfig(options.config, io);
    if (typeof loaded === 'string') {
      io.stderr.write(`session-journal: ${loaded}\n`);
      return EXIT_USAGE;
    }
    config = loaded;
  }
  const reports: FileReport[] = [];
  let ioError = false;
  for (const file of options.files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      ioError = true;
      const reason = describeIoError(error);
      io.stderr.write(`session-journal: cannot read '${file}': ${reason}\n`);
      reports.push({ file, passed: false, findings: [], error: reason });
      continue;
    }
    const result = validateRetrospective(text, config);
    reports.push({
      file,
      passed: result.passed,
      findings: result.findings.map((f) => ({
        rule: f.rule, message: f.message, line: f.line, severity: f.severity, ...(f.alsoFails ? { alsoFails: f.alsoFails } : {}),
      })),
    });
    if (!options.json) writeHuman(io, file, result.findings, result.rules.filter((r) => r.passed).length, result.rules.length);
  }
  if (options.json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else writeSummary(io, reports);
  if (ioError) return EXIT_USAGE;
  return reports.every((r) => r.passed) ? EXIT_OK : EXIT_FAILED;
}

function writeHuman(io: CliIo, file: string, findings: readonly Finding[], passed: number, total: number): void {
  for (const f of findings) {
    const rule = f.severity === 'warning' ? `${f.rule} (warning)` : f.rule;
    io.stdout.write(`${file}:${f.line}  ${rule}  ${f.message}\n`);
  }
  io.stdout.write(`${file}: ${passed} of ${total} checks pass\n`);
}

function writeSummary(io: CliIo, reports: readonly FileReport[]): void {
  const passed = reports.filter((r) => r.passed).length;
  const unreadable = reports.filter((r) => r.error !== undefined).length;
  const failed = reports.length - passed - unreadable;
  const parts = [`${passed} passed`, `${failed} failed`];
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  io.stdout.write(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${parts.join(', ')}\n`);
}
