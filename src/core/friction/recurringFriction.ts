/**
 * Friction that keeps coming back across sessions. One bad afternoon is noise; the same pain in
 * three of the last seven sessions is a pattern worth fixing, and the session-metrics table and
 * the retrospective point it out.
 */

import type { FrictionCategory, FrictionEvent } from '../journal/events';
import { jaccard, titleTokens } from './titleSimilarity';

/** The part of a recorded session this analysis needs. */
export interface SessionFriction {
  readonly id: string;
  /** Session start (epoch ms); decides which sessions are the latest. */
  readonly start: number;
  readonly friction: readonly Pick<FrictionEvent, 'title' | 'category'>[];
}

/** A theme of friction seen in several recent sessions. */
export interface RecurringFriction {
  /** A representative title, or "<category> friction" for a theme found by category alone. */
  readonly theme: string;
  readonly category?: FrictionCategory;
  /** Sessions where the theme appeared, oldest first. */
  readonly sessionIds: string[];
  /** The distinct titles that make up the theme, oldest first. */
  readonly titles: string[];
}

/** Tuning of {@link findRecurringFriction}. */
export interface RecurringFrictionOptions {
  /** How many of the latest sessions to look at (default 7). */
  readonly lastSessions?: number;
  /** In how many of them a theme must appear (default 3). */
  readonly minSessions?: number;
  /** Title token overlap (Jaccard) that makes two titles the same theme (default 0.5). */
  readonly minSimilarity?: number;
}

interface Item {
  readonly session: number;
  readonly title: string;
  readonly tokens: ReadonlySet<string>;
  readonly category: FrictionCategory;
}

interface Theme extends RecurringFriction {
  readonly byTitle: boolean;
  readonly latest: number;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

function distinctTitles(items: readonly Item[]): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const item of items) {
    const key = item.title.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      titles.push(item.title);
    }
  }
  return titles;
}

/** The title most like the rest of its group (ties: the most recent), so the theme reads like one of them. */
function representativeTitle(items: readonly Item[]): string {
  let best = items[0];
  let bestScore = -1;
  for (const a of items) {
    const score = items.reduce((sum, b) => sum + jaccard(a.tokens, b.tokens), 0);
    if (score > bestScore || (score === bestScore && a.session >= best.session)) {
      best = a;
      bestScore = score;
    }
  }
  return best.title;
}

function majorityCategory(items: readonly Item[]): FrictionCategory | undefined {
  const counts = new Map<FrictionCategory, number>();
  for (const item of items) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
  for (const [category, count] of counts) if (count * 2 > items.length) return category;
  return undefined;
}

function makeTheme(theme: string, category: FrictionCategory | undefined, items: readonly Item[], ids: readonly string[], byTitle: boolean): Theme {
  const sorted = [...items].sort((a, b) => a.session - b.session);
  const sessions = [...new Set(sorted.map((i) => i.session))];
  return {
    theme,
    ...(category !== undefined ? { category } : {}),
    sessionIds: sessions.map((s) => ids[s]),
    titles: distinctTitles(sorted),
    byTitle,
    latest: sessions[sessions.length - 1],
  };
}

/**
 * Themes that appear in at least `minSessions` of the last `lastSessions` sessions: titles that
 * overlap enough (grouped transitively), or a shared category other than 'other'. A category
 * theme that adds no session beyond a title theme is left out, since it says the same thing
 * less precisely. Sorted by number of sessions, title themes first on ties.
 */
export function findRecurringFriction(sessions: readonly SessionFriction[], options: RecurringFrictionOptions = {}): RecurringFriction[] {
  const lastSessions = options.lastSessions ?? 7;
  const minSessions = Math.max(1, options.minSessions ?? 3);
  const minSimilarity = options.minSimilarity ?? 0.5;

  const unique = new Map<string, SessionFriction>();
  for (const s of sessions) if (!unique.has(s.id)) unique.set(s.id, s);
  const recent = [...unique.values()]
    .sort((a, b) => b.start - a.start)
    .slice(0, Math.max(0, lastSessions))
    .reverse();
  const ids = recent.map((s) => s.id);
  const items: Item[] = recent.flatMap((s, session) =>
    s.friction
      .filter((f) => f.title.trim() !== '')
      .map((f) => ({ session, title: f.title.trim(), tokens: titleTokens(f.title), category: f.category })),
  );

  const parent = items.map((_, i) => i);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (jaccard(items[i].tokens, items[j].tokens) >= minSimilarity) parent[find(parent, j)] = find(parent, i);
    }
  }
  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(parent, i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });

  const themes: Theme[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((i) => i.session)).size < minSessions) continue;
    themes.push(makeTheme(representativeTitle(group), majorityCategory(group), group, ids, true));
  }
  const titleSessionSets = themes.map((t) => new Set(t.sessionIds));

  const byCategory = new Map<FrictionCategory, Item[]>();
  for (const item of items) {
    if (item.category === 'other') continue;
    const group = byCategory.get(item.category);
    if (group) group.push(item);
    else byCategory.set(item.category, [item]);
  }
  for (const [category, group] of byCategory) {
    const sessionSet = new Set(group.map((i) => ids[i.session]));
    if (sessionSet.size < minSessions) continue;
    if (titleSessionSets.some((set) => [...sessionSet].every((id) => set.has(id)))) continue;
    themes.push(makeTheme(`${category} friction`, category, group, ids, false));
  }

  themes.sort(
    (a, b) =>
      b.sessionIds.length - a.sessionIds.length ||
      Number(b.byTitle) - Number(a.byTitle) ||
      b.latest - a.latest ||
      a.theme.localeCompare(b.theme),
  );
  return themes.map(({ theme, category, sessionIds, titles }) => ({ theme, ...(category !== undefined ? { category } : {}), sessionIds, titles }));
}
