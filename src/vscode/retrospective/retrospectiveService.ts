import * as vscode from 'vscode';
import type { RecordFacts, ValidationResult } from '../../core/validator/types';
import { chooseTemplate, readMarker } from '../../core/template/marker';
import type { ChosenTemplate } from '../../core/template/marker';
import { TEAM_TEMPLATE_DIR } from '../../core/template/teamTemplate';
import { allTemplates } from '../../core/template/templates';
import { loadWorkspaceTemplates } from '../../core/template/workspaceTemplates';
import type { RetrospectiveTemplate } from '../../core/template/types';
import { Disposable } from '../dispose';
import { retrospectiveKit } from '../lazy/loadRetrospectiveKit';
import type { Settings } from '../settings';
import { sessionIdOfDraft } from './draftMarker';
import { validatorOptions } from './validatorSettings';

const VALIDATE_DELAY_MS = 300;
const SOURCE = 'Session Journal';

/**
 * Live validation of retrospectives: drafts written by End Session (and any Markdown file the
 * user asked to validate) get diagnostics on the right lines as they are edited, a CodeLens at
 * the top ("7 of 10 checks pass · Finish"), and a quick fix that inserts a missing section.
 */
export class RetrospectiveService extends Disposable implements vscode.CodeLensProvider, vscode.CodeActionProvider {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('sessionJournal'));
  private readonly tracked = new Set<string>();
  private readonly results = new Map<string, ValidationResult>();
  private readonly facts = new Map<string, RecordFacts>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lensChanged = this.register(new vscode.EventEmitter<void>());
  private readonly validated = this.register(new vscode.EventEmitter<{ uri: vscode.Uri; result: ValidationResult }>());
  readonly onDidChangeCodeLenses = this.lensChanged.event;
  /** Fires after every validation (tests and the status bar listen). */
  readonly onDidValidate = this.validated.event;
  /** The workspace's own templates (.session-journal/templates/*.md), reread when those files change. */
  private workspaceTemplates: RetrospectiveTemplate[] = [];
  private templatesLoaded: Promise<void> = Promise.resolve();

  /** `finishCommand` is the id of the command the "Finish" CodeLens runs; the caller owns the command ids. */
  constructor(private settings: Settings, private readonly finishCommand: string) {
    super();
    const selector: vscode.DocumentSelector = { language: 'markdown' };
    this.register(vscode.languages.registerCodeLensProvider(selector, this));
    this.register(vscode.languages.registerCodeActionsProvider(selector, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => { if (this.isTracked(e.document)) this.schedule(e.document); }));
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => { if (this.isTracked(doc)) this.validate(doc); }));
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => { if (this.isTracked(doc)) this.schedule(doc); }));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)));
    this.register({ dispose: () => { for (const t of this.timers.values()) clearTimeout(t); } });
    for (const doc of vscode.workspace.textDocuments) if (this.isTracked(doc)) this.schedule(doc);
    const root = vscode.workspace.workspaceFolders?.[0];
    if (root) {
      const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `${TEAM_TEMPLATE_DIR}/*.md`)));
      const reload = (): void => { void this.reloadTemplates(); };
      this.register(watcher.onDidCreate(reload));
      this.register(watcher.onDidChange(reload));
      this.register(watcher.onDidDelete(reload));
      reload();
    }
  }

  /**
   * Rereads the workspace's templates and revalidates open retrospectives. A bad template file is
   * reported once as a warning with its file and line; the good ones still load.
   */
  reloadTemplates(): Promise<void> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) return this.templatesLoaded;
    const fs = vscode.workspace.fs;
    this.templatesLoaded = loadWorkspaceTemplates(root.fsPath, {
      list: async (dir) => (await fs.readDirectory(vscode.Uri.file(dir))).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name),
      read: async (file) => new TextDecoder().decode(await fs.readFile(vscode.Uri.file(file))),
    }).then(({ templates, problems }) => {
      this.workspaceTemplates = templates;
      if (problems.length > 0) void vscode.window.showWarningMessage(`${vscode.l10n.t('Session Journal: a template file is not valid.')}\n${problems.join('\n')}`);
      for (const doc of vscode.workspace.textDocuments) if (this.isTracked(doc)) this.validate(doc);
    });
    return this.templatesLoaded;
  }

  /** Built-in and workspace templates, once the workspace's have been read. */
  async templates(): Promise<RetrospectiveTemplate[]> {
    await this.templatesLoaded;
    return allTemplates(this.workspaceTemplates);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    for (const doc of vscode.workspace.textDocuments) if (this.isTracked(doc)) this.validate(doc);
  }

  /** Validates `doc` from now on, with the record's facts when it is a session's draft. */
  track(doc: vscode.TextDocument, facts?: RecordFacts): ValidationResult {
    const key = doc.uri.toString();
    this.tracked.add(key);
    if (facts) this.facts.set(key, facts);
    return this.validate(doc);
  }

  /** The latest result for a document, validating it when there is none. */
  resultFor(doc: vscode.TextDocument): ValidationResult {
    return this.results.get(doc.uri.toString()) ?? this.track(doc);
  }

  validate(doc: vscode.TextDocument): ValidationResult {
    const key = doc.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    const text = doc.getText();
    const chosen = this.chooseFor(text);
    const result = retrospectiveKit().validateRetrospective(text, validatorOptions(this.settings, chosen.template), this.facts.get(key), chosen.template, chosen.unknown);
    this.results.set(key, result);
    this.diagnostics.set(doc.uri, result.findings.map((f) => {
      const line = Math.min(Math.max(0, f.line - 1), Math.max(0, doc.lineCount - 1));
      const diagnostic = new vscode.Diagnostic(doc.lineAt(line).range, f.message, f.severity === 'error' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
      diagnostic.source = SOURCE;
      diagnostic.code = f.rule;
      return diagnostic;
    }));
    this.lensChanged.fire();
    this.validated.fire({ uri: doc.uri, result });
    return result;
  }

  /** The layout a retrospective is checked against: the one its marker names, else session. */
  templateFor(doc: vscode.TextDocument): RetrospectiveTemplate {
    return this.chooseFor(doc.getText()).template;
  }

  private chooseFor(text: string): ChosenTemplate {
    return chooseTemplate(text, this.workspaceTemplates);
  }

  private isTracked(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'markdown') return false;
    const key = doc.uri.toString();
    if (this.tracked.has(key)) return true;
    // A draft End Session wrote is recognised by its first line, even after a reload.
    // So is a retrospective written by hand that names its template in a marker comment.
    if (sessionIdOfDraft(doc.getText(new vscode.Range(0, 0, 1, 0))) || readMarker(doc.getText(new vscode.Range(0, 0, 12, 0)))?.template !== undefined) {
      this.tracked.add(key);
      return true;
    }
    return false;
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => this.validate(doc), VALIDATE_DELAY_MS));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.results.delete(key);
    this.diagnostics.delete(uri);
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const result = this.results.get(doc.uri.toString());
    if (!result || !this.tracked.has(doc.uri.toString())) return [];
    const passing = result.rules.filter((r) => r.passed).length;
    const top = new vscode.Range(0, 0, 0, 0);
    const failing = result.rules.filter((r) => !r.passed).map((r) => r.title);
    return [
      new vscode.CodeLens(top, {
        title: `${result.passed ? '$(pass-filled)' : '$(warning)'} ${vscode.l10n.t('{0} of {1} checks pass', passing, result.rules.length)}`,
        tooltip: failing.length ? vscode.l10n.t('Failing: {0}', failing.join('; ')) : vscode.l10n.t('Every check passes.'),
        command: 'workbench.actions.view.problems',
      }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Finish'), tooltip: vscode.l10n.t('Write the validation checklist and the final Markdown'), command: this.finishCommand, arguments: [doc.uri] }),
    ];
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const diagnostics = context.diagnostics.filter((d) => d.source === SOURCE && d.code === 'required-sections');
    const result = this.results.get(doc.uri.toString());
    if (diagnostics.length === 0 || !result) return [];
    const missing = new Set(result.findings.filter((f) => f.rule === 'required-sections' && f.section).map((f) => f.section));
    const template = this.templateFor(doc);
    const { sectionsOf, sectionSkeleton } = retrospectiveKit();
    return sectionsOf(template)
      .filter((section) => missing.has(section.key))
      .map((section) => {
        const skeleton = sectionSkeleton(template, section.key);
        const action = new vscode.CodeAction(vscode.l10n.t('Insert the missing "{0}" section', section.title), vscode.CodeActionKind.QuickFix);
        action.diagnostics = diagnostics;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.insert(doc.uri, insertionPoint(doc), `\n${skeleton.trimEnd()}\n`);
        return action;
      });
  }
}

/** New sections go before the validation checklist when there is one, else at the end. */
function insertionPoint(doc: vscode.TextDocument): vscode.Position {
  const sections = retrospectiveKit().findSections(doc.getText());
  const checklist = sections.find((s) => s.key === 'validation');
  return checklist ? new vscode.Position(Math.max(0, checklist.line - 1), 0) : doc.lineAt(doc.lineCount - 1).range.end;
}
