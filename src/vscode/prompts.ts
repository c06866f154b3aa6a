/**
 * The one way the extension asks the user through the quick input: every quick pick and input
 * box goes through here, so "a prompt of ours is showing" is known in one place.
 *
 * It is known from the workbench's side, not from the call: a quick pick is showing with its
 * items once the workbench reports its first active item (onDidSelectItem), and an input box
 * once the workbench asks to validate its first value (it does so just before showing it).
 * Integration tests answer prompts on that signal instead of sleeping, as a person answers
 * what they see.
 */
import * as vscode from 'vscode';

/** A prompt the workbench is showing. */
export type PromptShown =
  | { readonly kind: 'pick'; readonly title: string | undefined; readonly items: number; readonly active: string }
  | { readonly kind: 'text'; readonly title: string | undefined; readonly value: string };

const shown = new vscode.EventEmitter<PromptShown>();

/** Fires once per prompt, when the workbench shows it (see the file's comment). */
export const onDidShowPrompt: vscode.Event<PromptShown> = shown.event;

/** vscode.window.showQuickPick for one item, telling onDidShowPrompt when it shows. */
export async function pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
  let told = false;
  return vscode.window.showQuickPick(items, {
    ...options,
    canPickMany: false,
    onDidSelectItem: (item) => {
      if (!told) {
        told = true;
        shown.fire({ kind: 'pick', title: options.title, items: items.length, active: typeof item === 'string' ? item : item.label });
      }
      return options.onDidSelectItem?.(item);
    },
  });
}

/** vscode.window.showInputBox, telling onDidShowPrompt when it shows. */
export async function askLine(options: vscode.InputBoxOptions): Promise<string | undefined> {
  let told = false;
  return vscode.window.showInputBox({
    ...options,
    // Also without a validator of the caller's: the workbench's first call says the box is showing.
    validateInput: (value) => {
      if (!told) {
        told = true;
        shown.fire({ kind: 'text', title: options.title, value });
      }
      return options.validateInput?.(value);
    },
  });
}
