// Issue 15: the validator's shortcuts each claim to give exactly what the plain computation gave.
// Each is checked here against that plain computation (written out as it was), on random text
// that mixes Thai, Japanese, Chinese, Latin, case pairs, apostrophes and backticks.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blankCodeSpans, parseDocument } from '../../src/core/validator/document';
import { readHeader } from '../../src/core/validator/header';
import { goodDoc } from './validatorFixture';
import { isFirstPerson, MAY_HOLD_FIRST_PERSON, occursAt } from '../../src/core/validator/text';

/** The code-span blanking as it was: the line split into characters, spans overwritten, joined. */
function blankCodeSpansByCharacters(line: string): string {
  if (!line.includes('`')) return line;
  const chars = line.split('');
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') { i++; continue; }
    let run = 0;
    while (line[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let search = i + run;
    let close = -1;
    while (search < line.length) {
      const at = line.indexOf(fence, search);
      if (at < 0) break;
      let len = 0;
      while (line[at + len] === '`') len++;
      if (len === run) { close = at; break; }
      search = at + len;
    }
    if (close < 0) { i += run; continue; }
    for (let k = i; k < close + run; k++) chars[k] = ' ';
    i = close + run;
  }
  return chars.join('');
}

const FIRST_PERSON_WORDS = ['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'ผม', 'ฉัน', 'เรา', 'ดิฉัน', 'พวกเรา', 'ข้าพเจ้า', 'กระผม', '私', 'わたし', '僕', 'ぼく', '俺', 'おれ', '我々', '私たち', '僕ら', '僕たち', '我', '我们', '我們'];

/** isFirstPerson as it was: lower case, cut at an apostrophe, looked up. */
function isFirstPersonPlain(word: string): boolean {
  return new Set(FIRST_PERSON_WORDS).has(word.toLowerCase().split(/['’]/)[0]);
}

const PIECES = [
  ...FIRST_PERSON_WORDS, 'I', 'ME', 'My', 'WE', 'Us', 'OUR', "I'm", "WE'VE", 'i’d', 'İ', 'ı', 'K', 'ſ', 'Σ', 'ς', 'ΜΥ',
  'ผมเอง', 'เราะ', '私立', '自我', 'ทดสอบ', 'テスト', '修复了', 'my-thing', 'mind', 'team', 'bus', 'x', '3', '_',
  ' ', '\t', '。', '、', '`', '``', '```', 'a`b', '**', '😀', '\u0301', '\u200d',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

describe('validator shortcuts give the plain computation\'s answer (issue 15)', () => {
  it('blanks code spans exactly as splitting the line into characters did', () => {
    fc.assert(fc.property(text, (line) => assert.equal(blankCodeSpans(line), blankCodeSpansByCharacters(line))), { numRuns: 3000 });
    for (const line of ['`a` b ``c`` ```', '``a`b``', '` x', 'x `y` `z', '`😀` `']) assert.equal(blankCodeSpans(line), blankCodeSpansByCharacters(line), line);
  });

  it('tells first-person words exactly as lower-casing and cutting each word did', () => {
    fc.assert(fc.property(text, (t) => {
      for (const s of segmenter.segment(t)) assert.equal(isFirstPerson(s.segment), isFirstPersonPlain(s.segment), s.segment);
    }), { numRuns: 1000 });
    for (const w of [...PIECES, 'Ourselves', 'MYSELF', "we've", 'İ', 'ı']) assert.equal(isFirstPerson(w), isFirstPersonPlain(w), w);
  });

  it('passes every line holding a first-person word through the pronoun filter, and stops a line with none of the pronouns in it', () => {
    fc.assert(fc.property(text, (line) => {
      const holds = [...segmenter.segment(line)].some((s) => s.isWordLike && isFirstPersonPlain(s.segment));
      if (holds) assert.ok(MAY_HOLD_FIRST_PERSON.test(line), line);
    }), { numRuns: 3000 });
    for (const word of FIRST_PERSON_WORDS) assert.ok(MAY_HOLD_FIRST_PERSON.test(`ทดสอบ ${word.toUpperCase()}'s テスト`), word);
    assert.equal(MAY_HOLD_FIRST_PERSON.test('ทดสอบปัญหา テスト 修复了 (part 3)'), false);
  });

  it('finds a part at an offset exactly as startsWith does', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 14 }), (s, part, at) => {
      assert.equal(occursAt(s, part, at), s.startsWith(part, at));
      const inside = s.slice(at % (s.length + 1), (at % (s.length + 1)) + 3);
      assert.equal(occursAt(s, inside, at % (s.length + 1)), true);
    }), { numRuns: 3000 });
  });

  it('reads header lines with a full-width colon as it reads them with a colon (the colon check before splitting a line)', () => {
    const good = goodDoc();
    const wide = good.replace(/^(\*\*[^*\n]+\*\*):/gm, '$1：');
    assert.notEqual(wide, good);
    const header = readHeader(parseDocument(good));
    assert.ok(header.startSeconds !== undefined && header.endSeconds !== undefined && header.day !== undefined);
    assert.deepEqual(readHeader(parseDocument(wide)), header);
  });
});
