import * as vscode from 'vscode';

/** Whether an agent's transcripts may be read: `ask` puts a first-use question before reading. */
export type AgentReading = 'ask' | 'on' | 'off';

/** The `sessionJournal.*` settings, read once per change into plain values. */
export interface Settings {
  readonly autoStart: boolean;
  readonly idleMinutes: number;
  readonly timelineOrder: 'newest-first' | 'oldest-first';
  /** `agents`: some agent's transcripts may be read (its `sessionJournal.agents.*` setting is `on`) in a trusted workspace. */
  readonly capture: { readonly commits: boolean; readonly commands: boolean; readonly saves: boolean; readonly tasks: boolean; readonly agents: boolean };
  readonly agents: { readonly claudeCode: AgentReading; readonly codex: AgentReading };
  readonly redaction: { readonly extraPatterns: string[]; readonly excludeCommands: string[]; readonly excludePaths: string[] };
  readonly friction: { readonly prompts: boolean; readonly minPromptIntervalMinutes: number; readonly slowCommandSeconds: number };
  readonly retrospective: {
    readonly folder: string; readonly author: 'person' | 'agent'; readonly metricsLog: boolean;
    /** The template End Session uses without asking; empty to ask (the last choice preselected). */
    readonly defaultTemplate: string;
  };
  /** The plan file whose open boxes are carried over (workspace-relative); empty: none. */
  readonly handoff: { readonly planFile: string };
  readonly validation: { readonly minFrictionPoints: number; readonly minDiaryWords: number; readonly minFirstPersonWords: number; readonly minFeedbackWords: number };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function agentReading(value: unknown): AgentReading {
  return value === 'on' || value === 'off' ? value : 'ask';
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('sessionJournal');
  return {
    autoStart: c.get<boolean>('autoStart', false),
    idleMinutes: Math.max(1, positive(c.get('idleMinutes'), 15)),
    timelineOrder: c.get('timeline.order') === 'oldest-first' ? 'oldest-first' : 'newest-first',
    capture: {
      commits: c.get<boolean>('capture.commits', true),
      commands: c.get<boolean>('capture.commands', true),
      saves: c.get<boolean>('capture.saves', true),
      tasks: c.get<boolean>('capture.tasks', true),
      // Reading ~/.claude or ~/.codex is reading outside the workspace: never in an untrusted one.
      agents: vscode.workspace.isTrusted && (c.get('agents.claudeCode') === 'on' || c.get('agents.codex') === 'on'),
    },
    agents: {
      claudeCode: agentReading(c.get('agents.claudeCode')),
      codex: agentReading(c.get('agents.codex')),
    },
    redaction: {
      extraPatterns: stringArray(c.get('redaction.extraPatterns')),
      excludeCommands: stringArray(c.get('redaction.excludeCommands')),
      excludePaths: stringArray(c.get('redaction.excludePaths')),
    },
    friction: {
      prompts: c.get<boolean>('friction.prompts', true),
      minPromptIntervalMinutes: positive(c.get('friction.minPromptIntervalMinutes'), 3),
      slowCommandSeconds: Math.max(1, positive(c.get('friction.slowCommandSeconds'), 120)),
    },
    retrospective: {
      folder: c.get<string>('retrospective.folder', 'retrospectives/sessions') || 'retrospectives/sessions',
      author: c.get('retrospective.author') === 'agent' ? 'agent' : 'person',
      metricsLog: c.get<boolean>('retrospective.metricsLog', true),
      defaultTemplate: (c.get<string>('retrospective.defaultTemplate', '') ?? '').trim(),
    },
    handoff: {
      planFile: typeof c.get('handoff.planFile') === 'string' ? c.get<string>('handoff.planFile', '') : '',
    },
    validation: {
      minFrictionPoints: positive(c.get('validation.minFrictionPoints'), 3),
      minDiaryWords: positive(c.get('validation.minDiaryWords'), 150),
      minFirstPersonWords: positive(c.get('validation.minFirstPersonWords'), 1),
      minFeedbackWords: positive(c.get('validation.minFeedbackWords'), 100),
    },
  };
}

/** Fires `listener` with fresh settings whenever a `sessionJournal.*` setting changes. */
export function onDidChangeSettings(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('sessionJournal')) listener(readSettings());
  });
}
