import { strict as assert } from 'node:assert';
import { agentTrigger } from '../../src/core/friction/agentFriction';
import { FrictionDetector } from '../../src/core/friction/frictionDetector';
import { PromptGate } from '../../src/core/friction/promptGate';
import type { FrictionSignal } from '../../src/core/friction/frictionTypes';
import { resolveFrictionConfig } from '../../src/core/friction/frictionTypes';
import type { AgentActivityEvent, CommandEvent, FrictionEvent, JournalEvent } from '../../src/core/journal/events';
import { SCHEMA_VERSION } from '../../src/core/journal/events';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const SEC = 1000;
let nextId = 0;

function base(at: number): { v: number; id: string; sessionId: string; time: number } {
  return { v: SCHEMA_VERSION, id: `a${++nextId}`, sessionId: 'j1', time: T0 + at };
}

function agentCmd(command: string, exitCode: number | null, at: number, over: Partial<AgentActivityEvent> = {}): AgentActivityEvent {
  return {
    ...base(at), kind: 'agent', agent: 'claude-code', agentSession: 'c1', action: 'tool', key: `k${nextId}`, start: T0 + at - 2 * SEC,
    tool: 'Bash', command, exitCode, status: exitCode === 0 ? 'ok' : 'failed', ...over,
  };
}

function interrupt(at: number): AgentActivityEvent {
  return { ...base(at), kind: 'agent', agent: 'claude-code', agentSession: 'c1', action: 'interrupt', key: `i${nextId}` };
}

const start = (): JournalEvent => ({ ...base(0), kind: 'session-start', folders: ['demo'], trusted: true, utcOffsetMinutes: 0 });

/** What the prompter does with one event: observe, take the strongest signal, ask the gate. */
function promptedBy(detector: FrictionDetector, gate: PromptGate, e: JournalEvent): FrictionSignal | undefined {
  const signals = detector.observe(e);
  const strongest = signals[0];
  if (strongest === undefined || gate.consider(strongest, e.time) !== 'prompt') return undefined;
  gate.notePrompted(e.time);
  return strongest;
}

describe('friction from an agent\'s steps', () => {
  let detector: FrictionDetector;
  let gate: PromptGate;
  beforeEach(() => {
    detector = new FrictionDetector();
    gate = new PromptGate();
    detector.observe(start());
  });

  it('a single failed agent command is a quiet signal: suggested for the retrospective, never a prompt', () => {
    const e = agentCmd('npm test', 1, 10 * SEC);
    const signals = detector.observe(e);
    assert.deepEqual(signals.map((s) => [s.rule, s.quiet]), [['command-failed', true]]);
    assert.match(signals[0]?.message ?? '', /^Claude Code: `npm test` failed \(exit 1\)/);
    assert.equal(gate.consider(signals[0] as FrictionSignal, e.time), 'drop');
  });

  it('the same failure twice is still quiet; the third in the retry window is a loop and prompts, once', () => {
    assert.equal(promptedBy(detector, gate, agentCmd('npm test', 1, 10 * SEC)), undefined);
    assert.equal(promptedBy(detector, gate, agentCmd('npm  test', 1, 40 * SEC)), undefined, 'repeated-failure is quiet for an agent');
    const loop = promptedBy(detector, gate, agentCmd('npm test', 1, 70 * SEC));
    assert.equal(loop?.rule, 'retry-loop');
    assert.equal(loop?.quiet, undefined);
    assert.match(loop?.message ?? '', /failed 3 times/);
    assert.equal(detector.observe(agentCmd('npm test', 1, 300 * SEC)).some((s) => s.rule === 'retry-loop'), false, 'reported once per run of failures');
  });

  it('a success between the agent\'s failures ends the run, as it does for a terminal command', () => {
    detector.observe(agentCmd('npm test', 1, 10 * SEC));
    detector.observe(agentCmd('npm test', 0, 20 * SEC));
    detector.observe(agentCmd('npm test', 1, 30 * SEC));
    const third = detector.observe(agentCmd('npm test', 1, 40 * SEC));
    assert.deepEqual(third.map((s) => s.rule).sort(), ['command-failed', 'repeated-failure']);
  });

  it('counts the person\'s and the agent\'s failures of one command together', () => {
    const terminal: CommandEvent = { ...base(10 * SEC), kind: 'command', commandLine: 'npm test', confidence: 'high', exitCode: 1, start: T0, durationMs: 1000, terminal: 'bash' };
    detector.observe(terminal);
    detector.observe(agentCmd('npm test', 1, 20 * SEC));
    assert.ok(detector.observe(agentCmd('npm test', 1, 30 * SEC)).some((s) => s.rule === 'retry-loop'));
  });

  it('an interruption prompts; the interrupted call and the interrupt line it wrote are one interruption', () => {
    const cut = agentCmd('npm run e2e', null, 60 * SEC, { status: 'interrupted' });
    const asked = promptedBy(detector, gate, cut);
    assert.equal(asked?.rule, 'agent-interrupted');
    assert.match(asked?.message ?? '', /You interrupted Claude Code during `npm run e2e`/);
    assert.equal(asked?.trigger.eventId, cut.id);
    assert.deepEqual(detector.observe(interrupt(61 * SEC)), [], 'the interrupt line of the same stop');
    assert.equal(detector.observe(interrupt(600 * SEC))[0]?.rule, 'agent-interrupted', 'a later stop is another interruption');
  });

  it('a rejected tool call is quiet (the person answered the agent), and is not a failure of the command', () => {
    const signals = detector.observe(agentCmd('rm -rf build', null, 30 * SEC, { status: 'rejected' }));
    assert.deepEqual(signals.map((s) => [s.rule, s.quiet]), [['agent-interrupted', true]]);
    assert.equal(detector.trackedCommands, 0);
  });

  it('an agent\'s edit is progress: its failures before it do not add up to stuck', () => {
    detector = new FrictionDetector(resolveFrictionConfig({ stuckFailures: 2, stuckMinutes: 1 }));
    detector.observe(start());
    detector.observe(agentCmd('make a', 1, 10 * SEC));
    detector.observe({ ...agentCmd('', 0, 20 * SEC), command: undefined, tool: 'Edit', paths: ['src/a.ts'], status: 'ok', exitCode: undefined });
    assert.equal(detector.failuresSinceProgress, 0);
  });

  it('a friction logged about an agent step links to it, and explains later signals of its command', () => {
    const e = agentCmd('npm test', 1, 10 * SEC);
    detector.observe(e);
    const trigger = agentTrigger(e);
    assert.deepEqual(trigger, { eventId: e.id, summary: 'npm test', agent: 'claude-code', exitCode: 1, durationMs: 2000 });
    const friction: FrictionEvent = { ...base(20 * SEC), kind: 'friction', title: 'Tests flaky', category: 'flaky test', trigger };
    gate.noteExplained(friction);
    detector.observe(agentCmd('npm test', 1, 30 * SEC));
    const loop = detector.observe(agentCmd('npm test', 1, 40 * SEC)).find((s) => s.rule === 'retry-loop');
    assert.ok(loop);
    assert.equal(gate.consider(loop, loop.time), 'drop', 'already explained');
  });
});
