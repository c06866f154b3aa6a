import * as assert from 'node:assert/strict';
import { answerReady } from '../../src/shared/initHandshake';

describe('answerReady (the Timeline page says which init it holds)', () => {
  it('sends no second init to a page that holds the current one: only the older pages held back', () => {
    assert.equal(answerReady(3, { generation: 3, olderPagesSent: false }), 'older-pages');
  });

  it('sends nothing more when the current init went whole (its pages already queued behind it)', () => {
    assert.equal(answerReady(3, { generation: 3, olderPagesSent: true }), 'nothing');
  });

  it('sends the session to a page that got no init: VS Code dropped it, or the page reloaded on its own', () => {
    assert.equal(answerReady(undefined, { generation: 3, olderPagesSent: false }), 'init');
    assert.equal(answerReady(undefined, { generation: 3, olderPagesSent: true }), 'init');
  });

  it('sends the session to a page holding a superseded init (a reset or a settings change since)', () => {
    assert.equal(answerReady(2, { generation: 3, olderPagesSent: false }), 'init');
    assert.equal(answerReady(4, { generation: 3, olderPagesSent: true }), 'init', 'a number the host never sent is not trusted');
  });

  it('sends the session when the host sent none yet (the page was hidden as it loaded)', () => {
    assert.equal(answerReady(1, undefined), 'init');
    assert.equal(answerReady(undefined, undefined), 'init');
  });
});
