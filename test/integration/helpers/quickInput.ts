import * as vscode from 'vscode';
import { delay, waitFor } from './wait';

/** Time the workbench needs to show the next quick input after the previous one closed. */
const STEP_MS = 400;

/**
 * Runs a command that asks through quick picks and input boxes, accepting each prompt's
 * default (the selected item, the prefilled value) the way a person pressing Enter would.
 * The command is not awaited first: it only resolves once every prompt has been answered.
 */
export async function runAcceptingPrompts(command: string, args: readonly unknown[], prompts: number, timeoutMs = 15_000): Promise<unknown> {
  let settled = false;
  let failure: unknown;
  let result: unknown;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).then(
    (r) => { result = r; settled = true; },
    (err: unknown) => { failure = err; settled = true; },
  );
  for (let i = 0; i < prompts && !settled; i++) {
    await delay(STEP_MS);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  await waitFor(() => settled, timeoutMs, `${command} to finish after answering ${prompts} prompt(s)`);
  await running;
  if (failure) throw failure;
  return result;
}
