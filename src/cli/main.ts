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
import { REPORT_USAGE, runReport } from './report';
import { chooseTemplate } from '../core/template/marker';
import type { RetrospectiveTemplate } from '../core/template/types';
import { SESSION_TEMPLATE } from '../core/template/sessionTemplate';
import { requestedTemplate, runTemplates, workspaceTemplates } from './templatesCommand';
import { DRAFT_USAGE, runDraft } from './draft';

export type { CliIo } from './cliIo';
export { EXIT_OK, EXIT_FAILED, EXIT_USAGE, describeIoError } from './cliIo';

const USAGE = `Usage: session-journal validate FILE... [--json] [--config FILE] [--template NAME|FILE] [--workspace DIR]
       session-journal templates [--json] [--workspace DIR]
       session-journal agent-events FILE... [--json]
       session-journal report [FOLDER...] [--json] [--since DATE]
       session-journal draft --transcript FILE [--out DIR]

validate checks session retrospectives against the retrospective format. Each file is
checked against the template its marker comment names (<!-- session-journal:template NAME -->),
or the session template when it names none.
templates lists the built-in templates (session, report, phase, handoff) and the workspace's
own, the Markdown files in DIR/.session-journal/templates/.

Options:
  --json           print one JSON array with an object per file (per template for templates)
  --config FILE    JSON file with validator settings (thresholds, required sections)
  --template T     validate every file against template T: a name, or a template .md file
  --workspace DIR  where .session-journal/templates/ is looked for (default: the current directory)
  -h, --help       show this help
  -v, --version    show the version

Exit status: 0 every file passes, 1 a rule fails, 2 usage or I/O error.

${AGENT_EVENTS_USAGE}
${REPORT_USAGE}
${DRAFT_USAGE}`;

interface Options {
  command: 'validate' | 'templates';
  files: string[];
  json: boolean;
  config?: string;
  template?: string;
  workspace?: string;
}

/** The options `util.parseArgs` knows; anything else is a usage error. */
const OPTIONS = {
  json: { type: 'boolean' },
  config: { type: 'string' },
  template: { type: 'string' },
  workspace: { type: 'string' },
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
  let parsed: { values: { json?: boolean; config?: string; template?: string; workspace?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return usageError(error, ['--config', '--template', '--workspace']);
  }
  const [command, ...files] = parsed.positionals;
  if (command !== 'validate' && command !== 'templates') {
    return command === undefined ? 'no command given' : `unknown command '${command}'`;
  }
  const { json = false, config, template, workspace } = parsed.values;
  if (config === '') return '--config needs a file';
  if (template === '') return '--template needs a name or a file';
  if (workspace === '') return '--workspace needs a directory';
  if (command === 'templates') {
    if (files.length > 0) return `templates takes no files ('${files[0]}')`;
    if (config !== undefined || template !== undefined) return 'templates takes only --json and --workspace';
  } else if (files.length === 0) return 'no files to validate';
  return {
    command, files, json,
    ...(config === undefined ? {} : { config }), ...(template === undefined ? {} : { template }), ...(workspace === undefined ? {} : { workspace }),
  };
}

/** The config file's JSON, checked against the session layout; a string is the error. */
async function loadConfig(path: string, io: CliIo): Promise<{ json: unknown } | string> {
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
  const { errors } = loadValidatorConfig(json);
  return errors.length > 0 ? `config '${path}' is invalid:\n  ${errors.join('\n  ')}` : { json };
}

/**
 * The config for one template: the file's settings over the template's own defaults, so a
 * threshold set in the file applies to every layout and a layout keeps its own sections.
 */
function configFor(json: unknown, template: RetrospectiveTemplate): ValidatorConfig | undefined {
  if (json === undefined) return undefined;
  return loadValidatorConfig(json, template).config;
}

interface FileReport {
  file: string;
  /** The template the file was checked against. */
  template?: string;
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
  if (commandOf(args) === 'report') return runReport(args, io, USAGE);
  if (commandOf(args) === 'draft') return runDraft(args, io, USAGE);
  const options = parseOptions(args);
  if (typeof options === 'string') {
    io.stderr.write(`session-journal: ${options}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options.command === 'templates') return runTemplates(io, options.json, options.workspace);
  let configJson: unknown;
  if (options.config !== undefined) {
    const loaded = await loadConfig(options.config, io);
    if (typeof loaded === 'string') {
      io.stderr.write(`session-journal: ${loaded}\n`);
      return EXIT_USAGE;
    }
    configJson = loaded.json;
  }
  const workspace = (await workspaceTemplates(io, options.workspace)).templates;
  let requested: RetrospectiveTemplate | undefined;
  if (options.template !== undefined) {
    const found = await requestedTemplate(options.template, io, workspace);
    if (typeof found === 'string') {
      io.stderr.write(`session-journal: ${found}\n`);
      return EXIT_USAGE;
    }
    requested = found;
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
    const chosen = requested ? { template: requested } : chooseTemplate(text, workspace);
    const result = validateRetrospective(text, configFor(configJson, chosen.template), undefined, chosen.template, chosen.unknown);
    reports.push({
      file,
      template: chosen.template.name,
      passed: result.passed,
      findings: result.findings.map((f) => ({
        rule: f.rule, message: f.message, line: f.line, severity: f.severity, ...(f.alsoFails ? { alsoFails: f.alsoFails } : {}),
      })),
    });
    if (!options.json) writeHuman(io, file, result.findings, result.rules.filter((r) => r.passed).length, result.rules.length, chosen.template.name);
  }
  if (options.json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else writeSummary(io, reports);
  if (ioError) return EXIT_USAGE;
  return reports.every((r) => r.passed) ? EXIT_OK : EXIT_FAILED;
}

function writeHuman(io: CliIo, file: string, findings: readonly Finding[], passed: number, total: number, template: string): void {
  for (const f of findings) {
    const rule = f.severity === 'warning' ? `${f.rule} (warning)` : f.rule;
    io.stdout.write(`${file}:${f.line}  ${rule}  ${f.message}\n`);
  }
  // The session layout is the default and goes unsaid; any other is named.
  const against = template === SESSION_TEMPLATE.name ? '' : ` (template ${template})`;
  io.stdout.write(`${file}: ${passed} of ${total} checks pass${against}\n`);
}

function writeSummary(io: CliIo, reports: readonly FileReport[]): void {
  const passed = reports.filter((r) => r.passed).length;
  const unreadable = reports.filter((r) => r.error !== undefined).length;
  const failed = reports.length - passed - unreadable;
  const parts = [`${passed} passed`, `${failed} failed`];
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  io.stdout.write(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${parts.join(', ')}\n`);
}
