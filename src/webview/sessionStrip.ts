import type { JournalEvent } from '../core/journal/events';
import type { SessionSnapshot, WebviewStringKey } from '../shared/protocol';
import { el, setAttr, setHidden } from './dom';
import { formatClock } from './format';
import { count, t } from './strings';
import type { StripBucket, StripLane } from './stripBuckets';
import { SLOT_MS, STRIP_LANES, StripCounts } from './stripBuckets';

const SVG = 'http://www.w3.org/2000/svg';
/** Columns across the strip whatever its width: the SVG scales them, so a resize redraws nothing. */
const COLUMNS = 96;
const LANE_HEIGHT = 4;
const LANE_GAP = 1;

const LANE_NAMES: Readonly<Record<StripLane, readonly [WebviewStringKey, WebviewStringKey]>> = {
  commits: ['commitOne', 'commitMany'],
  commands: ['commandOne', 'commandMany'],
  saves: ['saveOne', 'saveMany'],
  notes: ['noteOne', 'noteMany'],
  agent: ['agentStepOne', 'agentStepMany'],
  idle: ['idleMinuteOne', 'idleMinuteMany'],
};

/**
 * The session at a glance, at the top of the Timeline: one lane per kind over the session's
 * time, failures marked, idle stretches shaded. Drawn from per-second counts into at most
 * {@link COLUMNS} × lanes rectangles, so 10,000 or 50,000 events cost the same to draw.
 * Hovering a column names its time and counts; clicking it scrolls the list to that moment.
 * For a screen reader it is one image with a one-sentence summary; the list is the way in.
 */
export class SessionStrip {
  readonly element = el('div', 'strip');
  private readonly svg = document.createElementNS(SVG, 'svg');
  private readonly counts = new StripCounts();
  private range: { start: number; end: number | undefined } | undefined;
  private buckets: StripBucket[] = [];
  /** The lanes' height as last set on the SVG (see draw). */
  private svgHeight = -1;
  private pending = 0;
  /** The drawn rectangles by {@link shapeKey} of lane and column (column -1: the lane's track). */
  private readonly shapes = new Map<number, { readonly rect: SVGRectElement; y: string; className: string }>();
  /** The column and lane of each cell, to name it when hovered. */
  private readonly cells = new WeakMap<Element, { readonly lane: StripLane; readonly column: number }>();
  /**
   * The one hover text, moved into the cell under the pointer and written then: a `<title>` per
   * cell would be ~500 more nodes in a full strip, rewritten each frame while events stream in.
   */
  private readonly hoverTitle = document.createElementNS(SVG, 'title');

  constructor(private readonly onPick: (time: number) => void) {
    this.svg.setAttribute('preserveAspectRatio', 'none');
    this.svg.setAttribute('role', 'img');
    this.element.append(this.svg);
    this.element.hidden = true;
    this.svg.addEventListener('pointerover', (e) => this.nameHovered(e.target));
    this.svg.addEventListener('click', (e) => {
      const bucket = this.bucketAt(e.clientX);
      // The column's last moment: the list shows the newest row inside the column first. A second
      // that starts in the column keeps its events there, so its last millisecond still belongs.
      if (bucket) this.onPick(bucket.to + SLOT_MS - 2);
    });
  }

  add(events: readonly JournalEvent[]): void {
    this.counts.add(events);
    this.schedule();
  }

  clear(): void {
    this.counts.clear();
    this.schedule();
  }

  /** The session's times; null hides the strip (no session). */
  setSession(summary: SessionSnapshot | null): void {
    const next = summary ? { start: summary.start, end: summary.end } : undefined;
    if (next?.start === this.range?.start && next?.end === this.range?.end) return;
    this.range = next;
    this.schedule();
  }

  /** A live session's right edge is "now": redrawn each minute by the view's clock. */
  tick(): void {
    if (this.range && this.range.end === undefined) this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  private draw(): void {
    setHidden(this.element, this.range === undefined);
    if (!this.range) return;
    const end = this.range.end ?? Math.max(Date.now(), this.range.start + 60_000);
    this.buckets = this.counts.buckets(this.range.start, end, COLUMNS);
    const lanes = STRIP_LANES.filter((lane) => lane !== 'agent' || this.counts.has('agent'));
    const height = lanes.length * (LANE_HEIGHT + LANE_GAP);
    // Written each frame, even unchanged, the view box made the browser lay out every rectangle again.
    setAttr(this.svg, 'viewBox', `0 0 ${COLUMNS} ${height}`);
    if (this.svgHeight !== height) this.svg.style.height = `${(this.svgHeight = height) * 2}px`;
    // Redrawn each frame while events stream in: the shapes are kept and only those whose column
    // changed are touched, instead of ~1,000 new elements a frame for a full 50,000-event strip.
    // Numbers for keys and class names made once: this runs each frame while pages stream in,
    // and ~600 new strings a frame were garbage for the collections that paused those frames.
    const wanted = new Set<number>();
    lanes.forEach((lane, row) => {
      const y = String(row * (LANE_HEIGHT + LANE_GAP));
      const lanePlace = STRIP_LANES.indexOf(lane);
      this.shape(wanted, shapeKey(lanePlace, -1), 0, y, COLUMNS, 'lane-track');
      this.buckets.forEach((b, column) => {
        const n = b.counts[lane];
        if (!n) return;
        const failedHere = (lane === 'commands' || lane === 'agent') && b.failed > 0;
        const cell = this.shape(wanted, shapeKey(lanePlace, column), column, y, 1, cellClass(lanePlace, failedHere, n > 1 && lane !== 'idle'));
        if (!this.cells.has(cell)) this.cells.set(cell, { lane, column });
      });
    });
    for (const [key, shape] of this.shapes) {
      if (wanted.has(key)) continue;
      shape.rect.remove();
      this.shapes.delete(key);
    }
    // A cell still under the pointer says its new count.
    if (this.hoverTitle.parentNode) this.nameHovered(this.hoverTitle.parentNode);
    setAttr(this.svg, 'aria-label', summaryOf(this.buckets, lanes));
  }

  /** Puts one rectangle (a lane's track, or a column's cell) in place, changing only what differs. */
  private shape(wanted: Set<number>, key: number, x: number, y: string, width: number, className: string): SVGRectElement {
    wanted.add(key);
    let shape = this.shapes.get(key);
    if (!shape) {
      const r = rect(x, 0, width, LANE_HEIGHT, className);
      shape = { rect: r, y: '', className };
      // Tracks go under the cells of their lane: before every cell.
      if (className === 'lane-track') this.svg.insertBefore(r, this.svg.querySelector('rect:not(.lane-track)'));
      else this.svg.append(r);
      this.shapes.set(key, shape);
    }
    if (shape.y !== y) shape.rect.setAttribute('y', (shape.y = y));
    if (shape.className !== className) shape.rect.setAttribute('class', (shape.className = className));
    return shape.rect;
  }

  /** Names the hovered cell ("14:05–14:10: 3 commands, 1 failed") as the pointer reaches it. */
  private nameHovered(target: EventTarget | null): void {
    const cell = target instanceof Element ? this.cells.get(target) : undefined;
    const bucket = cell && this.buckets[cell.column];
    if (!cell || !bucket || !(target instanceof Element)) return;
    this.hoverTitle.textContent = describeBucket(bucket, cell.lane);
    if (this.hoverTitle.parentNode !== target) target.append(this.hoverTitle);
  }

  private bucketAt(clientX: number): StripBucket | undefined {
    const box = this.svg.getBoundingClientRect();
    if (box.width <= 0) return undefined;
    return this.buckets[Math.min(COLUMNS - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * COLUMNS)))];
  }
}

/** A rectangle's key: its lane's place in STRIP_LANES and its column (-1 for the lane's track). */
function shapeKey(lane: number, column: number): number {
  return lane * (COLUMNS + 1) + column + 1;
}

/** The class names of a cell for each lane and look (failed, many), made once: index {@link cellClass}. */
const CELL_CLASSES = STRIP_LANES.flatMap((lane) => [false, true].flatMap((failed) => [false, true].map((many) =>
  `lane-${lane}${failed ? ' failed' : ''}${many ? ' many' : ''}`)));

function cellClass(lane: number, failed: boolean, many: boolean): string {
  return CELL_CLASSES[lane * 4 + (failed ? 2 : 0) + (many ? 1 : 0)] as string;
}

function rect(x: number, y: number, width: number, height: number, className: string): SVGRectElement {
  const r = document.createElementNS(SVG, 'rect');
  r.setAttribute('x', String(x));
  r.setAttribute('y', String(y));
  r.setAttribute('width', String(width));
  r.setAttribute('height', String(height));
  r.setAttribute('class', className);
  return r;
}

function countText(n: number, lane: StripLane): string {
  const [one, many] = LANE_NAMES[lane];
  return count(n, one, many);
}

/** "14:05–14:10: 3 commands, 1 failed". */
export function describeBucket(b: StripBucket, lane: StripLane): string {
  const counted = countText(b.counts[lane], lane);
  return (lane === 'commands' || lane === 'agent') && b.failed
    ? t('stripBucketFailed', formatClock(b.from), formatClock(b.to), counted, b.failed)
    : t('stripBucket', formatClock(b.from), formatClock(b.to), counted);
}

/** "Session at a glance: 4 commits, 10 commands, 2 failed, …" for the image's accessible name. */
function summaryOf(buckets: readonly StripBucket[], lanes: readonly StripLane[]): string {
  const total = (lane: StripLane): number => buckets.reduce((n, b) => n + b.counts[lane], 0);
  const failed = buckets.reduce((n, b) => n + b.failed, 0);
  const parts = lanes.map((lane) => countText(total(lane), lane));
  return failed ? t('stripSummaryFailed', parts.join(', '), failed) : t('stripSummary', parts.join(', '));
}
