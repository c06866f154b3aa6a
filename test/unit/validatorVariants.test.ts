import { sectionsOf } from '../../src/core/template/headings';
import { SESSION_TEMPLATE } from '../../src/core/template/sessionTemplate';
import assert from 'node:assert/strict';
import { validateRetrospective } from '../../src/core/validator/validate';
import { findSections } from '../../src/core/validator/sections';
import { normalizeHeading, sectionKeyForHeading, sectionSkeleton, SECTION_KEYS } from '../../src/core/validator/sectionNames';
import { edit, failedRules, goodDoc, lineOf, replaceBody } from './validatorFixture';

function renameHeadings(md: string, names: Record<string, string>): string {
  let out = md;
  for (const [from, to] of Object.entries(names)) out = edit(out, `\n${from}\n`, `\n${to}\n`);
  return out;
}

const TIMELINE_TABLE = /\| Time \| Event \|\n[\s\S]*?\| 12:40 \| Session ended \|/;

const SESSION_KEYS: readonly string[] = sectionsOf(SESSION_TEMPLATE).map((s) => s.key);

describe('validator heading variants', () => {
  it('recognises numbered, emoji and synonym headings', () => {
    const md = renameHeadings(goodDoc(), {
      '## Session Summary': '## 1. Overview',
      '## Timeline': '## Part 2: Session Timeline',
      '## Session Diary': '## 📓 AI Diary:',
      '## What Went Well': '## 🎯 What Went Well',
      '## What Could Improve': "## What Didn't Go Well",
      '## Honest Feedback': '## 6) Candid Feedback',
      '### Friction Points': '### Pain Points',
      '## Lessons Learned': '## Key Takeaways',
      '## Next Steps': '## Follow-Up Actions',
      '## Metrics': '## 📊 Statistics',
    });
    assert.deepEqual(failedRules(validateRetrospective(md, {}, { commits: 2 })), []);
  });

  it('accepts every section at level 3 and friction points at level 2', () => {
    const level3 = goodDoc().replace(/^## /gm, '### ');
    assert.deepEqual(failedRules(validateRetrospective(level3)), []);
    const level2 = edit(goodDoc(), '### Friction Points', '## Friction Points');
    assert.deepEqual(failedRules(validateRetrospective(level2)), []);
  });

  it('maps the documented synonyms to their sections', () => {
    const cases: [string, string][] = [
      ['What Could Be Improved', 'couldImprove'], ['What Could Have Been Better', 'couldImprove'], ['Challenges', 'couldImprove'],
      ['Areas for Improvement', 'couldImprove'], ['What Didn’t Go Well', 'couldImprove'], ['Action Items', 'nextSteps'],
      ['Todo', 'nextSteps'], ['Learnings', 'lessons'], ['Lessons', 'lessons'], ['Journal', 'diary'], ['Narrative', 'diary'],
      ['Summary', 'summary'], ['Feedback', 'honestFeedback'], ['Friction', 'frictionPoints'], ['Session Metrics', 'metrics'],
      ['Stats', 'metrics'], ['Chronology', 'timeline'], ['**Next Steps**', 'nextSteps'], ['NEXT STEPS:', 'nextSteps'],
      ['Part IV: Lessons Learned', 'lessons'], ['3.2 Timeline', 'timeline'], ['✅ Retrospective Validation', 'validation'],
    ];
    for (const [heading, key] of cases) assert.equal(sectionKeyForHeading(heading), key, heading);
    assert.equal(sectionKeyForHeading('Files Modified'), undefined);
    assert.equal(sectionKeyForHeading('Timeline of the project history'), undefined);
    assert.equal(normalizeHeading('## 🎯 Part 2: What Didn’t Go Well:'.slice(3)), 'what didnt go well');
  });

  it('findSections gives heading lines and body ranges', () => {
    const md = goodDoc();
    const sections = findSections(md);
    const feedback = sections.find((s) => s.key === 'honestFeedback');
    const friction = sections.find((s) => s.key === 'frictionPoints');
    assert.equal(feedback?.line, lineOf(md, '## Honest Feedback'));
    assert.equal(friction?.line, lineOf(md, '### Friction Points'));
    assert.equal(friction?.level, 3);
    // Honest Feedback contains its Friction Points subsection; both end before Lessons Learned.
    assert.equal(feedback?.bodyEndLine, lineOf(md, '## Lessons Learned') - 1);
    assert.equal(friction?.bodyEndLine, feedback?.bodyEndLine);
    assert.equal(sections.find((s) => s.key === 'technicalDetails')?.heading, 'Technical Details');
  });

  it('sectionSkeleton gives a heading and a hint that does not count as content', () => {
    // The session layout's own sections; the other layouts' skeletons are tested with them.
    for (const key of SECTION_KEYS.filter((k) => sectionSkeleton(k) !== '' || SESSION_KEYS.includes(k))) {
      const skeleton = sectionSkeleton(key);
      assert.equal(findSections(skeleton)[0]?.key, key, skeleton);
    }
    assert.match(sectionSkeleton('nextSteps'), /^## Next Steps\n\n<!-- hint: /);
    assert.match(sectionSkeleton('frictionPoints'), /^### Friction Points/);
    // Inserting a skeleton for a missing section fixes required-sections but leaves it empty.
    const without = edit(goodDoc(), /## What Went Well\n[\s\S]*?(?=## What Could Improve)/, '');
    const fixed = edit(without, '## What Could Improve', `${sectionSkeleton('wentWell')}\n## What Could Improve`);
    assert.deepEqual(failedRules(validateRetrospective(fixed)), ['no-placeholders']);
  });
});

describe('validator timeline', () => {
  const listTimeline = [
    '- 09:12 — Session started',
    '- **09:31** `npm test` failed',
    '- [09:58] Friction: the integration test hangs',
    '- 10:24:05 Commit `4f2a9c1`',
    '- 12:40 - Session ended',
  ].join('\n');

  it('accepts a list whose items begin with a time', () => {
    const md = edit(goodDoc(), TIMELINE_TABLE, listTimeline);
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('rejects invalid times and rows without a time, on their lines', () => {
    const md = edit(edit(goodDoc(), '| 10:24 |', '| 25:24 |'), '| 11:05 |', '| soon |');
    const findings = validateRetrospective(md).findings.filter((f) => f.rule === 'timeline-times');
    assert.deepEqual(findings.map((f) => f.line), [lineOf(md, '| 25:24 |'), lineOf(md, '| soon |')]);
    assert.match(findings[0].message, /"25:24" is not a valid time/);
  });

  it('rejects rows outside the session, with one minute of slack', () => {
    const early = edit(goodDoc(), '| 09:12 | Session started |', '| 09:11 | Session started |');
    assert.deepEqual(failedRules(validateRetrospective(early)), []);
    const tooEarly = edit(goodDoc(), '| 09:12 | Session started |', '| 09:05 | Session started |');
    const finding = validateRetrospective(tooEarly).findings.find((f) => f.rule === 'timeline-times');
    assert.match(finding?.message ?? '', /outside the session \(09:12 to 12:40\)/);
  });

  it('rejects a timeline without rows', () => {
    const md = edit(goodDoc(), TIMELINE_TABLE, 'Nothing was captured.');
    assert.deepEqual(failedRules(validateRetrospective(md)), ['timeline-times']);
  });

  const midnightHeader = (md: string): string =>
    edit(edit(edit(md, '**Start Time**: 09:12', '**Start Time**: 23:10'), '**End Time**: 12:40', '**End Time**: 01:20'),
      '**Duration**: 3h 28m wall clock, 2h 51m active', '**Duration**: 2h 10m');

  it('accepts a session spanning midnight grouped under day subheadings', () => {
    const timeline = [
      '### 2026-11-22', '', '| Time | Event |', '|---|---|', '| 23:10 | Session started |', '| 23:48 | Commit `4f2a9c1` |', '',
      '### 2026-11-23', '', '| Time | Event |', '|---|---|', '| 00:30 | Tests passed |', '| 01:20 | Session ended |',
    ].join('\n');
    const md = edit(midnightHeader(goodDoc()), TIMELINE_TABLE, timeline);
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
    const wrong = edit(md, '| 00:30 | Tests passed |', '| 01:40 | Tests passed |');
    const findings = validateRetrospective(wrong).findings.filter((f) => f.rule === 'timeline-times');
    assert.deepEqual(findings.map((f) => f.line), [lineOf(wrong, '| 01:40 |'), lineOf(wrong, '| 01:20 |')]);
  });

  it('accepts a midnight-spanning list without subheadings but still catches disorder', () => {
    const list = '- 23:10 Session started\n- 23:55 Commit\n- 00:40 Tests passed\n- 01:20 Session ended';
    const md = edit(midnightHeader(goodDoc()), TIMELINE_TABLE, list);
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
    const disordered = edit(md, '- 23:55 Commit', '- 23:55 Commit\n- 23:30 Saved');
    const finding = validateRetrospective(disordered).findings.find((f) => f.rule === 'timeline-times');
    assert.equal(finding?.line, lineOf(disordered, '- 23:30 Saved'));
  });

  it('treats subheadings as new days even without header times', () => {
    const noTimes = edit(edit(goodDoc(), '**Start Time**: 09:12 (UTC+01:00)\n', ''), '**End Time**: 12:40 (UTC+01:00)\n', '');
    const timeline = '### 2026-11-22\n\n- 23:10 start\n- 23:50 commit\n\n### 2026-11-23\n\n- 00:10 end';
    const md = edit(noTimes, TIMELINE_TABLE, timeline);
    assert.deepEqual(failedRules(validateRetrospective(md)), ['header-fields']);
    const flat = edit(noTimes, TIMELINE_TABLE, '- 23:10 start\n- 23:50 commit\n- 00:10 end');
    assert.deepEqual(failedRules(validateRetrospective(flat)), ['header-fields', 'timeline-times']);
  });
});

describe('validator and HTML comments', () => {
  it('ignores hints in comments: no placeholders, no words, lines unchanged', () => {
    const hint = '<!-- hint: TODO <your name> [insert summary] lorem ipsum ...\nspanning two lines -->';
    const md = edit(goodDoc(), '## Session Summary\n', `## Session Summary\n\n${hint}\n`);
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
    const longHint = `<!-- hint: ${'I wrote my words here. '.repeat(60)} -->`;
    const shortDiary = replaceBody(md, '## Session Diary', `${longHint}\nI fixed it and I was happy with my work.`);
    const result = validateRetrospective(shortDiary);
    assert.deepEqual(failedRules(result), ['diary-length']);
    assert.match(result.findings[0].message, /has 10 words/);
    const broken = edit(shortDiary, '| 11:05 |', '| 08:05 |');
    const finding = validateRetrospective(broken).findings.find((f) => f.rule === 'timeline-times');
    assert.equal(finding?.line, lineOf(broken, '| 08:05 |'));
  });

  it('treats a section holding only a comment hint as empty', () => {
    const md = replaceBody(goodDoc(), '## What Went Well', '<!-- hint: what worked, and why -->');
    const result = validateRetrospective(md);
    assert.deepEqual(failedRules(result), ['no-placeholders']);
    assert.equal(result.findings[0].line, lineOf(md, '## What Went Well'));
  });

  it('does not look for placeholders inside code', () => {
    const md = edit(goodDoc(), 'finishes in four seconds.', 'finishes in four seconds. I grepped for `TODO` and `<name>`.\n\n```\n// TODO: lorem ipsum <your name>\n```');
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('finds the usual placeholders', () => {
    const cases = ['Reviewed by <your name>.', '[Insert summary here]', 'Lorem ipsum dolor sit amet.', '...', '- pending', 'Result: TBD', '| Saves | … |'];
    for (const text of cases) {
      const md = edit(goodDoc(), 'finishes in four seconds.\n', `finishes in four seconds.\n\n${text}\n`);
      const result = validateRetrospective(md);
      assert.ok(failedRules(result).includes('no-placeholders'), text);
      assert.equal(result.findings.find((f) => f.rule === 'no-placeholders')?.line, lineOf(md, text), text);
    }
    const fine = edit(goodDoc(), 'finishes in four seconds.', 'finishes in four seconds.<br> The pending queue drained; a < 3 > 1 holds. See <https://example.com>.');
    assert.deepEqual(failedRules(validateRetrospective(fine)), []);
  });
});
