import type { EventDraft } from '../core/journal/events';
import type { RedactOptions } from '../core/redaction/redact';
import { compileRedactOptions, isExcludedCommand, isExcludedPath, redact, redactEvent } from '../core/redaction/redact';
import type { Settings } from './settings';

/** Redaction with the user's current settings compiled once (not per event). */
export interface Redactor {
  redactEvent(draft: EventDraft): EventDraft;
  redactText(text: string): string;
  isExcludedCommand(commandLine: string): boolean;
  isExcludedPath(relativePath: string): boolean;
}

/** Builds a Redactor from settings; invalid user patterns are reported, never thrown. */
export function createRedactor(settings: Settings, report: (error: string) => void): Redactor {
  const { options, errors } = compileRedactOptions(settings.redaction);
  for (const error of errors) report(error);
  const opts: RedactOptions = options;
  return {
    redactEvent: (draft) => redactEvent(draft, opts),
    redactText: (text) => redact(text, opts).text,
    isExcludedCommand: (commandLine) => isExcludedCommand(commandLine, opts),
    isExcludedPath: (relativePath) => isExcludedPath(relativePath, opts),
  };
}

/** A Redactor whose settings can be swapped when the user changes them. */
export class SwitchableRedactor implements Redactor {
  constructor(private current: Redactor) {}
  set(next: Redactor): void {
    this.current = next;
  }
  redactEvent(draft: EventDraft): EventDraft {
    return this.current.redactEvent(draft);
  }
  redactText(text: string): string {
    return this.current.redactText(text);
  }
  isExcludedCommand(commandLine: string): boolean {
    return this.current.isExcludedCommand(commandLine);
  }
  isExcludedPath(relativePath: string): boolean {
    return this.current.isExcludedPath(relativePath);
  }
}
