/**
 * The team report over 1,000 retrospectives (issue 14: under a second): ten people, twenty weeks,
 * friction written in many wordings, one in twenty retrospectives written by hand without the
 * checklist Finish writes (those pay for a full validation). Measured twice: the core on texts in
 * memory, and the command line reading the same files from a temp folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { reportFromFiles } from '../src/core/report/collectReport';
import type { ReportFile } from '../src/core/report/collectReport';
import { renderTeamReport } from '../src/core/report/renderTeamReport';
import { buildRetrospective } from '../src/core/retrospective/buildRetrospective';
import { finishText } from '../src/core/retrospective/finish';
import { appendMetricsRow } from '../src/core/retrospective/metricsLog';
import { renderRetrospective } from '../src/core/retrospective/renderRetrospective';
import { BASIC_OFFSET, basicSession } from '../test/unit/retrospectiveFixture';
import { figure } from './figure';
import type { Figure } from './figure';
import { msSince, repeat } from './stats';

const COUNT = 1000;
const PEOPLE = ['ana', 'ben', 'chen', 'dara', 'eli', 'femi', 'gus', 'hana', 'ivo', 'jun'];
const FRICTION = [
  'Flaky integration tests', 'Integration tests flaky again', 'Slow type-check on save', 'tsc slow again',
  'Docker build slow', 'Slow docker build in CI', 'Unclear module layout', 'Missing fixture data',
  'Fixture database missing', 'npm install broke', 'Merge conflict in lockfile', 'Lockfile merge conflict again',
];

function finishedTemplate(): string {
  const j = basicSession();
  const model = buildRetrospective(j.events, { now: j.at(200), utcOffsetMinutes: BASIC_OFFSET });
  return finishText(renderRetrospective(model), model).text;
}

function day(i: number): string {
  return new Date(Date.UTC(2026, 6, 1) + Math.floor((i * 140) / COUNT) * 86_400_000).toISOString().slice(0, 10);
}

/** The corpus: retrospectives and one metrics log per person. */
export function reportCorpus(): ReportFile[] {
  const template = finishedTemplate();
  const files: ReportFile[] = [];
  const logs = new Map<string, string | undefined>();
  for (let i = 0; i < COUNT; i++) {
    const person = PEOPLE[i % PEOPLE.length];
    const friction = [0, 1, 2].map((k) => `${k + 1}. **${FRICTION[(i * 7 + k * 5) % FRICTION.length]} ${k === 2 ? `case ${i}` : ''}**: it cost time.`).join('\n');
    let text = template.replace(/2026-11-22/g, day(i)).replace(/(### Friction Points\n\n)/, `$1${friction}\n`);
    if (i % 20 === 0) text = text.slice(0, text.indexOf('## Retrospective Validation'));
    files.push({ file: `${person}/retrospectives/sessions/${day(i)}-${i}.md`, source: person, text });
    logs.set(person, appendMetricsRow(logs.get(person), { date: `${day(i)} 09:12`, duration: '1 h 30 min', commits: 2, friction: 3, sessionId: `s-${i}` }));
  }
  for (const [person, log] of logs) files.push({ file: `${person}/retrospectives/session-metrics.md`, source: person, text: log ?? '' });
  return files;
}

export async function measureReport(): Promise<Figure[]> {
  const files = reportCorpus();
  const check = reportFromFiles(files);
  if (check.retrospectives !== COUNT) throw new Error(`the corpus should hold ${COUNT} retrospectives, the report found ${check.retrospectives}`);
  const core = await repeat(7, () => {
    const t0 = process.hrtime.bigint();
    renderTeamReport(reportFromFiles(files));
    return msSince(t0);
  }, 2);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-bench-report-'));
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f.file)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.file), f.text);
    }
    const sink = { write: () => true };
    const io = {
      stdout: sink, stderr: sink,
      readFile: (p: string) => fs.promises.readFile(p, 'utf8'),
      readDir: async (p: string) => (await fs.promises.readdir(p, { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() })),
    };
    const folders = PEOPLE.map((p) => path.join(dir, p));
    const cli = await repeat(5, async () => {
      const t0 = process.hrtime.bigint();
      const code = await main(['report', ...folders], io);
      if (code !== 0) throw new Error(`report exited ${code}`);
      return msSince(t0);
    }, 1);
    const note = `${COUNT} retrospectives of ${PEOPLE.length} people over 20 weeks, ${check.themes.length} recurring themes; ${check.validation.validatedNow} without a checklist validated in full`;
    return [
      figure('report.core1k', `Team report over ${COUNT} retrospectives (in memory)`, 'ms', core, { target: { op: '<', value: 1000 }, note }),
      figure('report.cli1k', `session-journal report over ${COUNT} files on disk`, 'ms', cli, { target: { op: '<', value: 1000 }, note: 'walk, read and report, as the command line does' }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
