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

/** Sets text only when it changed, so ticking clocks don't dirty layout every second for nothing. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * A title whose `code spans` (command lines in event descriptions) show in the editor font.
 * Every segment still goes in as text; the backticks only choose the element.
 */
export function titleWithCode(className: string, text: string): HTMLSpanElement {
  const span = el('span', className);
  const parts = text.split('`');
  // An odd count of backticks leaves the last one unpaired: show it as text, not as code.
  const paired = parts.length % 2 === 1;
  parts.forEach((part, i) => {
    if (!part) return;
    const isCode = i % 2 === 1 && (paired || i < parts.length - 1);
    span.append(isCode ? el('code', undefined, part) : document.createTextNode(part));
  });
  return span;
}
