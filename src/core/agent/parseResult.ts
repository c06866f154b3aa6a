import type { AgentEvent } from './agentEvent';

/** What one record gave: the events it completed, and the record type when the parser did not know it. */
export interface ParseResult {
  readonly events: AgentEvent[];
  /** Set for a record of a type the parser does not know (ignored, reported with its line). */
  readonly unknownType?: string;
}

export const NOTHING: ParseResult = Object.freeze({ events: [] }) as ParseResult;

export function unknownRecord(type: string | undefined): ParseResult {
  return { events: [], unknownType: type ?? '(no type)' };
}
