import * as vscode from 'vscode';

/** The "Session Journal" log in the Output panel: journal problems and capture errors go here. */
export interface Log extends vscode.Disposable {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
  show(): void;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function createLog(): Log {
  const channel = vscode.window.createOutputChannel('Session Journal', { log: true });
  return {
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m, err) => channel.error(err === undefined ? m : `${m}: ${describeError(err)}`),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}

/** Logs a problem the user must hear about and shows it once as a warning, with a way to the log. */
export function warnUser(log: Log, message: string): void {
  log.error(message);
  void vscode.window.showWarningMessage(vscode.l10n.t('Session Journal: {0}', message), vscode.l10n.t('Show Log')).then((a) => { if (a) log.show(); });
}
