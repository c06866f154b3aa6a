import assert from 'node:assert/strict';
import { mayChangeRepositories } from '../../src/core/git/repositoryCommands';
import { programOf, simpleCommands } from '../../src/core/git/shellCommands';

/** Asserts the rule's answer for each literal command line, naming the line that fails. */
function expectEach(lines: readonly string[], expected: boolean): void {
  for (const line of lines) assert.equal(mayChangeRepositories(line), expected, line);
}

describe('mayChangeRepositories: commands that make a repository', () => {
  it('git init and git clone, however git is named and whatever runs it', () => {
    expectEach([
      'git init',
      'git init -q -b main',
      'git clone https://github.com/example/app.git',
      'git clone --depth 1 git@github.com:example/app.git vendor/app',
      'git -C packages/new init',
      'git -c init.defaultBranch=main init',
      'git --git-dir=other/.git --work-tree=other init',
      'git --no-pager -C "my folder" clone ../app',
      '/usr/bin/git init',
      '/opt/homebrew/bin/git clone url',
      '"C:\\Program Files\\Git\\cmd\\git.exe" clone url',
      'C:\\Git\\cmd\\git.exe init',
      'GIT.EXE init',
      'hub clone example/app',
      'GIT_DIR=x/.git git init',
      'GIT_AUTHOR_NAME="Ada L" LANG=C git init',
      'sudo git clone url /srv/app',
      'sudo -u deploy git clone url app',
      'sudo -E -H -u deploy git init',
      'env -i PATH=/usr/bin git init',
      'env -u GIT_DIR git init',
      'time git clone url',
      'nohup git clone url &',
      'command git init',
      'timeout 60 git clone url',
      'nice -n 10 git clone url',
    ], true);
  });

  it('finds the command anywhere in a chain, a pipe, a subshell, a substitution or a -c script', () => {
    expectEach([
      'mkdir app && cd app && git init && git add . && git commit -m init',
      'cd app; git init',
      'test -d app || git clone url app',
      'git clone url 2>&1 | tee clone.log',
      '(cd packages && git init new)',
      'echo "$(git init)"',
      'x=`git init`',
      'if true; then git init; fi',
      '{ git init; }',
      '! git clone url',
      'bash -c "git init sub"',
      "sh -c 'cd x && git clone url'",
      'pwsh -Command "git init"',
      '& "C:\\Program Files\\Git\\cmd\\git.exe" init',
      'git init \\\n  --quiet',
      'echo start\ngit init',
    ], true);
  });

  it('git worktree and submodule commands that add, move or remove working trees', () => {
    expectEach([
      'git worktree add ../feature feature',
      'git worktree add -b topic ../topic',
      'git worktree move ../feature ../feature2',
      'git worktree remove ../feature',
      'git worktree prune',
      'git submodule add https://example.com/lib.git lib',
      'git submodule update --init --recursive',
      'git submodule --quiet update --init',
      'git submodule deinit -f lib',
      'git submodule absorbgitdirs',
      'git submodule foreach git pull',
      'git checkout --recurse-submodules main',
      'git pull --recurse-submodules',
      'git clone --recursive url',
    ], true);
  });

  it('gh and glab repo clone, fork and create', () => {
    expectEach(['gh repo clone example/app', 'gh repo fork example/app --clone', 'gh repo create app --public --clone', 'glab repo clone group/app'], true);
  });

  it('moving, copying, removing or unpacking folders', () => {
    expectEach([
      'mv ../app .',
      'mv old-name new-name',
      'cp -r ../template app',
      'cp -R ../template app',
      'cp -a ../template app',
      'cp --recursive ../template app',
      'cp -rv ../template app',
      'rm -rf app',
      'rm -r app',
      'rm --recursive app',
      'sudo rm -Rf /work/app',
      'rsync -a ../app/ app/',
      'tar xzf app.tgz',
      'tar -xf app.tar',
      'tar -f app.tar --extract',
      'unzip app.zip',
    ], true);
  });

  it('project generators that run git init themselves', () => {
    expectEach([
      'cargo new hello',
      'cargo init',
      'uv init app',
      'rails new blog',
      'ng new shop',
      'npm create vite@latest app',
      'npm init vite app',
      'yarn create next-app app',
      'pnpm create vite',
      'npx create-react-app app',
      'npx create-next-app@latest',
      'npx @angular/create-app x',
      'pnpm dlx create-vite app',
      'jj git init --colocate',
    ], true);
  });
});

describe('mayChangeRepositories: commands that make none', () => {
  it('git commands that only read or change a repository already there', () => {
    expectEach([
      'git status',
      'git commit -m "git init"',
      'git commit -m "run git clone then git init"',
      'git log --grep=init',
      'git add . && git commit -m wip && git push',
      'git -C sub status',
      'git worktree list',
      'git worktree lock ../feature',
      'git worktree',
      'git submodule',
      'git submodule status',
      'git submodule sync',
      'git checkout --recurse-submodules=no main',
      'git help init',
      'git lfs install',
      'git',
      'gh pr create',
      'gh repo view',
    ], false);
  });

  it('words that only mention git: echo, grep, man, comments, other programs', () => {
    expectEach([
      'echo git init',
      'echo "git clone url"',
      'printf "%s\\n" "git init"',
      'grep -r "git clone" docs',
      'man git-init',
      '# git init',
      'ls # then git init',
      'gitk --all',
      'legit init',
      'history | grep "git init"',
    ], false);
  });

  it('file commands that cannot carry a .git folder', () => {
    expectEach([
      'cp a.txt b.txt',
      'cp -f a.txt b.txt',
      'rm notes.txt',
      'rm -f notes.txt',
      'tar czf app.tgz app',
      'tar -cf x.tar dir',
      'mkdir -p app',
      'touch .gitignore',
      'npm init',
      'npm init -y',
      'npm install',
      'cargo build',
      'sudo -u deploy ls',
      'env FOO=bar node index.js',
      '',
      '   ',
    ], false);
  });
});

describe('simpleCommands', () => {
  it('keeps quoted words together and drops what only wraps the command', () => {
    assert.deepEqual(simpleCommands('CI=1 sudo -u dev git commit -m "a b" && echo \'c d\''), [['git', 'commit', '-m', 'a b'], ['echo', 'c d']]);
  });

  it('reads an unclosed quote to the end of the line instead of failing', () => {
    assert.deepEqual(simpleCommands('git commit -m "half'), [['git', 'commit', '-m', 'half']]);
  });

  it('names the program without its folder or Windows extension', () => {
    assert.equal(programOf('/usr/local/bin/git'), 'git');
    assert.equal(programOf('C:\\Git\\cmd\\Git.exe'), 'git');
    assert.equal(programOf('git'), 'git');
  });
});
