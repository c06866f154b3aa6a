import type { AgentEvent } from '../../core/agent/agentEvent';
import type { CaptureSink } from './captureSink';

/**
 * Hands the steps read from an agent's transcripts to the capture pipeline, as any source
 * adapter does: whether they are recorded (a session records, not paused, not seen before by
 * key), made workspace-relative and redacted again is the pipeline's business.
 */
export class AgentTranscriptAdapter {
  constructor(private readonly sink: CaptureSink) {}

  steps(events: readonly AgentEvent[]): void {
    for (const step of events) this.sink.capture({ kind: 'agent-step', step });
  }

  /** Said once per session on the Timeline (the pipeline knows a notice by its text). */
  notice(message: string): void {
    this.sink.notice('capture-error', message);
  }
}
