/**
 * Friction that recurs across a team's sessions: titles that name the same problem (the same
 * stemmed-word overlap the in-editor recurring-friction notice uses), grouped transitively, kept
 * when they come from at least two sessions.
 *
 * A team report holds thousands of titles, so it never compares all against all: identical titles
 * are compared once, and only pairs that share one of their rarest words are compared at all
 * (prefix filtering: two word sets with overlap ≥ t share a word among each one's first
 * |x| − ⌈t·|x|⌉ + 1 words, rarest first), which finds every pair the full comparison would.
 */
import { jaccard, titleTokens } from '../friction/titleSimilarity';

/** One friction point and the session it was written in. */
export interface FrictionMention {
  readonly title: string;
  /** Index of its session in the caller's list. */
  readonly session: number;
}

/** A recurring theme: its titles and the sessions (indexes) they came from, oldest first. */
export interface FrictionTheme {
  readonly theme: string;
  readonly titles: string[];
  readonly sessions: number[];
}

const MIN_SIMILARITY = 0.5;

interface Wording {
  readonly title: string;
  readonly tokens: ReadonlySet<string>;
  readonly sessions: Set<number>;
  count: number;
}

function root(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/** Identical titles (ignoring case) once each, with every session they came from. */
function wordingsOf(mentions: readonly FrictionMention[]): Wording[] {
  const byText = new Map<string, Wording>();
  for (const m of mentions) {
    const key = m.title.trim().toLowerCase();
    const known = byText.get(key);
    if (known) {
      known.sessions.add(m.session);
      known.count++;
    } else {
      byText.set(key, { title: m.title.trim(), tokens: titleTokens(m.title), sessions: new Set([m.session]), count: 1 });
    }
  }
  return [...byText.values()];
}

/** Groups wordings whose word overlap reaches MIN_SIMILARITY, transitively; returns union-find parents. */
function groupSimilar(wordings: readonly Wording[]): number[] {
  const frequency = new Map<string, number>();
  for (const w of wordings) for (const t of w.tokens) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const parent = wordings.map((_, i) => i);
  const postings = new Map<string, number[]>();
  wordings.forEach((w, i) => {
    const ordered = [...w.tokens].sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    const prefix = ordered.slice(0, ordered.length - Math.ceil(MIN_SIMILARITY * ordered.length) + 1);
    const compared = new Set<number>();
    for (const token of prefix) {
      const list = postings.get(token);
      for (const j of list ?? []) {
        if (compared.has(j)) continue;
        compared.add(j);
        if (jaccard(w.tokens, wordings[j].tokens) >= MIN_SIMILARITY) parent[root(parent, i)] = root(parent, j);
      }
      if (list) list.push(i);
      else postings.set(token, [i]);
    }
  });
  return parent;
}

/** Themes seen in at least `minSessions` sessions, most sessions first (ties: alphabetical). */
export function frictionThemes(mentions: readonly FrictionMention[], minSessions = 2): FrictionTheme[] {
  const wordings = wordingsOf(mentions);
  const parent = groupSimilar(wordings);
  const groups = new Map<number, Wording[]>();
  wordings.forEach((w, i) => {
    const r = root(parent, i);
    const group = groups.get(r);
    if (group) group.push(w);
    else groups.set(r, [w]);
  });
  const themes: FrictionTheme[] = [];
  for (const group of groups.values()) {
    const sessions = [...new Set(group.flatMap((w) => [...w.sessions]))].sort((a, b) => a - b);
    if (sessions.length < minSessions) continue;
    // The wording written most often names the theme (ties: the first written).
    const theme = group.reduce((best, w) => (w.count > best.count ? w : best)).title;
    themes.push({ theme, titles: group.map((w) => w.title), sessions });
  }
  return themes.sort((a, b) => b.sessions.length - a.sessions.length || a.theme.localeCompare(b.theme));
}
