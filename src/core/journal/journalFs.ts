/**
 * The few file-system calls the journal writer makes, behind an interface so tests can stand
 * in a disk that is full, read-only or whose folder was deleted.
 */
import * as fs from 'node:fs';

/**
 * The file-system calls the writer needs; tests pass one that fails on demand. The writer hands
 * over whole lines already encoded as UTF-8, one buffer per flush.
 */
export interface JournalFs {
  appendFile(file: string, data: Uint8Array): Promise<void>;
  appendFileSync(file: string, data: Uint8Array): void;
  /** Creates the folder and its parents; succeeds when it exists. */
  mkdir(dir: string): Promise<void>;
  mkdirSync(dir: string): void;
}

/** The real file system. */
export const nodeJournalFs: JournalFs = {
  appendFile: (file, data) => fs.promises.appendFile(file, data),
  appendFileSync: (file, data) => fs.appendFileSync(file, data),
  mkdir: async (dir) => { await fs.promises.mkdir(dir, { recursive: true }); },
  mkdirSync: (dir) => { fs.mkdirSync(dir, { recursive: true }); },
};

/** The errno code of a Node error (ENOSPC, EACCES, ENOENT...), when it has one. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** A readable message for anything thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
