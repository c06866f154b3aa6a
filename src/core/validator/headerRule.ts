/**
 * The header-fields rule: the header is what a reader sees first (when, how long, what for),
 * and the timeline rule measures rows against its start and end times.
 */
import type { Finding, RecordFacts } from './types';
import type { HeaderField, ValidatorConfig } from './config';
import type { Header } from './header';
import { findTime } from './text';

const LABELS: Readonly<Record<HeaderField, string>> = {
  date: 'Date', start: 'Start Time', end: 'End Time', duration: 'Duration', focus: 'Primary Focus', type: 'Session Type',
};

const EMPTY_VALUE = /^(?:|\.{2,}|…|-+|—|tbd|todo|pending|n\/a|<[^<>]{0,80}>)$/i;

function clock(seconds: number): string {
  const s = ((seconds % 86_400) + 86_400) % 86_400;
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}

function recordMismatch(header: Header, field: 'start' | 'end', epochMs: number | undefined): string | undefined {
  const value = header.fields[field];
  const offset = header.utcOffsetMinutes;
  if (!value || epochMs === undefined || !Number.isFinite(epochMs) || offset === undefined) return undefined;
  const stated = findTime(value.value);
  if (stated === undefined) return undefined;
  const expected = Math.floor(epochMs / 1000) + offset * 60;
  const diff = Math.abs(((stated - expected) % 86_400 + 86_400 + 43_200) % 86_400 - 43_200);
  return diff > 60 ? `The ${LABELS[field]} ${clock(stated)} does not match the record (${clock(expected)}).` : undefined;
}

/** Checks the header's required fields, that its times are times, and that they agree with the record. */
export function checkHeader(header: Header, config: ValidatorConfig, record?: RecordFacts): Finding[] {
  const out: Finding[] = [];
  const at = Math.max(1, Math.min(header.endLine, 3));
  for (const field of config.requiredHeaderFields) {
    const value = header.fields[field];
    if (!value) {
      out.push({ rule: 'header-fields', message: `The header has no **${LABELS[field]}** line.`, line: at, severity: 'error' });
    } else if (EMPTY_VALUE.test(value.value.replace(/[*_`]/g, '').trim())) {
      out.push({ rule: 'header-fields', message: `The header's **${LABELS[field]}** is empty.`, line: value.line, severity: 'error' });
    }
  }
  for (const field of ['start', 'end'] as const) {
    const value = header.fields[field];
    if (value && value.value.trim() !== '' && findTime(value.value) === undefined && !EMPTY_VALUE.test(value.value.trim())) {
      out.push({ rule: 'header-fields', message: `The header's **${LABELS[field]}** has no valid HH:MM time.`, line: value.line, severity: 'error' });
    }
    const mismatch = recordMismatch(header, field, field === 'start' ? record?.start : record?.end);
    if (mismatch !== undefined && value) out.push({ rule: 'header-fields', message: mismatch, line: value.line, severity: 'error' });
  }
  return out;
}
