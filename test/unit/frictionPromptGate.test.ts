import { strict as assert } from 'node:assert';
import type { CommandEvent, FrictionEvent } from '../../src/core/journal/events';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import { FrictionDetector } from '../../src/core/friction/frictionDetector';
import type { FrictionSignal } from '../../src/core/friction/frictionTypes';
import type { PromptDecision } from '../../src/core/friction/promptGate';
import { DEFAULT_PROMPT_GATE_CONFIG, PromptGate } from '../../src/core/friction/promptGate';

const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);
const SEC = 1000;
const MIN = 60_000;
let nextId = 0;

function failedCommand(commandLine: string, at: number): CommandEvent {
  return { v: SCHEMA_VERSION, id: `c${++nextId}`, sessionId: 's1', time: T0 + at, kind: 'command', commandLine, confidence: 'high', exitCode: 1, start: T0 + at - SEC, durationMs: SEC, terminal: 'bash' };
}

/** The signal a real detector raises first for a failure, so the gate is tested on real shapes. */
function signalFor(commandLine: string, at: number): FrictionSignal {
  const [signal] = new FrictionDetector().observe(failedCommand(commandLine, at));
  return signal;
}

function friction(signal: FrictionSignal, at: number, summary = signal.trigger.summary): FrictionEvent {
  return {
    v: SCHEMA_VERSION, id: `f${++nextId}`, sessionId: 's1', time: T0 + at, kind: 'friction',
    title: signal.suggestedTitle, category: signal.suggestedCategory, trigger: { ...signal.trigger, summary },
  };
}

/** What a well-behaved caller does: prompt when told, and note it. */
function offer(gate: PromptGate, signal: FrictionSignal, now: number): PromptDecision {
  const decision = gate.consider(signal, now);
  if (decision === 'prompt') gate.notePrompted(now);
  return decision;
}

describe('PromptGate', () => {
  it('prompts for a fresh signal when nothing holds it back', () => {
    assert.equal(new PromptGate().consider(signalFor('npm test', 0), T0), 'prompt');
  });

  it('rate-limits: 20 failures in a row give only as many prompts as the interval allows', () => {
    const gate = new PromptGate();
    // One failure every 30 s for 10 minutes: intervals of 3 min allow prompts at 0, 3, 6 and 9 min.
    const decisions = Array.from({ length: 20 }, (_, i) => offer(gate, signalFor(`cmd-${i}`, i * 30 * SEC), T0 + i * 30 * SEC));
    assert.equal(decisions.filter((d) => d === 'prompt').length, 4);
    assert.deepEqual(
      decisions.flatMap((d, i) => (d === 'prompt' ? [i] : [])),
      [0, 6, 12, 18],
    );
    assert.ok(decisions.every((d) => d === 'prompt' || d === 'drop'));
  });

  it('allows a burst of failures only one prompt', () => {
    const gate = new PromptGate();
    const decisions = Array.from({ length: 20 }, (_, i) => offer(gate, signalFor('npm test', i * SEC), T0 + i * SEC));
    assert.equal(decisions.filter((d) => d === 'prompt').length, 1);
  });

  it('does not ask about a failure the user already explained (by event id)', () => {
    const gate = new PromptGate();
    const signal = signalFor('npm test', 0);
    gate.noteExplained(friction(signal, 5 * SEC));
    assert.equal(gate.consider(signal, T0 + 10 * SEC), 'drop');
  });

  it('does not ask about the same normalised command explained within 30 minutes', () => {
    const gate = new PromptGate();
    gate.noteExplained(friction(signalFor('npm test', 0), 5 * SEC, 'CI=1  npm test'));
    assert.equal(gate.consider(signalFor('npm test', 20 * MIN), T0 + 20 * MIN), 'drop');
    assert.equal(gate.consider(signalFor('npm run build', 20 * MIN), T0 + 20 * MIN), 'prompt');
    assert.equal(gate.consider(signalFor('npm test', 40 * MIN), T0 + 40 * MIN), 'prompt');
  });

  it('ignores friction without a trigger', () => {
    const gate = new PromptGate();
    const signal = signalFor('npm test', 0);
    const untriggered: FrictionEvent = { ...friction(signal, SEC), trigger: undefined };
    gate.noteExplained(untriggered);
    assert.equal(gate.consider(signal, T0 + 2 * SEC), 'prompt');
  });

  it('stays silent for the rest of the session once muted', () => {
    const gate = new PromptGate();
    gate.mute();
    assert.ok(gate.isMuted);
    assert.equal(gate.consider(signalFor('npm test', 0), T0), 'drop');
    assert.equal(gate.consider(signalFor('npm test', 5 * 60 * MIN), T0 + 5 * 60 * MIN), 'drop');
  });

  it('stays silent while snoozed, then prompts again', () => {
    const gate = new PromptGate();
    gate.snooze(15 * MIN, T0);
    assert.equal(gate.consider(signalFor('npm test', 10 * MIN), T0 + 10 * MIN), 'drop');
    assert.equal(gate.consider(signalFor('npm test', 16 * MIN), T0 + 16 * MIN), 'prompt');
  });

  it('drops everything when disabled', () => {
    const gate = new PromptGate();
    gate.enabled = false;
    assert.equal(gate.consider(signalFor('npm test', 0), T0), 'drop');
    gate.enabled = true;
    assert.equal(gate.consider(signalFor('npm test', 0), T0), 'prompt');
  });

  it('defers while the user types and says when to look again', () => {
    const gate = new PromptGate();
    const signal = signalFor('npm test', 0);
    gate.noteTyping(T0 + 500);
    assert.equal(gate.consider(signal, T0 + 1000), 'defer');
    assert.equal(gate.nextCheckDelay(T0 + 1000), DEFAULT_PROMPT_GATE_CONFIG.typingQuietMs - 500);
    assert.equal(gate.consider(signal, T0 + 500 + DEFAULT_PROMPT_GATE_CONFIG.typingQuietMs), 'prompt');
    assert.equal(gate.nextCheckDelay(T0 + 10 * SEC), 0);
  });

  it('drops a deferred signal that has waited more than a couple of minutes', () => {
    const gate = new PromptGate();
    const signal = signalFor('npm test', 0);
    let now = T0;
    let decision: PromptDecision = 'defer';
    // The user keeps typing; the caller retries after each suggested delay.
    while (decision === 'defer' && now < T0 + 10 * MIN) {
      gate.noteTyping(now);
      now += Math.max(gate.nextCheckDelay(now), 1) - 1;
      decision = gate.consider(signal, now);
      now += 1;
    }
    assert.equal(decision, 'drop');
    assert.ok(now - T0 > DEFAULT_PROMPT_GATE_CONFIG.maxSignalAgeMs);
    assert.ok(now - T0 <= DEFAULT_PROMPT_GATE_CONFIG.maxSignalAgeMs + DEFAULT_PROMPT_GATE_CONFIG.typingQuietMs);
  });

  it('accepts a custom interval', () => {
    const gate = new PromptGate({ minPromptIntervalMs: 10 * SEC });
    assert.equal(offer(gate, signalFor('a', 0), T0), 'prompt');
    assert.equal(offer(gate, signalFor('b', 5 * SEC), T0 + 5 * SEC), 'drop');
    assert.equal(offer(gate, signalFor('c', 11 * SEC), T0 + 11 * SEC), 'prompt');
  });
});
