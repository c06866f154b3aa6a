/** Shared helpers for the journal and session tests: temp folders, a disk that fails on demand, event builders. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { nodeJournalFs } from '../../src/core/journal/journalFs';
import type { JournalFs } from '../../src/core/journal/journalFs';

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-journal-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The real file system, except that appends fail with `failWith` (an errno code) while it is set. */
export class FlakyFs implements JournalFs {
  failWith: string | undefined;
  /** Fail only this many more appends, then heal (undefined: until failWith is cleared). */
  failTimes: number | undefined;
  appendCalls = 0;
  readonly writes: { file: string; data: Uint8Array }[] = [];

  private check(): void {
    this.appendCalls++;
    if (this.failWith === undefined) return;
    if (this.failTimes !== undefined) {
      if (this.failTimes <= 0) return;
      this.failTimes--;
    }
    throw Object.assign(new Error(`${this.failWith}: simulated failure`), { code: this.failWith });
  }

  async appendFile(file: string, data: Uint8Array): Promise<void> {
    this.check();
    await nodeJournalFs.appendFile(file, data);
    this.writes.push({ file, data });
  }

  appendFileSync(file: string, data: Uint8Array): void {
    this.check();
    nodeJournalFs.appendFileSync(file, data);
    this.writes.push({ file, data });
  }

  mkdir(dir: string): Promise<void> {
    return nodeJournalFs.mkdir(dir);
  }

  mkdirSync(dir: string): void {
    nodeJournalFs.mkdirSync(dir);
  }
}

let counter = 0;

/** A complete event of any kind, with made-up id and session unless given. */
export function stamp(draft: EventDraft, sessionId = 's1', id = `e${++counter}`): JournalEvent {
  return { v: SCHEMA_VERSION, id, sessionId, ...draft } as JournalEvent;
}

/** A command draft with the fields the parser requires. */
export function commandDraft(time: number, exitCode: number | null, commandLine = 'npm test'): EventDraft {
  return { kind: 'command', time, commandLine, confidence: 'high', exitCode, start: time - 1000, durationMs: 1000, terminal: 'bash' };
}

/** Waits for real time to pass (the writer's timers are real). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
