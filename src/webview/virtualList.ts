/**
 * A fixed-row-height virtual list: only the rows in view (plus a small overscan) exist in the
 * DOM, so 10,000 events cost as much to draw as 40. Rows are keyed; a row whose key stays in
 * range keeps its element and is only moved, so live appends never rebuild what is on screen.
 */

/** How the list draws rows of type R; the list itself knows nothing about events. */
export interface RowRenderer<R> {
  key(row: R): string;
  /** Changes whenever the row must be redrawn (an edit, an expansion). */
  signature(row: R): string;
  create(row: R): HTMLElement;
  update(element: HTMLElement, row: R): void;
}

/** Where a live list should stay when rows arrive: glued to its newest edge or where the reader is. */
export type FollowEdge = 'top' | 'bottom';

interface Rendered {
  readonly element: HTMLElement;
  signature: string;
  index: number;
}

/**
 * The rows the list draws, owned by the caller: by index, and a row's index by its key. The list
 * never copies or walks them all, so a 50,000-row source costs what its visible rows cost.
 */
export interface RowSource<R> {
  readonly length: number;
  at(index: number): R | undefined;
  /** -1 when no row has this key. */
  indexOf(key: string): number;
}

/** Draws a window of `rows` into `viewport` (the scrolling element). */
export class VirtualList<R> {
  private readonly rendered = new Map<string, Rendered>();
  private readonly canvas: HTMLElement;
  private pinnedKey: string | undefined;
  private frame = 0;
  /** The canvas's height as last set: read back from the DOM it would force a layout each update. */
  private canvasHeight = 0;
  /**
   * The viewport's scroll position and height as last seen (scroll events, a ResizeObserver) or
   * set here. Read from the DOM after rows or the canvas changed, each would force a layout in the
   * middle of a frame: once per live append, or per page of older events.
   */
  private top = 0;
  /** The viewport's height as the ResizeObserver last reported it; undefined before its first report. */
  private height: number | undefined;

  constructor(
    private readonly rows: RowSource<R>,
    private readonly viewport: HTMLElement,
    private readonly renderer: RowRenderer<R>,
    readonly rowHeight: number,
    private readonly overscan = 8,
    private readonly onRender?: (firstVisible: number) => void,
  ) {
    this.canvas = document.createElement('div');
    this.canvas.className = 'virtual-canvas';
    viewport.append(this.canvas);
    viewport.addEventListener('scroll', () => {
      this.top = viewport.scrollTop;
      this.schedule();
    }, { passive: true });
    // Called after layout and before paint: rows drawn here show in the same frame as the new size.
    new ResizeObserver(() => {
      const height = viewport.clientHeight;
      if (height === this.height) return;
      this.height = height;
      this.render();
    }).observe(viewport);
  }

  /** Where the viewport is scrolled to, without asking the DOM (see {@link top}). */
  get scrollTop(): number {
    return this.top;
  }

  /**
   * The viewport's height, never asked of the DOM. Before the page is first laid out it is the
   * window's, which the viewport never exceeds: the first draw then makes a few rows too many,
   * and the ResizeObserver's first report removes them before that frame is painted. Asking the
   * DOM there would lay the page out twice, once inside the `init` message and once in the frame.
   */
  get viewportHeight(): number {
    return this.height ?? window.innerHeight;
  }

  /** Scrolls to `top` (kept within the canvas, as the browser would) and draws the rows there. */
  scrollTo(top: number): void {
    this.setTop(top);
    this.render();
  }

  get length(): number {
    return this.rows.length;
  }

  rowAt(index: number): R | undefined {
    return index < 0 ? undefined : this.rows.at(index);
  }

  indexOf(key: string): number {
    return this.rows.indexOf(key);
  }

  /** The element of a row if it is currently in the DOM. */
  elementOf(key: string): HTMLElement | undefined {
    return this.rendered.get(key)?.element;
  }

  /** Keeps one row in the DOM even when scrolled away, so keyboard focus never drops to the body; true when the pinned row changed. */
  pin(key: string | undefined): boolean {
    const changed = this.pinnedKey !== key;
    this.pinnedKey = key;
    return changed;
  }

  /**
   * Runs `change` (which changes the source's rows) and draws the result at once. With `follow`, a
   * reader at that edge stays there (sees new rows arrive); anyone scrolled elsewhere keeps the
   * same rows under their eyes, found again by key.
   */
  update(change: () => void, follow?: FollowEdge): void {
    const top = this.top;
    const atTop = top <= 1;
    const atBottom = top + this.viewportHeight >= this.canvasHeight - this.rowHeight;
    const anchorIndex = Math.floor(top / this.rowHeight);
    const anchorRow = this.rowAt(anchorIndex);
    const anchorKey = anchorRow === undefined ? undefined : this.renderer.key(anchorRow);
    const anchorOffset = top - anchorIndex * this.rowHeight;

    change();
    this.canvasHeight = this.rows.length * this.rowHeight;
    this.canvas.style.height = `${this.canvasHeight}px`;

    let target = top;
    if (follow === 'top' && atTop) {
      target = 0;
    } else if (follow === 'bottom' && atBottom) {
      target = this.canvasHeight;
    } else if (anchorKey !== undefined) {
      const moved = this.rows.indexOf(anchorKey);
      if (moved >= 0 && moved !== anchorIndex) target = moved * this.rowHeight + anchorOffset;
    }
    // Kept within the canvas: with fewer rows than before, the browser pulls the position back too.
    this.setTop(target);
    this.render();
  }

  /**
   * Scrolls to `top`, kept within the canvas as the browser keeps it. Writing the scroll position
   * lays the page out first, so an unchanged one is not written: following the newest rows at the
   * top, as most of the time, costs no layout until the frame's own.
   */
  private setTop(top: number): void {
    // Before the viewport's height is known, only the canvas bounds it: the browser clamps the
    // rest and says so with a scroll event.
    const clamped = Math.max(0, Math.min(top, this.canvasHeight - (this.height ?? 0)));
    if (clamped === this.top) return;
    this.top = clamped;
    this.viewport.scrollTop = clamped;
  }

  /** Scrolls the least needed to show a row (or puts it at the top/bottom when asked). */
  reveal(index: number, align: 'nearest' | 'start' | 'end' = 'nearest'): void {
    const top = index * this.rowHeight;
    const height = this.viewportHeight;
    // The sticky hour header covers the first row, so "in view" starts one row down.
    const stickyCover = this.rowHeight;
    if (align === 'start') this.setTop(top);
    else if (align === 'end') this.setTop(top + this.rowHeight - height);
    else if (top < this.top + stickyCover) this.setTop(top - stickyCover);
    else if (top + this.rowHeight > this.top + height) this.setTop(top + this.rowHeight - height);
    this.render();
  }

  /** Runs `fn` on every row element in the DOM, e.g. to refresh relative times once a minute. */
  forEachRendered(fn: (element: HTMLElement, row: R) => void): void {
    for (const r of this.rendered.values()) {
      const row = this.rows.at(r.index);
      if (row !== undefined) fn(r.element, row);
    }
  }

  /** Batches scroll-driven redraws into one per frame. */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Draws the rows in view now: adds missing ones, moves kept ones, removes the rest. */
  render(): void {
    const h = this.rowHeight;
    const first = Math.max(0, Math.floor(this.top / h) - this.overscan);
    const last = Math.min(this.rows.length, Math.ceil((this.top + this.viewportHeight) / h) + this.overscan);
    const wanted = new Set<string>();
    const pinnedIndex = this.pinnedKey === undefined ? -1 : this.rows.indexOf(this.pinnedKey);
    const indices: number[] = [];
    for (let i = first; i < last; i++) indices.push(i);
    if (pinnedIndex >= 0 && (pinnedIndex < first || pinnedIndex >= last)) indices.push(pinnedIndex);

    for (const i of indices) {
      const row = this.rows.at(i);
      if (row === undefined) continue;
      const key = this.renderer.key(row);
      wanted.add(key);
      const signature = this.renderer.signature(row);
      let r = this.rendered.get(key);
      if (!r) {
        r = { element: this.renderer.create(row), signature, index: -1 };
        this.rendered.set(key, r);
        this.canvas.append(r.element);
      } else if (r.signature !== signature) {
        this.renderer.update(r.element, row);
        r.signature = signature;
      }
      if (r.index !== i) {
        r.index = i;
        r.element.style.transform = `translateY(${i * h}px)`;
      }
    }
    for (const [key, r] of this.rendered) {
      if (wanted.has(key)) continue;
      r.element.remove();
      this.rendered.delete(key);
    }
    this.onRender?.(Math.floor(this.top / h));
  }
}
