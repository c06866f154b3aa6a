import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { RetrospectiveService } from '../retrospective/retrospectiveService';

/** Validate Retrospective: any open Markdown file; findings go to the Problems panel and stay live. */
export function validateRetrospectiveCommand(retrospectives: RetrospectiveService): Command {
  return {
    id: CommandIds.validateRetrospective,
    async execute(arg?: unknown) {
      const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'markdown') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a retrospective (a Markdown file) to validate it.'));
        return undefined;
      }
      const result = retrospectives.track(doc);
      const passing = result.rules.filter((r) => r.passed).length;
      const message = result.passed
        ? vscode.l10n.t('All {0} retrospective checks pass.', result.rules.length)
        : vscode.l10n.t('{0} of {1} retrospective checks pass; {2} finding(s) are in the Problems panel.', passing, result.rules.length, result.findings.length);
      if (result.passed) void vscode.window.showInformationMessage(message);
      else void vscode.window.showWarningMessage(message, vscode.l10n.t('Show Problems')).then((a) => { if (a) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
      return result;
    },
  };
}
