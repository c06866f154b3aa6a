import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { subagentParent } from './agentDiscovery';
import type { AgentEvent, AgentName } from './agentEvent';
import type { ParserOptions } from './transcriptParser';
import { TranscriptImport } from './transcriptImport';
import type { TranscriptProblem } from './transcriptImport';

/**
 * Follows transcript files an agent is still writing: for each file a byte offset, the line
 * reader's buffered partial last line and the parser's state (tool calls still waiting for
 * their result, the Codex session id and model) are kept between reads, so a call made in one
 * read and answered in the next is one event with both times.
 *
 * A file that shrinks or is replaced (another inode) is read again from its start with a fresh
 * parser: the events' keys are stable, and the journal keeps each key once, so re-reading is safe.
 * A file that disappears is forgotten; the events already read stay in the journal.
 *
 * Reads are synchronous and bounded per call (`budgetBytes`), so a poll never blocks the host
 * for long, and End Session can drain what is left in its synchronous flush. Memory is bounded by
 * the chunk size plus the longest line kept (`maxLineBytes`); longer lines are skipped.
 */

/** Lines longer than this are skipped while tailing (images and whole-file tool results); the rest of the file is read. */
export const TAIL_MAX_LINE_BYTES = 4 * 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

export interface TailerOptions extends ParserOptions {
  readonly maxLineBytes?: number;
  readonly chunkBytes?: number;
}

/** What one read of one file gave. */
export interface TailRead {
  readonly path: string;
  readonly agent?: AgentName;
  readonly events: AgentEvent[];
  readonly problems: TranscriptProblem[];
  /** Something the person should be told (a skipped huge line, a rewritten file). */
  readonly notices: string[];
  /** Bytes left to read after this call (the budget ran out). */
  readonly behind: number;
}

interface FileState {
  importer: TranscriptImport;
  offset: number;
  inode: number;
  device: number;
}

export class TranscriptTailer {
  private readonly files = new Map<string, FileState>();
  private readonly buffer: Buffer;

  constructor(private readonly options: TailerOptions = {}) {
    this.buffer = Buffer.alloc(options.chunkBytes ?? CHUNK_BYTES);
  }

  /** The files being followed. */
  get paths(): string[] {
    return [...this.files.keys()];
  }

  /** Bytes of `path` already read (the end of the last complete line is `importer.offset`). */
  offsetOf(path: string): number | undefined {
    return this.files.get(path)?.offset;
  }

  /** Reads what was appended to `path` since the last call, at most `budgetBytes`. */
  read(path: string, budgetBytes = Number.POSITIVE_INFINITY): TailRead {
    const out: TailRead = { path, events: [], problems: [], notices: [], behind: 0 };
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      // Deleted (Claude Code cleans up old transcripts) or not readable: what was read stays recorded.
      if (this.files.delete(path)) out.notices.push(`${path} is gone; the steps read from it before are kept.`);
      return out;
    }
    try {
      const stat = fstatSync(fd);
      let state = this.files.get(path);
      if (state && (stat.ino !== state.inode || stat.dev !== state.device || stat.size < state.offset)) {
        out.notices.push(`${path} was rewritten; it is read again from its start (steps already recorded are not recorded twice).`);
        state = undefined;
      }
      if (!state) {
        state = { importer: this.newImport(path), offset: 0, inode: stat.ino, device: stat.dev };
        this.files.set(path, state);
      }
      let left = Math.min(stat.size - state.offset, budgetBytes);
      while (left > 0) {
        const n = readSync(fd, this.buffer, 0, Math.min(this.buffer.length, left), state.offset);
        if (n <= 0) break;
        state.offset += n;
        left -= n;
        this.collect(state.importer.push(this.buffer.subarray(0, n)), out);
      }
      const agent = state.importer.agent;
      return { ...out, ...(agent ? { agent } : {}), behind: Math.max(0, stat.size - state.offset) };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The file will not be read again (End Session): its last line without a newline is read,
   * and tool calls still open come back with status `unknown`.
   */
  finish(path: string): TailRead {
    const out: TailRead = { path, events: [], problems: [], notices: [], behind: 0 };
    const state = this.files.get(path);
    if (!state) return out;
    this.files.delete(path);
    this.collect(state.importer.end(), out);
    return out;
  }

  /** The calls of `path` still waiting for their result; the file stays followed as it was. */
  openCalls(path: string): AgentEvent[] {
    return this.files.get(path)?.importer.openCalls() ?? [];
  }

  forget(path: string): void {
    this.files.delete(path);
  }

  private get maxLineBytes(): number {
    return this.options.maxLineBytes ?? TAIL_MAX_LINE_BYTES;
  }

  private get maxLineMb(): string {
    return (this.maxLineBytes / (1024 * 1024)).toFixed(1);
  }

  private newImport(path: string): TranscriptImport {
    const parent = subagentParent(path);
    return new TranscriptImport({ ...this.options, maxLineBytes: this.maxLineBytes, ...(parent !== undefined ? { subagentOf: parent } : {}) });
  }

  private collect(batch: { events: AgentEvent[]; problems: TranscriptProblem[] }, out: TailRead): void {
    out.events.push(...batch.events);
    for (const problem of batch.problems) {
      out.problems.push(problem);
      const long = /^skipped: line of (\d+) bytes/.exec(problem.reason);
      if (long) {
        const mb = (Number(long[1]) / (1024 * 1024)).toFixed(1);
        out.notices.push(`Line ${problem.line} of ${out.path} (${mb} MB, over the ${this.maxLineMb} MB limit) was skipped: an image or a whole file in one line. The lines around it were read.`);
      }
    }
  }
}
