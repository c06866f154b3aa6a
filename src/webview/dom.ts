/**
 * Tiny DOM helpers. Captured text (command lines, commit subjects, paths) only ever reaches the
 * page through `textContent` here, never through HTML parsing, so a subject such as
 * `<img src=x onerror=alert(1)>` shows as text.
 */

/** Creates an element with a class and optional plain text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A decorative codicon; hidden from screen readers, which read the owner's label instead. */
export function codicon(name: string, extraClass?: string): HTMLSpanElement {
  const span = el('span', `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/** A toolbar-style icon button; `label` is both the tooltip and the accessible name, since it has no visible text. */
export function iconButton(name: string, label: string, action: string): HTMLButtonElement {
  const button = el('button', 'icon-button');
  button.type = 'button';
  button.title = label;
  button.setAttribute('aria-label', label);
  button.dataset['action'] = action;
  button.append(codicon(name));
  return button;
}

/** A labelled button in VS Code's button style (primary or secondary). */
export function textButton(icon: string, label: string, action: string, secondary = false): HTMLButtonElement {
  const button = el('button', secondary ? 'text-button secondary' : 'text-button');
  button.type = 'button';
  button.dataset['action'] = action;
  button.append(codicon(icon), el('span', undefined, label));
  return button;
}

/**
 * Shows or hides an element only when that changes. Writing `hidden` (or any attribute) with the
 * value it already has still makes the browser recompute the element's style: for the parts
 * redrawn every frame while events stream in, that was work in every frame for nothing.
 */
export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/** Sets an attribute only when its value changes (see {@link setHidden}). */
export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Sets text only when it changed, so ticking clocks don't dirty layout every second for nothing. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * A command row's title, "`npm test` failed (exit 1) in 2 s" (see describeEvent), shows the
 * command line in the editor font. Only that exact shape is split, at the first backtick and
 * the last one before the status, so backticks inside the command line (echo `date`) stay text.
 */
const COMMAND_TITLE = /^`([\s\S]+)` ((?:succeeded|failed|end not reported) [\s\S]*)$/;

/**
 * "failed (exit 1) in 41 s" → "exit 1 · 41 s", "succeeded in 9.0 s" → "9.0 s",
 * "end not reported (terminal closed) after 2 min" → "≥ 2 min": the row's icon and colour
 * already say failed, succeeded or (a question mark) not reported, and the full sentence is in
 * the tooltip, the aria-label and the visually hidden text.
 */
export function compactStatus(status: string): string {
  // The shell never said how it ended, so it ran at least this long; "end not reported" took the
  // command line's room in a narrow sidebar, and the question-mark icon already says it.
  const unended = /^end not reported \([^)]*\) after (.+)$/.exec(status);
  if (unended) return `≥ ${unended[1]}`;
  const m = /^(succeeded|failed)(?: \((exit \d+|exit code unknown)\))? in (.+)$/.exec(status);
  if (!m) return status;
  const exit = m[2] === 'exit code unknown' ? 'exit ?' : m[2];
  return exit ? `${exit} · ${m[3]}` : (m[3] ?? status);
}

export function titleWithCode(className: string, text: string): HTMLSpanElement {
  const command = COMMAND_TITLE.exec(text);
  if (command?.[1] === undefined || command[2] === undefined) return el('span', className, text);
  // The command line gives way first, so "failed (exit 1)" stays readable in a narrow sidebar.
  const span = el('span', `${className} command-title`);
  // The full sentence stays in the text (find, copy, tests) but only the compact one is drawn;
  // the space keeps the words apart and flex layout ignores it.
  const shown = el('span', 'status', compactStatus(command[2]));
  shown.setAttribute('aria-hidden', 'true');
  span.append(el('code', undefined, command[1]), document.createTextNode(' '), el('span', 'visually-hidden', command[2]), shown);
  return span;
}
