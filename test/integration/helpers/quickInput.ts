import * as vscode from 'vscode';
import type { PromptShown } from '../../../src/vscode/prompts';
import { getApi } from './extensionApi';

/** Settles with `promise`, or rejects after `ms` saying what was awaited. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The extension's prompts in the order the workbench showed them (the API's onDidShowPrompt). */
class ShownPrompts implements vscode.Disposable {
  private readonly queue: PromptShown[] = [];
  private wake: () => void = () => {};
  private readonly listener: vscode.Disposable;

  constructor(onDidShowPrompt: vscode.Event<PromptShown>) {
    this.listener = onDidShowPrompt((p) => { this.queue.push(p); this.wake(); });
  }

  /** The next prompt shown; undefined when `ended` settles first (the command asked no more). */
  async next(ended: Promise<unknown>): Promise<PromptShown | undefined> {
    const over = ended.then(() => true, () => true);
    while (this.queue.length === 0) {
      const shown = new Promise<false>((resolve) => { this.wake = () => resolve(false); });
      if (await Promise.race([shown, over]) && this.queue.length === 0) return undefined;
    }
    return this.queue.shift();
  }

  dispose(): void {
    this.listener.dispose();
  }
}

/**
 * Runs a command that asks through quick picks and input boxes and answers each prompt once the
 * workbench shows it (with its items, or its value), as a person answers what they see: no
 * sleep, however slowly a loaded machine shows the next prompt. `answer` gets the prompt and its
 * index; the command is not awaited first, it only resolves once every prompt has been answered.
 */
export async function runAnsweringPrompts(command: string, args: readonly unknown[], prompts: number,
  answer: (prompt: PromptShown, index: number) => Promise<void>, timeoutMs = 15_000): Promise<unknown> {
  const api = await getApi();
  const shown = new ShownPrompts(api.onDidShowPrompt);
  try {
    const running = Promise.resolve(vscode.commands.executeCommand(command, ...args));
    for (let i = 0; i < prompts; i++) {
      const prompt = await within(shown.next(running), timeoutMs, `prompt ${i + 1} of ${prompts} of ${command} to show`);
      if (!prompt) break;
      await answer(prompt, i);
    }
    return await within(running, timeoutMs, `${command} to finish after answering ${prompts} prompt(s)`);
  } finally {
    shown.dispose();
  }
}

/** Enter on a prompt: its selected item, or its prefilled value. */
export async function acceptPrompt(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/**
 * Runs a command that asks through quick picks and input boxes, accepting each prompt's
 * default (the selected item, the prefilled value) the way a person pressing Enter would.
 */
export async function runAcceptingPrompts(command: string, args: readonly unknown[], prompts: number, timeoutMs = 15_000): Promise<unknown> {
  return runAnsweringPrompts(command, args, prompts, acceptPrompt, timeoutMs);
}
