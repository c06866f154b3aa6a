import * as assert from 'node:assert/strict';
import { EVENT_KINDS, EVENT_ROLES, isKeptWhilePaused, isLifecycleKind, isUserEntry } from '../../src/core/journal/eventKinds';
import { eventProblem } from '../../src/core/journal/journalCodec';

describe('event kinds table', () => {
  it('lists each kind once, and the journal reader knows exactly those', () => {
    assert.equal(new Set(EVENT_KINDS).size, EVENT_KINDS.length);
    assert.deepEqual([...EVENT_KINDS].sort(), Object.keys(EVENT_ROLES).sort());
    const line = (kind: string): unknown => ({ v: 1, id: 'x', sessionId: 's', time: 0, kind });
    for (const kind of EVENT_KINDS) assert.ok(!/unknown kind/.test(eventProblem(line(kind)) ?? ''), kind);
    assert.match(eventProblem(line('not-a-kind')) ?? '', /unknown kind "not-a-kind"/);
  });

  it('derives the journal rules from each kind\'s role', () => {
    assert.deepEqual(EVENT_KINDS.filter(isLifecycleKind), ['session-start', 'session-end', 'session-pause', 'session-resume', 'session-gap']);
    assert.deepEqual(EVENT_KINDS.filter(isKeptWhilePaused), ['friction', 'note', 'lesson', 'edit', 'delete', 'carried-over-tick']);
    assert.deepEqual(EVENT_KINDS.filter((kind) => isUserEntry({ kind })), ['friction', 'note', 'lesson']);
  });
});
