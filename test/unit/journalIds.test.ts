import * as assert from 'node:assert/strict';
import { isValidSessionId, newId, newSessionId } from '../../src/core/journal/ids';

describe('ids', () => {
  it('makes distinct short event ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId()));
    assert.equal(ids.size, 10_000);
    for (const id of ids) assert.match(id, /^[0-9a-f]{16}$/);
  });

  it('makes session ids that carry the UTC start time and sort by it', () => {
    const t = Date.UTC(2026, 10, 22, 2, 31, 45);
    assert.match(newSessionId(t), /^20261122-023145-[0-9a-f]{6}$/);
    const times = [Date.UTC(2025, 0, 1), Date.UTC(2026, 10, 22, 23, 59, 59), Date.UTC(2026, 10, 22, 9, 0, 0), Date.UTC(2024, 1, 29)];
    const ids = times.map(newSessionId);
    const byId = [...ids].sort();
    const byTime = times.map((time, i) => ({ time, id: ids[i] })).sort((a, b) => a.time - b.time).map((x) => x.id);
    assert.deepEqual(byId, byTime);
  });

  it('accepts its own session ids and refuses path tricks', () => {
    assert.equal(isValidSessionId(newSessionId(Date.now())), true);
    for (const bad of ['', '../x', 'a/b', 'a\\b', '.hidden', 'C:x', 'x'.repeat(200), 'a b']) {
      assert.equal(isValidSessionId(bad), false, bad);
    }
  });
});
