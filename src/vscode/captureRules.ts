import type { CaptureRules } from '../core/capture/capturePipeline';
import { compileRedactOptions, isExcludedCommand, isExcludedPath, redactEvent } from '../core/redaction/redact';
import type { Settings } from './settings';

/** The capture rules of the user's settings, redaction patterns compiled once (not per event); invalid user patterns are reported, never thrown. */
export function captureRules(settings: Settings, report: (error: string) => void): CaptureRules {
  const { options, errors } = compileRedactOptions(settings.redaction);
  for (const error of errors) report(error);
  return {
    capture: { ...settings.capture },
    isExcludedCommand: (commandLine) => isExcludedCommand(commandLine, options),
    isExcludedPath: (relativePath) => isExcludedPath(relativePath, options),
    redact: (draft) => redactEvent(draft, options),
    idleMs: settings.idleMinutes * 60_000,
  };
}
