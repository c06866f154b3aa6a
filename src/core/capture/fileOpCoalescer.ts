import type { EventDraft, FileOpEvent } from '../journal/events';
import type { BurstTiming, Scheduler } from './burstCoalescer';
import { BurstCoalescer } from './burstCoalescer';

type Rename = { readonly from: string; readonly to: string };

/** Files created, deleted or renamed together, as VS Code's workspace events report them. */
export type FileOpInput =
  | { readonly op: 'create' | 'delete'; readonly paths: readonly string[]; readonly time: number }
  | { readonly op: 'rename'; readonly renames: readonly Rename[]; readonly time: number };

/** Options of {@link FileOpCoalescer}; same timing defaults as the save coalescer. */
export interface FileOpCoalescerOptions {
  readonly quietMs?: number;
  readonly maxBurstMs?: number;
  /** Paths listed per event; more are only counted in `pathsTruncated`. */
  readonly maxFiles?: number;
  readonly emit: (draft: EventDraft<FileOpEvent>) => void;
  readonly schedule: Scheduler;
}

/** One pending burst for one kind of operation. */
class OpBurst extends BurstCoalescer<FileOpInput> {
  private paths = new Set<string>();
  private renames: Rename[] = [];
  private truncated = 0;

  constructor(
    timing: BurstTiming,
    private readonly op: FileOpEvent['op'],
    private readonly maxFiles: number,
    private readonly emit: (draft: EventDraft<FileOpEvent>) => void,
  ) {
    super(timing);
  }

  protected collect(input: FileOpInput): void {
    if (input.op === 'rename') {
      for (const r of input.renames) {
        if (this.renames.length < this.maxFiles) {
          this.renames.push({ from: r.from, to: r.to });
          this.paths.add(r.to);
        } else {
          this.truncated++;
        }
      }
      return;
    }
    for (const p of input.paths) {
      if (this.paths.has(p)) continue;
      if (this.paths.size < this.maxFiles) this.paths.add(p);
      else this.truncated++;
    }
  }

  // FileOpEvent has no `start`: a bulk operation is shown at the time it finished.
  protected close(_start: number, end: number): void {
    const base = { kind: 'file-op' as const, time: end, op: this.op, paths: [...this.paths] };
    const withRenames = this.op === 'rename' ? { ...base, renames: this.renames } : base;
    const draft: EventDraft<FileOpEvent> = this.truncated ? { ...withRenames, pathsTruncated: this.truncated } : withRenames;
    this.paths = new Set();
    this.renames = [];
    this.truncated = 0;
    this.emit(draft);
  }
}

/**
 * Coalesces file creations, deletions and renames the way saves are coalesced: a branch
 * switch that deletes 300 files is one entry per kind of operation, not 300.
 */
export class FileOpCoalescer {
  private readonly bursts: Record<FileOpEvent['op'], OpBurst>;

  constructor(options: FileOpCoalescerOptions) {
    const timing: BurstTiming = { quietMs: options.quietMs ?? 1500, maxBurstMs: options.maxBurstMs ?? 10_000, schedule: options.schedule };
    const maxFiles = options.maxFiles ?? 200;
    this.bursts = {
      create: new OpBurst(timing, 'create', maxFiles, options.emit),
      delete: new OpBurst(timing, 'delete', maxFiles, options.emit),
      rename: new OpBurst(timing, 'rename', maxFiles, options.emit),
    };
  }

  /** Adds one workspace file event; empty ones are ignored. */
  add(input: FileOpInput): void {
    const size = input.op === 'rename' ? input.renames.length : input.paths.length;
    if (size === 0) return;
    this.bursts[input.op].add(input);
  }

  /** Emits every pending burst, oldest first, so the journal stays in time order. */
  flush(): void {
    const pending = Object.values(this.bursts).filter((b) => b.pending);
    pending.sort((a, b) => (a.pendingStart ?? 0) - (b.pendingStart ?? 0));
    for (const b of pending) b.flush();
  }
}
