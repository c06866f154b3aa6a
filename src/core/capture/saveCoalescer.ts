import type { EventDraft, SaveBurstEvent, SavedFile } from '../journal/events';
import type { Scheduler } from './burstCoalescer';
import { BurstCoalescer } from './burstCoalescer';

/** One document save, as the save adapter reports it (path already workspace-relative). */
export interface SaveInput {
  readonly path: string;
  readonly languageId?: string;
  readonly time: number;
}

/** Options of {@link SaveCoalescer}; the timing defaults suit format-on-save and replace-all. */
export interface SaveCoalescerOptions {
  readonly quietMs?: number;
  readonly maxBurstMs?: number;
  /** Files listed per burst; more are only counted in `filesTruncated`. */
  readonly maxFiles?: number;
  readonly emit: (draft: EventDraft<SaveBurstEvent>) => void;
  readonly schedule: Scheduler;
}

interface MutableSavedFile {
  path: string;
  languageId?: string;
  count: number;
}

/**
 * Turns saves into bursts: a format-on-save over 500 files is one timeline entry with a
 * count, never 500 rows and never 500 journal writes while the editor is busy.
 */
export class SaveCoalescer extends BurstCoalescer<SaveInput> {
  private files = new Map<string, MutableSavedFile>();
  private overflow = new Set<string>();
  private count = 0;
  private readonly maxFiles: number;
  private readonly emit: (draft: EventDraft<SaveBurstEvent>) => void;

  constructor(options: SaveCoalescerOptions) {
    super({ quietMs: options.quietMs ?? 1500, maxBurstMs: options.maxBurstMs ?? 10_000, schedule: options.schedule });
    this.maxFiles = options.maxFiles ?? 200;
    this.emit = options.emit;
  }

  protected collect(save: SaveInput): void {
    this.count++;
    const known = this.files.get(save.path);
    if (known) {
      known.count++;
    } else if (this.files.size < this.maxFiles) {
      this.files.set(save.path, save.languageId === undefined ? { path: save.path, count: 1 } : { path: save.path, languageId: save.languageId, count: 1 });
    } else {
      this.overflow.add(save.path);
    }
  }

  protected close(start: number, end: number): void {
    const files: SavedFile[] = [...this.files.values()];
    const truncated = this.overflow.size;
    const draft: EventDraft<SaveBurstEvent> = truncated
      ? { kind: 'saves', time: end, start, files, count: this.count, filesTruncated: truncated }
      : { kind: 'saves', time: end, start, files, count: this.count };
    this.files = new Map();
    this.overflow = new Set();
    this.count = 0;
    this.emit(draft);
  }
}
