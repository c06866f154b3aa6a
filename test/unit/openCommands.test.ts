import * as assert from 'node:assert/strict';
import { OpenCommands } from '../../src/core/capture/openCommands';

/** Executions and terminals are objects in VS Code; plain objects stand for them (identity is what counts). */
const exec = (name: string): { name: string } => ({ name });

describe('OpenCommands', () => {
  it('pairs an end with its start, once', () => {
    const open = new OpenCommands<object, string, string>();
    const a = exec('a');
    open.started(a, 't1', 100, 'npm test');
    assert.deepEqual(open.ended(a), { terminal: 't1', start: 100, info: 'npm test' });
    assert.equal(open.ended(a), undefined, 'a second end finds nothing');
    assert.equal(open.size, 0);
  });

  it('returns undefined for an end whose start was not seen (the adapter then uses the end time)', () => {
    assert.equal(new OpenCommands<object, string, string>().ended(exec('x')), undefined);
  });

  it('hands back the commands of a closed terminal, oldest first, and only those', () => {
    const open = new OpenCommands<object, string, string>();
    const [a, b, c] = [exec('a'), exec('b'), exec('c')];
    open.started(a, 't1', 100, 'dev server');
    open.started(b, 't2', 150, 'watch');
    open.started(c, 't1', 200, 'tail -f log');
    assert.deepEqual(open.terminalClosed('t1').map((e) => e.info), ['dev server', 'tail -f log']);
    assert.equal(open.size, 1);
    assert.deepEqual(open.terminalClosed('t1'), [], 'nothing twice');
    assert.deepEqual(open.ended(b), { terminal: 't2', start: 150, info: 'watch' });
  });

  it('closes out every running command when recording stops, and ignores their later end', () => {
    const open = new OpenCommands<object, string, string>();
    const [a, b] = [exec('a'), exec('b')];
    open.started(a, 't1', 100, 'npm run dev');
    open.started(b, 't2', 120, 'make');
    assert.deepEqual(open.closeOutAll().map((e) => e.info), ['npm run dev', 'make']);
    assert.equal(open.size, 0);
    assert.equal(open.ended(a), 'closed-out', 'already recorded as not ended');
    assert.equal(open.ended(a), undefined);
    assert.deepEqual(open.closeOutAll(), []);
  });

  it('forgets closed-out commands when their terminal closes', () => {
    const open = new OpenCommands<object, string, string>();
    const a = exec('a');
    open.started(a, 't1', 100, 'npm run dev');
    open.closeOutAll();
    assert.deepEqual(open.terminalClosed('t1'), []);
    assert.equal(open.ended(a), undefined, 'no longer remembered');
  });
});
