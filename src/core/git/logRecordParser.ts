import type { NumstatOptions, NumstatResult } from './numstatParser';
import { parseNumstat } from './numstatParser';

/**
 * Parses the one-commit records the git adapter asks for, so a commit event needs a single
 * git call: `git show --numstat --format=%H%x00%s%x00%at%x00%D <hash>`.
 */

/** The git format string this parser expects; the adapter passes it to git. */
export const LOG_RECORD_FORMAT = '%H%x00%s%x00%at%x00%D';

/** One commit as `LOG_RECORD_FORMAT` describes it. */
export interface LogRecord {
  readonly hash: string;
  readonly subject: string;
  /** Epoch ms of the author date. */
  readonly authorTime: number;
  /** Decorations (`HEAD -> main`, `origin/main`, `tag: v1.0`), in git's order. */
  readonly refs: string[];
  /** The branch HEAD points to, when this commit is HEAD on a branch. */
  readonly branch?: string;
}

/**
 * Parses a `%H%x00%s%x00%at%x00%D` record. Returns undefined for anything malformed, so a
 * git that prints a warning first cannot crash the capture.
 */
export function parseLogRecord(record: string): LogRecord | undefined {
  const parts = record.replace(/[\r\n]+$/, '').split('\0');
  if (parts.length < 4) return undefined;
  const [hash, subject, at, decorations] = parts;
  const trimmedHash = hash.trim();
  if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(trimmedHash) || !/^\d+$/.test(at)) return undefined;
  const refs = decorations.split(', ').map((r) => r.trim()).filter(Boolean);
  const head = refs.find((r) => r.startsWith('HEAD -> '));
  const base = { hash: trimmedHash, subject, authorTime: Number(at) * 1000, refs };
  return head ? { ...base, branch: head.slice('HEAD -> '.length) } : base;
}

/** A commit record with its file changes. */
export interface CommitShow {
  readonly record: LogRecord;
  readonly numstat: NumstatResult;
}

/** Parses `git show --numstat --format=<LOG_RECORD_FORMAT>` output: the record line, then numstat. */
export function parseCommitShow(text: string, options: NumstatOptions = {}): CommitShow | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('\0'));
  if (at < 0) return undefined;
  const record = parseLogRecord(lines[at]);
  if (!record) return undefined;
  return { record, numstat: parseNumstat(lines.slice(at + 1).join('\n'), options) };
}
