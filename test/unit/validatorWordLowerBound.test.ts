import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { countWords, wordsAtLeast } from '../../src/core/validator/text';

/**
 * countWords skips Intl.Segmenter when a cheap count already proves "at least the limit", so
 * that count must never exceed the segmenter's: checked on every line of the corpus and on
 * random text built from the characters the bound treats specially and their neighbours.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

function segmenterCount(text: string): number {
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

const CORPUS = join(__dirname, '..', 'fixtures', 'retrospectives-corpus');

const PIECES = [
  // Words and the scripts the bound counts.
  '我们修复了', '錯誤', '私たちはテストを書いた', 'カタカナ', 'ー', 'ｶﾀｶﾅ', 'ผมเขียนโค้ด', 'เรา', 'ๆ', 'ฯ', '\u0e31', 'ສະບາຍດີ', 'ខ្មែរ',
  'a', 'I', "don't", 'well-known', 'a_b', '_', 'e.g.', '3', '3.14', '1,000', 'x2', '𠀋', '〆', '々', 'サーバー', '・', 'ะ', 'เ', '\u0e48',
  // What it treats as breaks, and the joiners it treats as breaks only after Han or hiragana.
  ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '、', '。', '！', '？', '（', '）', '「', '」', '《', '》', '【', '】', '!', '?', '(', ')', '[', ']', '{', '}',
  '，', '；', '：', ',', ';', ':', '.', "'", '’', '_', '-', '"',
  // What could join across a break: marks, format characters, joiners.
  '\u0301', '\u200d', '\u200b', '\ufeff', '\u00ad', '😀', '👩‍💻', '🇯🇵', '**', '`code`', '|', '(part 2)',
];

describe('wordsAtLeast: the lower bound countWords uses to skip segmenting', () => {
  it('never counts more words than Intl.Segmenter on any line of the corpus', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 10, `expected the corpus, found ${files.length} files`);
    let lines = 0;
    for (const f of files) {
      for (const line of readFileSync(join(CORPUS, f), 'utf8').split('\n')) {
        lines++;
        const bound = wordsAtLeast(line, Infinity);
        assert.ok(bound <= segmenterCount(line), `${f}: ${bound} > ${segmenterCount(line)} on "${line.slice(0, 60)}"`);
      }
    }
    assert.ok(lines > 500);
  });

  it('never counts more words than Intl.Segmenter on random mixed text', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => wordsAtLeast(t, Infinity) <= segmenterCount(t)), { numRuns: 3000 });
  });

  it('is close enough to settle a minimum on Chinese prose (most clauses are one run)', () => {
    const prose = '今天我们修复了队列的重试逻辑。测试在本地通过，但在持续集成上失败了两次；我先看了日志，再改了超时。';
    assert.ok(wordsAtLeast(prose, Infinity) >= 4, `bound ${wordsAtLeast(prose, Infinity)}`);
  });

  it('leaves countWords exact: the same counts with and without the shortcut, at and below any limit', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((p) => `ทดสอบ${p.join('')}`);
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 40 }), (t, limit) => {
      assert.equal(countWords(t, limit), Math.min(limit, segmenterCount(t)));
    }), { numRuns: 1500 });
  });
});
