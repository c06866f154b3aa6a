/**
 * The built-in templates by name, and how a name (from a marker, a setting or `--template`) is
 * turned into a template among the built-in ones and a workspace's own.
 */
import { HANDOFF_TEMPLATE } from './handoffTemplate';
import { PHASE_TEMPLATE } from './phaseTemplate';
import { REPORT_TEMPLATE } from './reportTemplate';
import { SESSION_TEMPLATE } from './sessionTemplate';
import type { RetrospectiveTemplate } from './types';

/** The built-in templates, `session` (the default) first. */
export const BUILT_IN_TEMPLATES: readonly RetrospectiveTemplate[] = [SESSION_TEMPLATE, REPORT_TEMPLATE, PHASE_TEMPLATE, HANDOFF_TEMPLATE];

export const DEFAULT_TEMPLATE_NAME = SESSION_TEMPLATE.name;

/** A template name: letters, digits, "-" and "_", as in a file name `.session-journal/templates/<name>.md`. */
export const TEMPLATE_NAME = /^[A-Za-z0-9][\w-]{0,63}$/;

/** The built-in template with this name. */
export function builtInTemplate(name: string): RetrospectiveTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.name === name);
}

/**
 * The template with this name: a workspace template wins over a built-in one of the same name,
 * so a team can tighten `report` for itself.
 */
export function findTemplate(name: string, workspace: readonly RetrospectiveTemplate[] = []): RetrospectiveTemplate | undefined {
  return workspace.find((t) => t.name === name) ?? builtInTemplate(name);
}

/** Built-in and workspace templates together, a workspace one replacing the built-in one it shares a name with. */
export function allTemplates(workspace: readonly RetrospectiveTemplate[] = []): RetrospectiveTemplate[] {
  const own = new Set(workspace.map((t) => t.name));
  return [...BUILT_IN_TEMPLATES.filter((t) => !own.has(t.name)), ...workspace];
}
