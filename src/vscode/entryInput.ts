import * as vscode from 'vscode';
import type { FrictionCategory, FrictionTrigger, JournalEvent } from '../core/journal/events';
import { FRICTION_CATEGORIES } from '../core/journal/events';
import { agentTrigger } from '../core/friction/agentFriction';
import { describeEvent, shorten } from '../core/timeline/describeEvent';

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
  if (!value.trim()) return 'Write a few words (Escape cancels).';
  if (value.length > MAX_ENTRY_LENGTH) return `Keep it under ${MAX_ENTRY_LENGTH} characters.`;
  return undefined;
}

/** Asks for one line of text; undefined when cancelled. */
export async function askText(options: { title: string; prompt: string; value?: string; placeHolder?: string }): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
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
  const descriptions: Record<FrictionCategory, string> = {
    tooling: 'build tools, editors, CLIs, dependencies',
    environment: 'machines, containers, networks, credentials',
    requirements: 'unclear or changing goals',
    knowledge: 'something I had to learn or look up',
    'flaky test': 'a test that fails and passes at random',
    other: '',
  };
  const picked = await vscode.window.showQuickPick(
    FRICTION_CATEGORIES.map((c) => ({ label: c, description: descriptions[c], picked: c === fallback })),
    { title: 'Friction category (optional)', placeHolder: `Escape keeps "${fallback}"`, ignoreFocusOut: true },
  );
  return (picked?.label as FrictionCategory | undefined) ?? fallback;
}
