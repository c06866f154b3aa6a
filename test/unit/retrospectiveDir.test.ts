import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { metricsLogFile, retrospectiveDir } from '../../src/core/retrospective/retrospectiveDir';

describe('retrospectiveDir', () => {
  const root = path.resolve('/work/project');

  it('resolves the folder inside the workspace', () => {
    assert.deepEqual(retrospectiveDir(root, 'retrospectives/sessions'), { dir: path.join(root, 'retrospectives', 'sessions') });
    assert.deepEqual(retrospectiveDir(root, 'docs/retros'), { dir: path.join(root, 'docs', 'retros') });
  });

  it('refuses folders outside the workspace and says which setting it ignored', () => {
    for (const bad of ['../elsewhere', '/etc', '..', 'a/../../b']) {
      const result = retrospectiveDir(root, bad);
      assert.equal(result.dir, path.join(root, 'retrospectives', 'sessions'), bad);
      assert.equal(result.rejected, bad);
    }
  });

  it('puts the metrics log beside the sessions folder', () => {
    assert.equal(metricsLogFile(root, 'retrospectives/sessions'), path.join(root, 'retrospectives', 'session-metrics.md'));
    assert.equal(metricsLogFile(root, '../x'), path.join(root, 'retrospectives', 'session-metrics.md'));
  });
});
