/**
 * What an author writes into a draft of any built-in layout: for each section only the author
 * fills, text that meets that layout's rules. Pure, so the unit tests and the integration test in
 * the real VS Code fill drafts the same way.
 */
import type { RetrospectiveTemplate, SectionKey } from '../../src/core/template/types';

const WRITTEN: Partial<Record<SectionKey, string>> = {
  summary: 'The session added the CSV export endpoint with its tests and fixed the quoting of fields that contain commas. The type-check stayed slow all afternoon.',
  wentWell: '### 1.1 Tests first\n\nWriting the quoting test before the fix caught the regression in the header row at once.',
  couldImprove: '### 2.1 Slow type-check\n\n**Problem**: every run of the type-check took forty seconds.\n**Impact**: about twenty minutes of waiting.\n**Fix**: run it in watch mode in a second terminal.',
  nextSteps: '### Immediate (P0, today)\n\n- [ ] Add a regression test for fields that contain line breaks\n\n### P1 (this week)\n\n- [ ] Document the export endpoint in the API guide',
  patterns: '- **Test before fix**: write the failing test first whenever a bug report names an input.',
  antiPatterns: '- **Guessing at slow builds**: measure the type-check before changing its configuration.',
  recommendations: '### Immediate\n\n- Run the type-check in watch mode.\n\n### Near-Term\n\n- Split the export module by format.\n\n### Strategic\n\n- Move the exports to a background job.',
  conclusion: 'The export works and is tested; the slow type-check is the one thing to fix before the next session.',
  goldenPath: '1. Write the quoting tests from the bug report.\n2. Fix the writer.\n3. Wire the endpoint and its route.',
  lessons: 'When a bug report names an input, turn that input into a failing test before touching the code: it fixed the scope of this phase in ten minutes.',
  planAlignment: '| Level | Plan | Status |\n|-------|------|--------|\n| Unit | quoting tests | met |\n| Integration | endpoint test | met |',
  improvementsNext: '- A watch-mode type-check started by the dev container.',
  workCompleted: '### Task 1: CSV export endpoint\n\n- Added the endpoint and its route in `src/routes.ts`.',
  taskStatus: '| Task | Status | Notes |\n|------|--------|-------|\n| CSV export endpoint | done | tested |\n| API guide | not started | next session |',
  criticalPath: 'The API guide blocks the release announcement.',
  blockersResolved: '- The quoting bug: fixed by escaping embedded quotes.',
  blockersRemaining: '- None: nothing blocks the next task.',
  deliverables: '- The `/export.csv` endpoint, with its tests.',
  risksMitigated: '- Broken CSV for names with commas: covered by the quoting tests.',
  sessionQuality: '**Rating**: 4/5, because the slow type-check cost twenty minutes.',
  handoffNotes: '- The branch is pushed; run `npm test` first, then start on the API guide.',
};

/** The draft with every hint of an author-filled section replaced by what an author would write. */
export function writeAuthorParts(draft: string, template: RetrospectiveTemplate): string {
  const lines = draft.split('\n');
  let section: SectionKey | undefined;
  const titles = new Map(template.sections.map((s) => [`${'#'.repeat(s.level)} ${s.title}`, s]));
  return lines.map((line) => {
    const heading = titles.get(line);
    if (heading) section = heading.fill === 'author' || heading.fill === 'both' ? heading.key : undefined;
    if (section === undefined || !line.startsWith('<!-- hint:')) return line;
    const text = WRITTEN[section];
    if (text === undefined) throw new Error(`no text for the ${section} section`);
    return text;
  }).join('\n');
}
