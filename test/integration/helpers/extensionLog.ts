import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The extension's "Session Journal" log channel as VS Code writes it to disk. The API gives no
 * way to read an output channel back, but a LogOutputChannel lands in
 * `<user-data>/logs/<session>/exthost*\/<extension id>/Session Journal.log`, and the journal
 * lives in `<user-data>/User/workspaceStorage/<hash>/<extension id>`: one derives the other.
 */
export function logFiles(journalDir: string): string[] {
  const userData = path.resolve(journalDir, '..', '..', '..', '..');
  const logs = path.join(userData, 'logs');
  const found: string[] = [];
  const list = (dir: string): string[] => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  };
  for (const session of list(logs)) {
    for (const host of list(path.join(logs, session)).filter((n) => n.startsWith('exthost'))) {
      const file = path.join(logs, session, host, path.basename(journalDir), 'Session Journal.log');
      if (fs.existsSync(file)) found.push(file);
    }
  }
  return found;
}

/** The first log line matching `pattern` in any of the extension's log files, if any. */
export function findLogLine(journalDir: string, pattern: RegExp): string | undefined {
  for (const file of logFiles(journalDir)) {
    const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => pattern.test(l));
    if (line) return line;
  }
  return undefined;
}
