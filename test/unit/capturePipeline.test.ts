import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureRules } from '../../src/core/capture/capturePipeline';
import { CapturePipeline } from '../../src/core/capture/capturePipeline';
import type { ScheduledTask } from '../../src/core/capture/burstCoalescer';
import { MAX_COMMAND_LINE } from '../../src/core/capture/commandRecord';
import type { CaptureSource, SourceEvent } from '../../src/core/capture/sourceEvents';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import { compileRedactOptions, isExcludedCommand, isExcludedPath, redactEvent } from '../../src/core/redaction/redact';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const ROOT = '/work/app';
const ALL: Record<CaptureSource, boolean> = { commits: true, commands: true, saves: true, tasks: true, agents: true };
const SECRET = 'ghp_0123456789abcdefghijABCDEFGHIJklmnopqr';

/** Timers the test fires itself: a burst closes when the test says its quiet time passed. */
class ManualTimers {
  private tasks: { fn: () => void; cancelled: boolean }[] = [];
  readonly schedule = (_ms: number, fn: () => void): ScheduledTask => {
    const task = { fn, cancelled: false };
    this.tasks.push(task);
    return { cancel: () => { task.cancelled = true; } };
  };
  fireAll(): void {
    const due = this.tasks.splice(0);
    for (const t of due) if (!t.cancelled) t.fn();
  }
}

interface Harness {
  readonly pipeline: CapturePipeline;
  readonly recorder: SessionRecorder;
  readonly timers: ManualTimers;
  /** Redaction passes per event, keyed by the draft object the pass was given. */
  readonly passes: EventDraft[];
  readonly rules: (over?: Partial<CaptureRules>) => CaptureRules;
  now: number;
}

describe('CapturePipeline', () => {
  let dir: string;
  let h: Harness;

  function harness(over: Partial<CaptureRules> = {}): Harness {
    const { options } = compileRedactOptions({ excludeCommands: ['secret-tool *'], excludePaths: ['**/.env'] });
    const passes: EventDraft[] = [];
    const rules = (more: Partial<CaptureRules> = {}): CaptureRules => ({
      capture: { commits: true, commands: true, saves: true, tasks: true, agents: true },
      isExcludedCommand: (c) => isExcludedCommand(c, options),
      isExcludedPath: (p) => isExcludedPath(p, options),
      // Counts every redaction pass, wherever it runs (pipeline or recorder).
      redact: (d) => {
        passes.push(d);
        return redactEvent(d, options);
      },
      idleMs: 15 * 60_000,
      ...over,
      ...more,
    });
    const timers = new ManualTimers();
    const self: Harness = { timers, passes, rules, now: T0 } as Harness;
    const clock = () => self.now;
    const current = rules();
    const recorder = new SessionRecorder({ storageDir: dir, clock, redact: (d) => current.redact(d) });
    const pipeline = new CapturePipeline({ recorder, rules: current, folders: () => [{ name: 'app', path: ROOT }], schedule: timers.schedule, clock, home: '/home/me' });
    Object.assign(self, { recorder, pipeline });
    return self;
  }

  function start(): void {
    h.recorder.start({ folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
    h.pipeline.beginSession(h.recorder.events(), h.now);
    h.passes.length = 0;
  }

  const command = (commandLine: string, over: Partial<Extract<SourceEvent, { kind: 'command' }>> = {}): SourceEvent =>
    ({ kind: 'command', commandLine, start: h.now - 500, end: h.now, confidence: 'high', exitCode: 0, terminal: 'bash', cwd: `${ROOT}/src`, ...over });
  const commit = (): SourceEvent => ({
    kind: 'commit', time: h.now, repo: '.', hash: 'a'.repeat(40), subject: `Rotate ${SECRET}`, authorTime: h.now,
    operation: 'commit', files: [{ path: 'src/a.ts', added: 1, removed: 0 }], added: 1, removed: 0,
  });
  const captured = (): JournalEvent[] => h.recorder.events().filter((e) => e.kind !== 'session-start');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sj-pipeline-'));
    h = harness();
  });
  afterEach(async () => {
    await h.recorder.flush();
    h.recorder.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redacts each event exactly once: a command, a save burst, a commit', () => {
    start();
    h.pipeline.capture(command(`gh auth login --with-token ${SECRET}`));
    assert.equal(h.passes.length, 1, 'one pass for the command');
    h.pipeline.capture({ kind: 'file-saved', file: `${ROOT}/src/a.ts`, languageId: 'typescript', time: h.now });
    h.pipeline.capture({ kind: 'file-saved', file: `${ROOT}/src/b.ts`, languageId: 'typescript', time: h.now });
    h.timers.fireAll();
    assert.equal(h.passes.length, 2, 'one pass for the save burst (two saves, one event)');
    h.pipeline.capture(commit());
    assert.equal(h.passes.length, 3, 'one pass for the commit');
    const events = captured();
    assert.deepEqual(events.map((e) => e.kind), ['command', 'saves', 'commit']);
    assert.deepEqual(h.passes.map((d) => d.kind), ['command', 'saves', 'commit']);
    const text = JSON.stringify(events);
    assert.ok(!text.includes(SECRET), 'the secret reached no event');
  });

  it('redacts a long command line before cutting it, so no half secret survives the cut', () => {
    start();
    const line = `${'x'.repeat(MAX_COMMAND_LINE - 20)} --token ${SECRET}`;
    h.pipeline.capture(command(line));
    const [e] = captured();
    assert.ok(e && e.kind === 'command');
    assert.ok(!e.commandLine.includes(SECRET.slice(0, 12)), e.commandLine.slice(-40));
    assert.equal(e.originalLength, line.length);
    assert.ok(e.commandLine.length <= MAX_COMMAND_LINE);
    assert.equal(h.passes.length, 1);
  });

  it('captures nothing while no session records, and nothing while paused (user entries excepted)', () => {
    h.pipeline.capture(command('npm test'));
    assert.equal(h.passes.length, 0, 'no session: not even redacted');
    start();
    h.recorder.pause();
    h.pipeline.capture(command('npm test'));
    h.pipeline.capture(commit());
    h.pipeline.capture({ kind: 'file-saved', file: `${ROOT}/src/a.ts`, time: h.now });
    h.timers.fireAll();
    assert.equal(h.passes.length, 0, 'paused: nothing captured');
    assert.ok(h.pipeline.enter({ kind: 'note', time: h.now, text: 'written while paused' }));
    assert.deepEqual(captured().map((e) => e.kind), ['session-pause', 'note']);
  });

  for (const [source, kind, event] of [
    ['commands', 'command', () => command('npm test')],
    ['commits', 'commit', () => commit()],
    ['tasks', 'task', (): SourceEvent => ({ kind: 'task', time: h.now, start: h.now - 10, durationMs: 10, name: 'build', source: 'npm', exitCode: 0 })],
    ['tasks', 'debug', (): SourceEvent => ({ kind: 'debug', time: h.now, start: h.now - 10, durationMs: 10, name: 'Launch', type: 'node' })],
    ['saves', 'files-changed', (): SourceEvent => ({ kind: 'files-changed', op: 'create', files: [`${ROOT}/new.ts`], time: h.now })],
  ] as [CaptureSource, string, () => SourceEvent][]) {
    it(`drops a ${kind} event when sessionJournal.capture.${source} is off, and keeps it when on`, () => {
      h = harness({ capture: { commits: true, commands: true, saves: true, tasks: true, agents: true, [source]: false } });
      start();
      h.pipeline.capture(event());
      h.timers.fireAll();
      assert.deepEqual(captured(), []);
      h.pipeline.setRules(h.rules({ capture: ALL }));
      h.pipeline.capture(event());
      h.timers.fireAll();
      assert.equal(captured().length, 1);
    });
  }

  it('drops excluded commands and excluded paths, and files outside the workspace', () => {
    start();
    h.pipeline.capture(command('secret-tool lookup db'));
    h.pipeline.capture(command('   '));
    h.pipeline.capture({ kind: 'file-saved', file: `${ROOT}/.env`, time: h.now });
    h.pipeline.capture({ kind: 'file-saved', file: '/etc/hosts', time: h.now });
    h.pipeline.capture({ kind: 'files-changed', op: 'rename', renames: [{ from: `${ROOT}/a.ts`, to: `${ROOT}/.env` }], time: h.now });
    h.timers.fireAll();
    assert.deepEqual(captured(), []);
    h.pipeline.capture({ kind: 'file-saved', file: `${ROOT}/src/ok.ts`, time: h.now });
    h.timers.fireAll();
    const [saves] = captured();
    assert.ok(saves && saves.kind === 'saves');
    assert.deepEqual(saves.files.map((f) => f.path), ['src/ok.ts']);
  });

  it('shows the cwd workspace-relative', () => {
    start();
    h.pipeline.capture(command('ls', { cwd: `${ROOT}/src` }));
    h.pipeline.capture(command('ls', { cwd: '/home/me/other' }));
    assert.deepEqual(captured().map((e) => (e.kind === 'command' ? e.cwd : '')), ['src', '~/other']);
  });

  it('runs expensive reads only for a source captured when the event happened, and stores what they deliver after a pause', async () => {
    start();
    let reads = 0;
    const read = async (): Promise<SourceEvent> => {
      reads++;
      return commit();
    };
    h.pipeline.setRules(h.rules({ capture: { commits: false, commands: true, saves: true, tasks: true, agents: true } }));
    h.pipeline.captureLater('commits', read);
    assert.equal(reads, 0, 'commits off: git is not asked');
    h.pipeline.setRules(h.rules());
    h.pipeline.captureLater('commits', read);
    assert.equal(reads, 1);
    h.now += 1000;
    h.recorder.pause();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(captured().map((e) => e.kind), ['session-pause', 'commit'], 'made while recording, stored after the pause');
    h.pipeline.captureLater('commits', read);
    assert.equal(reads, 1, 'paused: git is not asked');
  });

  it('says a notice once per session, also after a reload, and only while its source is captured', () => {
    start();
    h.pipeline.notice('not-a-repository', 'No repository');
    h.pipeline.notice('not-a-repository', 'No repository');
    h.pipeline.setRules(h.rules({ capture: { commits: true, commands: false, saves: true, tasks: true, agents: true } }));
    h.pipeline.notice('no-shell-integration', 'Terminal "x" has no shell integration', 'commands');
    assert.deepEqual(captured().map((e) => (e.kind === 'notice' ? e.message : e.kind)), ['No repository']);
    // A reload continues the session: notices on it count as said.
    h.pipeline.beginSession(h.recorder.events(), h.now);
    h.pipeline.notice('not-a-repository', 'No repository');
    assert.equal(captured().length, 1);
  });

  it('records idle time from activity while recording, and none across a pause', () => {
    start();
    h.pipeline.activity(T0 + 60_000);
    h.pipeline.activity(T0 + 60_000 + 20 * 60_000);
    const idle = captured().filter((e) => e.kind === 'idle');
    assert.equal(idle.length, 1);
    h.now = T0 + 30 * 60_000;
    h.recorder.pause();
    h.pipeline.activity(T0 + 90 * 60_000);
    h.now = T0 + 100 * 60_000;
    h.recorder.resume();
    h.pipeline.restartIdleClock(h.now);
    h.pipeline.activity(h.now + 1000);
    assert.equal(captured().filter((e) => e.kind === 'idle').length, 1, 'a pause is not idle time');
  });
});
