import * as assert from 'node:assert/strict';
import type { CommandFacts } from '../../src/core/capture/commandRecord';
import { MAX_COMMAND_LINE, commandDraft } from '../../src/core/capture/commandRecord';

const facts = (over: Partial<CommandFacts>): CommandFacts => ({
  redacted: 'npm test', rawLength: 8, start: 1000, end: 3500, confidence: 'high', exitCode: 0, terminal: 'bash', ...over,
});

describe('commandDraft', () => {
  it('keeps a short command line whole, with its exit code and duration', () => {
    assert.deepEqual(commandDraft(facts({ cwd: 'src' })), {
      kind: 'command', time: 3500, start: 1000, durationMs: 2500, commandLine: 'npm test', confidence: 'high', cwd: 'src', exitCode: 0, terminal: 'bash',
    });
  });

  it('cuts a line over the cap to the cap, marks the cut and keeps the original length', () => {
    const raw = `echo ${'x'.repeat(20_000)} > /dev/null`;
    const d = commandDraft(facts({ redacted: raw, rawLength: raw.length }));
    assert.equal(d.commandLine.length, MAX_COMMAND_LINE);
    assert.ok(d.commandLine.endsWith('…'));
    assert.ok(d.commandLine.startsWith('echo xxxx'));
    assert.equal(d.originalLength, raw.length);
  });

  it('keeps a line of exactly the cap whole, without an original length', () => {
    const line = 'y'.repeat(MAX_COMMAND_LINE);
    const d = commandDraft(facts({ redacted: line, rawLength: line.length }));
    assert.equal(d.commandLine, line);
    assert.equal(d.originalLength, undefined);
  });

  it('gives the length before redaction, which is what the user typed', () => {
    const d = commandDraft(facts({ redacted: `${'a'.repeat(5000)} ***`, rawLength: 5040 }));
    assert.equal(d.originalLength, 5040);
  });

  it('marks a command whose end was not reported, with an unknown exit code (never success)', () => {
    const d = commandDraft(facts({ exitCode: 0, endNotReported: 'terminal-closed', end: 61_000 }));
    assert.equal(d.endNotReported, 'terminal-closed');
    assert.equal(d.exitCode, null);
    assert.equal(d.durationMs, 60_000);
  });

  it('never gives a negative duration when the clock steps back', () => {
    assert.equal(commandDraft(facts({ start: 5000, end: 4000 })).durationMs, 0);
  });
});
