/**
 * The recorder stamps each draft with `Object.assign` (faster than a spread after other keys);
 * the stored event must be exactly what `{ v, id, sessionId, ...draft }` made: the same own keys
 * in the same order with the same values, so the same journal line and the same object for the views.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { stampDraft } from '../../src/core/journal/stamp';

function spreadStamp(draft: EventDraft, v: number, id: string, sessionId: string): JournalEvent {
  return { v, id, sessionId, ...draft } as JournalEvent;
}

function assertSame(actual: object, expected: object): void {
  assert.equal(Object.getPrototypeOf(actual), Object.getPrototypeOf(expected));
  assert.deepEqual(Reflect.ownKeys(actual), Reflect.ownKeys(expected));
  assert.deepEqual(Object.getOwnPropertyDescriptors(actual), Object.getOwnPropertyDescriptors(expected));
  assert.equal(JSON.stringify(actual), JSON.stringify(expected));
}

describe('stampDraft', () => {
  it('makes the object the spread made, for any draft, stamp keys, __proto__ and index keys included', () => {
    const key = fc.oneof(fc.constantFrom('kind', 'time', 'v', 'id', 'sessionId', 'toJSON', '__proto__', 'constructor', '0', '10', 'text'), fc.string({ maxLength: 6 }));
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }));
    fc.assert(fc.property(fc.dictionary(key, value), fc.integer(), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (fields, v, id, sessionId) => {
      const draft = fields as unknown as EventDraft;
      assertSame(stampDraft(draft, v, id, sessionId), spreadStamp(draft, v, id, sessionId));
    }), { numRuns: 3000 });
  });

  it('keeps an own __proto__ key as a field, as the spread does, instead of setting the prototype', () => {
    const draft = JSON.parse('{"kind":"note","time":1,"__proto__":{"polluted":true},"text":"x"}') as EventDraft;
    const e = stampDraft(draft, 1, 'i', 's');
    assert.equal(Object.getPrototypeOf(e), Object.prototype);
    assert.equal((e as unknown as { polluted?: boolean }).polluted, undefined);
    assertSame(e, spreadStamp(draft, 1, 'i', 's'));
  });

  it('lets a draft\'s own v, id or sessionId win in the stamp\'s place, as the spread does', () => {
    const draft = { kind: 'note', time: 1, text: 'x', id: 'mine' } as unknown as EventDraft;
    assert.equal(JSON.stringify(stampDraft(draft, 1, 'i', 's')), '{"v":1,"id":"mine","sessionId":"s","kind":"note","time":1,"text":"x"}');
  });
});
