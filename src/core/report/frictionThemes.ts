/**
 * Friction that recurs across a team's sessions: titles that name the same problem (the same
 * stemmed-word overlap the in-editor recurring-friction notice uses), grouped transitively, kept
 * when they come from at least two sessions. A team report holds thousands of titles, so pairs
 * are only compared when they share a word (an inverted index), never all against all.
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

function root(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/** Themes seen in at least `minSessions` sessions, most sessions first (ties: alphabetical). */
export function frictionThemes(mentions: readonly FrictionMention[], minSessions = 2): FrictionTheme[] {
  const tokens = mentions.map((m) => titleTokens(m.title));
  const parent = mentions.map((_, i) => i);
  const postings = new Map<string, number[]>();
  for (let i = 0; i < mentions.length; i++) {
    const compared = new Set<number>();
    for (const token of tokens[i]) {
      const list = postings.get(token);
      if (list === undefined) {
        postings.set(token, [i]);
        continue;
      }
      for (const j of list) {
        if (compared.has(j)) continue;
        compared.add(j);
        if (jaccard(tokens[i], tokens[j]) >= MIN_SIMILARITY) parent[root(parent, i)] = root(parent, j);
      }
      list.push(i);
    }
  }
  const groups = new Map<number, number[]>();
  mentions.forEach((_, i) => {
    const r = root(parent, i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  });
  const themes: FrictionTheme[] = [];
  for (const group of groups.values()) {
    const sessions = [...new Set(group.map((i) => mentions[i].session))].sort((a, b) => a - b);
    if (sessions.length < minSessions) continue;
    const titles = [...new Map(group.map((i) => [mentions[i].title.toLowerCase(), mentions[i].title])).values()];
    // The title sharing the most words with the rest reads as the theme.
    let best = group[0];
    let bestScore = -1;
    for (const i of group) {
      const score = group.reduce((sum, j) => sum + jaccard(tokens[i], tokens[j]), 0);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    themes.push({ theme: mentions[best].title, titles, sessions });
  }
  return themes.sort((a, b) => b.sessions.length - a.sessions.length || a.theme.localeCompare(b.theme));
}
