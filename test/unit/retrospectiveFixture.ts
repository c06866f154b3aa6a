/**
 * Synthetic journals for the retrospective tests: a small builder that stamps ids, versions and
 * times the way the journal writer does, and the fixed sessions the golden files are made from.
 */
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { SCHEMA_VERSION } from '../../src/core/journal/events';

export const MINUTE = 60_000;

/** Appends drafts as journal events with ids `e1`, `e2`, …; times are minutes after `base`. */
export class JournalFixture {
  readonly events: JournalEvent[] = [];

  constructor(readonly base: number, readonly sessionId = 'session-1') {}

  /** Epoch ms `minutes` after the base time (fractions allowed). */
  at(minutes: number): number {
    return this.base + Math.round(minutes * MINUTE);
  }

  add(draft: EventDraft): JournalEvent {
    const event = { ...draft, v: SCHEMA_VERSION, id: `e${this.events.length + 1}`, sessionId: this.sessionId } as JournalEvent;
    this.events.push(event);
    return event;
  }

  command(minute: number, commandLine: string, exitCode: number | null, durationMs = 2000): JournalEvent {
    const time = this.at(minute);
    return this.add({ kind: 'command', time, start: time - durationMs, durationMs, commandLine, exitCode, confidence: 'high', terminal: 'zsh' });
  }

  saves(minute: number, files: readonly (readonly [string, number])[]): JournalEvent {
    const time = this.at(minute);
    const list = files.map(([path, count]) => ({ path, count }));
    return this.add({ kind: 'saves', time, start: time - 20_000, files: list, count: list.reduce((s, f) => s + f.count, 0) });
  }

  commit(minute: number, hash: string, subject: string, files: readonly (readonly [string, number, number])[]): JournalEvent {
    const time = this.at(minute);
    const list = files.map(([path, added, removed]) => ({ path, added, removed }));
    return this.add({
      kind: 'commit', time, authorTime: time - 1000, repo: '.', hash, subject, operation: 'commit', branch: 'main',
      files: list, added: list.reduce((s, f) => s + f.added, 0), removed: list.reduce((s, f) => s + f.removed, 0),
    });
  }
}

/** 2026-11-22 08:12 UTC, which is 09:12 at UTC+01:00. */
export const BASIC_BASE = Date.UTC(2026, 10, 22, 8, 12, 0);
export const BASIC_OFFSET = 60;

/**
 * A 90-minute feature session: noise commands, a failing test run with its friction, a save
 * burst spread over three events, a note, a slow build, two commits, a 40-minute idle stretch,
 * a failed task, a lesson, an edited and a deleted friction, a push.
 */
export function basicSession(): JournalFixture {
  const j = new JournalFixture(BASIC_BASE);
  j.add({ kind: 'session-start', time: j.at(0), focus: 'Add CSV export to the reports page', folders: ['app'], trusted: true, utcOffsetMinutes: BASIC_OFFSET });
  j.command(1, 'ls -la', 0, 40);
  j.command(1.5, 'cd src', 0, 10);
  j.command(2, 'clear', null, 5);
  const failedTest = j.command(5, 'npm test', 1, 12_000);
  j.add({
    kind: 'friction', time: j.at(6), title: 'Tests fail on a clean checkout', category: 'environment',
    detail: 'The fixture database is not created by npm test, so the first run always fails.',
    trigger: { eventId: failedTest.id, summary: 'npm test failed (exit 1)', exitCode: 1 },
  });
  j.saves(8, [['src/export.ts', 3], ['src/routes.ts', 1]]);
  j.saves(9, [['src/export.ts', 2]]);
  j.saves(10.5, [['src/export.test.ts', 4]]);
  j.add({ kind: 'note', time: j.at(12), text: 'The CSV writer must quote fields that contain commas' });
  j.command(15, 'git status', 0, 300);
  j.command(20, 'npm run build', 0, 45_000);
  j.commit(22, 'abc1234def5678', 'Add CSV export endpoint', [['src/export.ts', 80, 2], ['src/routes.ts', 5, 1]]);
  j.command(24, 'git log --oneline', 0, 200);
  j.add({ kind: 'idle', time: j.at(65), from: j.at(25), to: j.at(65) });
  j.add({ kind: 'task', time: j.at(70), start: j.at(69), durationMs: MINUTE, name: 'npm: lint', source: 'npm', exitCode: 2 });
  j.add({ kind: 'lesson', time: j.at(72), text: 'Run the fixture setup script before the first test run on a new machine' });
  const slow = j.add({ kind: 'friction', time: j.at(75), title: 'Slow type-check', category: 'tooling' });
  j.add({ kind: 'edit', time: j.at(76), targetId: slow.id, detail: 'tsc takes 40 s after every save, which breaks the flow.' });
  const wrong = j.add({ kind: 'friction', time: j.at(77), title: 'Recorded by mistake', category: 'other' });
  j.add({ kind: 'delete', time: j.at(77.5), targetId: wrong.id });
  j.commit(80, '9f8e7d6c5b4a3', 'Quote CSV fields and test the export', [['src/export.ts', 12, 4], ['src/export.test.ts', 40, 0]]);
  j.command(82, 'git push origin main', 0, 3000);
  j.add({ kind: 'session-end', time: j.at(90), sessionType: 'feature' });
  return j;
}

/** 2026-11-22 04:30 UTC, which is 23:30 on 2026-11-21 at UTC-05:00. */
export const MIDNIGHT_BASE = Date.UTC(2026, 10, 22, 4, 30, 0);
export const MIDNIGHT_OFFSET = -300;

/** A late bug-fix session from 23:30 to 00:50 local time, paused for a while after midnight. */
export function midnightSession(): JournalFixture {
  const j = new JournalFixture(MIDNIGHT_BASE, 'session-night');
  j.add({ kind: 'session-start', time: j.at(0), focus: 'Fix the nightly report crash', folders: ['app'], trusted: true, utcOffsetMinutes: MIDNIGHT_OFFSET });
  j.command(10, 'npm test -- --grep nightly', 1, 8000);
  j.add({ kind: 'friction', time: j.at(12), title: 'Crash only reproduces after midnight', category: 'knowledge', detail: 'The report uses the local date, so the bug hides during the day.' });
  j.saves(25, [['src/report.ts', 2]]);
  j.add({ kind: 'session-pause', time: j.at(35) });
  j.add({ kind: 'session-resume', time: j.at(50) });
  j.commit(60, '0123456789abc', 'Use UTC dates in the nightly report', [['src/report.ts', 6, 3]]);
  j.add({ kind: 'note', time: j.at(65), text: 'Check the other reports for the same bug tomorrow' });
  j.add({ kind: 'session-end', time: j.at(80) });
  return j;
}
