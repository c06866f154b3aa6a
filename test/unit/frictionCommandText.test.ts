import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { commandSegments, displayText, normalizeCommand, programName, tokenizeShell } from '../../src/core/friction/commandText';
import { findDiscardCommand } from '../../src/core/friction/discardCommands';
import { jaccard, similarTitles, stem, titleTokens } from '../../src/core/friction/titleSimilarity';
import { withinHangLimit } from './hangGuard';

describe('friction command text', () => {
  describe('normalizeCommand', () => {
    it('trims and collapses whitespace', () => {
      assert.equal(normalizeCommand('  npm   test \t --watch=false  '), 'npm test --watch=false');
    });

    it('drops leading environment assignments, quoted or not', () => {
      assert.equal(normalizeCommand('FOO=1 npm test'), 'npm test');
      assert.equal(normalizeCommand('CI=true NODE_ENV="test env" DEBUG=\'a b\' npm test'), 'npm test');
      assert.equal(normalizeCommand('EMPTY= make'), 'make');
    });

    it('keeps arguments, so different commands stay different', () => {
      assert.notEqual(normalizeCommand('npm test'), normalizeCommand('npm run build'));
      assert.equal(normalizeCommand('npm  test'), normalizeCommand('X=1   npm test'));
      assert.equal(normalizeCommand('make FOO=1'), 'make FOO=1');
    });

    it('keeps a line that is only an assignment', () => {
      assert.equal(normalizeCommand('FOO=1'), 'FOO=1');
    });

    it('is idempotent and never leaves runs of whitespace (property)', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 80 }), (s) => {
          const once = normalizeCommand(s);
          assert.equal(normalizeCommand(once), once);
          assert.ok(!/\s\s/.test(once));
          assert.equal(once, once.trim());
        }),
        { numRuns: 300 },
      );
    });

    it('stays fast on a pathological assignment (no catastrophic backtracking)', () => {
      const normalized = withinHangLimit('normalizeCommand', () => normalizeCommand(`A=${'a'.repeat(5000)}"`));
      assert.equal(typeof normalized, 'string');
    });
  });

  describe('tokenizeShell and commandSegments', () => {
    it('groups quoted words and separates operators', () => {
      const tokens = tokenizeShell(`cd "my dir" && git commit -m 'a; b' | cat; echo x\\ y`);
      assert.deepEqual(tokens.map((t) => (t.op ? `<${t.text}>` : t.text)), ['cd', 'my dir', '<&&>', 'git', 'commit', '-m', 'a; b', '<|>', 'cat', '<;>', 'echo', 'x y']);
    });

    it('splits compound lines and strips assignments and wrappers', () => {
      assert.deepEqual(commandSegments('FOO=1 sudo git clean -fd || true'), [['git', 'clean', '-fd'], ['true']]);
      assert.deepEqual(commandSegments(' ; ; '), []);
    });

    it('survives an unbalanced quote', () => {
      assert.deepEqual(commandSegments('echo "unterminated && rm'), [['echo', 'unterminated && rm']]);
    });

    it('names the program without its directory', () => {
      assert.equal(programName('./node_modules/.bin/tsc -p .'), 'tsc');
      assert.equal(programName(''), '');
    });
  });

  describe('displayText', () => {
    it('shortens long command lines with an ellipsis', () => {
      const long = `npm run build -- ${'--flag '.repeat(20)}`;
      const shown = displayText(long, 60);
      assert.ok(shown.endsWith('…'));
      assert.ok(Array.from(shown).length <= 60);
      assert.ok(shown.startsWith('npm run build -- --flag'));
    });

    it('keeps short text as it is', () => {
      assert.equal(displayText('npm test', 60), 'npm test');
    });

    it('removes control characters, escape sequences and backticks', () => {
      assert.equal(displayText('echo \u001b[31mred\u001b[0m\nrm `x`', 60), "echo red rm 'x'");
    });

    it('breaks up Markdown links, which notifications would make clickable', () => {
      assert.equal(displayText('echo [run](command:workbench.action.quit)', 60), 'echo [run] (command:workbench.action.quit)');
    });

    it('never returns control characters or more than max characters (property)', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 10, max: 80 }), (s, max) => {
          const shown = displayText(s, max);
          assert.ok(Array.from(shown).length <= max);
          // eslint-disable-next-line no-control-regex
          assert.ok(!/[\u0000-\u001f\u007f`]/.test(shown));
          assert.ok(!shown.includes(']('));
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('findDiscardCommand', () => {
    const discards = [
      ['git reset --hard', 'git reset --hard'],
      ['git reset --hard HEAD~1', 'git reset --hard HEAD~1'],
      ['git -C sub reset --hard', 'git reset --hard'],
      ['git checkout -- .', 'git checkout -- .'],
      ['git checkout .', 'git checkout .'],
      ['git checkout -- src/a.ts', 'git checkout -- src/a.ts'],
      ['git restore .', 'git restore .'],
      ['git restore src/a.ts src/b.ts', 'git restore src/a.ts src/b.ts'],
      ['git restore --staged --worktree .', 'git restore --staged --worktree .'],
      ['git restore -SW .', 'git restore -SW .'],
      ['git stash drop', 'git stash drop'],
      ['git stash clear', 'git stash clear'],
      ['git clean -fd', 'git clean -fd'],
      ['git clean -f -d -x', 'git clean -f -d -x'],
      ['cd app && sudo git clean -fdx', 'git clean -fdx'],
    ] as const;
    for (const [line, expected] of discards) {
      it(`recognises ${line}`, () => {
        assert.equal(findDiscardCommand(line), expected);
      });
    }

    const keeps = [
      'git reset', 'git reset --soft HEAD~1', 'git reset HEAD file', 'git checkout main', 'git checkout -b feature',
      'git restore --staged .', 'git restore -S src/a.ts', 'git restore', 'git stash', 'git stash pop', 'git clean -n',
      'git clean -fdn', 'git clean --dry-run -f', 'echo git reset --hard', 'gitk', 'git', 'npm test',
    ];
    for (const line of keeps) {
      it(`does not flag ${line}`, () => {
        assert.equal(findDiscardCommand(line), undefined);
      });
    }
  });

  describe('title similarity', () => {
    it('stems word forms to the same root', () => {
      assert.equal(stem('failing'), stem('failed'));
      assert.equal(stem('fails'), stem('failure'));
      assert.equal(stem('failures'), stem('fail'));
      assert.equal(stem('running'), 'run');
      assert.equal(stem('caching'), stem('cache'));
      assert.equal(stem('dependencies'), stem('dependency'));
    });

    it('drops stop words, case and punctuation', () => {
      assert.deepEqual([...titleTokens('The npm TEST keeps failing again!')].sort(), ['fail', 'npm', 'test']);
      assert.equal(titleTokens('a the of').size, 0);
    });

    it('computes Jaccard overlap', () => {
      assert.equal(jaccard(new Set(['a', 'b']), new Set(['b', 'c'])), 1 / 3);
      assert.equal(jaccard(new Set(), new Set()), 0);
      assert.equal(jaccard(new Set(['x']), new Set(['x'])), 1);
    });

    it('treats differently worded titles of the same problem as similar', () => {
      assert.ok(similarTitles('npm test keeps failing', 'npm tests failed again'));
      assert.ok(similarTitles('Docker build is slow', 'slow docker builds'));
      assert.ok(!similarTitles('npm test keeps failing', 'Docker build is slow'));
      assert.ok(!similarTitles('', ''));
    });
  });
});
