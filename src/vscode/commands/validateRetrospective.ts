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
        void vscode.window.showInformationMessage('Open a retrospective (a Markdown file) to validate it.');
        return undefined;
      }
      const result = retrospectives.track(doc);
      const passing = result.rules.filter((r) => r.passed).length;
      const message = result.passed
        ? `All ${result.rules.length} retrospective checks pass.`
        : `${passing} of ${result.rules.length} retrospective checks pass; ${result.findings.length} finding(s) are in the Problems panel.`;
      if (result.passed) void vscode.window.showInformationMessage(message);
      else void vscode.window.showWarningMessage(message, 'Show Problems').then((a) => { if (a) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
      return result;
    },
  };
}
