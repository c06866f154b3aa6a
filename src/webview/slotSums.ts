/**
 * Running sums over seconds in time order that grow at both ends in O(1): live seconds join the
 * newest end, seconds of older pages the oldest end. Row r holds the sums of the counts of every
 * second before the r-th, up to a constant, so a range's sums are the difference of two rows;
 * the constant lets a second join in front by subtracting its counts from the first row instead
 * of adding them to every row after it (a 50,000-second session would be rebuilt per page).
 */
export class SlotSums {
  /** The seconds, at positions head … head + length - 1. */
  private slots = new Float64Array(64);
  /** `width` numbers a row; row r of the sums is at position head + r, for r in 0 … length. */
  private sums: Float64Array;
  private head = 32;
  private count = 0;

  constructor(private readonly width: number) {
    this.sums = new Float64Array((this.slots.length + 1) * width);
  }

  /** How many seconds are held. */
  get length(): number {
    return this.count;
  }

  /** The k-th second in time order. */
  slot(k: number): number {
    return this.slots[this.head + k] as number;
  }

  /** The sums of `lane` over the seconds [from, to) (indices in time order). */
  between(from: number, to: number, lane: number): number {
    const w = this.width;
    return (this.sums[(this.head + to) * w + lane] as number) - (this.sums[(this.head + from) * w + lane] as number);
  }

  /** A second newer than every held one, with its counts. */
  pushBack(slot: number, counts: ArrayLike<number>): void {
    if (this.head + this.count + 1 >= this.slots.length) this.grow();
    const w = this.width;
    const row = (this.head + this.count) * w;
    this.slots[this.head + this.count] = slot;
    for (let l = 0; l < w; l++) this.sums[row + w + l] = (this.sums[row + l] as number) + (counts[l] as number);
    this.count++;
  }

  /** A second older than every held one, with its counts. */
  pushFront(slot: number, counts: ArrayLike<number>): void {
    if (this.head === 0) this.grow();
    const w = this.width;
    const row = this.head * w;
    this.head--;
    this.slots[this.head] = slot;
    for (let l = 0; l < w; l++) this.sums[row - w + l] = (this.sums[row + l] as number) - (counts[l] as number);
    this.count++;
  }

  /** One more in `lane` of the newest second. */
  bumpLast(lane: number): void {
    this.sums[(this.head + this.count) * this.width + lane]!++;
  }

  /** One more in `lane` of the oldest second. */
  bumpFirst(lane: number): void {
    this.sums[this.head * this.width + lane]!--;
  }

  /** Every second held, oldest first (a copy). */
  all(): number[] {
    return Array.from(this.slots.subarray(this.head, this.head + this.count));
  }

  /** Starts again from `slots` (time order), with the counts of each. */
  reset(slots: readonly number[], countsOf: (slot: number) => ArrayLike<number>): void {
    this.count = 0;
    // Room on both sides: older pages still come in front, live seconds behind.
    const capacity = 2 * slots.length + 64;
    if (this.slots.length < capacity) this.allocate(capacity);
    this.head = (this.slots.length - slots.length) >> 1;
    this.sums.fill(0, this.head * this.width, (this.head + 1) * this.width);
    for (const slot of slots) this.pushBack(slot, countsOf(slot));
  }

  /** Twice the room, the held seconds in the middle so that both ends have space again. */
  private grow(): void {
    const slots = this.slots;
    const sums = this.sums;
    const head = this.head;
    const newHead = this.allocate(Math.max(64, 2 * (this.count + 1) + 64));
    this.slots.set(slots.subarray(head, head + this.count), newHead);
    this.sums.set(sums.subarray(head * this.width, (head + this.count + 1) * this.width), newHead * this.width);
    this.head = newHead;
  }

  /** Fresh buffers of `capacity` seconds; returns the head that centres the held ones. */
  private allocate(capacity: number): number {
    this.slots = new Float64Array(capacity);
    this.sums = new Float64Array((capacity + 1) * this.width);
    return (capacity - this.count) >> 1;
  }
}
