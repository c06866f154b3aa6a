// Issue 16: header fields wherever a reader finds them, and words counted as Intl.Segmenter counts them.
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/validator/document';
import { readHeader } from '../../src/core/validator/header';
import { countWords, wordsOf } from '../../src/core/validator/text';

function header(markdown: string): Record<string, string | number | undefined> {
  const h = readHeader(parseDocument(markdown));
  return {
    ...Object.fromEntries(Object.entries(h.fields).map(([k, v]) => [k, v.value])),
    startSeconds: h.startSeconds, endSeconds: h.endSeconds, utcOffsetMinutes: h.utcOffsetMinutes,
  };
}

const at = (h: number, m: number): number => h * 3600 + m * 60;

describe('validator header shapes (issue 16)', () => {
  it('reads start, end, zone and duration from one range', () => {
    const h = header('# Retro\n\n**Date**: 2026-11-03\n**Time**: 09:00 - 09:54 GMT+7 (~54 minutes)\n\n## Timeline\n');
    assert.equal(h.startSeconds, at(9, 0));
    assert.equal(h.endSeconds, at(9, 54));
    assert.equal(h.utcOffsetMinutes, 7 * 60);
    assert.equal(h.duration, '~54 minutes');
  });

  it('reads a Start/End label, a one-line session header and an am/pm range with its date', () => {
    assert.equal(header('- **Start/End**: 22:14 - 22:42\n\n## Timeline\n').endSeconds, at(22, 42));
    const line = header('# Retrospective — 2026-11-12\n\n📡 Session: Webhook retries | ~1h 54m (14:17 → 16:11 GMT+7)\n\n## Timeline\n');
    assert.deepEqual([line.focus, line.duration, line.startSeconds, line.endSeconds, line.date], ['Webhook retries', '~1h 54m', at(14, 17), at(16, 11), '2026-11-12']);
    const ampm = header('**Session**: 2026-11-21, 9:05 am to 11:40 am (2h 35m)\n\n## Timeline\n');
    assert.deepEqual([ampm.focus, ampm.date, ampm.startSeconds, ampm.endSeconds, ampm.duration], [undefined, '2026-11-21', at(9, 5), at(11, 40), '2h 35m']);
  });

  it('reads front matter keys in any style, and fields under the summary or above the timeline', () => {
    const yaml = header('---\nstart_time: "13:02"\nendTime: "14:48"\nSession Type: bug fix\n---\n\n# Retro\n\n## Timeline\n');
    assert.deepEqual([yaml.startSeconds, yaml.endSeconds, yaml.type], [at(13, 2), at(14, 48), 'bug fix']);
    const under = header('# Retro\n\n## Session Summary\n\n**Start Time**: 08:30\n\nDone.\n\n## Timeline\n\n**Date**: 2026-11-20\n\n| Time | Event |\n|---|---|\n| 08:30 | x |\n');
    assert.deepEqual([under.startSeconds, under.date], [at(8, 30), '2026-11-20']);
  });

  it('does not take a time from a sentence that is no header field', () => {
    const h = header('# Retro\n\n## Session Summary\n\nWe met at 09:00 - 10:00 to plan.\n\n## Timeline\n');
    assert.deepEqual([h.startSeconds, h.endSeconds], [undefined, undefined]);
  });

  it('counts Thai and Japanese words as Intl.Segmenter does, and stops at a limit', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const text of ['วันนี้ผมแก้บั๊กเรื่องการเชื่อมต่อฐานข้อมูล', '私たちは午前中ずっとテストの失敗を調べていました。', '今天我一直在排查报表导出变慢的问题。']) {
      const expected = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
      assert.ok(expected.length > 5);
      assert.deepEqual(wordsOf(text), expected);
      assert.equal(countWords(text), expected.length);
      assert.equal(countWords(text, 3), 3);
    }
    assert.equal(countWords('plain English words, four'), 4);
  });
});
