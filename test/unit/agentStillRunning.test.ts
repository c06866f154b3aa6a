import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeClaudeProject } from '../../src/core/agent/agentDiscovery';
import { AgentFollower } from '../../src/core/agent/agentFollower';
import type { ScheduledTask } from '../../src/core/capture/burstCoalescer';
import { CapturePipeline } from '../../src/core/capture/capturePipeline';
import { FrictionDetector } from '../../src/core/friction/frictionDetector';
import type { AgentActivityEvent, EventDraft } from '../../src/core/journal/events';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { describeAgent } from '../../src/core/timeline/describeAgent';
import { TranscriptImport } from '../../src/core/agent/transcriptImport';
import { claude, codex } from '../agentTranscriptLines';

/**
 * A tool call still running when recording stops (End Session, Pause): recorded as such, its end
 * unknown and never read as a success or a failure, like a terminal command whose end was never
 * reported; its result, read after a Resume, is not recorded a second time.
 */
describe('an agent\'s tool call still running when recording stops', () => {
  let root: string;
  let recorder: SessionRecorder;
  let pipeline: CapturePipeline;
  let transcript: string;
  const T0 = Date.now() - 60_000;
  const at = (s: number): Date => new Date(T0 + s * 1000);
  const noTimers = (_ms: number, _fn: () => void): ScheduledTask => ({ cancel: () => undefined });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sj-still-running-'));
    const workspace = join(root, 'demo');
    mkdirSync(workspace);
    const project = join(root, 'claude', 'projects', encodeClaudeProject(workspace));
    mkdirSync(project, { recursive: true });
    const ctx = { sessionId: 'run-1', cwd: workspace };
    transcript = join(project, 'run-1.jsonl');
    writeFileSync(transcript, [
      claude.prompt(ctx, at(1), 'Run the e2e suite'),
      claude.bash(ctx, at(2), 'toolu_quick', 'npm run lint'),
      claude.bashResult(ctx, at(3), 'toolu_quick', 0),
      claude.bash(ctx, at(4), 'toolu_long', 'npm run e2e'),
    ].map((l) => `${l}\n`).join(''));
    recorder = new SessionRecorder({ storageDir: join(root, 'journal'), clock: () => T0 });
    pipeline = new CapturePipeline({
      recorder, folders: () => [{ name: 'demo', path: workspace }], schedule: noTimers, clock: () => T0,
      rules: { capture: { commits: true, commands: true, saves: true, tasks: true, agents: true }, isExcludedCommand: () => false, isExcludedPath: () => false, redact: (d: EventDraft) => d, idleMs: 15 * 60_000 },
    });
    recorder.start({ folders: ['demo'], trusted: true, utcOffsetMinutes: 0 });
    pipeline.beginSession(recorder.events(), T0);
  });
  afterEach(async () => {
    await recorder.flush();
    recorder.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const agentEvents = (): AgentActivityEvent[] => recorder.events().filter((e): e is AgentActivityEvent => e.kind === 'agent');
  const capture = (steps: ReturnType<AgentFollower['read']>['events']): void => {
    for (const step of steps) pipeline.capture({ kind: 'agent-step', step });
  };

  it('is recorded at the stop with its end unknown, and once only when its result comes after Resume', async () => {
    const follower = new AgentFollower({ env: { CLAUDE_CONFIG_DIR: join(root, 'claude') }, home: join(root, 'nohome'), folders: [join(root, 'demo')], since: T0 });
    follower.setAgents(['claude-code']);
    follower.discover(Date.now());
    capture(follower.read().events);
    assert.deepEqual(agentEvents().map((e) => e.command ?? e.action), ['prompt', 'npm run lint'], 'a call without its result is not an event while reading');

    // End Session or Pause: what the watcher does in its flush.
    capture(follower.openCalls());
    const running = agentEvents().find((e) => e.command === 'npm run e2e');
    assert.ok(running, 'the running call is recorded, not dropped');
    assert.equal(running.endNotReported, 'recording-stopped');
    assert.equal(running.status, 'unknown');
    assert.equal(running.exitCode, null);
    assert.equal(running.time, running.start, 'no end is made up');
    assert.match(describeAgent(running).title, /^Claude Code ran `npm run e2e` still running when recording stopped \(end not reported\)$/);
    assert.deepEqual(new FrictionDetector().observe(running), [], 'not a failed command for the friction rules');

    // Resumed: the agent's result arrives; the follower completes the call under the same key.
    recorder.pause();
    recorder.resume();
    appendFileSync(transcript, `${claude.bashResult({ sessionId: 'run-1', cwd: join(root, 'demo') }, at(90), 'toolu_long', 1, 'FAIL')}\n`);
    const later = follower.read().events;
    assert.equal(later.length, 1);
    assert.equal(later[0]?.key, running.key);
    capture(later);
    assert.equal(agentEvents().filter((e) => e.key === running.key).length, 1, 'recorded once');

    // The draft tells it as it was.
    const model = buildRetrospective(recorder.events(), { now: T0 + 120_000, utcOffsetMinutes: 0 });
    const draft = renderRetrospective(model);
    assert.match(draft, /`npm run e2e` still running when recording stopped \(end not reported\)/);
  });

  it('Codex: an open call is reported without closing it; its output completes it under the same key', () => {
    const ctx = { sessionId: 'cx-1', cwd: '/w' };
    const bytes = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
    const run = new TranscriptImport();
    run.push(bytes([codex.meta(ctx, at(0)), codex.turnContext(ctx, at(0)), codex.prompt(at(1), 'build it'), codex.shell(at(2), 'call_1', 'cargo build')]));
    const [open, ...more] = run.openCalls();
    assert.equal(more.length, 0);
    assert.equal(open?.stillRunning, true);
    assert.equal(open?.status, 'unknown');
    assert.equal(open?.end, undefined);
    assert.equal(open?.command, 'cargo build');
    const done = run.push(bytes([codex.shellResult(at(9), 'call_1', 0)])).events.filter((e) => e.kind === 'tool');
    assert.equal(done.length, 1);
    assert.equal(done[0]?.key, open?.key);
    assert.equal(done[0]?.status, 'ok');
    assert.equal(done[0]?.stillRunning, undefined);
    assert.deepEqual(run.openCalls(), []);
  });
});
