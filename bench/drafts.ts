/**
 * Realistic event drafts and whole journals for the benchmark: the command lines, paths and
 * commit subjects a working day produces (a few with secrets in them, so redaction does real
 * work), in the proportions a session has: mostly commands, then save bursts, a few commits.
 */
import { SCHEMA_VERSION } from '../src/core/journal/events';
import type { EventDraft, JournalEvent } from '../src/core/journal/events';

const COMMANDS = [
  'git status',
  'npm test',
  'npx mocha test/unit/journalWriter.test.ts',
  'npm run build -- --production',
  'ls -la src/core',
  'git diff --stat HEAD~1',
  'grep -rn "flushSync" src/ test/',
  'docker compose up -d postgres redis',
  'curl -s -H "Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0" https://api.example.com/v1/health',
  'export DATABASE_URL=postgres://app:s3cr3t-Passw0rd@localhost:5432/app_dev',
  'cargo build --release --features "tls metrics"',
  'python -m pytest tests/test_queue.py -k "retry and not slow" -x',
  'git log --oneline --graph --decorate -n 20',
  'npx tsc --noEmit -p test/tsconfig.json',
  'kubectl get pods -n staging -o wide',
  'GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJklmnopqr gh pr create --fill',
  'make -j4 all',
  'cd packages/api && npm run lint -- --fix',
];

const PATHS = [
  'src/core/journalWriter.ts', 'src/core/sessionRecorder.ts', 'src/vscode/adapters/saveAdapter.ts',
  'test/unit/journalWriter.test.ts', 'README.md', 'package.json', 'src/webview/timelineView.ts',
  'media/timeline.css', 'docs/architecture.md', 'src/core/retrospective/renderTimeline.ts',
];

const SUBJECTS = [
  'Journal writer: retry with backoff when the disk is full',
  'Timeline: collapse save bursts into one row',
  'Fix flaky idle detector test on slow machines',
  'Retrospective: escape pipes in commit subjects',
  'Bump esbuild to 0.28 and rebuild the webview bundle',
];

/** The draft number `i` of a realistic stream ending at `time`: about 60% commands, 30% saves, 10% commits. */
export function realisticDraft(i: number, time: number): EventDraft {
  const slot = i % 10;
  if (slot < 6) {
    const durationMs = 40 + ((i * 7919) % 45_000);
    return {
      kind: 'command', time, start: time - durationMs, durationMs,
      commandLine: COMMANDS[i % COMMANDS.length], confidence: 'high', cwd: '.',
      exitCode: i % 9 === 0 ? 1 : 0, terminal: 'bash',
    };
  }
  if (slot < 9) {
    const files = [
      { path: PATHS[i % PATHS.length], languageId: 'typescript', count: 1 + (i % 3) },
      ...(i % 4 === 0 ? [{ path: PATHS[(i + 3) % PATHS.length], languageId: 'markdown', count: 1 }] : []),
    ];
    return { kind: 'saves', time, start: time - 1200, files, count: files.reduce((s, f) => s + f.count, 0) };
  }
  const files = [
    { path: PATHS[i % PATHS.length], added: 12 + (i % 40), removed: i % 9 },
    { path: PATHS[(i + 1) % PATHS.length], added: 3, removed: 1 },
  ];
  return {
    kind: 'commit', time, repo: '.', hash: (i * 2654435761 >>> 0).toString(16).padStart(8, '0') + 'c0ffee0123456789abcdef01',
    subject: SUBJECTS[i % SUBJECTS.length], authorTime: time - 500, branch: 'main', operation: 'commit',
    files, added: files.reduce((s, f) => s + f.added, 0), removed: files.reduce((s, f) => s + f.removed, 0),
  };
}

/** A stamped session of `count` events (start, realistic stream, a friction and a note now and then, end), one every `stepMs`. */
export function syntheticSession(count: number, base = Date.UTC(2026, 10, 22, 8, 0, 0), stepMs = 1000): JournalEvent[] {
  const sessionId = '20261122-080000-bench0';
  const events: JournalEvent[] = [];
  const push = (draft: EventDraft): void => {
    events.push({ ...draft, v: SCHEMA_VERSION, id: `b${events.length.toString(36)}`, sessionId } as JournalEvent);
  };
  push({ kind: 'session-start', time: base, focus: 'Benchmark session', folders: ['app'], trusted: true, utcOffsetMinutes: 60 });
  for (let i = 1; i < count - 1; i++) {
    const time = base + i * stepMs;
    if (i % 500 === 0) push({ kind: 'friction', time, title: `Slow test run number ${i}`, category: 'tooling', detail: 'The suite took minutes' });
    else if (i % 700 === 0) push({ kind: 'note', time, text: `Remember to check the retry cap (${i})` });
    else push(realisticDraft(i, time));
  }
  push({ kind: 'session-end', time: base + count * stepMs, sessionType: 'feature' });
  return events;
}
