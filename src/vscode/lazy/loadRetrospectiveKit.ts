import * as path from 'node:path';
import type * as RetrospectiveKit from './retrospectiveKit';

/** The kit's bundle, beside dist/extension.js (esbuild.mjs builds both; .vscodeignore ships both). */
export const RETROSPECTIVE_KIT_FILE = 'retrospectiveKit.js';

let loaded: typeof RetrospectiveKit | undefined;

/**
 * The retrospective kit (see ./retrospectiveKit.ts), loaded on the first call and kept. A
 * synchronous require of a local file: a few milliseconds, once, when the user first drafts,
 * validates or finishes a retrospective, instead of at every activation.
 */
export function retrospectiveKit(): typeof RetrospectiveKit {
  // The path is computed so esbuild leaves this require to run time instead of inlining the kit.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separately bundled file, loaded on demand
  loaded ??= require(path.join(__dirname, RETROSPECTIVE_KIT_FILE)) as typeof RetrospectiveKit;
  return loaded;
}
