/**
 * The next steps a retrospective hands to the next session, read from literal Markdown in the
 * layouts people write (session, report, phase, handoff), and from a real finished retrospective:
 * one this code base finished (finishText) and wrote to disk, read back as Start Session reads it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { carriedOverList } from '../../src/core/handoff/carriedOver';
import { isFinishedRetrospective, newestFirst } from '../../src/core/handoff/finishedRetrospective';
import { isNextStepsHeading, nextStepsOf } from '../../src/core/handoff/nextSteps';
import { finishText } from '../../src/core/retrospective/finish';

describe('handoff: next steps of a retrospective', () => {
  it('reads the open task items of a "## Next Steps" section, not the ticked ones nor other sections', () => {
    const md = [
      '# Session Retrospective', '', '## What Went Well', '', '- [ ] not a next step', '',
      '## Next Steps', '', '- [ ] Split the queue suite', '- [x] Already shipped', '- [ ] Write the **migration** note <!-- hint: be specific -->', '',
      '## Metrics', '', '- [ ] nor this',
    ].join('\n');
    assert.deepEqual(nextStepsOf(md), ['Split the queue suite', 'Write the migration note']);
  });

  it('accepts the headings of the other layouts, numbered, decorated and in any case', () => {
    for (const heading of [
      '## 4. Action Items', '## Part 3: Action Items (Prioritised)', '### 🚀 Next Session Recommendations', '## Handoff Notes',
      '## NEXT STEPS', '## 7.1 Next steps', '## Action Items by Priority', '## Next Steps (Mandatory)', '## ✅ Next steps:',
    ]) {
      assert.ok(isNextStepsHeading(heading.replace(/^#+\s*/, '')), heading);
      assert.deepEqual(nextStepsOf(`${heading}\n\n- Do the thing\n`), ['Do the thing'], heading);
    }
    for (const other of ['Next Steps Taken Last Week Were Fine? no', 'Metrics', 'Key Takeaway', 'Recommendations']) {
      assert.equal(isNextStepsHeading(other), other === 'Next Steps Taken Last Week Were Fine? no', other);
    }
  });

  it('reads a report\'s Action Items grouped by priority in subsections, checkbox and plain items alike', () => {
    const md = [
      '# Retrospective Report: queue rework', '',
      '## 3. Action Items', '',
      '### Immediate (P0 — today)', '', '- [ ] **Fix** the flaky receiver test', '- [x] Revert the bad config', '',
      '### P1 — this week', '', '1. Add a dashboard for dead letters', '2. Document the socket behaviour', '   - with a diagram', '   - and the timeouts', '',
      '### P2 — this sprint', '', '* Split the suite so it runs under a minute', '',
      '## 4. Patterns to Replicate', '', '- Small commits',
    ].join('\n');
    assert.deepEqual(nextStepsOf(md), [
      'Fix the flaky receiver test', 'Add a dashboard for dead letters', 'Document the socket behaviour', 'Split the suite so it runs under a minute',
    ]);
  });

  it('joins an item\'s continuation lines, skips code blocks and lists each step once across sections', () => {
    const md = [
      '## Next Session Recommendations', '',
      '- Start with the migration: it blocks', '  the release and the docs.', '',
      '```md', '- [ ] not an item, a code sample', '```', '',
      '## Handoff Notes', '',
      'The plan is in PLAN.md. Remaining:', '',
      '- start with the migration: it blocks the release and the docs.', '- Ask Dana about the token scopes',
    ].join('\n');
    assert.deepEqual(nextStepsOf(md), ['Start with the migration: it blocks the release and the docs.', 'Ask Dana about the token scopes']);
  });

  it('finds nothing in a retrospective without a next-steps section, or with an empty one', () => {
    assert.deepEqual(nextStepsOf('# Retro\n\n## Summary\n\n- did things\n'), []);
    assert.deepEqual(nextStepsOf('## Next Steps\n\n<!-- hint: task items -->\n\n## Metrics\n'), []);
  });

  it('builds the carried-over list from a real finished retrospective file, written and read back from disk', () => {
    const draft = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'retrospectives', 'good.md'), 'utf8');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-handoff-'));
    try {
      // Before Finish the file is a draft: it hands nothing over.
      fs.writeFileSync(path.join(dir, '2026-12-03_0900_draft.md'), draft.replace(/## Retrospective Validation[\s\S]*$/, ''));
      const finished = finishText(draft, undefined).text;
      fs.writeFileSync(path.join(dir, '2026-12-02_1400_queue.md'), finished);
      const files = fs.readdirSync(dir).map((name) => ({ name, mtimeMs: fs.statSync(path.join(dir, name)).mtimeMs }));
      const texts = newestFirst(files).map((f) => fs.readFileSync(path.join(dir, f.name), 'utf8'));
      const latest = texts.find(isFinishedRetrospective);
      assert.ok(latest, 'the finished one is found');
      const list = carriedOverList(nextStepsOf(latest), ['Add a metric for dead-letter table growth to the delivery dashboard', 'Tag the release']);
      assert.deepEqual(list, [
        { id: 'r1', text: 'Document the fake receiver\'s socket behaviour in `test/helpers/README.md`', from: 'retrospective' },
        { id: 'r2', text: 'Add a metric for dead-letter table growth to the delivery dashboard', from: 'retrospective' },
        { id: 'r3', text: 'Split the integration suite so queue tests run in under a minute', from: 'retrospective' },
        { id: 'p1', text: 'Tag the release', from: 'plan' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a draft End Session wrote for unfinished, and a file Finish wrote for finished', () => {
    assert.equal(isFinishedRetrospective('# Session Retrospective\n\n## Next Steps\n\n- [ ] a\n'), false);
    assert.equal(isFinishedRetrospective('# Session Retrospective\n\n## Next Steps\n\n- [ ] a\n\n## Retrospective Validation\n\n- [x] Header fields\n'), true);
    assert.equal(isFinishedRetrospective('```md\n## Retrospective Validation\n```\n'), false, 'a heading in a code sample is not one');
  });

  it('orders files by when they were last written, newest first, the name breaking ties', () => {
    const order = newestFirst([{ name: 'a.md', mtimeMs: 1 }, { name: 'c.md', mtimeMs: 3 }, { name: 'b.md', mtimeMs: 3 }]).map((f) => f.name);
    assert.deepEqual(order, ['c.md', 'b.md', 'a.md']);
  });
});
