import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import type { AgentName } from './agentEvent';
import { isObject, str } from './recordFields';

/**
 * Where each agent keeps its transcripts, and which of them belong to this workspace and this
 * journal session. A transcript belongs when the `cwd` its lines report lies inside a workspace
 * folder (the folder names are only a first guess: Claude Code cuts and hashes long ones, and
 * different paths can collide) and it was written to since the journal session started.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

/** Claude Code's `projects` folders: `CLAUDE_CONFIG_DIR` (a comma-separated list for some tools), else `~/.claude` and `~/.config/claude`. */
export function claudeProjectRoots(env: Environment, home = homedir()): string[] {
  const configured = (env.CLAUDE_CONFIG_DIR ?? '').split(',').map((d) => d.trim()).filter((d) => d !== '');
  const roots = configured.length > 0 ? configured : [join(home, '.claude'), join(home, '.config', 'claude')];
  return roots.map((r) => join(r, 'projects'));
}

/** Codex's `sessions` folder: `$CODEX_HOME/sessions`, else `~/.codex/sessions`. */
export function codexSessionRoots(env: Environment, home = homedir()): string[] {
  const root = env.CODEX_HOME !== undefined && env.CODEX_HOME.trim() !== '' ? env.CODEX_HOME.trim() : join(home, '.codex');
  return [join(root, 'sessions')];
}

/** Claude Code's folder name for a cwd: every character outside `[A-Za-z0-9]` becomes `-`. */
export function encodeClaudeProject(cwd: string): string {
  return cwd.replace(/[^A-Za-z0-9]/g, '-');
}

/** Whether `cwd` is one of `folders` or lies inside one. */
export function insideFolders(cwd: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    const rel = relative(folder, cwd);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

/** Claude Code folder names longer than this are cut and given a hash: they cannot be matched by name. */
const CLAUDE_NAME_LIMIT = 200;

/** The Claude Code transcripts written to since `since` in project folders that may belong to `folders`. */
export function claudeCandidates(roots: readonly string[], folders: readonly string[], since: number): string[] {
  const prefixes = folders.map(encodeClaudeProject);
  const found: string[] = [];
  for (const root of roots) {
    for (const project of listDir(root)) {
      // A cwd inside a folder encodes to a name that starts with the folder's; long names are hashed, so check those by content.
      if (!prefixes.some((p) => project.startsWith(p)) && project.length < CLAUDE_NAME_LIMIT) continue;
      const dir = join(root, project);
      for (const name of listDir(dir)) {
        if (!isFreshTranscript(dir, name, since)) continue;
        found.push(join(dir, name));
        // A sub-agent writes while its parent waits on the call that started it, so only an active
        // session's folder can gain one: `<sessionId>/subagents/agent-<id>.jsonl` (recent versions).
        const subagents = join(dir, name.slice(0, -'.jsonl'.length), 'subagents');
        for (const sub of listDir(subagents)) if (sub.startsWith('agent-') && isFreshTranscript(subagents, sub, since)) found.push(join(subagents, sub));
      }
    }
  }
  return found;
}

/** A transcript (`.jsonl`, not Claude Code's compression helper) written to since `since`. */
function isFreshTranscript(dir: string, name: string, since: number): boolean {
  return name.endsWith('.jsonl') && !isInternalSubagent(name) && writtenSince(join(dir, name), since);
}

/** Claude Code's own context-compression helper (`agent-acompact-<id>.jsonl`): not work the agent did for the person. */
function isInternalSubagent(name: string): boolean {
  return name.startsWith('agent-acompact-');
}

/**
 * The parent session of a Claude Code sub-agent transcript, from its place
 * (`<sessionId>/subagents/agent-<id>.jsonl`); undefined for any other file. Older versions wrote
 * `agent-<id>.jsonl` beside the main file, or sidechain lines inside it: their lines name the
 * parent's `sessionId` and say `isSidechain`.
 */
export function subagentParent(path: string): string | undefined {
  const match = /([^\\/]+)[\\/]subagents[\\/]agent-[^\\/]+\.jsonl$/.exec(path);
  return match?.[1];
}

/**
 * The Codex rollouts written to since `since`. Its date folders are in local time: every day from
 * the day of `since` to the day of `now` (at most a week back), so a session past midnight is followed.
 */
export function codexCandidates(roots: readonly string[], since: number, now: number): string[] {
  const found: string[] = [];
  const week = 7 * 24 * 3600 * 1000;
  for (const root of roots) {
    for (let day = startOfLocalDay(Math.max(since, now - week)); day <= now; day = nextLocalDay(day)) {
      const d = new Date(day);
      const dir = join(root, String(d.getFullYear()), pad(d.getMonth() + 1), pad(d.getDate()));
      for (const name of listDir(dir)) {
        if (name.startsWith('rollout-') && name.endsWith('.jsonl') && writtenSince(join(dir, name), since)) found.push(join(dir, name));
      }
    }
  }
  return found;
}

export function candidates(agent: AgentName, env: Environment, folders: readonly string[], since: number, now: number, home?: string): string[] {
  return agent === 'claude-code'
    ? claudeCandidates(claudeProjectRoots(env, home), folders, since)
    : codexCandidates(codexSessionRoots(env, home), since, now);
}

/** How much of a file's start is read to find its cwd. */
const HEAD_BYTES = 64 * 1024;

/**
 * The working directory a transcript reports in its first lines: Claude's `cwd` on a
 * conversation line, Codex's `session_meta.payload.cwd`. Undefined while the file does not say
 * yet (just created); look again on the next poll.
 */
export function transcriptCwd(path: string): string | undefined {
  const head = readHead(path);
  // Only complete lines: the last may still be being written.
  const lines = head.split('\n').slice(0, -1);
  for (const line of lines) {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isObject(record)) continue;
    const cwd = str(record, 'cwd') ?? (str(record, 'type') === 'session_meta' ? str(record.payload, 'cwd') : undefined);
    if (cwd !== undefined) return cwd;
  }
  return undefined;
}

function readHead(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function writtenSince(path: string, since: number): boolean {
  try {
    return statSync(path).mtimeMs >= since;
  } catch {
    return false;
  }
}

function startOfLocalDay(time: number): number {
  const d = new Date(time);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function nextLocalDay(day: number): number {
  const d = new Date(day);
  // Not +24h: a day across a daylight-saving change is 23 or 25 hours long.
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whether the agent keeps transcripts on this machine at all: no question is asked about an agent that is not there. */
export function agentHomeExists(agent: AgentName, env: Environment, home?: string): boolean {
  const roots = agent === 'claude-code' ? claudeProjectRoots(env, home) : codexSessionRoots(env, home);
  return roots.some((root) => {
    try {
      return statSync(root).isDirectory();
    } catch {
      return false;
    }
  });
}
