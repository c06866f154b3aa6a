/**
 * End Session's template question. The setting `sessionJournal.retrospective.defaultTemplate`,
 * when it names a known template, answers it without asking (a team that always writes handoffs
 * should not be asked every time); otherwise a QuickPick offers the built-in and workspace
 * templates with the last choice in this workspace on top and selected, so Enter repeats it.
 */
import * as vscode from 'vscode';
import { DEFAULT_TEMPLATE_NAME } from '../../core/template/templates';
import type { RetrospectiveTemplate } from '../../core/template/types';
import { pickOne } from '../prompts';

/** workspaceState key of the template chosen last in this workspace. */
export const LAST_TEMPLATE_KEY = 'sessionJournal.lastTemplate';

export interface TemplateChoiceContext {
  readonly templates: readonly RetrospectiveTemplate[];
  /** The setting's value; empty when unset. */
  readonly defaultTemplate: string;
  readonly state: Pick<vscode.Memento, 'get' | 'update'>;
  /** The step title's prefix, e.g. "End Session (3/3)". */
  readonly title: string;
  readonly warn: (message: string) => void;
}

/** The template to write, or undefined when the user dismissed the question. */
export async function askTemplate(c: TemplateChoiceContext): Promise<RetrospectiveTemplate | undefined> {
  const byName = (name: string | undefined): RetrospectiveTemplate | undefined => c.templates.find((t) => t.name === name);
  if (c.defaultTemplate !== '') {
    const set = byName(c.defaultTemplate);
    if (set) return set;
    c.warn(`sessionJournal.retrospective.defaultTemplate names "${c.defaultTemplate}", which is neither built in nor in .session-journal/templates; asking instead.`);
  }
  const last = byName(c.state.get<string>(LAST_TEMPLATE_KEY)) ?? byName(DEFAULT_TEMPLATE_NAME);
  const ordered = last ? [last, ...c.templates.filter((t) => t !== last)] : [...c.templates];
  const picked = await pickOne(
    ordered.map((t) => ({
      label: t.name,
      description: t.source === undefined ? t.title : vscode.l10n.t('{0} · workspace', t.title),
      detail: t.description,
      template: t,
    })),
    { title: vscode.l10n.t('{0}: which retrospective template?', c.title), ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return undefined;
  await c.state.update(LAST_TEMPLATE_KEY, picked.template.name);
  return picked.template;
}
