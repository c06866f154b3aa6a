/**
 * A workspace's own templates: every `<name>.md` in `.session-journal/templates`, parsed by
 * parseTeamTemplate. The file system is passed in, so the CLI and the extension read the same way.
 */
import { formatTemplateErrors, parseTeamTemplate, TEAM_TEMPLATE_DIR, templateNameOfFile } from './teamTemplate';
import type { RetrospectiveTemplate } from './types';

export interface TemplateFiles {
  /** File names in a directory. May throw; a folder that does not exist is read as no files (see isNotFound). */
  list(dir: string): Promise<string[]>;
  read(file: string): Promise<string>;
}

export interface WorkspaceTemplates {
  readonly templates: RetrospectiveTemplate[];
  /** One "file:line: message" text per bad file; the good files still load. */
  readonly problems: string[];
}

/**
 * Whether an error says the path does not exist: Node's `ENOENT`, or VS Code's
 * `FileSystemError` (`FileNotFound`, `EntryNotFound` on some file systems). A workspace without a
 * templates folder has no templates; any other error (permissions, a file where the folder should
 * be) is a problem to report.
 */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound';
}

/** Joins with "/", which node's fs and VS Code both accept on every platform. */
function join(dir: string, name: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${name}`;
}

/** The templates of the workspace at `root`, in file name order. */
export async function loadWorkspaceTemplates(root: string, files: TemplateFiles): Promise<WorkspaceTemplates> {
  const dir = join(root, TEAM_TEMPLATE_DIR);
  const templates: RetrospectiveTemplate[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = (await files.list(dir)).slice().sort();
  } catch (error) {
    if (isNotFound(error)) return { templates, problems };
    return { templates, problems: [`${dir}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  for (const fileName of names) {
    const name = templateNameOfFile(fileName);
    if (name === undefined) continue;
    const file = join(dir, fileName);
    let text: string;
    try {
      text = await files.read(file);
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const parsed = parseTeamTemplate(name, text, file);
    if (parsed.template) templates.push(parsed.template);
    else problems.push(formatTemplateErrors(file, parsed.errors));
  }
  return { templates, problems };
}
