import * as vscode from 'vscode';
import type { ReportFile } from '../../core/report/collectReport';
import { retrospectiveKit } from '../lazy/loadRetrospectiveKit';
import type { Command } from './command';
import { CommandIds } from './commandIds';

/** Dependencies and hidden folders (.git, .vscode) hold no retrospectives worth reporting. */
const EXCLUDE = '{**/node_modules/**,**/.*/**}';

/** Every Markdown file of the workspace, with its workspace folder as its source. */
async function workspaceMarkdown(): Promise<ReportFile[]> {
  const uris = await vscode.workspace.findFiles('**/*.md', EXCLUDE);
  const decoder = new TextDecoder();
  // Paths name their folder only when there are several, as the Explorer shows them.
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const files = await Promise.all(uris.map(async (uri): Promise<ReportFile | undefined> => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    try {
      return { file: vscode.workspace.asRelativePath(uri, multiRoot), source: folder.name, text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
    } catch {
      // A file deleted or unreadable since the search is simply not in the report.
      return undefined;
    }
  }));
  return files.filter((f): f is ReportFile => f !== undefined).sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Open Team Report: the report `session-journal report` writes, over every workspace folder (one
 * source each), as an untitled Markdown document with its preview beside it, where the charts draw.
 */
export function openTeamReportCommand(): Command {
  return {
    id: CommandIds.openTeamReport,
    async execute() {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open the folder or repository that holds your retrospectives to see its team report.'));
        return undefined;
      }
      const markdown = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Session Journal: reading retrospectives'), cancellable: false },
        async () => {
          // The report reads retrospectives with the validator: loaded on first use, not at activation.
          const { renderTeamReport, reportFromFiles } = retrospectiveKit();
          return renderTeamReport(reportFromFiles(await workspaceMarkdown()));
        },
      );
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
      return document;
    },
  };
}
