import * as vscode from 'vscode';
import { waitFor } from './wait';

/** How long a new terminal gets to report shell integration (bash in code-server takes 1-3 s). */
const SHELL_INTEGRATION_TIMEOUT_MS = 20_000;

/** A real integrated terminal (bash) whose shell integration is active. */
export interface IntegratedTerminal {
  readonly terminal: vscode.Terminal;
  readonly shell: vscode.TerminalShellIntegration;
}

/** Opens a bash terminal in `cwd` and waits until VS Code's shell integration has attached to it. */
export async function openIntegratedTerminal(name: string, cwd?: string): Promise<IntegratedTerminal> {
  const terminal = vscode.window.createTerminal({ name, shellPath: '/bin/bash', ...(cwd ? { cwd } : {}) });
  const shell = terminal.shellIntegration ?? (await new Promise<vscode.TerminalShellIntegration>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Terminal "${name}" got no shell integration within ${SHELL_INTEGRATION_TIMEOUT_MS} ms`));
    }, SHELL_INTEGRATION_TIMEOUT_MS);
    const listener = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal !== terminal) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(e.shellIntegration);
    });
  }));
  return { terminal, shell };
}

/**
 * Resolves with the next execution the shell reports starting in `t` whose command line passes
 * `matches`. It goes by what the shell reports, not by the object executeCommand returns: VS Code
 * pairs those by the exact command line, so a line the shell received otherwise (a tty cut it)
 * never starts nor ends under that object.
 */
export function nextStart(t: IntegratedTerminal, matches: (commandLine: string) => boolean, timeoutMs: number): Promise<vscode.TerminalShellExecution> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`No command started in terminal ${t.terminal.name} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.window.onDidStartTerminalShellExecution((e) => {
      if (e.terminal !== t.terminal || !matches(e.execution.commandLine.value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(e.execution);
    });
  });
}

/**
 * Runs `commandLine` through shell integration and resolves with its exit code once it has ended.
 * For lines under 4095 characters: one sent before bash's first prompt goes through the tty's
 * canonical mode, which keeps 4095 characters, and then never pairs (see nextStart).
 */
export async function runInTerminal(t: IntegratedTerminal, commandLine: string, timeoutMs = 20_000): Promise<number | undefined> {
  // The terminal's shellIntegration object can be replaced (cwd changes): always use the current one.
  const shell = t.terminal.shellIntegration ?? t.shell;
  let exitCode: number | undefined;
  let ended = false;
  let execution: vscode.TerminalShellExecution | undefined;
  const early: { execution: vscode.TerminalShellExecution; exitCode: number | undefined }[] = [];
  const listener = vscode.window.onDidEndTerminalShellExecution((e) => {
    if (e.terminal !== t.terminal) return;
    if (execution === undefined) early.push({ execution: e.execution, exitCode: e.exitCode });
    else if (e.execution === execution) {
      ended = true;
      exitCode = e.exitCode;
    }
  });
  try {
    execution = shell.executeCommand(commandLine);
    const before = early.find((x) => x.execution === execution);
    if (before) return before.exitCode;
    await waitFor(() => ended, timeoutMs, `"${commandLine.slice(0, 60)}" to end in terminal ${t.terminal.name}`);
    return exitCode;
  } finally {
    listener.dispose();
  }
}
