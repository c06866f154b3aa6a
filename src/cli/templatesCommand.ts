/**
 * `session-journal templates [--json] [--workspace DIR]`: the built-in templates and the
 * workspace's own (`DIR/.session-journal/templates/*.md`, DIR the current directory by default),
 * and how `validate` finds the template a file is checked against.
 */
import { parseTeamTemplate, formatTemplateErrors, templateNameOfFile } from '../core/template/teamTemplate';
import { allTemplates, BUILT_IN_TEMPLATES, findTemplate } from '../core/template/templates';
import type { RetrospectiveTemplate } from '../core/template/types';
import { loadWorkspaceTemplates } from '../core/template/workspaceTemplates';
import type { WorkspaceTemplates } from '../core/template/workspaceTemplates';
import { describeIoError, EXIT_OK, EXIT_USAGE } from './cliIo';
import type { CliIo } from './cliIo';

/** The workspace's templates, its bad files reported on stderr (they do not stop the command). */
export async function workspaceTemplates(io: CliIo, workspace: string | undefined): Promise<WorkspaceTemplates> {
  const root = workspace ?? io.cwd?.() ?? '.';
  const readDir = io.readDir;
  if (!readDir) return { templates: [], problems: [] };
  const list = async (dir: string): Promise<string[]> => (await readDir(dir)).filter((e) => !e.directory).map((e) => e.name);
  const loaded = await loadWorkspaceTemplates(root, { list, read: (file) => io.readFile(file) });
  for (const problem of loaded.problems) io.stderr.write(`session-journal: bad template file:\n${problem}\n`);
  return loaded;
}

/** Whether a --template value is a file rather than a name. */
function isFile(value: string): boolean {
  return /[\\/]/.test(value) || /\.md$/i.test(value);
}

/** The template `--template` names: a file to read, or a built-in or workspace name. A string is the error. */
export async function requestedTemplate(value: string, io: CliIo, workspace: readonly RetrospectiveTemplate[]): Promise<RetrospectiveTemplate | string> {
  if (!isFile(value)) {
    return findTemplate(value, workspace)
      ?? `unknown template '${value}' (known: ${allTemplates(workspace).map((t) => t.name).join(', ')})`;
  }
  let text: string;
  try {
    text = await io.readFile(value);
  } catch (error) {
    return `cannot read template '${value}': ${describeIoError(error)}`;
  }
  const base = value.split(/[\\/]/).at(-1) ?? value;
  const parsed = parseTeamTemplate(templateNameOfFile(base) ?? base, text, value);
  return parsed.template ?? `template '${value}' is invalid:\n${formatTemplateErrors(value, parsed.errors)}`;
}

interface TemplateRow {
  name: string;
  title: string;
  source: string;
  description?: string;
  sections: { title: string; required: boolean; fill: string }[];
  rules: string[];
}

function row(t: RetrospectiveTemplate): TemplateRow {
  return {
    name: t.name, title: t.title, source: t.source ?? 'built-in',
    ...(t.description === undefined ? {} : { description: t.description }),
    sections: t.sections.map((s) => ({ title: s.title, required: s.required, fill: s.fill })),
    rules: [...t.rules],
  };
}

/** Runs `templates`; exit 2 when a workspace template file is bad (it is listed on stderr). */
export async function runTemplates(io: CliIo, json: boolean, workspace: string | undefined): Promise<number> {
  const loaded = await workspaceTemplates(io, workspace);
  const templates = allTemplates(loaded.templates);
  if (json) {
    io.stdout.write(`${JSON.stringify(templates.map(row), null, 2)}\n`);
  } else {
    for (const t of templates) {
      const source = BUILT_IN_TEMPLATES.includes(t) ? 'built-in' : t.source ?? 'workspace';
      io.stdout.write(`${t.name.padEnd(10)} ${source.padEnd(10)} ${t.description ?? t.title}\n`);
    }
  }
  return loaded.problems.length > 0 ? EXIT_USAGE : EXIT_OK;
}
