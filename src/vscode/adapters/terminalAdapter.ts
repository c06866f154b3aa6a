import * as vscode from 'vscode';
import type { CommandConfidence, CommandEndNotReported } from '../../core/journal/events';
import { OpenCommands } from '../../core/capture/openCommands';
import type { CaptureSink } from './captureSink';
import { Disposable } from '../dispose';
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

/** What a command's start tells, kept until its end (or until we stop waiting for it). */
interface StartedCommand {
  readonly execution: vscode.TerminalShellExecution;
  readonly terminalName: string;
  readonly cwd?: vscode.Uri;
}

/**
 * Terminal commands through VS Code's shell integration API: command line, cwd, exit code,
 * start, end. Terminals without shell integration are named once on the timeline, so no
 * command is missed silently. A command whose start was reported but whose end never is (its
 * terminal closed, recording stopped) is recorded too, marked "end not reported". Output is never read.
 */
export class TerminalAdapter extends Disposable {
  private readonly open = new OpenCommands<vscode.TerminalShellExecution, vscode.Terminal, StartedCommand>();
  private readonly pendingChecks = new Map<vscode.Terminal, ReturnType<typeof setTimeout>>();
  /** Terminals we said had no shell integration: if it starts after all, the Timeline must say so. */
  private readonly warned = new WeakSet<vscode.Terminal>();
  private readonly commandEnds = this.register(new vscode.EventEmitter<string>());
  /**
   * The command line of each command whose end the shell reported, recorded or not (recording
   * paused): what it did to the workspace is there whether or not the session records it.
   */
  readonly onDidEndCommand = this.commandEnds.event;

  constructor(private readonly sink: CaptureSink) {
    super();
    this.register(vscode.window.onDidStartTerminalShellExecution((e) => {
      const now = Date.now();
      this.open.started(e.execution, e.terminal, now, { execution: e.execution, terminalName: e.terminal.name, cwd: e.execution.cwd ?? e.shellIntegration.cwd });
      // A point, not a span: a dev server, a REPL or ssh runs for hours whether or not anyone
      // works, so a running shell command must not hide a real break (tasks and debug sessions do span).
      this.sink.activity(now);
    }));
    this.register(vscode.window.onDidEndTerminalShellExecution((e) => this.ended(e)));
    this.register(vscode.window.onDidOpenTerminal((t) => this.watchIntegration(t)));
    this.register(vscode.window.onDidCloseTerminal((t) => {
      this.clearCheck(t);
      // VS Code reports no end for a command still running in a closed terminal.
      this.recordUnended(this.open.terminalClosed(t), 'terminal-closed');
    }));
    this.register(vscode.window.onDidChangeTerminalShellIntegration((e) => {
      this.clearCheck(e.terminal);
      this.integrationArrived(e.terminal);
    }));
    for (const t of vscode.window.terminals) this.watchIntegration(t);
    this.register({ dispose: () => { for (const t of [...this.pendingChecks.keys()]) this.clearCheck(t); } });
  }

  /** Looks at every open terminal again (a session just started: terminals opened earlier count too). */
  recheck(): void {
    for (const t of vscode.window.terminals) this.watchIntegration(t);
  }

  /**
   * Recording stops (End Session, Pause, window closing) while commands still run: record them
   * now, marked, since their end would come too late for this session.
   */
  closeOutRunningCommands(): void {
    this.recordUnended(this.open.closeOutAll(), 'recording-stopped');
  }

  private ended(e: vscode.TerminalShellExecutionEndEvent): void {
    const end = Date.now();
    this.sink.activity(end);
    this.commandEnds.fire(e.execution.commandLine.value ?? '');
    const opened = this.open.ended(e.execution);
    if (opened === 'closed-out') return;
    // undefined means VS Code could not tell: unknown, never success.
    const exitCode = typeof e.exitCode === 'number' ? e.exitCode : null;
    this.recordCommand(e.execution, e.terminal.name, e.execution.cwd ?? e.shellIntegration.cwd, opened?.start ?? end, end, exitCode);
  }

  private recordUnended(commands: readonly { start: number; info: StartedCommand }[], why: CommandEndNotReported): void {
    const now = Date.now();
    for (const { start, info } of commands) this.recordCommand(info.execution, info.terminalName, info.cwd, start, now, null, why);
  }

  private recordCommand(
    execution: vscode.TerminalShellExecution, terminal: string, cwdUri: vscode.Uri | undefined,
    start: number, end: number, exitCode: number | null, endNotReported?: CommandEndNotReported,
  ): void {
    this.sink.capture({
      kind: 'command',
      commandLine: execution.commandLine.value ?? '',
      start,
      end,
      confidence: confidenceOf(execution.commandLine.confidence),
      ...(cwdUri && CWD_SCHEMES.has(cwdUri.scheme) ? { cwd: cwdUri.fsPath } : {}),
      exitCode,
      terminal,
      ...(endNotReported ? { endNotReported } : {}),
    });
  }

  private watchIntegration(terminal: vscode.Terminal): void {
    if (terminal.shellIntegration || this.pendingChecks.has(terminal)) return;
    const handle = setTimeout(() => {
      this.pendingChecks.delete(terminal);
      if (terminal.shellIntegration || terminal.exitStatus) return;
      this.warned.add(terminal);
      this.sink.notice(
        'no-shell-integration',
        `Terminal "${terminal.name}" has no shell integration, so its commands are not recorded. ` +
          'Use bash, zsh, fish or PowerShell with the setting terminal.integrated.shellIntegration.enabled on, then open a new terminal.',
        'commands',
      );
    }, SHELL_INTEGRATION_GRACE_MS);
    this.pendingChecks.set(terminal, handle);
  }

  /**
   * A slow shell start (a heavy ~/.bashrc, a loaded machine) can bring shell integration after
   * the grace period: the earlier notice was then wrong, and the record says so rather than
   * leaving "its commands are not recorded" beside commands that are.
   */
  private integrationArrived(terminal: vscode.Terminal): void {
    if (!this.warned.has(terminal)) return;
    this.warned.delete(terminal);
    this.sink.notice(
      'shell-integration-late',
      `Terminal "${terminal.name}" started its shell integration late: its commands are recorded after all.`,
      'commands',
    );
  }

  private clearCheck(terminal: vscode.Terminal): void {
    const handle = this.pendingChecks.get(terminal);
    if (handle) clearTimeout(handle);
    this.pendingChecks.delete(terminal);
  }
}
