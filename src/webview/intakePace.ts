/**
 * How many older events one intake takes in, learned from what the last intakes cost whole: the
 * model's entries, the strip's counts and the rows, timed together.
 *
 * A time check between chunks (the way before) saw only the first two: the rows were built after
 * it and cost about as much again, so a 4 ms budget took 8–15 ms a frame and, with the frame's
 * own style, layout and paint, every few frames one was missed while a 50,000-event session
 * streamed in. Pacing by count needs no clock between chunks, so the rows can be built once per
 * frame for all of them and still be inside the measured time.
 */
export class IntakePace {
  private msPerEvent: number;

  /**
   * @param budgetMs what one intake may cost at most.
   * @param firstMsPerEvent the cost assumed before anything was measured: high, since the first
   *   pages run in code not yet compiled.
   * @param least taken even at the slowest measured pace, so the stream always moves.
   */
  constructor(private readonly budgetMs: number, firstMsPerEvent: number, private readonly least: number) {
    if (!(budgetMs > 0) || !(firstMsPerEvent > 0) || !(least >= 1)) throw new RangeError('an intake pace needs a budget, a first cost and a least count above zero');
    this.msPerEvent = firstMsPerEvent;
  }

  /** Events to take in now: as many as `budgetMs` (never more than the pace's own budget) holds at the learned cost. */
  allowance(budgetMs = this.budgetMs): number {
    return Math.max(this.least, Math.floor(Math.min(budgetMs, this.budgetMs) / this.msPerEvent));
  }

  /** What taking in `events` cost, whole, in `ms`. */
  record(events: number, ms: number): void {
    if (!(events > 0) || !(ms >= 0)) return;
    // A timer's resolution can make a small intake look free; a microsecond an event is the least believed.
    const measured = Math.max(ms / events, 0.001);
    // A slower intake (a garbage collection, code compiled again) counts at once; a faster one only
    // halfway, so one lucky frame does not double the next one's work.
    this.msPerEvent = measured > this.msPerEvent ? measured : (this.msPerEvent + measured) / 2;
  }
}
