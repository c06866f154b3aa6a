/** The plan file's checkboxes, and what changed between two saves of it. */
import { strict as assert } from 'node:assert';
import { checkboxChanges, checkboxesOf } from '../../src/core/handoff/checkboxes';

const PLAN = [
  '# Plan', '', '## Milestone 1', '', '- [x] Scaffold the service', '- [ ] Write the **importer**', '  - [ ] nested: parse the header', '',
  '```', '- [ ] inside code', '```', '', '1. [ ] Numbered box', '* [X] Capital X counts', '- [ ]', '- plain item, no box',
].join('\n');

describe('handoff: plan file checkboxes', () => {
  it('reads every task item at any depth, outside code, with its state', () => {
    assert.deepEqual(checkboxesOf(PLAN), [
      { text: 'Scaffold the service', checked: true },
      { text: 'Write the importer', checked: false },
      { text: 'nested: parse the header', checked: false },
      { text: 'Numbered box', checked: false },
      { text: 'Capital X counts', checked: true },
    ]);
  });

  it('reports a box ticked and a box unticked between two saves, matched by text', () => {
    const after = PLAN.replace('- [ ] Write the **importer**', '- [x] Write the importer').replace('* [X] Capital X counts', '* [ ] Capital X counts');
    assert.deepEqual(checkboxChanges(checkboxesOf(PLAN), checkboxesOf(after)), { ticked: ['Write the importer'], unticked: ['Capital X counts'] });
  });

  it('sees no change when lines move, boxes are added or removed, or the text only changes case', () => {
    const before = checkboxesOf('- [ ] A\n- [ ] B\n- [x] C\n');
    assert.deepEqual(checkboxChanges(before, checkboxesOf('- [ ] b\n- [ ] A\n- [x] New and done\n')), { ticked: [], unticked: [] });
  });

  it('counts duplicates: ticking one of two identical boxes is one tick', () => {
    const before = checkboxesOf('- [ ] Run the suite\n- [ ] Run the suite\n');
    assert.deepEqual(checkboxChanges(before, checkboxesOf('- [x] Run the suite\n- [ ] Run the suite\n')).ticked, ['Run the suite']);
  });
});
