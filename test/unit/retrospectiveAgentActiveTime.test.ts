import { strict as assert } from 'node:assert';
import type { AgentActivityEvent, JournalEvent } from '../../src/core/journal/events';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import { agentTurns } from '../../src/core/retrospective/agentTurns';
import { inactiveIntervals } from '../../src/core/retrospective/inactiveTime';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
let n = 0;
const base = (at: number) => ({ v: SCHEMA_VERSION, id: `e${++n}`, sessionId: 'j1', time: T0 + at });
const agent = (at: number, over: Partial<AgentActivityEvent>): AgentActivityEvent =>
  ({ ...base(at), kind: 'agent', agent: 'codex', agentSession: 'x1', action: 'reply', key: `k${n}`, ...over });

describe('active time with an agent at work', () => {
  // The person prompts at 9:01, the agent runs a 30-minute command and replies at 9:38; the
  // idle detector saw nobody type from 9:01 to 9:45.
  const events: JournalEvent[] = [
    { ...base(0), kind: 'session-start', folders: ['demo'], trusted: true, utcOffsetMinutes: 0 },
    agent(1 * MIN, { action: 'prompt', text: 'run the e2e suite and fix what fails' }),
    agent(35 * MIN, { action: 'tool', start: T0 + 5 * MIN, command: 'npm run e2e', exitCode: 0, status: 'ok' }),
    agent(38 * MIN, { action: 'reply', text: 'All green.' }),
    { ...base(45 * MIN), kind: 'idle', from: T0 + 1 * MIN, to: T0 + 45 * MIN },
    { ...base(50 * MIN), kind: 'session-pause' },
    agent(55 * MIN, { action: 'prompt', text: 'now the docs' }),
    agent(58 * MIN, { action: 'reply', text: 'Done.' }),
    { ...base(60 * MIN), kind: 'session-resume' },
  ];

  it('a turn runs from its prompt to the last thing the agent did before the next prompt', () => {
    assert.deepEqual(agentTurns(events).map((t) => [(t.from - T0) / MIN, (t.to - T0) / MIN, t.prompted]), [[1, 38, true], [55, 58, true]]);
  });

  it('leaves the turn out of an idle stretch: only 9:38–9:45 was idle; a pause stays inactive while an agent works', () => {
    const inactive = inactiveIntervals(events, T0, T0 + 70 * MIN);
    assert.deepEqual(inactive.map((i) => [(i.from - T0) / MIN, (i.to - T0) / MIN]), [[38, 45], [50, 60]]);
  });

  it('also leaves a turn out of the silences counted for journals without idle events', () => {
    // The agent thought for 19 minutes before its command (9:20–9:35): a silence inside the turn.
    const noIdle = events
      .filter((e) => e.kind !== 'idle' && e.kind !== 'session-pause' && e.kind !== 'session-resume')
      .map((e) => (e.kind === 'agent' && e.action === 'tool' ? { ...e, start: T0 + 20 * MIN } : e));
    const inactive = inactiveIntervals(noIdle, T0, T0 + 58 * MIN, 15);
    // Silences 9:01→9:20 (inside the turn 9:01–9:38) and 9:38→9:55 (between turns): only the second is inactive.
    assert.deepEqual(inactive.map((i) => [(i.from - T0) / MIN, (i.to - T0) / MIN]), [[38, 55]]);
  });
});
