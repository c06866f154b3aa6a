import { strict as assert } from 'node:assert';
import { agentTrigger } from '../../src/core/friction/agentFriction';
import { FrictionDetector } from '../../src/core/friction/frictionDetector';
import type { AgentActivityEvent, FrictionEvent, JournalEvent } from '../../src/core/journal/events';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { describeEvent } from '../../src/core/timeline/describeEvent';

/**
 * Friction the person logs about an agent's step is linked to it as a terminal friction is to its
 * command: the journal's friction names the step's id, and the Timeline row and the draft's
 * Friction section say it was the agent's step.
 */
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
let n = 0;
const base = (s: number) => ({ v: SCHEMA_VERSION, id: `e${++n}`, sessionId: 'j1', time: T0 + s * 1000 });
const failing = (s: number): AgentActivityEvent => ({
  ...base(s), kind: 'agent', agent: 'claude-code', agentSession: 'c1', action: 'tool', key: `k${n}`, start: T0 + (s - 1) * 1000,
  tool: 'Bash', command: 'npm run check:dates', exitCode: 2, status: 'failed',
});

describe('friction linked to an agent\'s step', () => {
  it('the retry-loop prompt carries the agent step it is about, named as the agent\'s', () => {
    const detector = new FrictionDetector();
    detector.observe({ ...base(0), kind: 'session-start', folders: ['demo'], trusted: true, utcOffsetMinutes: 0 });
    const steps = [failing(10), failing(20), failing(30)];
    const signals = steps.flatMap((e) => detector.observe(e));
    const loop = signals.find((s) => s.rule === 'retry-loop');
    assert.ok(loop, `a retry loop among ${signals.map((s) => s.rule).join(', ')}`);
    assert.equal(loop.trigger?.eventId, steps[2]?.id, 'the friction points at the agent step, as a terminal\'s does at its command');
    assert.equal(loop.trigger?.agent, 'claude-code');
    assert.equal(loop.trigger?.summary, 'npm run check:dates');
  });

  it('Log Friction on an agent step keeps its command, exit code and whose it was', () => {
    const step = failing(10);
    assert.deepEqual(agentTrigger(step), { eventId: step.id, summary: 'npm run check:dates', agent: 'claude-code', exitCode: 2, durationMs: 1000 });
  });

  it('the Timeline row and the draft\'s Friction section name the agent step', () => {
    const step = failing(10);
    const friction: FrictionEvent = { ...base(40), kind: 'friction', title: 'The date check loops on the time zone', category: 'tooling', trigger: agentTrigger(step) };
    assert.match(describeEvent(friction).detail ?? '', /Claude Code step: npm run check:dates/);
    const events: JournalEvent[] = [
      { ...base(0), kind: 'session-start', folders: ['demo'], trusted: true, utcOffsetMinutes: 0 }, step, friction, { ...base(60), kind: 'session-end' },
    ];
    const draft = renderRetrospective(buildRetrospective(events, { now: T0 + 60_000, utcOffsetMinutes: 0 }));
    const section = draft.slice(draft.indexOf('Friction'));
    assert.match(section, /\*\*The date check loops on the time zone\*\*.*\(Claude Code step: npm run check:dates\)/);
  });
});
