import type { WebviewStringKey, WebviewStrings } from '../shared/protocol';

/**
 * The texts the host sent with its first `init`, in VS Code's display language. main.ts installs
 * them before the view is built, so every part reads them with {@link t}; the webview keeps no
 * English of its own (the host owns translation: src/shared/webviewStrings.ts).
 */
let table: WebviewStrings | undefined;

export function useStrings(strings: WebviewStrings): void {
  table = strings;
}

/** The text for `key` with `{0}`, `{1}`… replaced by `args`. */
export function t(key: WebviewStringKey, ...args: readonly (string | number)[]): string {
  if (!table) throw new Error(`Timeline text "${key}" read before the host sent the texts`);
  return table[key].replace(/\{(\d+)\}/g, (match, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? match : String(arg);
  });
}

/** `one` for a count of 1, else `many`, filled with the count. */
export function count(n: number, one: WebviewStringKey, many: WebviewStringKey): string {
  return t(n === 1 ? one : many, n);
}
