import { strict as assert } from 'node:assert';
import type { CommandEvent, GitOpEvent, JournalEvent, TaskEvent } from '../../src/core/journal/events';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import { FrictionDetector, detectFriction } from '../../src/core/friction/frictionDetector';
import { commandFailedRule, guessCategory, slowCommandRule } from '../../src/core/friction/frictionRules';
import type { FrictionRuleId, FrictionSignal } from '../../src/core/friction/frictionTypes';
import { DEFAULT_FRICTION_CONFIG, resolveFrictionConfig } from '../../src/core/friction/frictionTypes';

const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);
const MIN = 60_000;
let nextId = 0;

function base(time: number): { v: number; id: string; sessionId: string; time: number } {
  return { v: SCHEMA_VERSION, id: `e${++nextId}`, sessionId: 's1', time };
}

function cmd(commandLine: string, exitCode: number | null, at: number, durationMs = 1000): CommandEvent {
  return { ...base(T0 + at), kind: 'command', commandLine, confidence: 'high', exitCode, start: T0 + at - durationMs, durationMs, terminal: 'bash' };
}

function task(name: string, exitCode: number | null, at: number): TaskEvent {
  return { ...base(T0 + at), kind: 'task', name, source: 'npm', start: T0 + at - 5000, durationMs: 5000, exitCode };
}

function saves(at: number): JournalEvent {
  return { ...base(T0 + at), kind: 'saves', start: T0 + at, files: [{ path: 'src/a.ts', count: 1 }], count: 1 };
}

function commit(at: number): JournalEvent {
  return { ...base(T0 + at), kind: 'commit', repo: '.', hash: 'abc1234', subject: 'fix', authorTime: T0 + at, operation: 'commit', files: [], added: 0, removed: 0 };
}

function gitOp(op: GitOpEvent['op'], message: string, at: number): GitOpEvent {
  return { ...base(T0 + at), kind: 'git-op', repo: '.', op, message };
}

function start(at = 0): JournalEvent {
  return { ...base(T0 + at), kind: 'session-start', folders: ['app'], trusted: true, utcOffsetMinutes: 0 };
}

/** Feeds events and returns the rules that fired per event. */
function rulesFired(detector: FrictionDetector, events: readonly JournalEvent[]): FrictionRuleId[][] {
  return events.map((e) => detector.observe(e).map((s) => s.rule));
}

function allRules(signals: readonly FrictionSignal[]): FrictionRuleId[] {
  return signals.map((s) => s.rule);
}

describe('FrictionDetector', () => {
  describe('command-failed', () => {
    it('does not fire for a command whose end was not reported (a dev server in a closed terminal)', () => {
      const e: CommandEvent = { ...cmd('npm run dev', null, 0), endNotReported: 'terminal-closed' };
      assert.deepEqual(new FrictionDetector().observe(e), []);
    });

    it('fires for a non-zero exit with a quoted, plain-text message', () => {
      const e = cmd('npm test', 1, 0);
      const [signal] = new FrictionDetector().observe(e);
      assert.equal(signal.rule, 'command-failed');
      assert.equal(signal.eventId, e.id);
      assert.equal(signal.time, e.time);
      assert.equal(signal.message, '`npm test` failed (exit 1)');
      assert.equal(signal.suggestedTitle, 'npm test failed');
      assert.equal(signal.suggestedCategory, 'tooling');
      assert.deepEqual(signal.trigger, { eventId: e.id, summary: 'npm test', exitCode: 1, durationMs: 1000 });
    });

    it('fires for an unknown exit code', () => {
      const [signal] = new FrictionDetector().observe(cmd('make', null, 0));
      assert.equal(signal.message, '`make` failed (exit code unknown)');
    });

    it('does not fire for success, Ctrl+C or grep finding nothing', () => {
      const d = new FrictionDetector();
      assert.deepEqual(rulesFired(d, [cmd('npm test', 0, 0), cmd('npm run dev', 130, 1000), cmd('grep -r foo src', 1, 2000)]), [[], [], []]);
    });

    it('shortens long command lines and drops env assignments in the message', () => {
      const line = `SECRET=xyz ${'node scripts/really-long-script-name.js '.repeat(4)}`;
      const [signal] = new FrictionDetector().observe(cmd(line, 2, 0));
      const quoted = /^`([^`]*)`/.exec(signal.message)?.[1] ?? '';
      assert.ok(quoted.endsWith('…'));
      assert.ok(Array.from(quoted).length <= DEFAULT_FRICTION_CONFIG.displayLength);
      assert.ok(!signal.message.includes('SECRET'));
      assert.equal(signal.trigger.summary, line);
    });

    it('guesses environment for a missing program or a failed install', () => {
      assert.equal(new FrictionDetector().observe(cmd('pnpm build', 127, 0))[0].suggestedCategory, 'environment');
      assert.equal(guessCategory('npm install', 1), 'environment');
      assert.equal(guessCategory('pip install -r requirements.txt', 1), 'environment');
      assert.equal(guessCategory('npm run lint', 1), 'tooling');
    });
  });

  describe('repeated-failure and retry-loop', () => {
    it('fires repeated-failure on the second failure of the same normalised command', () => {
      const d = new FrictionDetector();
      const fired = rulesFired(d, [cmd('npm test', 1, 0), cmd('npm run build', 1, 1 * MIN), cmd('CI=1  npm test', 1, 10 * MIN)]);
      assert.deepEqual(fired, [['command-failed'], ['command-failed'], ['repeated-failure', 'command-failed']]);
    });

    it('puts the more severe signal first and words the title for a notification', () => {
      const d = new FrictionDetector();
      d.observe(cmd('npm test', 1, 0));
      const signals = d.observe(cmd('npm test', 1, 2 * MIN));
      assert.equal(signals[0].rule, 'repeated-failure');
      assert.equal(signals[0].suggestedTitle, 'npm test keeps failing');
      assert.match(signals[0].message, /^`npm test` failed again \(2 failures in 2 min, exit 1\)$/);
    });

    it('fires retry-loop on the third failure within 5 minutes, once per loop', () => {
      const d = new FrictionDetector();
      const fired = rulesFired(d, [cmd('cargo build', 101, 0), cmd('cargo build', 101, 1 * MIN), cmd('cargo build', 101, 2 * MIN), cmd('cargo build', 101, 3 * MIN)]);
      assert.deepEqual(fired, [['command-failed'], ['repeated-failure', 'command-failed'], ['retry-loop', 'command-failed'], ['command-failed']]);
    });

    it('does not call three failures spread over more than 5 minutes a loop', () => {
      const d = new FrictionDetector();
      const fired = rulesFired(d, [cmd('cargo build', 1, 0), cmd('cargo build', 1, 3 * MIN), cmd('cargo build', 1, 6 * MIN)]);
      assert.ok(!fired.flat().includes('retry-loop'));
    });

    it('starts over after the command succeeds', () => {
      const d = new FrictionDetector();
      const fired = rulesFired(d, [cmd('npm test', 1, 0), cmd('npm test', 0, MIN), cmd('npm test', 1, 2 * MIN), cmd('npm test', 1, 3 * MIN)]);
      assert.deepEqual(fired, [['command-failed'], [], ['command-failed'], ['repeated-failure', 'command-failed']]);
    });

    it('forgets failures older than the repeat window', () => {
      const d = new FrictionDetector();
      const fired = rulesFired(d, [cmd('npm test', 1, 0), cmd('npm test', 1, 31 * MIN)]);
      assert.deepEqual(fired, [['command-failed'], ['command-failed']]);
    });
  });

  describe('task-failed', () => {
    it('fires for a failed or unknown task exit and not for success', () => {
      const d = new FrictionDetector();
      const failed = task('build', 2, 0);
      const signals = d.observe(failed);
      assert.deepEqual(allRules(signals), ['task-failed']);
      assert.equal(signals[0].message, 'Task `build` failed (exit 2)');
      assert.equal(signals[0].trigger.summary, 'build');
      assert.deepEqual(allRules(d.observe(task('watch', null, MIN))), ['task-failed']);
      assert.deepEqual(allRules(d.observe(task('lint', 0, 2 * MIN))), []);
    });
  });

  describe('slow-command', () => {
    it('fires above the threshold, for successes too', () => {
      const d = new FrictionDetector();
      const signals = d.observe(cmd('npm run build', 0, 0, 200_000));
      assert.deepEqual(allRules(signals), ['slow-command']);
      assert.equal(signals[0].message, '`npm run build` took 3 min 20 s');
      assert.deepEqual(allRules(d.observe(cmd('npm run build', 0, MIN, 120_000))), []);
    });

    it('leaves editors, servers, watchers and interrupted commands alone', () => {
      const d = new FrictionDetector();
      const long = 60 * MIN;
      const fired = rulesFired(d, [cmd('vim src/a.ts', 0, 0, long), cmd('npm run dev', 0, 1, long), cmd('tsc --watch', 0, 2, long), cmd('npm run build', 130, 3, long)]);
      assert.deepEqual(fired, [[], [], [], []]);
    });

    it('honours a configured threshold', () => {
      const config = resolveFrictionConfig({ slowCommandMs: 10_000 });
      assert.equal(slowCommandRule(cmd('make', 0, 0, 11_000), config)?.rule, 'slow-command');
      assert.equal(slowCommandRule(cmd('make', 0, 0, 9_000), config), undefined);
    });
  });

  describe('stuck', () => {
    it('fires when failures keep coming with no save or commit for 10 minutes, once', () => {
      const d = new FrictionDetector();
      d.observe(start());
      const events = [cmd('a', 1, 1 * MIN), cmd('b', 1, 3 * MIN), cmd('c', 1, 5 * MIN), cmd('d', 1, 7 * MIN), cmd('e', 1, 11 * MIN), cmd('f', 1, 12 * MIN)];
      const fired = rulesFired(d, events);
      assert.deepEqual(fired.map((r) => r.includes('stuck')), [false, false, false, false, true, false]);
      const stuck = detectFriction([start(), ...events]).find((s) => s.rule === 'stuck');
      assert.ok(stuck);
      assert.equal(stuck.message, '5 failures in 11 min with no file saved and nothing committed');
      assert.equal(stuck.suggestedCategory, 'knowledge');
    });

    it('does not fire when a save happens in between', () => {
      const events = [start(), cmd('a', 1, MIN), cmd('b', 1, 3 * MIN), saves(6 * MIN), cmd('c', 1, 8 * MIN), cmd('d', 1, 11 * MIN), cmd('e', 1, 14 * MIN)];
      assert.ok(!allRules(detectFriction(events)).includes('stuck'));
    });

    it('does not fire when a commit happens in between, and fires again after new progress', () => {
      const fails = (from: number): JournalEvent[] => [0, 3, 6, 9, 12].map((m) => cmd(`x${m}`, 1, from + m * MIN));
      const withCommit = [start(), ...fails(0), commit(13 * MIN), cmd('y', 1, 14 * MIN)];
      assert.equal(allRules(detectFriction(withCommit)).filter((r) => r === 'stuck').length, 1);
      const again = [start(), ...fails(0), commit(13 * MIN), ...fails(14 * MIN)];
      assert.equal(allRules(detectFriction(again)).filter((r) => r === 'stuck').length, 2);
    });

    it('needs enough failures, and counts failed tasks', () => {
      const few = [start(), cmd('a', 1, MIN), cmd('b', 1, 12 * MIN)];
      assert.ok(!allRules(detectFriction(few)).includes('stuck'));
      const withTasks = [start(), task('build', 1, MIN), task('build', 1, 4 * MIN), cmd('a', 1, 6 * MIN), task('build', 1, 11 * MIN)];
      assert.ok(allRules(detectFriction(withTasks)).includes('stuck'));
    });

    it('does not count an idle stretch as time spent stuck', () => {
      const idle: JournalEvent = { ...base(T0 + 70 * MIN), kind: 'idle', from: T0 + 5 * MIN, to: T0 + 65 * MIN };
      const events = [start(), cmd('a', 1, MIN), cmd('b', 1, 2 * MIN), cmd('c', 1, 3 * MIN), idle, cmd('d', 1, 66 * MIN)];
      assert.ok(!allRules(detectFriction(events)).includes('stuck'));
    });
  });

  describe('work-discarded', () => {
    it('fires for discarding commands, not for failed ones', () => {
      const d = new FrictionDetector();
      const signals = d.observe(cmd('git reset --hard HEAD~1', 0, 0));
      assert.deepEqual(allRules(signals), ['work-discarded']);
      assert.equal(signals[0].message, '`git reset --hard HEAD~1` may have discarded uncommitted work');
      assert.equal(signals[0].suggestedTitle, 'Discarded work (git reset --hard HEAD~1)');
      assert.deepEqual(allRules(d.observe(cmd('git clean -fd', 128, 5 * MIN))), ['command-failed']);
    });

    it('fires for each discarding command family', () => {
      const lines = ['git checkout -- .', 'git checkout .', 'git restore src/a.ts', 'git stash drop', 'git clean -fd'];
      const signals = detectFriction(lines.map((l, i) => cmd(l, 0, i * 2 * MIN)));
      assert.deepEqual(allRules(signals), lines.map(() => 'work-discarded'));
    });

    it('ignores git restore --staged', () => {
      assert.deepEqual(detectFriction([cmd('git restore --staged .', 0, 0)]), []);
    });

    it('uses a reset git-op only when its message says --hard and no command explained it', () => {
      assert.deepEqual(allRules(detectFriction([gitOp('reset', 'reset: moving to HEAD~1', 0)])), []);
      assert.deepEqual(allRules(detectFriction([gitOp('reset', 'reset --hard: moving to HEAD~1', 0)])), ['work-discarded']);
      const both = detectFriction([gitOp('reset', 'reset --hard: moving to HEAD~1', 0), cmd('git reset --hard HEAD~1', 0, 2000)]);
      assert.equal(both.length, 1);
      const commandFirst = detectFriction([cmd('git reset --hard', 0, 0), gitOp('reset', 'reset --hard: moving to HEAD', 1000)]);
      assert.equal(commandFirst.length, 1);
      assert.equal(commandFirst[0].trigger.summary, 'git reset --hard');
    });
  });

  describe('configuration', () => {
    it('lets rules be switched off', () => {
      const config = resolveFrictionConfig({ disabledRules: ['command-failed', 'not-a-rule'] });
      assert.deepEqual(config.disabledRules, ['command-failed']);
      assert.equal(commandFailedRule(cmd('npm test', 1, 0), config), undefined);
      assert.deepEqual(allRules(detectFriction([cmd('npm test', 1, 0), cmd('npm test', 1, MIN)], config)), ['repeated-failure']);
    });

    it('falls back to defaults for values of the wrong type or range', () => {
      const config = resolveFrictionConfig({ slowCommandMs: 'fast', stuckFailures: -3, ignoredCommands: [1, 2], retryLoopFailures: 5 });
      assert.equal(config.slowCommandMs, DEFAULT_FRICTION_CONFIG.slowCommandMs);
      assert.equal(config.stuckFailures, DEFAULT_FRICTION_CONFIG.stuckFailures);
      assert.deepEqual(config.ignoredCommands, DEFAULT_FRICTION_CONFIG.ignoredCommands);
      assert.equal(config.retryLoopFailures, 5);
    });
  });

  describe('bounded memory', () => {
    // Boundedness, not speed (that is npm run bench's): 20k failures of 5,000 distinct commands
    // are 100 times the cap of 50 and pass through every command four times, which is what
    // the cap must survive; 100k events only made the test CPU-bound on a loaded machine.
    it('keeps state bounded over 20k failures of 5,000 distinct commands', () => {
      const config = resolveFrictionConfig({ maxTrackedCommands: 50 });
      const d = new FrictionDetector(config);
      let signals = 0;
      let maxTracked = 0;
      for (let i = 0; i < 20_000; i++) {
        // Distinct commands, every one failing, time advancing 100 ms per event.
        signals += d.observe(cmd(`node script-${i % 5000}.js`, 1, i * 100)).length;
        maxTracked = Math.max(maxTracked, d.trackedCommands);
      }
      assert.ok(maxTracked <= 50, `tracked ${maxTracked}`);
      assert.ok(signals >= 20_000);
    });

    it('forgets commands whose failures left the repeat window', () => {
      const d = new FrictionDetector();
      for (let i = 0; i < 100; i++) d.observe(cmd(`cmd-${i}`, 1, i * 1000));
      assert.equal(d.trackedCommands, 100);
      d.observe(saves(2 * 60 * MIN));
      assert.equal(d.trackedCommands, 0);
    });
  });
});
