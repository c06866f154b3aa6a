/**
 * A team's own template file: headings become sections, the front matter states the rules, a
 * bad file is refused with the line of each problem, and the marker comment picks the template.
 */
import { strict as assert } from 'node:assert';
import { chooseTemplate, draftMarker, readMarker, sessionIdOfDraft, templateMarker } from '../../src/core/template/marker';
import { REPORT_TEMPLATE } from '../../src/core/template/reportTemplate';
import { SESSION_TEMPLATE } from '../../src/core/template/sessionTemplate';
import { parseTeamTemplate } from '../../src/core/template/teamTemplate';
import type { TemplateError } from '../../src/core/template/teamTemplate';
import { loadWorkspaceTemplates } from '../../src/core/template/workspaceTemplates';
import type { RetrospectiveTemplate } from '../../src/core/template/types';
import { validateRetrospective } from '../../src/core/validator/validate';

const SPRINT = [
  '---',
  'title: Sprint Retrospective',
  'description: What the team writes at the end of a sprint',
  'required: [Summary, Next Steps, Metrics]',
  'rules:',
  '  - required-sections',
  '  - next-steps-specific',
  '  - no-placeholders',
  'minNextSteps: 2   # two follow-ups at least',
  '---',
  '# Sprint Retrospective',
  '',
  '## Summary',
  'Two sentences about the sprint.',
  '',
  '## 🚧 Risks & Blockers',
  '<!-- hint: what could still stop us -->',
  '',
  '## Next Steps',
  '',
  '## Metrics',
  '',
].join('\n');

function parsed(text: string, name = 'sprint'): RetrospectiveTemplate {
  const r = parseTeamTemplate(name, text, `.session-journal/templates/${name}.md`);
  if (!r.template) throw new Error(JSON.stringify(r.errors));
  return r.template;
}

function errorsOf(text: string, name = 'sprint'): TemplateError[] {
  const r = parseTeamTemplate(name, text);
  assert.ok(r.errors, 'the file is refused');
  return [...r.errors];
}

describe('team templates', () => {
  it('turns headings into sections and the front matter into rules and thresholds', () => {
    const t = parsed(SPRINT);
    assert.equal(t.name, 'sprint');
    assert.equal(t.title, 'Sprint Retrospective');
    assert.equal(t.description, 'What the team writes at the end of a sprint');
    assert.deepEqual(t.sections.map((s) => [s.key, s.title, s.fill, s.required]), [
      ['summary', 'Summary', 'author', true],
      ['custom:risks and blockers', '🚧 Risks & Blockers', 'author', false],
      ['nextSteps', 'Next Steps', 'author', true],
      ['metrics', 'Metrics', 'record', true],
    ]);
    assert.equal(t.sections[0].hint, 'Two sentences about the sprint.');
    assert.equal(t.sections[1].hint, 'what could still stop us');
    assert.deepEqual(t.rules, ['required-sections', 'next-steps-specific', 'no-placeholders']);
    assert.equal(t.thresholds.minNextSteps, 2);
    assert.equal(t.thresholds.minDiaryWords, SESSION_TEMPLATE.thresholds.minDiaryWords);
  });

  it('validates a retrospective by the file: its headings, its required sections, its threshold', () => {
    const t = parsed(SPRINT);
    const doc = [
      '# Sprint 14', '', '## Summary', '', 'We shipped the export and the quoting fix.', '',
      '## Action Items', '', '- [ ] Add a test for line breaks in fields', '', '## Metrics', '', '| Metric | Value |', '| --- | --- |', '| Commits | 4 |', '',
    ].join('\n');
    const one = validateRetrospective(doc, undefined, undefined, t);
    assert.deepEqual(one.findings.map((f) => f.message), ['Next Steps has 1 task-list item ("- [ ] ..."); at least 2 are needed.']);
    const two = doc.replace('- [ ] Add a test', '- [ ] Document the export endpoint\n- [ ] Add a test');
    assert.equal(validateRetrospective(two, undefined, undefined, t).passed, true);
    const noSummary = two.replace('## Summary', '## Overview of the week');
    assert.deepEqual(validateRetrospective(noSummary, undefined, undefined, t).findings.map((f) => f.message), ['The required section "Summary" is missing.']);
  });

  it('refuses bad files with the line of each problem', () => {
    assert.deepEqual(errorsOf('---\ntitle: x\nrules: [required-sections\n---\n## A\n'), [{ line: 3, message: 'The list of "rules" is not closed with "]".' }]);
    assert.deepEqual(errorsOf('---\ntitle: x\n## Summary\n'), [{ line: 1, message: 'The front matter opened with "---" is never closed by a "---" line.' }, { line: 3, message: 'Expected "key: value" in the front matter, found "## Summary".' }]);
    assert.deepEqual(errorsOf('---\ncolour: blue\n---\n## Summary\n').map((e) => e.line), [2]);
    assert.match(errorsOf('---\ncolour: blue\n---\n## Summary\n')[0].message, /^Unknown front matter key "colour"/);
    assert.deepEqual(errorsOf('---\nrules: [no-such-rule]\n---\n## Summary\n').map((e) => [e.line, e.message.split(' (')[0]]), [[2, 'Unknown rule "no-such-rule"']]);
    assert.deepEqual(errorsOf('---\nrules: [diary-length]\n---\n## Summary\n'), [{ line: 2, message: 'The rule "diary-length" reads the diary section, which the template has no heading for.' }]);
    assert.deepEqual(errorsOf('---\nrequired: [Summary, Diary]\n---\n## Summary\n'), [{ line: 2, message: '"Diary" is not one of the template\'s headings.' }]);
    assert.deepEqual(errorsOf('---\nminNextSteps: two\n---\n## Summary\n'), [{ line: 2, message: '"minNextSteps" must be a whole number of 0 or more.' }]);
    assert.deepEqual(errorsOf('# Title only\n\nSome text.\n'), [{ line: 1, message: 'The template has no "##" section headings.' }]);
    assert.deepEqual(errorsOf('## Summary\n\n## Overview\n'), [{ line: 3, message: '"Overview" names the same section as an earlier heading.' }]);
    assert.deepEqual(errorsOf('## Summary\n', 'my template'), [{ line: 1, message: '"my template" is not a template name: use letters, digits, "-" and "_".' }]);
  });

  it('loads a workspace folder: good files become templates, bad ones problems with file and line', async () => {
    const files: Record<string, string> = {
      '/ws/.session-journal/templates/sprint.md': SPRINT,
      '/ws/.session-journal/templates/broken.md': '---\nminDiaryWords: -3\n---\n## Diary\n',
      '/ws/.session-journal/templates/README.txt': 'not a template',
    };
    const loaded = await loadWorkspaceTemplates('/ws', {
      list: async () => Object.keys(files).map((f) => f.split('/').at(-1) ?? ''),
      read: async (f) => files[f],
    });
    assert.deepEqual(loaded.templates.map((t) => t.name), ['sprint']);
    assert.deepEqual(loaded.problems, ['/ws/.session-journal/templates/broken.md:2: "minDiaryWords" must be a whole number of 0 or more.']);
    const none = await loadWorkspaceTemplates('/empty', { list: async () => [], read: async () => '' });
    assert.deepEqual(none, { templates: [], problems: [] });
  });

  it('reads a missing templates folder as none, from Node and from VS Code, and reports any other error', async () => {
    const failing = (error: object) => ({ list: async (): Promise<string[]> => { throw error; }, read: async () => '' });
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, scandir '/ws/.session-journal/templates'"), { code: 'ENOENT' });
    const vscodeMissing = Object.assign(new Error('EntryNotFound (FileSystemError)'), { code: 'FileNotFound' });
    assert.deepEqual(await loadWorkspaceTemplates('/ws', failing(enoent)), { templates: [], problems: [] });
    assert.deepEqual(await loadWorkspaceTemplates('/ws', failing(vscodeMissing)), { templates: [], problems: [] });
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    assert.deepEqual(await loadWorkspaceTemplates('/ws', failing(denied)), { templates: [], problems: ['/ws/.session-journal/templates: EACCES: permission denied'] });
  });
});

describe('the marker names the template', () => {
  it('is the old session marker for the session layout, and names any other layout', () => {
    assert.equal(draftMarker('s-1'), '<!-- session-journal:session s-1 -->');
    assert.equal(draftMarker('s-1', 'report'), '<!-- session-journal:session s-1 template report -->');
    assert.deepEqual(readMarker(`${draftMarker('s-1', 'report')}\n# Retrospective Report`), { sessionId: 's-1', template: 'report' });
    assert.equal(sessionIdOfDraft(`${draftMarker('s-1', 'report')}\n`), 's-1');
    assert.equal(sessionIdOfDraft(`# Title\n${draftMarker('s-1')}\n`), undefined, 'a draft has its marker on the first line');
    assert.deepEqual(readMarker(`---\ntags: [retro]\n---\n${templateMarker('handoff')}\n# Session Summary`), { template: 'handoff' });
    assert.equal(readMarker('# Plain retrospective\n\n<!-- a comment -->\n'), undefined);
  });

  it('chooses the named template, the requested one first, and reports an unknown name', () => {
    const sprint = parsed(SPRINT);
    assert.equal(chooseTemplate('# x').template, SESSION_TEMPLATE);
    assert.equal(chooseTemplate(`${templateMarker('report')}\n# x`).template, REPORT_TEMPLATE);
    assert.equal(chooseTemplate(`${templateMarker('sprint')}\n# x`, [sprint]).template, sprint);
    assert.equal(chooseTemplate(`${templateMarker('report')}\n# x`, [], 'sprint').unknown, 'sprint');
    assert.deepEqual(chooseTemplate(`${templateMarker('retro-2024')}\n# x`), { template: SESSION_TEMPLATE, unknown: 'retro-2024' });
  });

  it('fails known-template with a clear finding when the named template is unknown', () => {
    const { template, unknown } = chooseTemplate(`${templateMarker('retro-2024')}\n# x`);
    const result = validateRetrospective(`${templateMarker('retro-2024')}\n# x`, undefined, undefined, template, unknown);
    const finding = result.findings.find((f) => f.rule === 'known-template');
    assert.equal(finding?.message, 'This retrospective names the template "retro-2024", which is neither built in nor in the workspace\'s .session-journal/templates; it was checked against "session".');
    assert.equal(result.rules.find((r) => r.rule === 'known-template')?.passed, false);
    assert.equal(validateRetrospective('# x').rules.some((r) => r.rule === 'known-template'), false, 'no such rule when the template is known');
  });
});
