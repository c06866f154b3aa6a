// A marker in capitals that opens a sentence, list item or table cell stands in for the text that
// should follow it ("TODO write this section"), even without a colon, and so do phrases that only
// promise content ("Fill in later"). The same words further into a sentence stay prose.
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

/** Asserts that exactly the line holding `text` is reported as a placeholder. */
function assertFlaggedOnce(md: string, text: string): void {
  assert.deepEqual(placeholderFindings(md).map((f) => f.line), [lineOf(md, text)], text);
}

describe('no-placeholders: a marker opening a sentence, item or cell without a colon', () => {
  // The strings the review found passing; each must now fail on its own line.
  const reviewed = [
    'TODO write this section', '- TODO add more lessons', 'TBD later', 'FIXME add numbers',
    'XXX fill in the timeline', 'Fill in later',
  ];
  for (const text of reviewed) {
    it(`fails ${JSON.stringify(text)}`, () => assertFlaggedOnce(withParagraph(text), text));
  }

  const variants = [
    '**TODO** write the summary', 'TBA 3 more tests', '> FIXME describe the outage',
    'The queue hung for an hour. TODO measure it.', 'I checked it by hand, TODO add the load test.',
    'Deployed on Monday (TBD confirm the date).', '1. XXX describe the friction here',
  ];
  for (const text of variants) {
    it(`fails ${JSON.stringify(text)}`, () => assertFlaggedOnce(withParagraph(text), text));
  }

  it('quotes the whole leftover clause in the message', () => {
    const [finding] = placeholderFindings(withParagraph('TODO write this section'));
    assert.match(finding.message, /"TODO write this section"/);
  });

  it('fails a table cell opened by a marker', () => {
    const md = edit(goodDoc(), '| 11:05 | Saved 14 files in `src/queue/` |', '| 11:05 | TODO check the logs |');
    assertFlaggedOnce(md, '| 11:05 | TODO check the logs |');
  });

  it('fails a next step opened by a marker', () => {
    const md = edit(goodDoc(), '- [ ] Split the integration suite', '- [ ] FIXME add a real step\n- [ ] Split the integration suite');
    assertFlaggedOnce(md, '- [ ] FIXME add a real step');
  });
});

describe('no-placeholders: phrases that only promise content', () => {
  const phrases = [
    'Fill in later', 'Fill this in later.', 'TBD later', 'tba later', 'todo later', 'Write this later',
    'Add more later', 'To be written.', 'To be done', '*To be decided*', 'Coming soon!',
  ];
  for (const text of phrases) {
    it(`fails ${JSON.stringify(text)}`, () => assertFlaggedOnce(withParagraph(text), text));
  }

  it('fails such a phrase as a whole list item', () => {
    const md = edit(goodDoc(), '- Put a timeout', '- To be written\n- Put a timeout');
    assertFlaggedOnce(md, '- To be written');
  });

  it('passes sentences that merely contain those words', () => {
    const sentences = [
      'Later that day the build went green.',
      'I will fill in the release form before Friday.',
      'The retry limit is still to be decided by the platform team.',
      'Coming soon after lunch, the fix took ten minutes.',
    ];
    for (const text of sentences) assert.deepEqual(placeholderFindings(withParagraph(text)), [], text);
  });
});

describe('no-placeholders: marker words that stay prose', () => {
  it('passes a marker further into a sentence', () => {
    const sentences = [
      'Resolve FIXME in the retry loop.',
      'Turn every TODO comment into an issue.',
      'We replaced the TBD values in the config with real limits.',
      'I grepped for XXX before the merge.',
    ];
    for (const text of sentences) assert.deepEqual(placeholderFindings(withParagraph(text)), [], text);
  });

  it('passes a marker naming something at the start of a sentence', () => {
    const sentences = ['TODO comments pile up when nobody owns them.', 'FIXME markers in the worker are gone.', 'TODO.md was renamed.'];
    for (const text of sentences) assert.deepEqual(placeholderFindings(withParagraph(text)), [], text);
  });

  it('passes mixed-case "Todo" and lower-case "todo" opening a real task', () => {
    let md = edit(goodDoc(), '- [ ] Split the integration suite', '- [ ] Todo app: add the login page to the demo\n- [ ] Split the integration suite');
    md = edit(md, SUMMARY_END, `${SUMMARY_END}\ntodo lists helped me keep track of the queue work.\n`);
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('passes a file TODO.md and a subject with FIXME in table cells', () => {
    let md = edit(goodDoc(), '- `test/queue.test.ts` (6 saves, +41 −12)',
      '\n| File | Saves | Added | Removed |\n| --- | ---: | ---: | ---: |\n| TODO.md | 2 | — | — |');
    md = edit(md, '| 12:18 | Commit `9b7e310` Move failed deliveries to a dead-letter table |',
      '| 12:18 | Resolve FIXME in the retry loop |');
    assert.deepEqual(failedRules(validateRetrospective(md)), []);
  });

  it('passes a draft whose captured commit says "Resolve FIXME in the retry loop"', () => {
    const j = new JournalFixture(Date.UTC(2026, 10, 22, 8, 0, 0));
    j.add({ kind: 'session-start', time: j.at(0), focus: 'Retry loop', folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
    j.saves(5, [['TODO.md', 2]]);
    j.commit(10, 'aaaaaaa1111', 'Resolve FIXME in the retry loop', [['src/retry.ts', 3, 1]]);
    j.add({ kind: 'session-end', time: j.at(30), sessionType: 'feature' });
    const md = renderRetrospective(buildRetrospective(j.events, { now: j.at(30), utcOffsetMinutes: 60 }));
    assert.ok(md.includes('Resolve FIXME in the retry loop'));
    assert.deepEqual(placeholderFindings(md), []);
  });
});
