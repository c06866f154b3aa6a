import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SessionStartEvent, SessionType } from '../../core/journal/events';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';
import type { RetrospectiveService } from '../retrospective/retrospectiveService';
import type { Log } from '../log';
import type { Settings } from '../settings';
import { draftMarker } from '../retrospective/draftMarker';
import { validatorOptions } from '../retrospective/validatorSettings';
import { askTemplate } from './chooseTemplate';

import { writeDraft } from '../retrospective/draftFile';
import { retrospectiveKit } from '../lazy/loadRetrospectiveKit';
import { retrospectiveDir } from '../../core/retrospective/retrospectiveDir';
import type { RecurringFriction } from '../../core/friction/recurringFriction';
import type { FileChange } from '../../core/journal/events';
import type { RecurringFrictionNotices } from '../recurringFrictionNotices';
import { askLine, pickOne } from '../prompts';

/** Start times of the earlier sessions a recurring theme names, for the draft to show them by date. */
function startsOf(recurring: readonly RecurringFriction[], startOf: (id: string) => number | undefined): Map<string, number> {
  const starts = new Map<string, number>();
  for (const theme of recurring) {
    for (const id of theme.sessionIds) {
      const start = startOf(id);
      if (start !== undefined) starts.set(id, start);
    }
  }
  return starts;
}

/**
 * The labels are the values the retrospective records (in the template's language), so only the
 * descriptions are translated; a function, so they are looked up once the l10n bundle is loaded.
 */
function sessionTypes(): readonly { label: SessionType; description: string }[] {
  return [
    { label: 'feature', description: vscode.l10n.t('new behaviour') },
    { label: 'bug fix', description: vscode.l10n.t('something was broken') },
    { label: 'research', description: vscode.l10n.t('learning, spikes, investigation') },
    { label: 'refactoring', description: vscode.l10n.t('same behaviour, better code') },
    { label: 'infrastructure and tooling', description: vscode.l10n.t('build, CI, environments') },
    { label: 'documentation', description: vscode.l10n.t('docs, READMEs, comments') },
    { label: 'other', description: '' },
  ];
}

/** What End Session needs besides the controller. */
export interface EndSessionDeps {
  readonly controller: SessionController;
  readonly retrospectives: RetrospectiveService;
  readonly settings: () => Settings;
  /** Emits pending save bursts and waits for commit lookups, so the record is complete. */
  readonly flushCapture: () => Promise<void>;
  readonly log: Log;
  readonly recurring: Pick<RecurringFrictionNotices, 'recurringFriction' | 'sessionStart'>;
  /** Lines changed but not committed right now (never throws). */
  readonly uncommitted: () => Promise<FileChange[]>;
  /** Remembers the last template chosen in this workspace. */
  readonly workspaceState: Pick<vscode.Memento, 'get' | 'update'>;
}

/**
 * What a caller (a keybinding's args, a test) may answer in advance:
 * `{ template: 'handoff', sessionType: 'feature', focus: 'CSV export' }`; each given answer is not asked.
 */
function argumentOf(arg: unknown, field: 'template' | 'sessionType' | 'focus'): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const value = (arg as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * End Session: asks for the session type, the focus and the template (unless the setting or the
 * command's argument names it), ends capture, and opens the draft
 * retrospective (everything the record knows filled in, hints where only the user knows)
 * in an editor, validated live.
 */
export function endSessionCommand(deps: EndSessionDeps): Command {
  return {
    id: CommandIds.endSession,
    async execute(arg?: unknown) {
      const { controller } = deps;
      if (!controller.active) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No session is recording. Start one with "Session Journal: Start Session".'));
        return;
      }
      const start = controller.events().find((e): e is SessionStartEvent => e.kind === 'session-start');
      const settings = deps.settings();
      const templates = await deps.retrospectives.templates();
      const named = argumentOf(arg, 'template');
      const given = named === undefined ? undefined : templates.find((t) => t.name === named);
      if (named !== undefined && !given) {
        void vscode.window.showErrorMessage(vscode.l10n.t('There is no retrospective template "{0}" (known: {1}).', named, templates.map((t) => t.name).join(', ')));
        return;
      }
      // The question is skipped when the caller or the setting already answers it.
      const asks = given === undefined && !templates.some((t) => t.name === settings.retrospective.defaultTemplate);
      const steps = asks ? 3 : 2;
      const types = sessionTypes();
      const givenType = types.find((t) => t.label === argumentOf(arg, 'sessionType'));
      const type = givenType ?? await pickOne(types, { title: vscode.l10n.t('End Session ({0}/{1}): what kind of session was it?', 1, steps), ignoreFocusOut: true });
      if (!type) return;
      const focus = argumentOf(arg, 'focus') ?? await askLine({
        title: vscode.l10n.t('End Session ({0}/{1}): primary focus', 2, steps),
        prompt: vscode.l10n.t('One line for the retrospective header'),
        value: start?.focus ?? '',
        ignoreFocusOut: true,
      });
      if (focus === undefined) return;
      const template = given ?? await askTemplate({
        templates, defaultTemplate: settings.retrospective.defaultTemplate, state: deps.workspaceState,
        title: vscode.l10n.t('End Session ({0}/{1})', 3, steps), warn: (m) => deps.log.warn(m),
      });
      if (!template) return;

      await deps.flushCapture();
      const sessionId = controller.events()[0]?.sessionId ?? 'session';
      // Read before the session ends, so the session-end event records it and a later Finish
      // rebuilds the same numbers from the journal.
      const uncommitted = await deps.uncommitted();
      const events = await controller.end({ sessionType: type.label, focus: focus.trim() || undefined, uncommitted });
      if (!events) return;
      const recurring = await deps.recurring.recurringFriction({ id: sessionId, start: start?.time ?? Date.now(), events }).catch((err: unknown) => {
        deps.log.warn(`Recurring friction could not be read: ${String(err)}`);
        return [];
      });
      const { buildRecordedRetrospective, renderRetrospective, retrospectiveFileName } = retrospectiveKit();
      const model = buildRecordedRetrospective(events, {
        now: Date.now(),
        fallbackUtcOffsetMinutes: -new Date().getTimezoneOffset(),
        focus: focus.trim() || undefined,
        sessionType: type.label,
        author: settings.retrospective.author,
        recurringFriction: recurring,
        sessionStarts: startsOf(recurring, (id) => deps.recurring.sessionStart(id)),
      });
      // The hints quote the thresholds the live validation will apply; the marker names the template.
      const markdown = `${draftMarker(sessionId, template.name)}\n${renderRetrospective(model, validatorOptions(settings, template), template)}`;
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const name = retrospectiveFileName(model.start, model.utcOffsetMinutes, model.focus);
      const fallbackDir = path.join(controller.journalDir, 'retrospectives');
      const target = root ? retrospectiveDir(root, settings.retrospective.folder) : { dir: fallbackDir };
      if (target.rejected !== undefined) {
        deps.log.warn(`sessionJournal.retrospective.folder "${target.rejected}" is outside the workspace; using ${target.dir} instead.`);
      }
      const written = writeDraft(target.dir, name, markdown, fallbackDir);
      if (written.fallbackReason) {
        deps.log.warn(`Could not write to ${settings.retrospective.folder}: ${written.fallbackReason}`);
        void vscode.window.showWarningMessage(
          vscode.l10n.t("The retrospectives folder could not be written ({0}). The draft was saved in the extension's storage instead: {1}", written.fallbackReason, written.file),
        );
      }
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(written.file));
      await vscode.window.showTextDocument(doc, { preview: false });
      deps.retrospectives.track(doc, { commits: model.metrics.commits, start: model.start, end: model.end });
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Session ended. Write the parts only you know where the hints are, then choose Finish at the top of the file.'),
      );
    },
  };
}
