import * as fs from 'node:fs';
import * as path from 'node:path';
import { retrospectiveKit } from '../lazy/loadRetrospectiveKit';

/** Where a draft ended up, and why it is not where the user asked when it could not be. */
export interface WrittenDraft {
  readonly file: string;
  readonly fallbackReason?: string;
}

/**
 * Writes the draft into `folder` under a name that never overwrites an existing file. When the
 * folder cannot be written (read-only, not a folder, disk full), the draft goes to `fallbackDir`
 * (the extension's storage) instead and the reason is returned: nothing is lost.
 */
export function writeDraft(folder: string, name: string, content: string, fallbackDir: string): WrittenDraft {
  const attempt = (dir: string): string => {
    fs.mkdirSync(dir, { recursive: true });
    const unique = retrospectiveKit().uniqueFileName(name, (n) => fs.existsSync(path.join(dir, n)));
    const file = path.join(dir, unique);
    // 'wx' refuses to replace a file that appeared meanwhile.
    fs.writeFileSync(file, content, { encoding: 'utf8', flag: 'wx' });
    return file;
  };
  try {
    return { file: attempt(folder) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { file: attempt(fallbackDir), fallbackReason: reason };
  }
}
