// The no-placeholders rule must tell a placeholder left from a template ("TODO", "TBD - ask Sam",
// "Result: TBD", "[TODO]") from the same words used in captured history (a commit "Resolve FIXME
// in the retry loop", a file TODO.md) or in ordinary prose ("Turn every TODO comment into a
// tracked issue"). Only the first may fail: the second cannot be fixed without rewriting history.
import assert from 'node:assert/strict';
import { validateRetrospective } from '../../src/core/validator/validate';
import type { Finding } from '../../src/core/validator/types';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { JournalFixture } from './retrospectiveFixture';
import { edit, failedRules, goodDoc, lineOf } from './validatorFixture';

const SUMMARY_END = 'finishes in four seconds.\n';

/** good.md with `text` as a paragraph of its own after the Session Summary. */
function withParagraph(text: string): string {
  return edit(goodDoc(), SUMMARY_END, `${SUMMARY_END}\n${text}\n`);
}

/** Placeholder findings about text, leaving out the "section is empty" ones. */
function placeholderFindings(md: string): Finding[] {
  return validateRetrospective(md).findings.filter((f) => f.rule === 'no-placeholders' && !/section is empty/.test(f.message));
}

describe('no-placeholders: marker words in captured text and prose', () => {
  it('passes a commit subject mentioning FIXME in a timeline row and in a commits table', () => {
    let md = edit(goodDoc(), '| 12:18 | Commit `9b7e310` Move failed deliveries to a dead-letter table |',
      '| 12:18 | Commit 9b7e310: Resolve FIXME in the retry loop (1 file, +3 −1 on main) |');
    md = edit(md, '- `9b7e310` Move failed deliveries to a dead-letter table (3 files, +86 −14)',
      '\n| Commit | Subject | Files | Lines |\n| --- | --- | ---: | ---: |\n| `9b7e310` | Resolve FIXME in the retry loop | 1 | +3 −1 |');
    assert.ok(md.includes('| Resolve FIXME in the retry loop |'));
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('passes a file called TODO.md in a files table', () => {
    const md = edit(goodDoc(), '- `test/queue.test.ts` (6 saves, +41 −12)',
      '\n| File | Saves | Added | Removed |\n| --- | ---: | ---: | ---: |\n| TODO.md | 2 | — | — |');
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('passes a lesson that talks about TODO comments', () => {
    const md = edit(goodDoc(), '- Put a timeout', '- Turn every TODO comment into a tracked issue before merging.\n- Put a timeout');
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('passes marker words used as ordinary words in a sentence', () => {
    const sentences = [
      'I left a TODO in the parser and the FIXME count dropped to zero.',
      'Remove TODO markers before the release branch is cut.',
      'We replaced the TBD values in the config with real limits.',
      'The commit "Resolve TODO: retry" was amended twice.',
      'The TODO-list app was a distraction.',
    ];
    for (const text of sentences) assert.deepEqual(placeholderFindings(withParagraph(text)), [], text);
  });

  it('passes a draft rendered from a journal whose captured text mentions TODO and FIXME', () => {
    const j = new JournalFixture(Date.UTC(2026, 10, 22, 8, 0, 0));
    j.add({ kind: 'session-start', time: j.at(0), focus: 'Retry loop', folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
    j.saves(5, [['TODO.md', 2]]);
    j.add({ kind: 'friction', time: j.at(8), title: 'Chasing a stale TODO in the worker', category: 'other' });
    j.commit(10, 'aaaaaaa1111', 'Resolve FIXME in the retry loop', [['src/retry.ts', 3, 1]]);
    j.add({ kind: 'session-end', time: j.at(30), sessionType: 'feature' });
    const md = renderRetrospective(buildRetrospective(j.events, { now: j.at(30), utcOffsetMinutes: 60 }));
    // The captured words reach the draft's timeline, files table, commits table and friction list.
    assert.ok(md.split('\n').filter((l) => l.includes('TODO.md')).length >= 2);
    assert.ok(md.split('\n').filter((l) => l.includes('Resolve FIXME')).length >= 2);
    assert.ok(md.includes('Chasing a stale TODO'));
    assert.deepEqual(placeholderFindings(md), []);
  });
});

describe('no-placeholders: real placeholders still fail', () => {
  const paragraphs = [
    'TODO', 'TODO.', '**TBD**', '[TODO]', 'FIXME', 'xxx', 'TODO: write this', 'TBD - ask Sam which queue we use',
    '**FIXME** — describe the outage', 'Result: TBD', 'Owner — TBD', 'Deployed to (TBD) on Monday.',
    'The queue hung for an hour. TODO: measure it.', 'I checked it by hand, TODO: add the load test.',
    'Rollout date {TBD}.', '#### TBD', '- tbd', '| Saves | FIXME |', '> TODO',
  ];
  for (const text of paragraphs) {
    it(`fails ${JSON.stringify(text)} on its own line`, () => {
      const md = withParagraph(text);
      const findings = placeholderFindings(md);
      assert.deepEqual(findings.map((f) => f.line), [lineOf(md, text)]);
    });
  }

  it('fails a header value that is only a marker', () => {
    const md = edit(goodDoc(), '**Primary Focus**: Retry logic for the webhook delivery queue', '**Primary Focus**: TODO');
    assert.deepEqual(placeholderFindings(md).map((f) => f.line), [lineOf(md, '**Primary Focus**: TODO')]);
  });

  it('fails a table cell and a next step that are only a marker', () => {
    const timeline = edit(goodDoc(), '| 11:05 | Saved 14 files in `src/queue/` |', '| 11:05 | TBD |');
    assert.deepEqual(placeholderFindings(timeline).map((f) => f.line), [lineOf(timeline, '| 11:05 | TBD |')]);
    const steps = edit(goodDoc(), '- [ ] Split the integration suite', '- [ ] FIXME\n- [ ] Split the integration suite');
    assert.deepEqual(placeholderFindings(steps).map((f) => f.line), [lineOf(steps, '- [ ] FIXME')]);
  });

  it('still fails the other template slots', () => {
    for (const text of ['[fill in the summary]', '<describe the bug>', '...', 'pending', 'Lorem ipsum dolor sit amet.']) {
      const md = withParagraph(text);
      assert.deepEqual(placeholderFindings(md).map((f) => f.line), [lineOf(md, text)], text);
    }
  });
});
