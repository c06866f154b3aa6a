import type { AgentEvent, AgentName } from './agentEvent';
import { claudeCodeFormat } from './claudeCode';
import { codexFormat } from './codex';
import { LineReader } from './lineReader';
import type { LineBatch, LineReaderOptions, TranscriptLine } from './lineReader';
import type { ParserOptions, TranscriptFormat, TranscriptParser } from './transcriptParser';

/** Every format this build reads; the first whose `recognizes` accepts a record wins. */
export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = [claudeCodeFormat, codexFormat];

/** A line that gave no event for a reason worth telling: not JSON, torn, too long, or of an unknown type. */
export interface TranscriptProblem {
  readonly line: number;
  readonly reason: string;
}

export interface ImportBatch {
  readonly events: AgentEvent[];
  readonly problems: TranscriptProblem[];
}

/**
 * Where to read a transcript again after a reload without losing what was pending: `offset`
 * and `line` are the start of the oldest line whose step was not returned yet (a tool call
 * called before and answered after), or the end of the last complete line when nothing was
 * pending; `head` is the file's first record (Codex's session line names the session), read
 * again silently. The steps read twice come back with the keys they had: the capture pipeline
 * records each key once.
 */
export interface ImportResumePoint {
  readonly offset: number;
  readonly line: number;
  readonly head?: string;
}

/** Records read before the format is known; a file that shows no known record in this many lines is not a transcript. */
const MAX_UNDETECTED_RECORDS = 1000;

/**
 * One transcript file, fed chunk by chunk: bytes → complete lines → JSON records → the
 * normalized events of whichever agent wrote it (recognized from its records, not its path).
 * Feed what was appended as it is appended; call `end` once the file is complete.
 */
export class TranscriptImport {
  private readonly reader: LineReader;
  private parser: TranscriptParser | undefined;
  private waiting: { record: unknown; line: number }[] = [];
  private gaveUp = false;
  /** Start of the line where the parser last began holding something (undefined: it holds nothing). */
  private pendingSince: { offset: number; line: number } | undefined;
  private head: string | undefined;

  constructor(
    private readonly options: ParserOptions & LineReaderOptions & { readonly resume?: ImportResumePoint } = {},
    private readonly formats: readonly TranscriptFormat[] = TRANSCRIPT_FORMATS,
  ) {
    const resume = options.resume;
    this.reader = new LineReader(resume ? { ...options, startOffset: resume.offset, startLine: resume.line } : options);
    if (resume?.head !== undefined) {
      // The head's steps were returned by the earlier reading; only the state it sets is wanted.
      this.line({ number: 0, offset: 0, text: resume.head }, false, { events: [], problems: [] });
      this.pendingSince = undefined;
    }
  }

  /** Where to resume reading this file after a reload, pending steps included (see {@link ImportResumePoint}). */
  get resumePoint(): ImportResumePoint {
    const at = this.pendingSince ?? { offset: this.reader.offset, line: this.reader.lines };
    return { ...at, ...(this.head !== undefined ? { head: this.head } : {}) };
  }

  /** The agent that wrote the file, once a record has said so. */
  get agent(): AgentName | undefined {
    return this.parser?.agent;
  }

  /** Byte offset after the last complete line: where to resume reading this file. */
  get offset(): number {
    return this.reader.offset;
  }

  /** Tool calls called and not answered yet (see {@link TranscriptParser.openCalls}). */
  openCalls(): AgentEvent[] {
    return this.parser?.openCalls() ?? [];
  }

  push(chunk: Uint8Array): ImportBatch {
    return this.take(this.reader.push(chunk), false);
  }

  /** The file is complete: reads a last line without a newline, and closes open tool calls. */
  end(): ImportBatch {
    const batch = this.take(this.reader.end(), true);
    if (this.parser) batch.events.push(...this.parser.finish());
    else if (this.waiting.length > 0 || this.gaveUp) batch.problems.push({ line: 0, reason: 'no Claude Code or Codex record found: not a transcript this version reads' });
    this.waiting = [];
    return batch;
  }

  private take(lines: LineBatch, final: boolean): ImportBatch {
    const out: ImportBatch = { events: [], problems: lines.skipped.map((s) => ({ line: s.number, reason: `skipped: ${s.reason}` })) };
    for (const line of lines.lines) this.line(line, final && line === lines.lines[lines.lines.length - 1], out);
    out.problems.sort((a, b) => a.line - b.line);
    return out;
  }

  private line(line: TranscriptLine, lastOfFinishedFile: boolean, out: ImportBatch): void {
    let record: unknown;
    try {
      record = JSON.parse(line.text);
    } catch (error) {
      const why = lastOfFinishedFile ? 'torn last line (no newline, not complete JSON)' : `not JSON (${error instanceof Error ? error.message : String(error)})`;
      out.problems.push({ line: line.number, reason: `skipped: ${why}` });
      return;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      out.problems.push({ line: line.number, reason: 'skipped: not a JSON object' });
      return;
    }
    if (this.parser === undefined) {
      const format = this.formats.find((f) => f.recognizes(record));
      if (format === undefined) {
        if (this.waiting.length < MAX_UNDETECTED_RECORDS) this.waiting.push({ record, line: line.number });
        else this.gaveUp = true;
        return;
      }
      this.head ??= line.text;
      this.parser = format.createParser(this.options);
      const waiting = this.waiting;
      this.waiting = [];
      for (const w of waiting) this.feed(w.record, w.line, out);
    }
    const wasPending = this.parser.pending;
    this.feed(record, line.number, out);
    if (!this.parser.pending) this.pendingSince = undefined;
    else if (!wasPending) this.pendingSince = { offset: line.offset, line: line.number - 1 };
  }

  private feed(record: unknown, line: number, out: ImportBatch): void {
    if (this.parser === undefined) return;
    const result = this.parser.accept(record);
    out.events.push(...result.events);
    if (result.unknownType !== undefined) out.problems.push({ line, reason: `ignored: unknown record type '${result.unknownType}'` });
  }
}

/** Imports a whole transcript held in memory (the CLI, tests), in chunks as a tailer would read it. */
export function importTranscript(bytes: Uint8Array, options: ParserOptions & LineReaderOptions = {}, chunkBytes = 1 << 20): ImportBatch & { agent?: AgentName } {
  const run = new TranscriptImport(options);
  const events: AgentEvent[] = [];
  const problems: TranscriptProblem[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const batch = run.push(bytes.subarray(at, at + chunkBytes));
    events.push(...batch.events);
    problems.push(...batch.problems);
  }
  const last = run.end();
  events.push(...last.events);
  problems.push(...last.problems);
  return { events, problems, ...(run.agent ? { agent: run.agent } : {}) };
}
