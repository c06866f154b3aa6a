/**
 * What the host sends a Timeline page that says `ready`. The host posts the newest window (an
 * `init` alone) while the page loads, without waiting for the round trip; VS Code usually
 * delivers it, but drops what it queued for a page it loads a second time (a re-show, Reload
 * Webviews). So the page says which `init` it holds, and the host answers with a whole `init`
 * only when that is not the current one; otherwise it goes on with the older pages the early
 * `init` held back. Pure, so the choice is unit-tested apart from VS Code.
 */

/** What the host last sent as `init`: its generation, and whether its older pages were sent (or queued) too. */
export interface SentInit {
  readonly generation: number;
  readonly olderPagesSent: boolean;
}

/** `init`: send the session again; `older-pages`: the page has the current window, send the rest; `nothing`: it has it all coming. */
export type ReadyAnswer = 'init' | 'older-pages' | 'nothing';

/** The answer to a `ready` from a page holding `held` (undefined: no `init`), given what the host sent last (undefined: nothing yet). */
export function answerReady(held: number | undefined, sent: SentInit | undefined): ReadyAnswer {
  if (held === undefined || sent === undefined || held !== sent.generation) return 'init';
  return sent.olderPagesSent ? 'nothing' : 'older-pages';
}
