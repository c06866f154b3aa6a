/**
 * Recognising sections by their heading. Retrospectives written by people and other tools
 * number, decorate and rename headings, so a heading is reduced to a normal form and looked
 * up among known synonyms instead of being compared literally.
 */

/** Canonical keys of the sections the validator knows. */
export const SECTION_KEYS = [
  'summary',
  'timeline',
  'technicalDetails',
  'diary',
  'wentWell',
  'couldImprove',
  'honestFeedback',
  'frictionPoints',
  'lessons',
  'nextSteps',
  'metrics',
  'validation',
] as const;

export type SectionKey = (typeof SECTION_KEYS)[number];

/** The heading Session Journal itself writes for each section. */
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  summary: 'Session Summary',
  timeline: 'Timeline',
  technicalDetails: 'Technical Details',
  diary: 'Session Diary',
  wentWell: 'What Went Well',
  couldImprove: 'What Could Improve',
  honestFeedback: 'Honest Feedback',
  frictionPoints: 'Friction Points',
  lessons: 'Lessons Learned',
  nextSteps: 'Next Steps',
  metrics: 'Metrics',
  validation: 'Retrospective Validation',
};

// Written in normal form (see normalizeHeading): lower case, no punctuation, single spaces.
const SYNONYMS: Readonly<Record<SectionKey, readonly string[]>> = {
  summary: ['session summary', 'summary', 'overview', 'session overview', 'executive summary'],
  timeline: ['timeline', 'session timeline', 'chronology'],
  technicalDetails: ['technical details', 'technical detail'],
  diary: ['diary', 'ai diary', 'session diary', 'journal', 'narrative', 'session narrative', 'session journal'],
  wentWell: ['what went well', 'went well', 'what worked', 'what worked well', 'what went right'],
  couldImprove: [
    'what could improve', 'what could be improved', 'what could have been better', 'what could go better',
    'challenges', 'what didnt go well', 'what did not go well', 'areas for improvement', 'what went wrong',
    'could improve', 'improvements', 'what could be better', 'what could have gone better', 'what to improve',
  ],
  honestFeedback: ['honest feedback', 'feedback', 'candid feedback'],
  frictionPoints: ['friction points', 'friction', 'pain points', 'friction log'],
  lessons: [
    'lessons learned', 'lessons learnt', 'key takeaways', 'takeaways', 'learnings', 'lessons', 'key learnings',
    'key insights', 'insights', 'key learnings captured', 'lessons captured', 'learnings captured',
  ],
  nextSteps: [
    'next steps', 'action items', 'follow up actions', 'follow ups', 'todo', 'to do', 'todos', 'next actions',
    'next session', 'pending', 'open items', 'remaining work',
  ],
  metrics: ['metrics', 'session metrics', 'stats', 'statistics', 'session stats', 'session statistics'],
  // Only the validator's own heading: Finish rewrites this section's body and the rules skip it
  // as prose, so a looser name ("Validation", "Validation Checklist") would claim a section the
  // user wrote about how they tested their work.
  validation: ['retrospective validation'],
};

const LOOKUP: ReadonlyMap<string, SectionKey> = new Map(
  SECTION_KEYS.flatMap((key) => SYNONYMS[key].map((name) => [name, key] as const)),
);

const MAX_HEADING_CHARS = 200;

/**
 * Reduces heading text to the form the synonym table uses: "## 🎯 Part 2: What Didn’t Go Well:"
 * becomes "what didnt go well".
 */
export function normalizeHeading(text: string): string {
  let s = text.slice(0, MAX_HEADING_CHARS).toLowerCase();
  s = s.replace(/[*_`~]/g, '').replace(/['’‘]/g, '');
  s = s.replace(/\([^()]*\)\s*$/, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Leading numbering: "2", "2 1", "part 2", "section ii", "step 3".
  s = s.replace(/^(?:(?:part|section|step|chapter)\s+(?:\d+|[ivxlc]+)\s+)/, '');
  s = s.replace(/^(?:\d+\s+)+/, '');
  return s;
}

/** The canonical section a heading names, or undefined when it names none. */
export function sectionKeyForHeading(text: string): SectionKey | undefined {
  return LOOKUP.get(normalizeHeading(text));
}

const HINTS: Readonly<Record<SectionKey, string>> = {
  summary: 'Two or three sentences: what the session set out to do and where it ended.',
  timeline: '| Time | Event |\n|------|-------|\n| HH:MM | What happened |',
  technicalDetails: '### Files Modified\n\n### Commits\n\n### Commands',
  diary: 'A first-person narrative of the session: what you tried, what surprised you, how it felt.',
  wentWell: '- What worked, and why it worked',
  couldImprove: '- What dragged, and what you would do differently',
  honestFeedback: 'A candid paragraph about the session.',
  frictionPoints: '1. **Title**: what dragged and what it cost.',
  lessons: '- A rule someone could apply on another project',
  nextSteps: '- [ ] A task specific enough to act on without a follow-up question',
  metrics: '| Metric | Value |\n|--------|-------|\n| Commits | 0 |',
  validation: '',
};

/**
 * The Markdown of a missing section, ready to insert: its heading and a hint kept in an HTML
 * comment, so the hint never renders and never counts as content.
 */
export function sectionSkeleton(key: SectionKey): string {
  const level = key === 'frictionPoints' ? '###' : '##';
  const hint = HINTS[key];
  const body = hint === '' ? '' : `<!-- hint: ${hint.replace(/-->/g, '-- >')} -->\n`;
  return `${level} ${SECTION_TITLES[key]}\n\n${body}`;
}
