import type { EventDraft } from '../journal/events';
import type { SecretRule } from './redactPatterns';
import { SECRET_RULES } from './redactPatterns';
import { globToRegExp, matchGlob } from '../capture/pathGlob';

/**
 * Secrets are redacted before anything is stored: the value goes, the command stays. This
 * runs on every captured command, commit subject and note, so patterns are compiled once
 * per options object and each rule is skipped unless a cheap substring hint is present.
 */

/** The user's redaction settings (`sessionJournal.redaction.*`), as regex and glob sources. */
export interface RedactOptions {
  /** Extra regex sources; the whole match is redacted, or only a named group `secret` when present. */
  readonly extraPatterns?: readonly string[];
  /** Regex sources: a command line matching any of them is not recorded at all. */
  readonly excludeCommands?: readonly string[];
  /** Globs over workspace-relative paths (`**\/.env`, `secrets/**`): those files are not recorded. */
  readonly excludePaths?: readonly string[];
}

/** The result of {@link redact}: the safe text and how many secrets were taken out. */
export interface RedactResult {
  readonly text: string;
  readonly count: number;
}

interface Compiled {
  readonly extra: readonly RegExp[];
  readonly excludeCommands: readonly RegExp[];
  readonly excludePaths: readonly RegExp[];
}

const MARKER_PREFIX = '«redacted:';

/** The text that replaces a secret value: says what was there without saying what it was. */
export function redactionMarker(kind: string): string {
  return `${MARKER_PREFIX}${kind}»`;
}

const EMPTY: Compiled = { extra: [], excludeCommands: [], excludePaths: [] };
const compiledCache = new WeakMap<RedactOptions, Compiled>();

type Validated = { ok: true; re: RegExp } | { ok: false; error: string };

function compileRegex(source: string, flags: string): Validated {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  // A pattern that matches nothing at all would put a marker between every character.
  if (new RegExp(re.source, re.flags.replace(/[gyd]/g, '')).test('')) return { ok: false, error: 'it matches the empty string' };
  return { ok: true, re };
}

function compileGlob(glob: string): Validated {
  if (glob.trim() === '') return { ok: false, error: 'the pattern is empty' };
  try {
    return { ok: true, re: globToRegExp(glob) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function compileList(
  sources: readonly string[] | undefined,
  setting: string,
  compile: (s: string) => Validated,
  errors: string[] | undefined,
): { valid: string[]; compiled: RegExp[] } {
  const valid: string[] = [];
  const compiled: RegExp[] = [];
  for (const source of sources ?? []) {
    if (typeof source !== 'string') continue;
    const result = compile(source);
    if (result.ok) {
      valid.push(source);
      compiled.push(result.re);
    } else {
      errors?.push(`sessionJournal.redaction.${setting}: ignoring ${JSON.stringify(source)}: ${result.error}`);
    }
  }
  return { valid, compiled };
}

function compileInto(options: RedactOptions, errors?: string[]): { valid: RedactOptions; compiled: Compiled } {
  const extra = compileList(options.extraPatterns, 'extraPatterns', (s) => compileRegex(s, 'gd'), errors);
  const commands = compileList(options.excludeCommands, 'excludeCommands', (s) => compileRegex(s, ''), errors);
  const paths = compileList(options.excludePaths, 'excludePaths', compileGlob, errors);
  return {
    valid: { extraPatterns: extra.valid, excludeCommands: commands.valid, excludePaths: paths.valid },
    compiled: { extra: extra.compiled, excludeCommands: commands.compiled, excludePaths: paths.compiled },
  };
}

/**
 * Validates the user's settings once: returns options holding only the valid patterns (with
 * their compiled form cached) and a readable error for each invalid one, never throwing, so
 * one typo in settings.json cannot stop the capture.
 */
export function compileRedactOptions(settings: RedactOptions | undefined): { options: RedactOptions; errors: string[] } {
  const errors: string[] = [];
  const { valid, compiled } = compileInto(settings ?? {}, errors);
  const options = Object.freeze(valid);
  compiledCache.set(options, compiled);
  return { options, errors };
}

function compiledFor(options: RedactOptions | undefined): Compiled {
  if (!options) return EMPTY;
  let compiled = compiledCache.get(options);
  if (!compiled) {
    // Options not made by compileRedactOptions: invalid patterns are dropped silently.
    compiled = compileInto(options).compiled;
    compiledCache.set(options, compiled);
  }
  return compiled;
}

/** Counts replacements across one redact call without allocating per field. */
interface Counter {
  n: number;
}

/** A value holding a marker or a piece of one (`github-token»` after a `:`) was already handled. */
function alreadyRedacted(value: string): boolean {
  return value.includes('«') || value.includes('»');
}

/**
 * The replacement for one candidate of `rule`: its secret value swapped for the marker, or the
 * match unchanged when the rule's checks refuse it. A plain function, not a closure made per
 * call: this runs for every text that holds a hint.
 */
function replaceValue(rule: SecretRule, counter: Counter, args: readonly unknown[]): string {
  const match = args[0] as string;
  const groups = groupsOf(args);
  const value = groups?.s ?? match;
  if (value === '' || alreadyRedacted(value)) return match;
  if (rule.accept && !rule.accept(value, groups ?? {})) return match;
  counter.n++;
  const head = match.slice(0, match.length - value.length);
  // Keep the quotes around a quoted value: the command still reads as written.
  const quote = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value[0] : '';
  return `${head}${quote}${redactionMarker(rule.kind)}${quote}`;
}

function applyRule(text: string, rule: SecretRule, counter: Counter): string {
  rule.re.lastIndex = 0;
  const inner = rule.inner;
  if (inner) {
    return text.replace(rule.re, (segment: string) => {
      inner.lastIndex = 0;
      return segment.replace(inner, (...args: unknown[]) => replaceValue(rule, counter, args));
    });
  }
  return text.replace(rule.re, (...args: unknown[]) => replaceValue(rule, counter, args));
}

/** The named-groups object `String.replace` passes last when the regex has named groups. */
function groupsOf(args: readonly unknown[]): Record<string, string | undefined> | undefined {
  const last = args[args.length - 1];
  return typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : undefined;
}

function applyUserPattern(text: string, re: RegExp, counter: Counter): string {
  const marker = redactionMarker('custom');
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const span = m.indices?.groups?.secret ?? m.indices?.[0];
    if (!span) continue;
    const [start, end] = span;
    if (end <= start || start < last || alreadyRedacted(text.slice(start, end))) continue;
    out += text.slice(last, start) + marker;
    last = end;
    counter.n++;
  }
  return last === 0 ? text : out + text.slice(last);
}

function includesAny(haystack: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (haystack.includes(needle)) return true;
  return false;
}

/** Whether `lower` holds one needle of every group of a rule's `needs` (see {@link SecretRule.needs}). */
function meetsNeeds(lower: string, needs: readonly (readonly string[])[]): boolean {
  for (const group of needs) if (!includesAny(lower, group)) return false;
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every rule's hints in two regular expressions, so the common case (a command with no hint
 * of a secret at all: `git status`, `npm test`) costs one scan instead of ~100 `includes`.
 */
const ANY_HINT = new RegExp(SECRET_RULES.filter((r) => !r.lower).flatMap((r) => r.hints).map(escapeRegExp).join('|'));
const ANY_LOWER_HINT = new RegExp(SECRET_RULES.filter((r) => r.lower).flatMap((r) => r.hints).map(escapeRegExp).join('|'), 'i');

/**
 * The core loop; returns the same string instance when nothing was found. `filtered` false runs
 * every rule on every text, hints and needs aside: the reference the prefilters must agree with.
 */
function redactString(text: string, compiled: Compiled, counter: Counter, filtered = true): string {
  if (!filtered) return redactEveryRule(text, compiled, counter);
  if (!ANY_HINT.test(text) && !ANY_LOWER_HINT.test(text)) {
    if (compiled.extra.length === 0) return text;
    let out = text;
    for (const re of compiled.extra) out = applyUserPattern(out, re, counter);
    return out;
  }
  let lowerText: string | undefined;
  let out = text;
  // `out` lower-cased for the rules' needs; dropped when a rule changed `out`.
  let lowerOut: string | undefined;
  for (const rule of SECRET_RULES) {
    // Hints are checked against the original text: replacements only remove content.
    if (!includesAny(rule.lower ? (lowerText ??= text.toLowerCase()) : text, rule.hints)) continue;
    // Needs are checked against the text the rule runs on, so they hold whatever ran before.
    if (rule.needs !== undefined) {
      lowerOut ??= out === text ? (lowerText ??= text.toLowerCase()) : out.toLowerCase();
      if (!meetsNeeds(lowerOut, rule.needs)) continue;
    }
    const next = applyRule(out, rule, counter);
    if (next !== out) {
      out = next;
      lowerOut = undefined;
    }
  }
  for (const re of compiled.extra) out = applyUserPattern(out, re, counter);
  return out;
}

function redactEveryRule(text: string, compiled: Compiled, counter: Counter): string {
  let out = text;
  for (const rule of SECRET_RULES) out = applyRule(out, rule, counter);
  for (const re of compiled.extra) out = applyUserPattern(out, re, counter);
  return out;
}

/**
 * {@link redact} without its prefilters (hints, needs): every built-in rule runs on every text.
 * Slower; it exists so tests can prove the prefilters skip only rules
 * that could not have changed the text.
 */
export function redactUnfiltered(text: string, options?: RedactOptions): RedactResult {
  const counter: Counter = { n: 0 };
  const out = redactString(text, compiledFor(options), counter, false);
  return { text: out, count: counter.n };
}

/**
 * Replaces each secret value in `text` with `«redacted:<kind>»`, keeping the rest (the
 * command, the flag, the variable name) so the journal still says what was done.
 */
export function redact(text: string, options?: RedactOptions): RedactResult {
  const counter: Counter = { n: 0 };
  const out = redactString(text, compiledFor(options), counter);
  return { text: out, count: counter.n };
}

/** Whether a command must not be recorded at all (the user's `excludeCommands`). */
export function isExcludedCommand(commandLine: string, options?: RedactOptions): boolean {
  return compiledFor(options).excludeCommands.some((re) => re.test(commandLine));
}

/** Whether saves of a workspace-relative path must not be recorded (the user's `excludePaths`). */
export function isExcludedPath(relPath: string, options?: RedactOptions): boolean {
  return compiledFor(options).excludePaths.some((re) => matchGlob(relPath, re));
}

// Free-text fields of any event kind. Paths, hashes, ids and branch names are not redacted:
// they are structure, and redacting them would break links in the timeline.
/** `command` and `statusLine`: an agent's step (its parser redacted them already; the user's patterns may be newer). */
const TEXT_FIELDS = ['commandLine', 'subject', 'message', 'title', 'detail', 'text', 'focus', 'name', 'command', 'statusLine'] as const;

/**
 * Redacts every free-text field of an event draft of any kind. Returns the very same object
 * when nothing needed redacting, so the hot path allocates nothing.
 */
export function redactEvent<E extends EventDraft>(draft: E, options?: RedactOptions): E {
  const compiled = compiledFor(options);
  const counter: Counter = { n: 0 };
  const source = draft as unknown as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const field of TEXT_FIELDS) {
    const value = source[field];
    if (typeof value !== 'string') continue;
    const next = redactString(value, compiled, counter);
    if (next !== value) (copy ??= { ...source })[field] = next;
  }
  const trigger = source.trigger;
  if (typeof trigger === 'object' && trigger !== null) {
    const summary = (trigger as Record<string, unknown>).summary;
    if (typeof summary === 'string') {
      const next = redactString(summary, compiled, counter);
      if (next !== summary) (copy ??= { ...source }).trigger = { ...trigger, summary: next };
    }
  }
  // A list of items (the carried-over checklist) holds free text too, one `text` per item.
  const items = source.items;
  if (Array.isArray(items)) {
    let changed = false;
    const next = items.map((item: unknown) => {
      if (typeof item !== 'object' || item === null) return item;
      const text = (item as Record<string, unknown>).text;
      if (typeof text !== 'string') return item;
      const clean = redactString(text, compiled, counter);
      if (clean === text) return item;
      changed = true;
      return { ...item, text: clean };
    });
    if (changed) (copy ??= { ...source }).items = next;
  }
  return (copy ?? draft) as E;
}
