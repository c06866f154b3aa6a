/**
 * The Technical Details section: the session chart, files, commits and command statistics,
 * all straight from the record. Long lists are cut with a "… and N more" line so a session with
 * a 10,000-file format run still yields a file people can read.
 */
import { formatDuration, shorten } from '../timeline/describeEvent';
import { localClock } from './localTime';
import { codeOrEscaped, tableCodeSpan } from './markdownEscape';
import type { CommitSummary, RetrospectiveModel } from './model';
import { renderMermaid } from './renderMermaid';

/** Rows shown per table before the rest is summarised. */
export const MAX_TABLE_ROWS = 200;

function count(n: number | undefined): string {
  return n === undefined ? '—' : String(n);
}

function more(total: number, shown: number, what: string): string[] {
  return total > shown ? ['', `… and ${total - shown} more ${what}.`] : [];
}

function filesPart(m: RetrospectiveModel): string[] {
  const out = ['### Files Modified', ''];
  if (m.files.length === 0) return [...out, 'No files were saved or changed.'];
  out.push('| File | Saves | Added | Removed |', '| --- | ---: | ---: | ---: |');
  for (const f of m.files.slice(0, MAX_TABLE_ROWS)) {
    out.push(`| ${tableCodeSpan(f.path)} | ${f.saves} | ${count(f.added)} | ${count(f.removed)} |`);
  }
  return [...out, ...more(m.files.length, MAX_TABLE_ROWS, 'files')];
}

/** Says why a row's numbers differ from the commit events on the timeline. */
function commitNote(c: CommitSummary): string {
  if (c.merge) return ' (merge: its lines are the merged-in work, not counted)';
  if (c.copyOf) return ` (copy of ${c.copyOf}: its lines are counted there)`;
  if (c.rewrites) return ` (last of ${c.rewrites + 1} versions: amended or rebased)`;
  return '';
}

function commitRow(c: CommitSummary): string {
  const noLines = c.merge || c.copyOf !== undefined;
  const lines = noLines ? '—' : `+${c.added} −${c.removed}`;
  const files = noLines ? '—' : String(c.files);
  return `| ${codeOrEscaped(c.shortHash)} | ${tableCodeSpan(shorten(c.subject))}${commitNote(c)} | ${files} | ${lines} |`;
}

function commitsPart(m: RetrospectiveModel): string[] {
  const out = ['### Commits', ''];
  if (m.commits.length === 0) return [...out, 'No commits were made during the session.'];
  out.push('| Commit | Subject | Files | Lines |', '| --- | --- | ---: | ---: |');
  for (const c of m.commits.slice(0, MAX_TABLE_ROWS)) out.push(commitRow(c));
  return [...out, ...more(m.commits.length, MAX_TABLE_ROWS, 'commits')];
}

function commandsPart(m: RetrospectiveModel): string[] {
  const { ran, failed, slowest } = m.commands;
  const out = ['### Commands', ''];
  if (ran === 0) return [...out, 'No terminal commands were recorded.'];
  out.push(`${ran} command${ran === 1 ? '' : 's'} ran, ${failed} failed.`);
  if (slowest.length > 0) {
    out.push('', '| Slowest | Duration | Time | Result |', '| --- | ---: | --- | --- |');
    for (const s of slowest) {
      out.push(`| ${tableCodeSpan(shorten(s.commandLine, 120))} | ${formatDuration(s.durationMs)} | ${localClock(s.time, m.utcOffsetMinutes)} | ${s.failed ? 'failed' : 'succeeded'} |`);
    }
  }
  return out;
}

/** Failed agent commands listed before the rest is summarised: the first ones tell the story. */
const MAX_AGENT_FAILURES = 20;

/** What the agent did, when one worked: its commands and failures, and the files its edits changed. */
function agentPart(m: RetrospectiveModel): string[] {
  const a = m.metrics.agent;
  if (a === undefined) return [];
  const out = ['', `### ${a.agents.join(', ')}`, '', `${a.prompts} prompt${a.prompts === 1 ? '' : 's'}, ${a.turns} turn${a.turns === 1 ? '' : 's'}; ${a.commandsRun} command${a.commandsRun === 1 ? '' : 's'} ran, ${a.commandsFailed} failed.`];
  if (a.failedCommands.length > 0) {
    out.push('', '| Failed command | Times | First at | Exit |', '| --- | ---: | --- | --- |');
    for (const f of a.failedCommands.slice(0, MAX_AGENT_FAILURES)) {
      const exit = f.exitCode === undefined || f.exitCode === null ? 'unknown' : String(f.exitCode);
      out.push(`| ${tableCodeSpan(shorten(f.command, 120))} | ${f.count} | ${localClock(f.time, m.utcOffsetMinutes)} | ${exit} |`);
    }
    out.push(...more(a.failedCommands.length, MAX_AGENT_FAILURES, 'failed commands'));
  }
  if (a.files.length > 0) {
    out.push('', '| File the agent changed | Added | Removed |', '| --- | ---: | ---: |');
    for (const f of a.files.slice(0, MAX_TABLE_ROWS)) out.push(`| ${tableCodeSpan(f.path)} | ${f.added} | ${f.removed} |`);
    out.push(...more(a.files.length, MAX_TABLE_ROWS, 'files'));
  }
  return out;
}

/** The body of `## Technical Details` (without the heading), as lines. */
export function renderTechnicalDetails(m: RetrospectiveModel): string[] {
  const chart = renderMermaid(m);
  return [...(chart ? [chart, ''] : []), ...filesPart(m), '', ...commitsPart(m), '', ...commandsPart(m), ...agentPart(m)];
}
