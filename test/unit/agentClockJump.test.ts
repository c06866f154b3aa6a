/**
 * The machine's clock jumps while an agent works (NTP correcting a drifting VM, a laptop waking
 * with a stale clock): transcript lines then carry times that go backwards. Every step is kept with
 * the time its line says; a tool call whose result is stamped before its call lasts zero, not a
 * negative time; the draft's durations and active time are never negative.
 */
import assert from 'node:assert/strict';
import { agentJournal } from '../../src/core/agent/agentJournal';
import { importTranscript } from '../../src/core/agent/transcriptImport';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { describeAgent } from '../../src/core/timeline/describeAgent';
import type { AgentActivityEvent } from '../../src/core/journal/events';
import { claude } from '../agentTranscriptLines';

describe('an agent transcript whose clock jumps', () => {
  const ctx = { sessionId: 'jumpy', cwd: '/home/dev/demo' };
  const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
  const at = (s: number): Date => new Date(T0 + s * 1000);
  const HOUR = 3600;
  const lines = [
    claude.prompt(ctx, at(0), 'Run the tests and fix what fails'),
    claude.bash(ctx, at(10), 'toolu_before', 'npm test'),
    // The clock is set back an hour while the tests run: the result is stamped before the call.
    claude.bashResult(ctx, at(40 - HOUR), 'toolu_before', 1),
    claude.bash(ctx, at(50 - HOUR), 'toolu_after', 'npm test -- --grep dates'),
    claude.bashResult(ctx, at(55 - HOUR), 'toolu_after', 0),
    // And forward again, past where it was.
    claude.prompt(ctx, at(120), 'Commit it'),
  ];
  const imported = importTranscript(new TextEncoder().encode(lines.map((l) => `${l}\n`).join('')));
  const journal = agentJournal(imported.events, { utcOffsetMinutes: 0 });
  const steps = journal.filter((e): e is AgentActivityEvent => e.kind === 'agent');

  it('keeps every step, with the time its line says', () => {
    assert.deepEqual(imported.problems, []);
    assert.deepEqual(steps.map((e) => e.command ?? e.action), ['prompt', 'npm test', 'npm test -- --grep dates', 'prompt']);
    const after = steps.find((e) => e.command === 'npm test -- --grep dates');
    assert.equal(after?.start, T0 + (50 - HOUR) * 1000, 'a call after the jump keeps its own time');
  });

  it('gives a call whose result is stamped before it no negative duration', () => {
    const before = steps.find((e) => e.command === 'npm test');
    assert.ok(before?.start !== undefined);
    assert.ok(before.time >= before.start, `result ${before.time} before call ${before.start}`);
    assert.equal(before.status, 'failed', 'the failure is still read');
    assert.doesNotMatch(describeAgent(before).title, /-\d/);
  });

  it('drafts a retrospective whose durations and active time are not negative', () => {
    const model = buildRetrospective(journal, { now: T0 + 200_000, utcOffsetMinutes: 0 });
    assert.ok(model.metrics.activeMs >= 0 && model.metrics.durationMs >= 0, JSON.stringify({ active: model.metrics.activeMs, duration: model.metrics.durationMs }));
    assert.ok(model.metrics.activeMs <= model.metrics.durationMs);
    const md = renderRetrospective(model);
    assert.doesNotMatch(md, /\|\s*-\d|\(-\d|\s-\d+ ?(?:ms|s|min|h)\b/, 'no negative figure in the draft');
  });
});
