import { strict as assert } from 'node:assert';
import type { FrictionCategory, FrictionEvent } from '../../src/core/journal/events';
import { SCHEMA_VERSION } from '../../src/core/journal/events';
import type { SessionFriction } from '../../src/core/friction/recurringFriction';
import { findRecurringFriction } from '../../src/core/friction/recurringFriction';

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);
let nextId = 0;

function fr(title: string, category: FrictionCategory = 'other'): FrictionEvent {
  return { v: SCHEMA_VERSION, id: `f${++nextId}`, sessionId: 'x', time: T0, kind: 'friction', title, category };
}

/** Sessions s1..sN one day apart, oldest first, each with the given friction. */
function sessions(...frictionPerSession: FrictionEvent[][]): SessionFriction[] {
  return frictionPerSession.map((friction, i) => ({ id: `s${i + 1}`, start: T0 + i * DAY, friction }));
}

describe('findRecurringFriction', () => {
  it('reports a title seen in 3 of the last 7 sessions', () => {
    const result = findRecurringFriction(
      sessions([fr('npm test keeps failing')], [], [fr('Slow CI')], [fr('npm test keeps failing')], [], [fr('npm test keeps failing')], []),
    );
    assert.equal(result.length, 1);
    assert.equal(result[0].theme, 'npm test keeps failing');
    assert.deepEqual(result[0].sessionIds, ['s1', 's4', 's6']);
    assert.deepEqual(result[0].titles, ['npm test keeps failing']);
  });

  it('does not report a title seen in only 2 of 7 sessions', () => {
    const result = findRecurringFriction(sessions([fr('npm test keeps failing')], [], [], [fr('npm test keeps failing')], [], [], []));
    assert.deepEqual(result, []);
  });

  it('counts a session once even when it logged the theme several times', () => {
    const result = findRecurringFriction(sessions([fr('flaky e2e test'), fr('flaky e2e tests')], [fr('flaky e2e test')], []));
    assert.deepEqual(result, []);
  });

  it('ignores sessions older than the last 7', () => {
    // s1 and s2 are the oldest of 9; only s3..s9 count, where the theme appears twice.
    const list = sessions(
      [fr('docker build slow')], [fr('docker build slow')], [], [fr('docker build slow')], [], [], [], [fr('docker build slow')], [],
    );
    assert.deepEqual(findRecurringFriction(list), []);
    assert.equal(findRecurringFriction(list, { lastSessions: 9 }).length, 1);
  });

  it('picks the latest sessions by start time, not by input order', () => {
    const list = sessions([fr('VPN drops')], [fr('VPN drops')], [fr('VPN drops')], [], [], [], [], [], []);
    assert.deepEqual(findRecurringFriction([...list].reverse()), []);
    const recentFirst = sessions([], [], [], [], [], [], [fr('VPN drops')], [fr('VPN drops')], [fr('VPN drops')]).reverse();
    assert.deepEqual(findRecurringFriction(recentFirst)[0].sessionIds, ['s7', 's8', 's9']);
  });

  it('groups similar titles into one theme', () => {
    const result = findRecurringFriction(
      sessions([fr('npm test keeps failing', 'tooling')], [fr('npm tests failed again', 'tooling')], [fr('Failing npm test', 'tooling')], [fr('Wrong spec')]),
    );
    assert.equal(result.length, 1, JSON.stringify(result));
    assert.deepEqual(result[0].sessionIds, ['s1', 's2', 's3']);
    assert.deepEqual(result[0].titles, ['npm test keeps failing', 'npm tests failed again', 'Failing npm test']);
    assert.equal(result[0].category, 'tooling');
  });

  it('finds a theme by category when titles differ', () => {
    const result = findRecurringFriction(
      sessions([fr('Node version mismatch', 'environment')], [fr('Missing Python headers', 'environment')], [], [fr('Docker daemon not running', 'environment')]),
    );
    assert.equal(result.length, 1);
    assert.equal(result[0].theme, 'environment friction');
    assert.equal(result[0].category, 'environment');
    assert.deepEqual(result[0].sessionIds, ['s1', 's2', 's4']);
    assert.equal(result[0].titles.length, 3);
  });

  it("never makes a theme of the 'other' category", () => {
    const result = findRecurringFriction(sessions([fr('alpha')], [fr('beta')], [fr('gamma')]));
    assert.deepEqual(result, []);
  });

  it('prefers the title theme when a category theme covers the same sessions', () => {
    const result = findRecurringFriction(
      sessions([fr('flaky login test', 'flaky test')], [fr('login test flaky again', 'flaky test')], [fr('flaky login tests', 'flaky test')]),
    );
    assert.equal(result.length, 1);
    assert.notEqual(result[0].theme, 'flaky test friction');
    assert.deepEqual(result[0].sessionIds, ['s1', 's2', 's3']);
  });

  it('keeps a category theme that reaches more sessions than the title theme, ranked by sessions', () => {
    const result = findRecurringFriction(
      sessions(
        [fr('webpack build slow', 'tooling')],
        [fr('webpack build slow', 'tooling')],
        [fr('webpack build slow', 'tooling')],
        [fr('eslint crashes on save', 'tooling')],
        [fr('unclear acceptance criteria', 'requirements')],
      ),
    );
    assert.deepEqual(result.map((r) => [r.theme, r.sessionIds.length]), [['tooling friction', 4], ['webpack build slow', 3]]);
  });

  it('sorts by number of sessions', () => {
    const result = findRecurringFriction(
      sessions(
        [fr('proxy blocks npm'), fr('merge conflicts in lockfile')],
        [fr('proxy blocks npm'), fr('merge conflicts in lockfile')],
        [fr('proxy blocks npm'), fr('merge conflicts in lockfile')],
        [fr('proxy blocks npm')],
      ),
    );
    assert.deepEqual(result.map((r) => r.theme), ['proxy blocks npm', 'merge conflicts in lockfile']);
  });

  it('honours minSessions and ignores empty titles and duplicate sessions', () => {
    const list = sessions([fr('slow tests')], [fr('slow tests')], [fr('  ')], [fr('')]);
    assert.equal(findRecurringFriction(list, { minSessions: 2 }).length, 1);
    assert.deepEqual(findRecurringFriction([...list, ...list]), []);
    assert.deepEqual(findRecurringFriction([]), []);
  });
});
