import * as vscode from 'vscode';
import type { FrictionCategory, FrictionTrigger, JournalEvent } from '../core/journal/events';
import { FRICTION_CATEGORIES } from '../core/journal/events';
import { agentTrigger } from '../core/friction/agentFriction';
import { describeEvent, shorten } from '../core/timeline/describeEvent';
import { askLine, pickOne } from './prompts';

/** Long enough for a sentence or two, short enough to stay one timeline row. */
export const MAX_ENTRY_LENGTH = 2000;

/** A copy of what triggered a friction point, so the friction reads on its own later. */
export function triggerOf(e: JournalEvent | undefined): FrictionTrigger | undefined {
  if (!e) return undefined;
  // Commands and tasks keep their own text, so the friction prompt knows the failure is explained.
  if (e.kind === 'command') return { eventId: e.id, summary: shorten(e.commandLine, 500), exitCode: e.exitCode, durationMs: e.durationMs };
  // An agent's step keeps its command (or tool) and says whose it was, as the friction prompt's does.
  if (e.kind === 'agent') return agentTrigger(e);
  if (e.kind === 'task') return { eventId: e.id, summary: shorten(e.name, 500), exitCode: e.exitCode, durationMs: e.durationMs };
  return { eventId: e.id, summary: shorten(describeEvent(e).title, 200) };
}

function validateText(value: string): string | undefined {
  if (!value.trim()) return vscode.l10n.t('Write a few words (Escape cancels).');
  if (value.length > MAX_ENTRY_LENGTH) return vscode.l10n.t('Keep it under {0} characters.', MAX_ENTRY_LENGTH);
  return undefined;
}

/** Asks for one line of text; undefined when cancelled. */
export async function askText(options: { title: string; prompt: string; value?: string; placeHolder?: string }): Promise<string | undefined> {
  const text = await askLine({
    title: options.title,
    prompt: options.prompt,
    value: options.value,
    placeHolder: options.placeHolder,
    ignoreFocusOut: true,
    validateInput: validateText,
  });
  return text?.trim() || undefined;
}

/** Asks for a friction category; Escape keeps `fallback`. */
export async function askCategory(fallback: FrictionCategory = 'other'): Promise<FrictionCategory> {
  // The labels are the categories the journal records; only their descriptions are translated.
  const descriptions: Record<FrictionCategory, string> = {
    tooling: vscode.l10n.t('build tools, editors, CLIs, dependencies'),
    environment: vscode.l10n.t('machines, containers, networks, credentials'),
    requirements: vscode.l10n.t('unclear or changing goals'),
    knowledge: vscode.l10n.t('something I had to learn or look up'),
    'flaky test': vscode.l10n.t('a test that fails and passes at random'),
    other: '',
  };
  const picked = await pickOne(
    FRICTION_CATEGORIES.map((c) => ({ label: c, description: descriptions[c], picked: c === fallback })),
    { title: vscode.l10n.t('Friction category (optional)'), placeHolder: vscode.l10n.t('Escape keeps "{0}"', fallback), ignoreFocusOut: true },
  );
  return (picked?.label as FrictionCategory | undefined) ?? fallback;
}
