import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentEvent } from '../../src/core/agent/agentEvent';
import { importTranscript } from '../../src/core/agent/transcriptImport';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'agent-transcripts');

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

export function importFixture(name: string, chunkBytes?: number): ReturnType<typeof importTranscript> {
  return importTranscript(fixtureBytes(name), {}, chunkBytes);
}

/** The event with this key, failing the test with the keys there are when it is missing. */
export function byKey(events: readonly AgentEvent[], key: string): AgentEvent {
  const found = events.find((e) => e.key === key);
  if (!found) throw new Error(`no event ${key}; have:\n  ${events.map((e) => e.key).join('\n  ')}`);
  return found;
}

/** Only the fields `expected` names, so a table row states what it checks and nothing else. */
export function pick(event: AgentEvent, expected: Partial<AgentEvent>): Partial<AgentEvent> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(expected)) out[field] = (event as unknown as Record<string, unknown>)[field];
  return out as Partial<AgentEvent>;
}
