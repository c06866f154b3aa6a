import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_EVENT_ID_LENGTH, MAX_PATH_LENGTH, isHostMessage, isWebviewMessage } from '../../src/shared/protocol';
import type { HostToWebviewMessage } from '../../src/shared/protocol';
import { englishWebviewStrings } from '../../src/shared/webviewStrings';

describe('isWebviewMessage', () => {
  describe('accepts every well-formed message', () => {
    const valid: unknown[] = [
      { type: 'ready' },
      { type: 'ready', initGeneration: 1 },
      { type: 'ready', initGeneration: 4711 },
      { type: 'startSession' },
      { type: 'endSession' },
      { type: 'pauseSession' },
      { type: 'resumeSession' },
      { type: 'openFile', path: 'src/core/events.ts' },
      { type: 'openFile', path: 'folder-a/src/with space/ünïcode.ts' },
      { type: 'showCommit', repo: '.', hash: 'a1b2c3d' },
      { type: 'showCommit', repo: 'packages/api', hash: 'A1B2C3D4E5F60718293a4b5c6d7e8f9012345678' },
      { type: 'showCommand', eventId: '3f2a9c1e7b6d5a40' },
      { type: 'logFriction' },
      { type: 'logFriction', eventId: '3f2a9c1e7b6d5a40' },
      { type: 'addNote' },
      { type: 'addNote', eventId: 'e-1' },
      { type: 'editEntry', eventId: 'e-1' },
      { type: 'deleteEntry', eventId: 'e-1' },
      { type: 'tickCarriedOver', itemId: 'r1', done: true },
      { type: 'tickCarriedOver', itemId: 'p50', done: false },
    ];
    for (const message of valid) {
      it(JSON.stringify(message), () => assert.equal(isWebviewMessage(message), true));
    }
  });

  it('accepts a carried-over tick only with an item id of the checklist and a boolean', () => {
    for (const bad of [
      { type: 'tickCarriedOver', itemId: 'r1' },
      { type: 'tickCarriedOver', done: true },
      { type: 'tickCarriedOver', itemId: 'r1', done: 'true' },
      { type: 'tickCarriedOver', itemId: 'e-1', done: true },
      { type: 'tickCarriedOver', itemId: 'r0', done: true },
      { type: 'tickCarriedOver', itemId: 'r1\n', done: true },
      { type: 'tickCarriedOver', itemId: 'r1', done: true, text: 'forged' },
    ]) {
      assert.equal(isWebviewMessage(bad), false, JSON.stringify(bad));
    }
    assert.equal(isHostMessage({ type: 'carriedOver', items: [], canTick: false }), true);
  });

  it('accepts a ready only with the generation of an init the host could have sent (a whole number from 1)', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1', null, true, [1], { generation: 1 }]) {
      const message = { type: 'ready', initGeneration: bad };
      assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
    }
    assert.equal(isWebviewMessage({ type: 'ready', initGeneration: Number.MAX_SAFE_INTEGER }), true);
    assert.equal(isWebviewMessage({ type: 'ready', generation: 1 }), false, 'only the declared name');
    assert.equal(isWebviewMessage({ type: 'ready', initGeneration: undefined }), true, 'none held');
  });

  it('treats an optional field sent as undefined like a missing one', () => {
    assert.equal(isWebviewMessage({ type: 'addNote', eventId: undefined }), true);
    assert.equal(isWebviewMessage({ type: 'logFriction', eventId: undefined }), true);
  });

  it('rejects values that are not plain objects', () => {
    for (const value of [undefined, null, 0, 'ready', true, ['ready'], [{ type: 'ready' }], () => 'ready', new Date(), new Map([['type', 'ready']])]) {
      assert.equal(isWebviewMessage(value), false, String(value));
    }
  });

  it('rejects objects whose prototype is not Object (class instances smuggling getters)', () => {
    class Fake { type = 'ready'; }
    assert.equal(isWebviewMessage(new Fake()), false);
    assert.equal(isWebviewMessage(Object.assign(Object.create(null) as object, { type: 'ready' })), true);
  });

  it('rejects unknown, missing and non-string types', () => {
    for (const value of [{}, { type: 'unknown' }, { type: 'READY' }, { type: 'toString' }, { type: '__proto__' }, { type: 'constructor' }, { type: 1 }, { type: null }, { type: ['ready'] }]) {
      assert.equal(isWebviewMessage(value), false, JSON.stringify(value));
    }
  });

  it('rejects host-to-webview message types sent back to the host', () => {
    for (const type of ['init', 'append', 'reset']) {
      assert.equal(isWebviewMessage({ type }), false, type);
    }
  });

  it('rejects missing required fields', () => {
    for (const value of [
      { type: 'openFile' },
      { type: 'showCommit', repo: '.' },
      { type: 'showCommit', hash: 'abcdef0' },
      { type: 'showCommand' },
      { type: 'editEntry' },
      { type: 'deleteEntry' },
      { type: 'editEntry', eventId: undefined },
    ]) {
      assert.equal(isWebviewMessage(value), false, JSON.stringify(value));
    }
  });

  it('rejects fields of the wrong type', () => {
    for (const value of [
      { type: 'openFile', path: 42 },
      { type: 'openFile', path: ['a.ts'] },
      { type: 'openFile', path: { toString: () => 'a.ts' } },
      { type: 'showCommit', repo: '.', hash: 1234567 },
      { type: 'showCommit', repo: null, hash: 'abcdef0' },
      { type: 'showCommand', eventId: 7 },
      { type: 'logFriction', eventId: null },
      { type: 'addNote', eventId: false },
      { type: 'deleteEntry', eventId: { id: 'x' } },
    ]) {
      assert.equal(isWebviewMessage(value), false, JSON.stringify(value));
    }
  });

  it('rejects empty strings where a value is needed', () => {
    for (const value of [
      { type: 'openFile', path: '' },
      { type: 'showCommit', repo: '', hash: 'abcdef0' },
      { type: 'showCommit', repo: '.', hash: '' },
      { type: 'editEntry', eventId: '' },
      { type: 'logFriction', eventId: '' },
    ]) {
      assert.equal(isWebviewMessage(value), false, JSON.stringify(value));
    }
  });

  it('rejects oversized strings and accepts them right at the limit', () => {
    assert.equal(isWebviewMessage({ type: 'openFile', path: 'a'.repeat(MAX_PATH_LENGTH) }), true);
    assert.equal(isWebviewMessage({ type: 'openFile', path: 'a'.repeat(MAX_PATH_LENGTH + 1) }), false);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: 'r'.repeat(MAX_PATH_LENGTH + 1), hash: 'abcdef0' }), false);
    assert.equal(isWebviewMessage({ type: 'editEntry', eventId: 'e'.repeat(MAX_EVENT_ID_LENGTH) }), true);
    assert.equal(isWebviewMessage({ type: 'editEntry', eventId: 'e'.repeat(MAX_EVENT_ID_LENGTH + 1) }), false);
    assert.equal(isWebviewMessage({ type: 'addNote', eventId: 'e'.repeat(1_000_000) }), false);
  });

  it('accepts only hexadecimal commit hashes of 4 to 64 digits', () => {
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: '.', hash: 'abcd' }), true);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: '.', hash: 'abc' }), false);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: '.', hash: 'f'.repeat(64) }), true);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: '.', hash: 'f'.repeat(65) }), false);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: '.', hash: 'HEAD~1' }), false);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: '.', hash: '--output=/tmp/x' }), false);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: '.', hash: 'abcdef0 ' }), false);
  });

  it('rejects control characters in ids and paths', () => {
    assert.equal(isWebviewMessage({ type: 'openFile', path: 'a.ts\u0000.png' }), false);
    assert.equal(isWebviewMessage({ type: 'openFile', path: 'a\nb.ts' }), false);
    assert.equal(isWebviewMessage({ type: 'showCommand', eventId: 'id\r\nforged log line' }), false);
    assert.equal(isWebviewMessage({ type: 'showCommit', repo: 'repo\u007f', hash: 'abcdef0' }), false);
  });

  it('rejects extra fields, even on messages without fields', () => {
    for (const value of [
      { type: 'ready', extra: 1 },
      { type: 'startSession', focus: 'x' },
      { type: 'openFile', path: 'a.ts', line: 3 },
      { type: 'showCommit', repo: '.', hash: 'abcdef0', path: 'x' },
      { type: 'logFriction', eventId: 'e1', title: 'smuggled' },
      { type: 'deleteEntry', eventId: 'e1', force: true },
    ]) {
      assert.equal(isWebviewMessage(value), false, JSON.stringify(value));
    }
  });

  it('is not fooled by inherited properties', () => {
    const proto = { path: 'inherited.ts' };
    const message = Object.assign(Object.create(proto) as object, { type: 'openFile' });
    assert.equal(isWebviewMessage(message), false);
  });

  it('never throws and accepts only objects with a known type, whatever it is given', () => {
    const known = new Set(['ready', 'startSession', 'endSession', 'pauseSession', 'resumeSession', 'openFile', 'showCommit', 'showCommand', 'logFriction', 'addNote', 'editEntry', 'deleteEntry']);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom(...known, 'x'), path: fc.anything(), eventId: fc.anything(), repo: fc.anything(), hash: fc.anything() }, { requiredKeys: [] })), (value) => {
        const accepted = isWebviewMessage(value);
        if (accepted) {
          const type = (value as { type: unknown }).type;
          assert.ok(typeof type === 'string' && known.has(type));
          // Whatever is accepted survives the structured clone postMessage performs, unchanged.
          assert.deepEqual(structuredClone(value), { ...(value as object) });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts any id and path made of printable text within the limits', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: MAX_EVENT_ID_LENGTH, unit: 'grapheme-ascii' }).filter((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)),
        (s) => isWebviewMessage({ type: 'editEntry', eventId: s }) && isWebviewMessage({ type: 'openFile', path: s }),
      ),
      { numRuns: 500 },
    );
  });
});

describe('isHostMessage', () => {
  it('accepts each host message type the protocol declares', () => {
    const messages: HostToWebviewMessage[] = [
      { type: 'init', summary: null, events: [], total: 0, generation: 1, trusted: true, notices: [], settings: { order: 'newest-first' }, strings: englishWebviewStrings() },
      { type: 'older', generation: 1, events: [], remaining: 0 },
      { type: 'append', events: [], summary: { sessionId: 's', start: 0, paused: false, elapsedMs: 0, activeMs: 0, counts: { commits: 0, commands: 0, commandsFailed: 0, saves: 0, files: 0, friction: 0, notes: 0, lessons: 0, tasksFailed: 0 } } },
      { type: 'reset' },
      { type: 'carriedOver', items: [], canTick: false },
      { type: 'focusList' },
    ];
    for (const m of messages) assert.equal(isHostMessage(m), true, m.type);
  });

  it('refuses what the webview was not compiled for: other types, a webview message, inherited names, non-objects', () => {
    for (const value of [{ type: 'ready' }, { type: 'openFile', path: 'a' }, { type: 'toString' }, { type: '__proto__' }, { type: 'future' }, {}, null, 'init', ['init']]) {
      assert.equal(isHostMessage(value), false, JSON.stringify(value));
    }
  });
});
