import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { BASIC_OFFSET, MIDNIGHT_OFFSET, basicSession, midnightSession } from './retrospectiveFixture';
import { agentJournal } from '../../src/core/agent/agentJournal';
import { importFixture } from './agentFixtures';

const GOLDEN_DIR = path.join(__dirname, '..', 'fixtures', 'golden');

/** Compares with the golden file; `UPDATE_GOLDEN=1 npx mocha …` rewrites it instead. */
function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'));
}

describe('retrospective golden files', () => {
  it('renders the basic session exactly as basic.md', () => {
    const j = basicSession();
    const model = buildRetrospective(j.events, {
      now: j.at(200),
      utcOffsetMinutes: BASIC_OFFSET,
      uncommitted: [{ path: 'README.md', added: 3, removed: 1 }],
    });
    assertGolden('basic.md', renderRetrospective(model));
  });

  it('renders the midnight-spanning session exactly as midnight.md', () => {
    const j = midnightSession();
    const model = buildRetrospective(j.events, {
      now: j.at(200),
      utcOffsetMinutes: MIDNIGHT_OFFSET,
      author: 'agent',
      recurringFriction: [{ theme: 'date handling', sessionIds: ['s-1', 's-7'] }],
    });
    assertGolden('midnight.md', renderRetrospective(model));
  });

  it('renders an agent session (Claude Code: rejected and interrupted calls, a compaction, a long silence between turns) exactly as agent.md', () => {
    const steps = importFixture('claude-code/rejected-interrupted-compacted.jsonl').events;
    const events = agentJournal(steps, { utcOffsetMinutes: 60, home: '/home/dev' });
    const model = buildRetrospective(events, { now: events[events.length - 1].time, utcOffsetMinutes: 60, idleMinutes: 15 });
    assert.equal(model.author, 'agent', 'the agent did the work');
    assertGolden('agent.md', renderRetrospective(model));
  });

  it('is deterministic: building and rendering twice gives the same text', () => {
    const j = basicSession();
    const options = { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET };
    assert.equal(renderRetrospective(buildRetrospective(j.events, options)), renderRetrospective(buildRetrospective(j.events, options)));
  });
});
