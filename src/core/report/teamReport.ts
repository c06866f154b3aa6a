/**
 * The team report's figures, from the retrospectives and metrics logs found under the folders
 * (several people, several repositories): what `session-journal report --json` prints and what
 * renderTeamReport.ts writes as Markdown.
 */
import { frictionThemes } from './frictionThemes';
import type { MetricsLogEntry } from './metricsLogRows';
import type { RetrospectiveFacts } from './scanRetrospective';

/** A session as the report lists it. */
export interface SessionRef {
  readonly file: string;
  readonly source: string;
  readonly day?: string;
}

export interface WeekFigures {
  /** Monday of the ISO week, YYYY-MM-DD. */
  readonly week: string;
  readonly sessions: number;
  readonly activeMinutes: number;
  /** Commits the metrics logs list for the week. */
  readonly commits: number;
  readonly friction: number;
}

export interface ThemeFigures {
  readonly theme: string;
  readonly titles: string[];
  /** Sources (people, repositories) the theme came from. */
  readonly sources: string[];
  readonly sessions: SessionRef[];
}

export interface TeamReport {
  readonly since?: string;
  readonly sources: string[];
  readonly retrospectives: number;
  /** Retrospectives without a date: counted, but in no week. */
  readonly undated: number;
  readonly first?: string;
  readonly last?: string;
  readonly weeks: WeekFigures[];
  /** Friction points per session, in date order. */
  readonly frictionPerSession: (SessionRef & { readonly friction: number })[];
  readonly themes: ThemeFigures[];
  readonly validation: { readonly passed: number; readonly total: number; readonly fromChecklist: number; readonly validatedNow: number };
  readonly carriedOver: { readonly done: number; readonly total: number; readonly retrospectives: number };
  /** Metrics-log rows, and those whose retrospective is not among the files read. */
  readonly metricsLog: { readonly rows: number; readonly withoutRetrospective: number };
}

const DAY = 86_400_000;

/** Monday of the ISO week a YYYY-MM-DD day falls in. */
export function weekOf(day: string): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

const byDate = (a: { day?: string; start?: string; file: string }, b: { day?: string; start?: string; file: string }) =>
  (a.day ?? '9999').localeCompare(b.day ?? '9999') || (a.start ?? '').localeCompare(b.start ?? '') || a.file.localeCompare(b.file);

const ref = (r: RetrospectiveFacts): SessionRef => ({ file: r.file, source: r.source, ...(r.day !== undefined ? { day: r.day } : {}) });

/** The report's figures; `since` (YYYY-MM-DD) leaves out sessions and rows before that day. */
export function buildTeamReport(retrospectives: readonly RetrospectiveFacts[], metrics: readonly MetricsLogEntry[], since?: string): TeamReport {
  const kept = retrospectives.filter((r) => since === undefined || (r.day !== undefined && r.day >= since)).sort(byDate);
  const rows = metrics.filter((m) => since === undefined || m.day >= since);

  const weeks = new Map<string, { sessions: number; activeMinutes: number; commits: number; friction: number }>();
  const weekFor = (day: string) => {
    const key = weekOf(day);
    let w = weeks.get(key);
    if (!w) weeks.set(key, (w = { sessions: 0, activeMinutes: 0, commits: 0, friction: 0 }));
    return w;
  };
  for (const r of kept) {
    if (r.day === undefined) continue;
    const w = weekFor(r.day);
    w.sessions++;
    w.activeMinutes += r.activeMinutes ?? 0;
    w.friction += r.friction.length;
  }
  const known = new Set(kept.map((r) => `${r.source}\n${r.day}\n${r.start ?? ''}`));
  let withoutRetrospective = 0;
  for (const m of rows) {
    weekFor(m.day).commits += m.commits;
    // A log lists the sessions of its own folder: its row matches a retrospective from the same source.
    if (!known.has(`${m.source}\n${m.day}\n${m.start ?? ''}`)) withoutRetrospective++;
  }

  const mentions = kept.flatMap((r, session) => r.friction.map((title) => ({ title, session })));
  const themes = frictionThemes(mentions).map((t) => {
    const sessions = t.sessions.map((i) => kept[i]);
    return { theme: t.theme, titles: t.titles, sources: [...new Set(sessions.map((s) => s.source))].sort(), sessions: sessions.map(ref) };
  });

  const withChecklist = kept.filter((r) => r.verdictFrom === 'checklist').length;
  const carried = kept.filter((r) => r.carriedOver !== undefined);
  const dated = kept.filter((r) => r.day !== undefined);
  return {
    ...(since !== undefined ? { since } : {}),
    sources: [...new Set([...kept.map((r) => r.source), ...rows.map((m) => m.source)])].sort(),
    retrospectives: kept.length,
    undated: kept.length - dated.length,
    ...(dated.length > 0 ? { first: dated[0].day, last: dated[dated.length - 1].day } : {}),
    weeks: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, w]) => ({ week, ...w })),
    frictionPerSession: dated.map((r) => ({ ...ref(r), friction: r.friction.length })),
    themes,
    validation: { passed: kept.filter((r) => r.passed).length, total: kept.length, fromChecklist: withChecklist, validatedNow: kept.length - withChecklist },
    carriedOver: {
      done: carried.reduce((n, r) => n + (r.carriedOver?.done ?? 0), 0),
      total: carried.reduce((n, r) => n + (r.carriedOver?.total ?? 0), 0),
      retrospectives: carried.length,
    },
    metricsLog: { rows: rows.length, withoutRetrospective },
  };
}
