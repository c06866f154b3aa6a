import * as vscode from 'vscode';
import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { FinishService } from '../retrospective/finishService';

/** The retrospective the command is for: the one it was given (CodeLens), else the active Markdown editor's. */
async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc : undefined;
}

/** Finish Retrospective: hands the document to the FinishService; `{ asDraft: true }` skips its question. */
export function finishRetrospectiveCommand(finisher: FinishService): Command {
  return {
    id: CommandIds.finishRetrospective,
    async execute(arg?: unknown, options?: unknown) {
      const doc = await targetDocument(arg);
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a retrospective (a Markdown file) to finish it.'));
        return;
      }
      const asDraft = typeof options === 'object' && options !== null && (options as { asDraft?: unknown }).asDraft === true;
      await finisher.finish(doc, asDraft);
    },
  };
}
