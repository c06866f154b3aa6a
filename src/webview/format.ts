/**
 * Time texts for the timeline. Written by hand instead of with Intl so the panel reads the
 * same on every machine and the tests can pin the output; all times are shown in local time.
 * The words come from the host's texts (strings.ts).
 */
import { t } from './strings';

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "14:03:12": the absolute local time on every row. */
export function formatClock(time: number): string {
  const d = new Date(time);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "2026-11-21": for hour headers of earlier days. */
export function formatDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const HOUR = 3_600_000;

/**
 * The local hour last found, as the instants [start, end): every event's hour is asked as it
 * arrives, in time order and hundreds to an hour, and a Date each (50,000 in a streamed
 * session) was a good part of taking in a page of older events.
 */
let known = { start: Number.NaN, end: Number.NaN };

/** The start (epoch ms) of the local hour `time` falls in, which is what rows are grouped by. */
export function hourStart(time: number): number {
  if (time >= known.start && time < known.end) return known.start;
  const start = localHourStart(time);
  // The next local hour starts an hour later, or sooner when the clock changes inside this one.
  const next = localHourStart(start + HOUR);
  known = { start, end: next > start ? next : start + HOUR };
  return start;
}

function localHourStart(time: number): number {
  const d = new Date(time);
  d.setMinutes(0, 0, 0);
  return d.getTime();
}

function dayStart(time: number): number {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** "14:00", "Yesterday 23:00" or "2026-11-19 09:00": a header that stays unambiguous across midnight. */
export function formatHourLabel(hour: number, now: number): string {
  const clock = `${pad(new Date(hour).getHours())}:00`;
  const days = Math.round((dayStart(now) - dayStart(hour)) / 86_400_000);
  if (days === 0) return clock;
  if (days === 1) return t('yesterdayAt', clock);
  return `${formatDate(hour)} ${clock}`;
}

/** "just now", "3 min ago", "2 h ago", "3 days ago": short enough for the right edge of a 22 px row. */
export function formatRelative(time: number, now: number): string {
  const diff = now - time;
  if (!Number.isFinite(diff)) return '';
  if (diff < 45_000) return t('justNow');
  const minutes = Math.round(diff / 60_000);
  if (minutes < 60) return t('minutesAgo', Math.max(1, minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('hoursAgo', hours);
  const days = Math.floor(hours / 24);
  return days === 1 ? t('yesterday') : t('daysAgo', days);
}

/** "0:04:09", "12:30:00": a stopwatch for elapsed and active time, ticking each second. */
export function formatStopwatch(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return `${h}:${pad(m)}:${pad(total % 60)}`;
}
