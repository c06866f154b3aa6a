import * as vscode from 'vscode';
import type { AgentName } from '../../core/agent/agentEvent';
import type { AgentReading, Settings } from '../settings';

/** Each agent's setting key under `sessionJournal.`, its name, and where its transcripts are. */
export const AGENT_SETTINGS: Readonly<Record<AgentName, { readonly key: 'claudeCode' | 'codex'; readonly name: string; readonly home: string }>> = {
  'claude-code': { key: 'claudeCode', name: 'Claude Code', home: '~/.claude/projects (or CLAUDE_CONFIG_DIR)' },
  'codex': { key: 'codex', name: 'Codex CLI', home: '~/.codex/sessions (or CODEX_HOME)' },
};

export const AGENTS: readonly AgentName[] = ['claude-code', 'codex'];

export function readingOf(settings: Settings, agent: AgentName): AgentReading {
  return settings.agents[AGENT_SETTINGS[agent].key];
}

/** The first-use question: it says exactly what is read and what is kept. */
export function consentMessage(agent: AgentName): string {
  const { name, home } = AGENT_SETTINGS[agent];
  return vscode.l10n.t({
    // One literal: the extractor (vscode-l10n-dev) does not follow concatenation.
    message: 'Record {0}\'s work on the Timeline? Session Journal would read {0}\'s transcripts in {1} whose working directory is inside this workspace, while a session records, and keep their prompts, commands, file edits, failures and interruptions of this session, redacted. Tool outputs are never stored. "Never" and "Allow" are remembered in the setting sessionJournal.agents.{2}.',
    args: [name, home, AGENT_SETTINGS[agent].key],
    comment: ['{0} is the agent (Claude Code), {1} the folder of its transcripts, {2} the setting key; "Never" and "Allow" are the buttons.'],
  });
}

/**
 * Asks once per agent before its transcripts are read (setting `ask`). "Allow" and "Never" are
 * written to the user's settings, so the question is not asked again; "Not now" is remembered
 * for this window, and asked again at the next session after a reload.
 */
export class AgentConsent {
  private readonly declined = new Set<AgentName>();
  private readonly asking = new Map<AgentName, Thenable<void>>();

  /** Whether the agent's transcripts may be read now; asks when the setting is `ask` (without waiting). */
  allowed(settings: Settings, agent: AgentName): boolean {
    const reading = readingOf(settings, agent);
    if (reading !== 'ask') return reading === 'on';
    if (!this.declined.has(agent) && !this.asking.has(agent)) this.ask(agent);
    return false;
  }

  private ask(agent: AgentName): void {
    // Looked up here, not at load: the l10n bundle is read when the extension activates.
    const ALLOW = vscode.l10n.t('Allow');
    const NOT_NOW = vscode.l10n.t('Not now');
    const NEVER = vscode.l10n.t('Never');
    const question = vscode.window.showInformationMessage(consentMessage(agent), ALLOW, NOT_NOW, NEVER).then(async (answer) => {
      const config = vscode.workspace.getConfiguration('sessionJournal');
      const key = `agents.${AGENT_SETTINGS[agent].key}`;
      if (answer === ALLOW) await config.update(key, 'on', vscode.ConfigurationTarget.Global);
      else if (answer === NEVER) await config.update(key, 'off', vscode.ConfigurationTarget.Global);
      // "Not now", or the notification closed without an answer.
      else this.declined.add(agent);
    }).then(() => { this.asking.delete(agent); }, () => { this.asking.delete(agent); });
    this.asking.set(agent, question);
  }
}
