import type { JournalEvent } from '../core/journal/events';
import { commandFailed } from '../core/journal/events';
import { assertNever } from '../core/assertNever';
import { isUserEntry } from '../core/journal/eventKinds';
import type { TimelineCategory } from '../shared/protocol';

/**
 * Colour families for row icons. Each maps to one `--vscode-*` theme colour in timeline.css,
 * so the panel follows light, dark and high-contrast themes without a colour of its own.
 */
export type Tone = 'commit' | 'command' | 'failed' | 'save' | 'friction' | 'note' | 'session' | 'pause' | 'muted' | 'warning' | 'debug' | 'agent';

/** How a row looks: which codicon, which colour, and whether it should catch the eye. */
export interface EventStyle {
  readonly icon: string;
  readonly tone: Tone;
  /** Rows drawn with an accent bar: failed commands and tasks, friction, notes, lessons, notices. */
  readonly standOut: boolean;
}

/** Which toolbar chip hides or shows an event. */
export function categoryOf(e: JournalEvent): TimelineCategory {
  switch (e.kind) {
    case 'commit':
    case 'git-op':
      return 'commits';
    case 'command':
    case 'task':
      return 'commands';
    case 'saves':
    case 'file-op':
      return 'saves';
    case 'friction':
    case 'note':
    case 'lesson':
      return 'notes';
    case 'agent':
      return 'agent';
    case 'session-start':
    case 'session-end':
    case 'session-pause':
    case 'session-resume':
    case 'session-gap':
    case 'debug':
    case 'idle':
    case 'notice':
    case 'edit':
    case 'delete':
    case 'carried-over':
    case 'carried-over-tick':
      return 'other';
    default:
      return assertNever(e, 'event kind');
  }
}

/** The codicon and colour for one event; failure changes both, so a failed command is visible at a glance. */
export function styleOf(e: JournalEvent): EventStyle {
  switch (e.kind) {
    case 'session-start':
      return { icon: 'debug-start', tone: 'session', standOut: false };
    case 'session-end':
      return { icon: 'debug-stop', tone: 'muted', standOut: false };
    case 'session-pause':
      return { icon: 'debug-pause', tone: 'pause', standOut: false };
    case 'session-resume':
      return { icon: 'debug-continue', tone: 'session', standOut: false };
    case 'session-gap':
      return { icon: 'debug-disconnect', tone: 'muted', standOut: false };
    case 'commit':
      return { icon: e.operation === 'merge' || e.operation === 'pull' ? 'git-merge' : 'git-commit', tone: 'commit', standOut: false };
    case 'git-op':
      return { icon: 'git-compare', tone: e.op === 'reset' ? 'warning' : 'commit', standOut: false };
    case 'command':
      // Neither success nor a reported failure: the shell never said how it ended.
      if (e.endNotReported) return { icon: 'question', tone: 'warning', standOut: true };
      return commandFailed(e) ? { icon: 'error', tone: 'failed', standOut: true } : { icon: 'terminal', tone: 'command', standOut: false };
    case 'task':
      return e.exitCode !== 0 ? { icon: 'error', tone: 'failed', standOut: true } : { icon: 'tasklist', tone: 'command', standOut: false };
    case 'debug':
      return { icon: 'debug-alt', tone: 'debug', standOut: false };
    case 'saves':
      return { icon: e.files.length + (e.filesTruncated ?? 0) > 1 ? 'files' : 'save', tone: 'save', standOut: false };
    case 'file-op':
      return { icon: e.op === 'create' ? 'new-file' : e.op === 'delete' ? 'trash' : 'arrow-swap', tone: 'save', standOut: false };
    case 'friction':
      return { icon: 'flame', tone: 'friction', standOut: true };
    case 'note':
      return { icon: 'note', tone: 'note', standOut: true };
    case 'lesson':
      return { icon: 'lightbulb', tone: 'note', standOut: true };
    case 'idle':
      return { icon: 'watch', tone: 'muted', standOut: false };
    case 'notice':
      return { icon: 'warning', tone: 'warning', standOut: true };
    case 'edit':
      return { icon: 'edit', tone: 'muted', standOut: false };
    case 'delete':
      return { icon: 'trash', tone: 'muted', standOut: false };
    case 'agent':
      return agentStyle(e);
    case 'carried-over':
      return { icon: 'checklist', tone: 'session', standOut: false };
    case 'carried-over-tick':
      return e.done ? { icon: 'pass', tone: 'command', standOut: false } : { icon: 'circle-large-outline', tone: 'muted', standOut: false };
    default:
      return assertNever(e, 'event kind');
  }
}

/** An agent's failed, rejected or interrupted tool call stands out as a failed terminal command does. */
function agentStyle(e: Extract<JournalEvent, { kind: 'agent' }>): EventStyle {
  switch (e.action) {
    case 'prompt':
      return { icon: 'comment-discussion', tone: 'agent', standOut: false };
    case 'reply':
      return { icon: 'hubot', tone: 'agent', standOut: false };
    case 'tool':
      if (e.status === 'failed') return { icon: 'error', tone: 'failed', standOut: true };
      if (e.status === 'rejected' || e.status === 'interrupted') return { icon: 'circle-slash', tone: 'warning', standOut: true };
      return { icon: e.command !== undefined ? 'terminal' : 'tools', tone: 'agent', standOut: false };
    case 'interrupt':
      return { icon: 'debug-stop', tone: 'warning', standOut: true };
    case 'compaction':
      return { icon: 'fold', tone: 'muted', standOut: false };
    default:
      return assertNever(e.action, 'agent action');
  }
}

/** Friction, notes and lessons are the user's own words, so only they can be edited or deleted (the role table decides). */
export function isEditable(e: JournalEvent): boolean {
  return isUserEntry(e);
}
