/**
 * The CLI's I/O for unit tests: stdout and stderr captured into strings, the file system given
 * by each test (files in memory, fixtures on disk, or the real disk), so every CLI test drives
 * `main` the way dist/cli.js does.
 */
import type { CliIo } from '../../src/cli/main';

export interface CapturedIo extends CliIo {
  out: string;
  err: string;
}

type FileSide = Omit<CliIo, 'stdout' | 'stderr'>;

/** `files` for reading, with stdout and stderr captured. */
export function capturedIo(files: FileSide): CapturedIo {
  const io: CapturedIo = {
    ...files,
    out: '',
    err: '',
    stdout: { write: (text: string) => { io.out += text; return true; } },
    stderr: { write: (text: string) => { io.err += text; return true; } },
  };
  return io;
}

/** A file system of `files` (paths as given): missing files reject like Node's readFile, with ENOENT. */
export function memoryFiles(files: Record<string, string>): Pick<CliIo, 'readFile' | 'readDir'> {
  return {
    readFile: async (path: string) => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    readDir: async (dir: string) => Object.keys(files).filter((f) => f.startsWith(`${dir}/`)).map((f) => ({ name: f.slice(dir.length + 1), directory: false })),
  };
}
