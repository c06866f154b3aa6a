/**
 * The command line and templates: `templates` lists built-in and workspace templates, `validate`
 * checks each file against the template its marker names or the one --template gives.
 */
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { draftMarker, templateMarker } from '../../src/core/template/marker';
import { REPORT_TEMPLATE } from '../../src/core/template/reportTemplate';
import { capturedIo, memoryFiles } from './cliTestIo';
import type { CapturedIo } from './cliTestIo';
import { basicSession, BASIC_OFFSET } from './retrospectiveFixture';
import { writeAuthorParts } from './templateDrafts';

/** A file system of `files` (paths as given), with the command running in /ws. */
const fakeIo = (files: Record<string, string>): CapturedIo => capturedIo({ ...memoryFiles(files), cwd: () => '/ws' });

const SPRINT = '---\nrequired: [Summary]\nrules: [required-sections, no-placeholders]\n---\n# Sprint Retro\n\n## Summary\nTwo sentences.\n\n## Risks\n';

function report(): string {
  const j = basicSession();
  const m = buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET, focus: 'CSV export', sessionType: 'feature' });
  return writeAuthorParts(renderRetrospective(m, {}, REPORT_TEMPLATE), REPORT_TEMPLATE);
}

describe('session-journal templates and --template', () => {
  it('lists the built-in templates and the workspace ones, as text and as JSON', async () => {
    const io = fakeIo({ '/ws/.session-journal/templates/sprint.md': SPRINT });
    assert.equal(await main(['templates'], io), 0);
    assert.deepEqual(io.out.trim().split('\n').map((l) => l.split(/\s+/)[0]), ['session', 'report', 'phase', 'handoff', 'sprint']);
    assert.match(io.out, /^sprint\s+\/ws\/\.session-journal\/templates\/sprint\.md\s+Sprint Retro$/m);
    const json = fakeIo({ '/elsewhere/.session-journal/templates/sprint.md': SPRINT });
    assert.equal(await main(['templates', '--json', '--workspace', '/elsewhere'], json), 0);
    const rows = JSON.parse(json.out) as { name: string; source: string; sections: { title: string; required: boolean }[]; rules: string[] }[];
    assert.deepEqual(rows.map((r) => [r.name, r.source]), [
      ['session', 'built-in'], ['report', 'built-in'], ['phase', 'built-in'], ['handoff', 'built-in'], ['sprint', '/elsewhere/.session-journal/templates/sprint.md'],
    ]);
    assert.deepEqual(rows[4].sections, [{ title: 'Summary', required: true, fill: 'author' }, { title: 'Risks', required: false, fill: 'author' }]);
    assert.ok(rows[1].rules.includes('action-items-priority'));
  });

  it('lists the good templates and exits 2 with file:line when a workspace template is bad', async () => {
    const io = fakeIo({ '/ws/.session-journal/templates/sprint.md': SPRINT, '/ws/.session-journal/templates/bad.md': '---\nrules: [nope]\n---\n## A\n' });
    assert.equal(await main(['templates'], io), 2);
    assert.match(io.err, /^\/ws\/\.session-journal\/templates\/bad\.md:2: Unknown rule "nope"/m);
    assert.match(io.out, /^sprint /m);
  });

  it('validates each file against the template its marker names', async () => {
    const io = fakeIo({ 'r.md': `${draftMarker('s-1', 'report')}\n${report()}`, 'plain.md': report() });
    assert.equal(await main(['validate', 'r.md', 'plain.md'], io), 1);
    assert.match(io.out, /^r\.md: 6 of 6 checks pass \(template report\)$/m);
    assert.match(io.out, /^plain\.md: \d+ of 10 checks pass$/m, 'without a marker the session layout applies');
  });

  it('--template overrides the marker, by name or by file', async () => {
    const io = fakeIo({ 'plain.md': report(), 'tpl/sprint.md': SPRINT });
    assert.equal(await main(['validate', '--template', 'report', 'plain.md'], io), 0);
    assert.match(io.out, /^plain\.md: 6 of 6 checks pass \(template report\)$/m);
    const byFile = fakeIo({ 'week.md': '# Week\n\n## Summary\n\nWe shipped the export.\n', 'tpl/sprint.md': SPRINT });
    assert.equal(await main(['validate', '--json', '--template', 'tpl/sprint.md', 'week.md'], byFile), 0);
    assert.deepEqual(JSON.parse(byFile.out), [{ file: 'week.md', template: 'sprint', passed: true, findings: [] }]);
    const fromWorkspace = fakeIo({ 'week.md': `${templateMarker('sprint')}\n# Week\n\n## Highlights\n\nShipped.\n`, '/ws/.session-journal/templates/sprint.md': SPRINT });
    assert.equal(await main(['validate', 'week.md'], fromWorkspace), 1);
    assert.match(fromWorkspace.out, /^week\.md:1 {2}required-sections {2}The required section "Summary" is missing\.$/m);
  });

  it('an unknown template: a usage error for --template, a known-template finding for a marker', async () => {
    const io = fakeIo({ 'a.md': report() });
    assert.equal(await main(['validate', '--template', 'sprint', 'a.md'], io), 2);
    assert.equal(io.err, "session-journal: unknown template 'sprint' (known: session, report, phase, handoff)\n");
    const bad = fakeIo({ 'a.md': report(), 'bad.md': '---\nminNextSteps: many\n---\n## A\n' });
    assert.equal(await main(['validate', '--template', 'bad.md', 'a.md'], bad), 2);
    assert.match(bad.err, /^session-journal: template 'bad\.md' is invalid:\nbad\.md:2: "minNextSteps" must be a whole number of 0 or more\.$/m);
    const marked = fakeIo({ 'a.md': `${templateMarker('retro-2024')}\n${report()}` });
    assert.equal(await main(['validate', 'a.md'], marked), 1);
    assert.match(marked.out, /^a\.md:1 {2}known-template {2}This retrospective names the template "retro-2024", which is neither built in/m);
  });

  it('refuses --template for templates and files for templates', async () => {
    const io = fakeIo({});
    assert.equal(await main(['templates', 'x.md'], io), 2);
    assert.match(io.err, /templates takes no files/);
  });
});
