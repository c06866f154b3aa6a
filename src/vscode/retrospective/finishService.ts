/**
 * Finish Retrospective as a workflow: asks before finishing a retrospective whose checks still
 * fail, rebuilds the session's model from its journal, applies the finished text (core's
 * finishText) as one edit, saves, opens the preview, and writes the metrics-log row. What the text
 * becomes is decided in src/core/retrospective/finish.ts; this file only does the I/O around it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadSession } from '../../core/journal/journalStore';
import { effectiveEvents } from '../../core/journal/sessionState';
import type { MetricsLogRow } from '../../core/retrospective/metricsLog';
import type { RetrospectiveModel } from '../../core/retrospective/model';
import { metricsLogFile } from '../../core/retrospective/retrospectiveDir';
import { retrospectiveKit } from '../lazy/loadRetrospectiveKit';
import type { Log } from '../log';
import type { Settings } from '../settings';
import { sessionIdOfDraft } from './draftMarker';
import type { RetrospectiveService } from './retrospectiveService';
import { saveBesideRunningSave } from './saveBesideRunningSave';
import { validatorOptions } from './validatorSettings';

export interface FinishServiceDeps {
  readonly retrospectives: RetrospectiveService;
  readonly settings: () => Settings;
  readonly journalDir: () => string;
  readonly log: Log;
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
  const model = retrospectiveKit().buildRecordedRetrospective(effectiveEvents(loaded.events), {
    now: Date.now(),
    fallbackUtcOffsetMinutes: -new Date().getTimezoneOffset(),
    author: settings.retrospective.author,
  });
  return { sessionId, model };
}

/**
 * Writes this session's row to the metrics log, replacing the row an earlier Finish wrote, so
 * the log holds what the finished retrospective says. Throws on I/O errors.
 */
function writeMetricsRow(logFile: string, row: MetricsLogRow): void {
  const existing = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : undefined;
  const updated = retrospectiveKit().upsertMetricsRow(existing, row);
  if (updated === existing) return;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, updated);
}

/** The retrospective is saved by now, so a log that cannot be written is a warning, not a failure. */
function logMetrics(logFile: string, row: MetricsLogRow, log: Log): void {
  try {
    writeMetricsRow(logFile, row);
  } catch (err) {
    log.warn(`Could not update ${logFile}: ${String(err)}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The retrospective is finished, but the metrics log could not be written: {0}', err instanceof Error ? err.message : String(err)));
  }
}

/** Finishes retrospectives; the Finish command and its CodeLens call it. */
export class FinishService {
  constructor(private readonly deps: FinishServiceDeps) {}

  /**
   * Finishes `doc`: removes the hints, refreshes the metrics from the record, writes the
   * "Retrospective Validation" checklist, saves, and opens the preview beside it. When checks
   * still fail it says which and lets the user go back or finish it as a draft (`asDraft` skips
   * the question).
   */
  async finish(doc: vscode.TextDocument, asDraft: boolean): Promise<void> {
    const { deps } = this;
    const settings = deps.settings();
    const before = deps.retrospectives.track(doc);
    let askedForDraft = asDraft;
    if (!before.passed && !asDraft) {
      const failing = before.rules.filter((r) => !r.passed).map((r) => `• ${r.title}`);
      const asDraftButton = vscode.l10n.t('Finish as Draft');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} of {1} checks still fail.', failing.length, before.rules.length),
        { modal: true, detail: `${failing.join('\n')}\n\n${vscode.l10n.t('Go back to fix them, or finish now: the checklist will show the unchecked rules.')}` },
        asDraftButton,
      );
      if (answer !== asDraftButton) {
        deps.log.info(`Finish stopped: ${failing.length} checks fail and "Finish as Draft" was not chosen (${doc.uri.fsPath}).`);
        return;
      }
      askedForDraft = true;
    }
    // The text is read once, before the journal is loaded, so the edit below replaces exactly what was finished.
    const original = doc.getText();
    const recorded = await recordedSession(original, deps.journalDir(), settings).catch((err) => {
      deps.log.warn(`Metrics not refreshed: ${String(err)}`);
      return undefined;
    });
    const { finishMessage, finishText, metricsLogRow } = retrospectiveKit();
    const template = deps.retrospectives.templateFor(doc);
    const { text, result, model } = finishText(original, recorded?.model, validatorOptions(settings, template), template);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    // Not doc.save() alone: an auto save running beside Finish makes VS Code turn it down (see there).
    if (!(await vscode.workspace.applyEdit(edit)) || !(await saveBesideRunningSave(doc, deps.log))) {
      deps.log.warn(`Finish could not apply or save its edit to ${doc.uri.fsPath}.`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The retrospective could not be saved ({0}): is the file read-only? Nothing else was written; Finish can run again.', doc.uri.fsPath));
      return;
    }
    deps.retrospectives.validate(doc);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);

    // A draft's row would keep its blanks for good; the final Finish writes (or replaces) it.
    const final = result.passed && !askedForDraft;
    const root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
    if (settings.retrospective.metricsLog && final && recorded && model && root) {
      logMetrics(metricsLogFile(root, settings.retrospective.folder), metricsLogRow(recorded.sessionId, model, text), deps.log);
    }
    void vscode.window.showInformationMessage(finishMessage(result, final, settings.retrospective.metricsLog));
  }
}
