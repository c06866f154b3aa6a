import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatDuration } from '../../core/timeline/describeEvent';
import { loadSession } from '../../core/journal/journalStore';
import { buildRecordedRetrospective, withDocumentedFriction } from '../../core/retrospective/recordedRetrospective';
import { localDate, localClock } from '../../core/retrospective/localTime';
import { upsertMetricsRow } from '../../core/retrospective/metricsLog';
import type { MetricsLogRow } from '../../core/retrospective/metricsLog';
import type { RetrospectiveModel } from '../../core/retrospective/model';
import { replaceMetricsSection, stripHints } from '../../core/retrospective/retrospectiveFile';
import { effectiveEvents } from '../../core/journal/sessionState';
import { upsertValidationChecklist } from '../../core/validator/checklist';
import { adoptEarlierChecklist } from '../../core/validator/earlierChecklist';
import { validateRetrospective } from '../../core/validator/validate';
import type { ValidationResult } from '../../core/validator/types';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { RetrospectiveService } from '../retrospective/retrospectiveService';
import { sessionIdOfDraft } from '../retrospective/draftMarker';
import { validatorOptions } from '../retrospective/validatorSettings';
import { metricsLogFile } from '../../core/retrospective/retrospectiveDir';
import type { Log } from '../log';
import type { Settings } from '../settings';

export interface FinishDeps {
  readonly retrospectives: RetrospectiveService;
  readonly settings: () => Settings;
  readonly journalDir: () => string;
  readonly log: Log;
}

async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc : undefined;
}

/**
 * Writes this session's row to the metrics log, replacing the row an earlier Finish wrote, so
 * the log holds what the finished retrospective says. Throws on I/O errors.
 */
function writeMetricsRow(logFile: string, row: MetricsLogRow): void {
  const existing = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : undefined;
  const updated = upsertMetricsRow(existing, row);
  if (updated === existing) return;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, updated);
}

/** A draft's session, rebuilt from its journal to refresh the metrics. */
interface RecordedSession {
  readonly sessionId: string;
  readonly model: RetrospectiveModel;
}

/** The session's model rebuilt from its journal, as End Session built the draft; undefined for foreign files. */
async function recordedSession(text: string, journalDir: string, settings: Settings): Promise<RecordedSession | undefined> {
  const sessionId = sessionIdOfDraft(text);
  if (!sessionId) return undefined;
  const loaded = await loadSession(journalDir, sessionId);
  if (!loaded) return undefined;
  const model = buildRecordedRetrospective(effectiveEvents(loaded.events), {
    now: Date.now(),
    fallbackUtcOffsetMinutes: -new Date().getTimezoneOffset(),
    author: settings.retrospective.author,
  });
  return { sessionId, model };
}

/** "Biggest win" and "main friction" for the metrics log: the first item the user wrote. */
function firstItem(markdown: string, heading: RegExp): string | undefined {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  if (at === -1) return undefined;
  for (const line of lines.slice(at + 1)) {
    if (/^#{1,3}\s/.test(line)) return undefined;
    const m = /^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?(.+)$/.exec(line);
    if (m?.[1]) return m[1].replace(/\*\*/g, '').slice(0, 80);
  }
  return undefined;
}

function metricsRow(sessionId: string, model: RetrospectiveModel, markdown: string): MetricsLogRow {
  return {
    date: `${localDate(model.start, model.utcOffsetMinutes)} ${localClock(model.start, model.utcOffsetMinutes)}`,
    duration: formatDuration(model.durationMs),
    commits: model.metrics.commits,
    friction: model.metrics.frictionPoints,
    biggestWin: firstItem(markdown, /^##\s.*went well/i),
    mainFriction: firstItem(markdown, /^###?\s.*friction points/i),
    sessionId,
  };
}

/** The retrospective is saved by now, so a log that cannot be written is a warning, not a failure. */
function logMetrics(logFile: string, row: MetricsLogRow, log: Log): void {
  try {
    writeMetricsRow(logFile, row);
  } catch (err) {
    log.warn(`Could not update ${logFile}: ${String(err)}`);
    void vscode.window.showWarningMessage(`The retrospective is finished, but the metrics log could not be written: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** What the user is told; a draft says when its metrics-log row will be written. */
function finishMessage(result: ValidationResult, final: boolean, metricsLog: boolean): string {
  const total = result.rules.length;
  if (final) return `Retrospective finished: all ${total} checks pass.`;
  const logged = metricsLog ? ' The metrics log gets its row when you finish it without "Finish as Draft".' : '';
  if (result.passed) return `Retrospective saved as a draft; all ${total} checks now pass, so Finish again to complete it.${logged}`;
  const passing = result.rules.filter((r) => r.passed).length;
  return `Retrospective finished as a draft: ${passing} of ${total} checks pass; the checklist shows the rest.${logged}`;
}

/**
 * Finish Retrospective: removes the hints, refreshes the metrics from the record, writes the
 * "Retrospective Validation" checklist, saves, and opens the preview beside it. When checks
 * still fail it says which and lets the user go back or finish it as a draft.
 */
export function finishRetrospectiveCommand(deps: FinishDeps): Command {
  return {
    id: CommandIds.finishRetrospective,
    async execute(arg?: unknown, options?: unknown) {
      const doc = await targetDocument(arg);
      if (!doc) {
        void vscode.window.showInformationMessage('Open a retrospective (a Markdown file) to finish it.');
        return;
      }
      const settings = deps.settings();
      const before = deps.retrospectives.track(doc);
      const force = typeof options === 'object' && options !== null && (options as { asDraft?: unknown }).asDraft === true;
      let askedForDraft = force;
      if (!before.passed && !force) {
        const failing = before.rules.filter((r) => !r.passed).map((r) => `• ${r.title}`);
        const answer = await vscode.window.showWarningMessage(
          `${failing.length} of ${before.rules.length} checks still fail.`,
          { modal: true, detail: `${failing.join('\n')}\n\nGo back to fix them, or finish now: the checklist will show the unchecked rules.` },
          'Finish as Draft',
        );
        if (answer !== 'Finish as Draft') return;
        askedForDraft = true;
      }
      // An older file's "## Validation Checklist" becomes the validator's section before validating,
      // so its checkbox lines are not read as prose and the checklist is replaced, not doubled.
      let text = adoptEarlierChecklist(stripHints(doc.getText()));
      const recorded = await recordedSession(text, deps.journalDir(), settings).catch((err) => {
        deps.log.warn(`Metrics not refreshed: ${String(err)}`);
        return undefined;
      });
      const model = recorded && withDocumentedFriction(recorded.model, text);
      if (model) text = replaceMetricsSection(text, model);
      const facts = model ? { commits: model.metrics.commits, start: model.start, end: model.end } : undefined;
      const result = validateRetrospective(text, validatorOptions(settings), facts);
      text = upsertValidationChecklist(text, result);

      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
      if (!(await vscode.workspace.applyEdit(edit)) || !(await doc.save())) {
        void vscode.window.showErrorMessage(`The retrospective could not be saved (${doc.uri.fsPath}): is the file read-only? Nothing else was written; Finish can run again.`);
        return;
      }
      deps.retrospectives.validate(doc);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);

      // A draft's row would keep its blanks for good; the final Finish writes (or replaces) it.
      const final = result.passed && !askedForDraft;
      const root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
      if (settings.retrospective.metricsLog && final && recorded && model && root) {
        logMetrics(metricsLogFile(root, settings.retrospective.folder), metricsRow(recorded.sessionId, model, text), deps.log);
      }
      void vscode.window.showInformationMessage(finishMessage(result, final, settings.retrospective.metricsLog));
    },
  };
}
