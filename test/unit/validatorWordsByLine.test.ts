import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { countWords, scanWords, wordsOf } from '../../src/core/validator/text';

/**
 * Text in a script without spaces is segmented one line at a time (whole-text segmentation is
 * quadratic in Node 20). The words must be exactly those of segmenting the whole text at once,
 * which is how the rules counted before; a line break is a word boundary on both sides.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

function wholeTextWords(text: string): string[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

function scanned(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (w) => out.push(w) > 0);
  return out;
}

const CORPUS = join(__dirname, '..', 'fixtures', 'retrospectives-corpus');
const UNSPACED_FILES = readdirSync(CORPUS).filter((f) => /^(?:thai|japanese|heldout-chinese)/.test(f));

const PIECES = [
  'ผมเขียนโค้ด', 'เรา', 'ทดสอบ', '私たちはテストを書いた', '失敗', '我们修复了', '錯誤', 'ສະບາຍດີ', 'ខ្មែរ', 'မြန်မာ',
  'well-known', "don't", '3.14', 'a_b', 'e.g.', 'x', 'I', '😀', '👩‍💻', '\u0301', '\u200d', '\u00a0', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r',
  '**', '- [ ] ', '1. ', '`code`', '|', '(part 2)', '。', '、', '，', '!', '?',
];

describe('scanWords on text without spaces between words', () => {
  it('gives the words of whole-text segmentation for every Thai, Japanese and Chinese corpus file', () => {
    assert.ok(UNSPACED_FILES.length >= 7, `expected the Thai, Japanese and Chinese corpus files, found ${UNSPACED_FILES.length}`);
    for (const f of UNSPACED_FILES) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      assert.deepEqual(scanned(text), wholeTextWords(text), f);
      assert.equal(countWords(text), wholeTextWords(text).length, f);
    }
  });

  it('gives the words of whole-text segmentation for random mixed text', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 80 }).map((p) => `ทดสอบ${p.join('')}`);
    fc.assert(fc.property(text, (t) => {
      assert.deepEqual(scanned(t), wholeTextWords(t));
      assert.deepEqual(wordsOf(t), wholeTextWords(t));
    }), { numRuns: 400 });
  });

  it('stops where the visitor says, across lines', () => {
    const text = 'ผมเขียนโค้ด\nเรา ทดสอบ\n\n私たちはテストを書いた';
    assert.deepEqual(wordsOf(text, 3), wholeTextWords(text).slice(0, 3));
    assert.equal(countWords(text, 4), 4);
  });

  it('keeps a long text without spaces linear: 1,500 lines of Thai in well under a second', () => {
    // Whole-text segmentation of this input takes minutes in Node 20 (each step of the
    // iterator costs in proportion to the input); one line at a time it is linear.
    const text = Array.from({ length: 1500 }, () => 'ควรเปิดดูบันทึกของระบบก่อนตั้งสมมติฐานเกี่ยวกับสาเหตุของปัญหา').join('\n');
    const cpu = process.cpuUsage();
    const n = countWords(text);
    const used = process.cpuUsage(cpu);
    assert.ok(n > 1500, `counted ${n}`);
    assert.ok((used.user + used.system) / 1000 < 1000, `took ${(used.user + used.system) / 1000} ms of CPU`);
  });
});
