import assert from 'node:assert/strict';
import './englishWebviewStrings';
import { formatClock, formatHourLabel, formatRelative, formatStopwatch, hourStart } from '../../src/webview/format';
import { DEFAULT_UI_STATE, parseUiState } from '../../src/webview/uiState';
import { compactStatus } from '../../src/webview/dom';

const local = (d: number, h: number, m: number, s = 0): number => new Date(2026, 10, d, h, m, s).getTime();

describe('webview time formats', () => {
  it('shows local wall-clock time with seconds, zero-padded', () => {
    assert.equal(formatClock(local(21, 9, 5, 7)), '09:05:07');
    assert.equal(formatClock(local(21, 23, 59, 59)), '23:59:59');
  });

  it('groups by the start of the local hour', () => {
    assert.equal(hourStart(local(21, 14, 59, 59)), local(21, 14, 0));
    assert.equal(hourStart(local(21, 14, 0)), local(21, 14, 0));
  });

  it('finds the same local hour as a fresh Date would, in any order and across clock changes', () => {
    // hourStart keeps the last hour found; where clocks change (an hour or half an hour, forward
    // or back) and when times jump around, it must agree with the plain computation.
    const plain = (time: number): number => {
      const d = new Date(time);
      d.setMinutes(0, 0, 0);
      return d.getTime();
    };
    const tz = process.env['TZ'];
    try {
      for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'UTC']) {
        process.env['TZ'] = zone;
        // Around the March/April and October/November changes of both hemispheres, every 7 minutes.
        for (const [month, day] of [[2, 28], [3, 4], [9, 4], [9, 25], [10, 1]] as const) {
          const from = Date.UTC(2026, month, day) - 36 * 3_600_000;
          const times = Array.from({ length: (72 * 60) / 7 }, (_, i) => from + i * 7 * 60_000 + (i % 3) * 17_000);
          for (const time of times) assert.equal(hourStart(time), plain(time), `${zone} ${new Date(time).toISOString()}`);
          for (const time of [...times].reverse()) assert.equal(hourStart(time), plain(time), `${zone} ${new Date(time).toISOString()} (backwards)`);
        }
      }
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  it('labels hours of today, yesterday and earlier days unambiguously', () => {
    const now = local(21, 10, 0);
    assert.equal(formatHourLabel(local(21, 9, 0), now), '09:00');
    assert.equal(formatHourLabel(local(20, 23, 0), now), 'Yesterday 23:00');
    assert.equal(formatHourLabel(local(18, 8, 0), now), '2026-11-18 08:00');
  });

  it('says relative times the short way', () => {
    const now = local(21, 12, 0);
    assert.equal(formatRelative(now - 10_000, now), 'just now');
    assert.equal(formatRelative(now - 60_000, now), '1 min ago');
    assert.equal(formatRelative(now - 3 * 60_000, now), '3 min ago');
    assert.equal(formatRelative(now - 59 * 60_000, now), '59 min ago');
    assert.equal(formatRelative(now - 125 * 60_000, now), '2 h ago');
    assert.equal(formatRelative(now - 30 * 3_600_000, now), 'yesterday');
    assert.equal(formatRelative(now - 80 * 3_600_000, now), '3 days ago');
    assert.equal(formatRelative(Number.NaN, now), '');
  });

  it('runs a stopwatch in h:mm:ss that never goes negative', () => {
    assert.equal(formatStopwatch(0), '0:00:00');
    assert.equal(formatStopwatch(4 * 60_000 + 9_999), '0:04:09');
    assert.equal(formatStopwatch(12.5 * 3_600_000), '12:30:00');
    assert.equal(formatStopwatch(-5000), '0:00:00');
    assert.equal(formatStopwatch(Number.POSITIVE_INFINITY), '0:00:00');
  });
});

describe('parseUiState', () => {
  it('falls back to defaults for nothing or garbage', () => {
    assert.deepEqual(parseUiState(undefined), DEFAULT_UI_STATE);
    assert.deepEqual(parseUiState('x'), DEFAULT_UI_STATE);
    assert.deepEqual(parseUiState({ hidden: 'commits', search: 5, expanded: {}, scrollTop: 'top' }), DEFAULT_UI_STATE);
  });

  it('keeps valid fields and drops invalid parts of them', () => {
    const state = parseUiState({ hidden: ['commits', 'bogus', 'commits', 3], search: 'npm', expanded: ['a', 1, 'b'], scrollTop: 220, focusedKey: 'e:a', extra: true });
    assert.deepEqual(state, { hidden: ['commits'], search: 'npm', expanded: ['a', 'b'], scrollTop: 220, focusedKey: 'e:a' });
  });

  it('bounds what it restores', () => {
    const state = parseUiState({ search: 'x'.repeat(10_000), expanded: Array.from({ length: 1000 }, (_, i) => `id${i}`), scrollTop: -4 });
    assert.equal(state.search.length, 500);
    assert.equal(state.expanded.length, 200);
    assert.equal(state.expanded[199], 'id999');
    assert.equal(state.scrollTop, 0);
  });
});

describe('compactStatus', () => {
  it('keeps what the row icon and colour do not say: the exit code and the duration', () => {
    assert.equal(compactStatus('succeeded in 9.0 s'), '9.0 s');
    assert.equal(compactStatus('failed (exit 1) in 41 s'), 'exit 1 · 41 s');
    assert.equal(compactStatus('failed (exit code unknown) in 2 min'), 'exit ? · 2 min');
    assert.equal(compactStatus('something else'), 'something else');
  });

  it('shows a command whose end the shell never reported as running at least its duration (the icon and tooltip say why)', () => {
    assert.equal(compactStatus('end not reported (terminal closed) after 2 min 5 s'), '≥ 2 min 5 s');
    assert.equal(compactStatus('end not reported (recording stopped while it ran) after 3 s'), '≥ 3 s');
  });
});
