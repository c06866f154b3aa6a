/**
 * Reading journals back: a 100k-event journal loaded with `loadSession` (read + parse +
 * summary), a journal whose last line was torn by a crash, and one with 1% corrupt lines.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeEvent } from '../src/core/journal/journalCodec';
import { loadSession, sessionFile } from '../src/core/journal/journalStore';
import { syntheticSession } from './drafts';
import { figure } from './figure';
import type { Figure } from './figure';
import { msSince, repeat } from './stats';

const EVENTS = 100_000;

async function timeLoad(dir: string, id: string, expectEvents: number, expectProblems: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  const loaded = await loadSession(dir, id);
  const ms = msSince(t0);
  if (!loaded) throw new Error('journal not found');
  // A fast loader that drops events is no loader: check what came back.
  if (loaded.events.length !== expectEvents || loaded.problems.length !== expectProblems) {
    throw new Error(`loaded ${loaded.events.length} events / ${loaded.problems.length} problems, expected ${expectEvents} / ${expectProblems}`);
  }
  return ms;
}

/** Load and recovery of 100k events: intact, torn last line, 1% corrupt lines. */
export async function measureJournalLoad(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-bench-load-'));
  try {
    const events = syntheticSession(EVENTS);
    const id = events[0].sessionId;
    const file = sessionFile(dir, id);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines = events.map(serializeEvent);
    const intact = lines.join('\n') + '\n';
    fs.writeFileSync(file, intact);
    const mb = (Buffer.byteLength(intact) / 1e6).toFixed(1);
    const load = await repeat(5, () => timeLoad(dir, id, EVENTS, 0));

    // A crash mid-write: the last line is cut in half.
    const last = lines[lines.length - 1];
    fs.writeFileSync(file, lines.slice(0, -1).join('\n') + '\n' + last.slice(0, Math.floor(last.length / 2)));
    const torn = await repeat(5, () => timeLoad(dir, id, EVENTS - 1, 1));

    // Bit rot or a bad merge: every 100th line unreadable, half of them broken JSON, half the wrong shape.
    const corrupt = lines.map((l, i) => (i % 100 === 50 ? (i % 200 === 50 ? l.slice(0, 40) : '{"v":1,"kind":"nonsense"}') : l));
    fs.writeFileSync(file, corrupt.join('\n') + '\n');
    const broken = await repeat(5, () => timeLoad(dir, id, EVENTS - EVENTS / 100, EVENTS / 100));
    return [
      figure('load.intact', 'Journal load, 100k events', 'ms', load, { note: `${mb} MB; loadSession = read + parse + summary` }),
      figure('load.torn', 'Journal load, torn last line', 'ms', torn),
      figure('load.corrupt', 'Journal load, 1% corrupt lines', 'ms', broken, { note: '1,000 problems reported, 99,000 events kept' }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
