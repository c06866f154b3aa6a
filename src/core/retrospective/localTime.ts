/**
 * Local wall-clock time from an epoch and a fixed UTC offset. Retrospectives show the times the
 * person saw on their clock during the session, so everything goes through the offset recorded
 * with the session and never through the machine's time zone (a report rendered on a CI runner
 * in UTC must say the same as one rendered on the laptop).
 */

const MINUTE = 60_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function shifted(time: number, utcOffsetMinutes: number): Date {
  return new Date(time + utcOffsetMinutes * MINUTE);
}

/** `YYYY-MM-DD` of the local day `time` falls on. */
export function localDate(time: number, utcOffsetMinutes: number): string {
  const d = shifted(time, utcOffsetMinutes);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** `HH:MM` on the local clock (seconds dropped, not rounded, so a row never shows a later minute than it happened). */
export function localClock(time: number, utcOffsetMinutes: number): string {
  const d = shifted(time, utcOffsetMinutes);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** `HHMM` for file names, where a colon is not allowed on every file system. */
export function localClockCompact(time: number, utcOffsetMinutes: number): string {
  return localClock(time, utcOffsetMinutes).replace(':', '');
}

/** `UTC+01:00`, `UTC-05:00`, `UTC+05:30`: the zone as an offset, since the zone name is not recorded. */
export function formatUtcOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(utcOffsetMinutes));
  return `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
