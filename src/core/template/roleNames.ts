/**
 * The headings people give the sections every layout shares. A reader who writes "What Went
 * Right" or "Key Metrics" means the same section whichever template the file follows, so these
 * names are one list per role, and a template adds only the names peculiar to its own layout
 * (the report's "Strengths", the handoff's "Numbers").
 */
export const SUMMARY_NAMES = ['summary', 'session summary', 'executive summary', 'overview', 'session overview', 'tldr', 'tl dr'] as const;

export const WENT_WELL_NAMES = ['what went well', 'went well', 'what worked', 'what worked well', 'what went right', 'successes', 'wins'] as const;

export const COULD_IMPROVE_NAMES = [
  'what could improve', 'could improve', 'what could be improved', 'what could be better', 'what could have been better',
  'what could go better', 'what could have gone better', 'what to improve', 'what didnt go well', 'what did not go well',
  'what went wrong', 'areas for improvement', 'challenges',
] as const;

export const METRICS_NAMES = ['metrics', 'session metrics', 'key metrics', 'metrics summary', 'stats', 'statistics', 'session stats', 'session statistics', 'numbers'] as const;
