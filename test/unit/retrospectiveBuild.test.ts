import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { isNotableCommand, isTrivialCommand } from '../../src/core/retrospective/notableCommands';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { BASIC_OFFSET, JournalFixture, MINUTE, basicSession } from './retrospectiveFixture';
import { withinHangLimit } from './hangGuard';

const BASE = Date.UTC(2026, 0, 10, 9, 0, 0);

function session(build: (j: JournalFixture) => void, end?: number): JournalFixture {
  const j = new JournalFixture(BASE);
  j.add({ kind: 'session-start', time: j.at(0), folders: ['w'], trusted: true, utcOffsetMinutes: 0 });
  build(j);
  if (end !== undefined) j.add({ kind: 'session-end', time: j.at(end) });
  return j;
}

describe('buildRetrospective', () => {
  describe('the basic session', () => {
    const j = basicSession();
    const m = buildRetrospective(j.events, { now: j.at(500), utcOffsetMinutes: BASIC_OFFSET, uncommitted: [{ path: 'README.md', added: 3, removed: 1 }] });

    it('takes start and end from the session events and subtracts idle time', () => {
      assert.equal(m.start, j.at(0));
      assert.equal(m.end, j.at(90));
      assert.equal(m.ended, true);
      assert.equal(m.durationMs, 90 * MINUTE);
      assert.equal(m.activeMs, 50 * MINUTE);
      assert.deepEqual(m.inactive, [{ from: j.at(25), to: j.at(65) }]);
    });

    it('counts what the record holds, after edits and deletes', () => {
      assert.deepEqual(m.metrics, {
        durationMs: 90 * MINUTE, activeMs: 50 * MINUTE, commits: 2, filesChanged: 4,
        linesAdded: 85 + 52 + 3, linesRemoved: 3 + 4 + 1, saves: 10, commandsRun: 8, commandsFailed: 2,
        frictionPoints: 2, notes: 1, lessons: 1,
      });
      assert.deepEqual(m.friction.map((f) => f.title), ['Tests fail on a clean checkout', 'Slow type-check']);
      assert.equal(m.friction[1].detail, 'tsc takes 40 s after every save, which breaks the flow.');
      assert.equal(m.friction[0].trigger, 'npm test failed (exit 1)');
    });

    it('merges saves, commit numstat and uncommitted changes per file, sorted by path', () => {
      assert.deepEqual(m.files, [
        { path: 'README.md', saves: 0, added: 3, removed: 1 },
        { path: 'src/export.test.ts', saves: 4, added: 40, removed: 0 },
        { path: 'src/export.ts', saves: 5, added: 92, removed: 6 },
        { path: 'src/routes.ts', saves: 1, added: 5, removed: 1 },
      ]);
      assert.deepEqual(m.commits.map((c) => [c.shortHash, c.files, c.added, c.removed]), [['abc1234', 2, 85, 3], ['9f8e7d6', 2, 52, 4]]);
    });

    it('keeps the three slowest commands, slowest first', () => {
      assert.deepEqual(m.commands.slowest.map((s) => [s.commandLine, s.durationMs, s.failed]), [
        ['npm run build', 45_000, false], ['npm test', 12_000, true], ['git push origin main', 3000, false],
      ]);
    });

    it('puts notable events on the timeline and leaves the noise out', () => {
      const texts = m.timeline.map((r) => r.text).join('\n');
      for (const noise of ['ls -la', 'cd src', 'clear', 'git status', 'git log', 'Recorded by mistake', 'Edited', 'Deleted']) {
        assert.ok(!texts.includes(noise), `timeline should not mention ${noise}`);
      }
      assert.deepEqual(m.timeline.map((r) => r.kind), [
        'session', 'failure', 'friction', 'saves', 'note', 'command', 'commit', 'idle', 'failure', 'lesson', 'friction', 'commit', 'command', 'session',
      ]);
    });

    it('collapses three nearby save bursts into one row at the first burst', () => {
      const saves = m.timeline.filter((r) => r.kind === 'saves');
      assert.equal(saves.length, 1);
      assert.equal(saves[0].time, j.at(8));
      assert.match(saves[0].text, /Saved 3 files \(10 saves/);
    });
  });

  it('never invents a row: every row has the time and id of a recorded event (property)', () => {
    const draft = fc.oneof(
      fc.record({ kind: fc.constant('command' as const), line: fc.constantFrom('ls', 'npm test', 'make', 'git status', 'vim x'), exit: fc.constantFrom(0, 1, null), dur: fc.integer({ min: 0, max: 90_000 }) }),
      fc.record({ kind: fc.constant('saves' as const), path: fc.constantFrom('a.ts', 'b.ts'), count: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('note' as const), text: fc.string() }),
      fc.record({ kind: fc.constant('idle' as const), len: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ kind: fc.constant('pause' as const) }),
      fc.record({ kind: fc.constant('resume' as const) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), draft), { maxLength: 60 }), (steps) => {
        let minute = 0;
        const j = session((s) => {
          for (const [gap, d] of steps) {
            minute += gap;
            const time = s.at(minute);
            if (d.kind === 'command') s.command(minute, d.line, d.exit, d.dur);
            else if (d.kind === 'saves') s.saves(minute, [[d.path, d.count]]);
            else if (d.kind === 'note') s.add({ kind: 'note', time, text: d.text });
            else if (d.kind === 'idle') s.add({ kind: 'idle', time, from: time - d.len * MINUTE, to: time });
            else s.add({ kind: d.kind === 'pause' ? 'session-pause' : 'session-resume', time });
          }
        });
        const m = buildRetrospective(j.events, { now: j.at(minute + 1), utcOffsetMinutes: 0 });
        const byId = new Map(j.events.map((e) => [e.id, e]));
        let previous = -Infinity;
        for (const row of m.timeline) {
          const source = byId.get(row.eventId);
          assert.ok(source, `row ${row.text} has no event`);
          assert.equal(row.time, source.time);
          assert.ok(row.time >= previous, 'rows are in time order');
          previous = row.time;
        }
        assert.ok(m.activeMs >= 0 && m.activeMs <= m.durationMs);
      }),
      { numRuns: 150 },
    );
  });

  it('uses now as the end of a running session and the first event when the start is missing', () => {
    const j = new JournalFixture(BASE);
    j.command(5, 'npm test', 0);
    const m = buildRetrospective(j.events, { now: j.at(30), utcOffsetMinutes: 0 });
    assert.equal(m.start, j.at(5));
    assert.equal(m.end, j.at(30));
    assert.equal(m.ended, false);
    const empty = buildRetrospective([], { now: BASE, utcOffsetMinutes: 0 });
    assert.equal(empty.durationMs, 0);
    assert.equal(empty.timeline.length, 0);
    assert.ok(renderRetrospective(empty).startsWith('# Session Retrospective'));
  });

  it('prefers the focus and type given in options, then at the end, then at the start', () => {
    const j = new JournalFixture(BASE);
    j.add({ kind: 'session-start', time: j.at(0), focus: 'start focus', folders: [], trusted: true, utcOffsetMinutes: 0 });
    j.add({ kind: 'session-end', time: j.at(10), focus: 'end focus', sessionType: 'research' });
    assert.equal(buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0 }).focus, 'end focus');
    assert.equal(buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0 }).sessionType, 'research');
    const m = buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0, focus: 'given', sessionType: 'bug fix' });
    assert.deepEqual([m.focus, m.sessionType], ['given', 'bug fix']);
    assert.equal(buildRetrospective(j.events.slice(0, 1), { now: j.at(5), utcOffsetMinutes: 0 }).focus, 'start focus');
  });

  it('excludes overlapping idle, pause and gap stretches once, and an open pause up to the end', () => {
    const j = session((s) => {
      s.add({ kind: 'session-pause', time: s.at(10) });
      s.add({ kind: 'idle', time: s.at(25), from: s.at(15), to: s.at(25) });
      s.add({ kind: 'session-resume', time: s.at(20) });
      s.add({ kind: 'session-gap', time: s.at(40), from: s.at(30), to: s.at(40) });
      s.add({ kind: 'session-pause', time: s.at(50) });
    }, 60);
    const m = buildRetrospective(j.events, { now: j.at(999), utcOffsetMinutes: 0 });
    assert.deepEqual(m.inactive, [{ from: j.at(10), to: j.at(25) }, { from: j.at(30), to: j.at(40) }, { from: j.at(50), to: j.at(60) }]);
    assert.equal(m.activeMs, 25 * MINUTE);
  });

  it('leaves long silences out of active time only when idleMinutes is given, without adding rows', () => {
    const j = session((s) => {
      s.command(5, 'npm test', 0);
      s.command(50, 'npm test', 0, 60_000);
    }, 55);
    const plain = buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0 });
    const withIdle = buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0, idleMinutes: 15 });
    assert.equal(plain.activeMs, 55 * MINUTE);
    assert.equal(withIdle.activeMs, 55 * MINUTE - (49 - 5) * MINUTE);
    assert.equal(withIdle.timeline.length, plain.timeline.length);
  });

  it('prefixes commit paths with their repository and counts binary files without lines', () => {
    const j = session((s) => {
      s.add({
        kind: 'commit', time: s.at(3), authorTime: s.at(3), repo: 'packages/api', hash: 'ffffffff', subject: 'x', operation: 'commit',
        files: [{ path: 'logo.png' }, { path: 'a.ts', added: 2, removed: 0 }], added: 2, removed: 0, filesTruncated: 10,
      } as EventDraft);
    }, 10);
    const m = buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0 });
    assert.deepEqual(m.files, [{ path: 'packages/api/a.ts', saves: 0, added: 2, removed: 0 }, { path: 'packages/api/logo.png', saves: 0, added: undefined, removed: undefined }]);
    assert.equal(m.commits[0].files, 12);
  });

  it('puts failed tasks on the timeline and leaves successful ones out', () => {
    const j = session((s) => {
      s.add({ kind: 'task', time: s.at(2), start: s.at(1), durationMs: MINUTE, name: 'build', source: 'npm', exitCode: 0 });
      s.add({ kind: 'task', time: s.at(4), start: s.at(3), durationMs: MINUTE, name: 'lint', source: 'npm', exitCode: 1 });
    }, 5);
    const rows = buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0 }).timeline.filter((r) => r.kind === 'failure');
    assert.deepEqual(rows.map((r) => r.text), ['Task "lint" failed (exit 1) in 1 min']);
  });

  it('carries the author and recurring friction through', () => {
    const j = basicSession();
    const m = buildRetrospective(j.events, { now: 0, utcOffsetMinutes: 0, author: 'agent', recurringFriction: [{ theme: 'flaky tests', sessionIds: ['a'] }] });
    assert.equal(m.author, 'agent');
    assert.deepEqual(m.recurringFriction, [{ theme: 'flaky tests', earlierSessions: [{ id: 'a' }] }]);
  });

  it('builds and renders a 100k-event session (its speed is in npm run bench)', () => {
    const events: JournalEvent[] = [];
    const j = new JournalFixture(BASE);
    j.add({ kind: 'session-start', time: j.at(0), folders: [], trusted: true, utcOffsetMinutes: 0 });
    const lines = ['ls', 'npm test', 'git status', 'make build'];
    for (let i = 1; i < 100_000; i++) {
      const minute = i / 100;
      if (i % 5 === 0) j.saves(minute, [[`src/f${i % 300}.ts`, 1]]);
      else if (i % 997 === 0) j.commit(minute, `${i.toString(16)}abcdef`, `commit ${i}`, [[`src/f${i % 300}.ts`, 3, 1]]);
      else j.command(minute, lines[i % lines.length], i % 7 === 0 ? 1 : 0, 100);
    }
    events.push(...j.events);
    const md = withinHangLimit('build + render of 100k events', () => renderRetrospective(buildRetrospective(events, { now: j.at(2000), utcOffsetMinutes: 0 })));
    assert.ok(md.includes('## Metrics'));
  });
});

describe('notable commands', () => {
  it('treats looking around as noise, even when it fails', () => {
    for (const line of ['ls', 'ls -la', 'cd ..', 'pwd', 'clear', '/bin/ls', 'FOO=1 ls', '  ']) assert.ok(isTrivialCommand(line), line);
    assert.ok(!isNotableCommand({ commandLine: 'cd missing', exitCode: 1, durationMs: 5 }));
    assert.ok(!isNotableCommand({ commandLine: 'clear', exitCode: null, durationMs: 5 }));
  });

  it('keeps failures, builds, tests, pushes and slow commands', () => {
    assert.ok(isNotableCommand({ commandLine: 'grep foo bar.txt', exitCode: 1, durationMs: 5 }));
    for (const line of ['npm test', 'npm run build', 'git push', 'cargo build --release', 'docker build .', 'cd app && make']) {
      assert.ok(isNotableCommand({ commandLine: line, exitCode: 0, durationMs: 500 }), line);
    }
    assert.ok(isNotableCommand({ commandLine: 'python scripts/migrate.py', exitCode: 0, durationMs: 31_000 }));
    assert.ok(!isNotableCommand({ commandLine: 'git status', exitCode: 0, durationMs: 200 }));
    assert.ok(!isNotableCommand({ commandLine: 'python scripts/migrate.py', exitCode: 0, durationMs: 1000 }));
  });
});
