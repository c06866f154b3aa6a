import * as os from 'node:os';
import * as vscode from 'vscode';
import type { CommandConfidence } from '../../core/events';
import { displayCwd } from '../../core/workspacePaths';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';

/** Longest command line kept in the journal; longer ones are shortened after redaction. */
export const MAX_COMMAND_LINE = 4000;
/** How long a new terminal gets to activate shell integration before we say it has none. */
const SHELL_INTEGRATION_GRACE_MS = 8000;
const CWD_SCHEMES = new Set(['file', 'vscode-local', 'vscode-remote']);

function confidenceOf(c: vscode.TerminalShellExecutionCommandLineConfidence): CommandConfidence {
  switch (c) {
    case vscode.TerminalShellExecutionCommandLineConfidence.High:
      return 'high';
    case vscode.TerminalShellExecutionCommandLineConfidence.Medium:
      return 'medium';
    default:
      return 'low';
  }
}

/**
 * Terminal commands through VS Code's shell integration API: command line, cwd, exit code,
 * start, end. Terminals without shell integration are named once on the timeline, so no
 * command is missed silently. Output is never read.
 */
export class TerminalAdapter extends Disposable {
  private readonly starts = new WeakMap<vscode.TerminalShellExecution, number>();
  private readonly pendingChecks = new Map<vscode.Terminal, ReturnType<typeof setTimeout>>();

  constructor(private readonly sink: CaptureSink) {
    super();
    this.register(vscode.window.onDidStartTerminalShellExecution((e) => {
      const now = this.sink.now();
      this.starts.set(e.execution, now);
      // A point, not a span: a dev server, a REPL or ssh runs for hours whether or not anyone
      // works, so a running shell command must not hide a real break (tasks and debug sessions do span).
      this.sink.activity(now);
    }));
    this.register(vscode.window.onDidEndTerminalShellExecution((e) => this.ended(e)));
    this.register(vscode.window.onDidOpenTerminal((t) => this.watchIntegration(t)));
    this.register(vscode.window.onDidCloseTerminal((t) => this.clearCheck(t)));
    this.register(vscode.window.onDidChangeTerminalShellIntegration((e) => this.clearCheck(e.terminal)));
    for (const t of vscode.window.terminals) this.watchIntegration(t);
    this.register({ dispose: () => { for (const t of [...this.pendingChecks.keys()]) this.clearCheck(t); } });
  }

  /** Looks at every open terminal again (a session just started: terminals opened earlier count too). */
  recheck(): void {
    for (const t of vscode.window.terminals) this.watchIntegration(t);
  }

  private ended(e: vscode.TerminalShellExecutionEndEvent): void {
    const end = this.sink.now();
    this.sink.activity(end);
    if (!this.sink.recording || !this.sink.captures('commands')) return;
    const raw = e.execution.commandLine.value ?? '';
    if (!raw.trim() || this.sink.isExcludedCommand(raw)) return;
    const start = this.starts.get(e.execution) ?? end;
    const redacted = this.sink.redactText(raw);
    const commandLine = redacted.length > MAX_COMMAND_LINE ? `${redacted.slice(0, MAX_COMMAND_LINE - 1)}…` : redacted;
    const cwdUri = e.execution.cwd ?? e.shellIntegration.cwd;
    const cwd = cwdUri && CWD_SCHEMES.has(cwdUri.scheme) ? displayCwd(cwdUri.fsPath, this.sink.folders(), os.homedir()) : undefined;
    this.sink.record({
      kind: 'command',
      time: end,
      start,
      durationMs: Math.max(0, end - start),
      commandLine,
      confidence: confidenceOf(e.execution.commandLine.confidence),
      ...(cwd ? { cwd } : {}),
      // undefined means VS Code could not tell: unknown, never success.
      exitCode: typeof e.exitCode === 'number' ? e.exitCode : null,
      terminal: e.terminal.name,
      ...(commandLine !== redacted ? { originalLength: raw.length } : {}),
    });
  }

  private watchIntegration(terminal: vscode.Terminal): void {
    if (terminal.shellIntegration || this.pendingChecks.has(terminal)) return;
    const handle = setTimeout(() => {
      this.pendingChecks.delete(terminal);
      if (terminal.shellIntegration || terminal.exitStatus || !this.sink.recording || !this.sink.captures('commands')) return;
      this.sink.notice(
        'no-shell-integration',
        `Terminal "${terminal.name}" has no shell integration, so its commands are not recorded. ` +
          'Use bash, zsh, fish or PowerShell with the setting terminal.integrated.shellIntegration.enabled on, then open a new terminal.',
      );
    }, SHELL_INTEGRATION_GRACE_MS);
    this.pendingChecks.set(terminal, handle);
  }

  private clearCheck(terminal: vscode.Terminal): void {
    const handle = this.pendingChecks.get(terminal);
    if (handle) clearTimeout(handle);
    this.pendingChecks.delete(terminal);
  }
}
