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
 * It follows the command the shell reports starting in this terminal after the line was sent, as a
 * person watches the terminal: VS Code pairs the object executeCommand returns with that execution
 * only when the shell reports exactly the line it sent, and a line that arrives while bash is still
 * between the previous command's end and its next prompt (a loaded machine) is not always reported
 * so; that object then never ends. For lines under 4095 characters (see nextStart).
 */
export async function runInTerminal(t: IntegratedTerminal, commandLine: string, timeoutMs = 20_000): Promise<number | undefined> {
  // The terminal's shellIntegration object can be replaced (cwd changes): always use the current one.
  const shell = t.terminal.shellIntegration ?? t.shell;
  const ends = new Map<vscode.TerminalShellExecution, number | undefined>();
  const listener = vscode.window.onDidEndTerminalShellExecution((e) => {
    if (e.terminal === t.terminal) ends.set(e.execution, e.exitCode);
  });
  try {
    // Listening before sending: the start can be reported before executeCommand returns.
    const started = nextStart(t, () => true, timeoutMs);
    const sent = shell.executeCommand(commandLine);
    const execution = await started;
    await waitFor(() => ends.has(execution) || ends.has(sent), timeoutMs, `"${commandLine.slice(0, 60)}" to end in terminal ${t.terminal.name}`);
    return ends.has(execution) ? ends.get(execution) : ends.get(sent);
  } finally {
    listener.dispose();
  }
}
