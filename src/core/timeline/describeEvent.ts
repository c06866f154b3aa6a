import type { CommandEndNotReported, CommandEvent, JournalEvent } from '../journal/events';
import { commandFailed } from '../journal/events';
import { assertNever } from '../assertNever';
import { describeAgent, frictionTriggerText } from './describeAgent';
import { captured, formatDuration, said, shorten, withParts } from './titleParts';
import type { EventDescription } from './titleParts';

export type { EventDescription, TitlePart } from './titleParts';
export { formatDuration, plainTitle, shorten } from './titleParts';

function exitText(exitCode: number | null): string {
  return exitCode === null ? 'exit code unknown' : `exit ${exitCode}`;
}

/** Said of a command whose end the shell never reported, so no one reads it as a success or a failure. */
const END_NOT_REPORTED: Readonly<Record<CommandEndNotReported, string>> = {
  'terminal-closed': 'end not reported (terminal closed)',
  'recording-stopped': 'end not reported (recording stopped while it ran)',
};

function describeCommand(e: CommandEvent): EventDescription {
  const failed = commandFailed(e);
  if (e.endNotReported) {
    return withParts([captured(shorten(e.commandLine, 120), '`'), said(` ${END_NOT_REPORTED[e.endNotReported]} after ${formatDuration(e.durationMs)}`)], {
      ...describeCommandPlace(e),
      attention: true,
    });
  }
  const status = failed ? `failed (${exitText(e.exitCode)})` : 'succeeded';
  return withParts([captured(shorten(e.commandLine, 120), '`'), said(` ${status} in ${formatDuration(e.durationMs)}`)], {
    ...describeCommandPlace(e),
    attention: failed,
  });
}

function describeCommandPlace(e: CommandEvent): { detail: string } {
  return {
    detail: [e.cwd && e.cwd !== '.' ? `in ${e.cwd}` : undefined, `terminal "${e.terminal}"`, e.confidence !== 'high' ? `${e.confidence} confidence` : undefined]
      .filter(Boolean)
      .join(', '),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Describes any journal event in one line. */
export function describeEvent(e: JournalEvent): EventDescription {
  switch (e.kind) {
    case 'session-start':
      return { title: e.focus ? `Session started: ${shorten(e.focus)}` : 'Session started', attention: false };
    case 'session-end':
      return { title: 'Session ended', attention: false };
    case 'session-pause':
      return { title: 'Recording paused', attention: false };
    case 'session-resume':
      return { title: 'Recording resumed', attention: false };
    case 'session-gap':
      return { title: `Recording resumed after a gap of ${formatDuration(e.to - e.from)} (window reload or crash)`, attention: false };
    case 'commit': {
      const op = e.operation === 'commit' || e.operation === 'initial' ? 'Commit' : `Commit (${e.operation})`;
      const files = e.files.length + (e.filesTruncated ?? 0);
      return withParts([said(`${op} ${e.hash.slice(0, 7)}: `), captured(shorten(e.subject))], {
        detail: `${plural(files, 'file')}, +${e.added} −${e.removed}${e.branch ? ` on ${e.branch}` : ''}${e.repo !== '.' ? ` in ${e.repo}` : ''}`,
        attention: false,
      });
    }
    case 'git-op':
      return withParts([said(`git ${e.op}: `), captured(shorten(e.message))], { detail: e.repo !== '.' ? `in ${e.repo}` : undefined, attention: e.op === 'reset' });
    case 'command':
      return describeCommand(e);
    case 'saves': {
      const files = e.files.length + (e.filesTruncated ?? 0);
      if (files === 1 && e.files[0]) {
        return withParts([said('Saved '), captured(e.files[0].path), ...(e.count > 1 ? [said(` (${e.count}×)`)] : [])], { attention: false });
      }
      return { title: `Saved ${plural(files, 'file')} (${plural(e.count, 'save')})`, attention: false };
    }
    case 'file-op': {
      const verb = e.op === 'create' ? 'Created' : e.op === 'delete' ? 'Deleted' : 'Renamed';
      const first = e.op === 'rename' && e.renames?.[0] ? `${e.renames[0].from} → ${e.renames[0].to}` : e.paths[0] ?? '';
      const more = e.paths.length > 1 ? ` and ${e.paths.length - 1} more` : '';
      return { title: `${verb} ${shorten(first)}${more}`, attention: false };
    }
    case 'task': {
      const failed = e.exitCode !== 0;
      return withParts(
        [said('Task '), captured(shorten(e.name, 80), '"'), said(` ${failed ? `failed (${exitText(e.exitCode)})` : 'succeeded'} in ${formatDuration(e.durationMs)}`)],
        { detail: e.source, attention: failed },
      );
    }
    case 'debug':
      return { title: `Debug session "${shorten(e.name, 80)}" (${e.type}) ran ${formatDuration(e.durationMs)}`, attention: false };
    case 'friction':
      return { title: `Friction: ${shorten(e.title)}`, detail: [e.category, e.detail, frictionTriggerText(e.trigger)].filter(Boolean).join(' · '), attention: true };
    case 'note':
      return { title: `Note: ${shorten(e.text)}`, attention: false };
    case 'lesson':
      return { title: `Lesson: ${shorten(e.text)}`, attention: false };
    case 'idle':
      return { title: `Idle for ${formatDuration(e.to - e.from)}`, attention: false };
    case 'notice':
      return { title: e.message, attention: true };
    case 'edit':
      return { title: 'Edited an entry', attention: false };
    case 'delete':
      return { title: 'Deleted an entry', attention: false };
    case 'agent':
      return describeAgent(e);
    case 'carried-over': {
      const from = e.retrospective ?? e.plan;
      return { title: `Carried over ${plural(e.items.length, 'item')}${from ? ` from ${shorten(from, 80)}` : ''}`, attention: false };
    }
    case 'carried-over-tick':
      return withParts([said(e.done ? 'Done (carried over): ' : 'Not done after all (carried over): '), captured(shorten(e.text))], {
        detail: e.via === 'plan' ? 'ticked in the plan file' : undefined,
        attention: false,
      });
    default:
      return assertNever(e, 'event kind');
  }
}
