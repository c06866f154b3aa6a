import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventDraft, JournalEvent } from '../../src/core/journal/events';
import { exportSessionJson, loadSession, sessionFile } from '../../src/core/journal/journalStore';
import { compileRedactOptions, redactEvent } from '../../src/core/redaction/redact';
import { buildRetrospective } from '../../src/core/retrospective/buildRetrospective';
import { renderRetrospective } from '../../src/core/retrospective/renderRetrospective';
import { SessionRecorder } from '../../src/core/journal/sessionRecorder';
import { CapturePipeline } from '../../src/core/capture/capturePipeline';
import type { CaptureRules } from '../../src/core/capture/capturePipeline';
import type { RedactOptions } from '../../src/core/redaction/redact';
import { effectiveEvents, summarize } from '../../src/core/journal/sessionState';
import type { InitMessage } from '../../src/shared/protocol';
import { englishWebviewStrings } from '../../src/shared/webviewStrings';
import { tempDir } from './journalFixtures';
import { FAKE_SECRETS } from '../fixtures/secrets/fakeSecrets';

/**
 * The redaction corpus is proven on `redact()` alone elsewhere; this file proves the wiring:
 * whatever free-text field a secret is typed into, it reaches none of the places a person or
 * a tool can read it from (the journal on disk, the JSON export, the retrospective, the webview).
 */

interface CorpusEntry {
  kind: string;
  context: string;
  input: string;
  secret: string;
}

const fixtures = join(__dirname, '..', 'fixtures');
const corpus = JSON.parse(readFileSync(join(fixtures, 'secrets', 'corpus.json'), 'utf8')) as CorpusEntry[];
const ordinary = readFileSync(join(fixtures, 'commands', 'ordinary.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');

function expand(template: string): string {
  return template.replace(/\{\{([\w-]+)\}\}/g, (_, name: string) => {
    const value = FAKE_SECRETS[name];
    if (value === undefined) throw new Error(`unknown placeholder ${name}`);
    return value;
  });
}

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const PLACES = ['command', 'commit subject', 'note', 'friction title', 'friction detail', 'session focus'] as const;
const OUTPUTS = ['journal file', 'JSON export', 'retrospective', 'webview init'] as const;

/** Every string inside a JSON value, so escaping (`\"`, `\\`, `\u…`) cannot hide a secret from the search. */
function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) jsonStrings(v, out);
  return out;
}

/** The raw text and the text a reader sees: JSON strings decoded, Markdown backslash escapes removed. */
function readable(raw: string, json: boolean): string {
  if (json) {
    const values = raw.split('\n').filter((l) => l.trim() !== '').flatMap((l) => {
      try {
        return jsonStrings(JSON.parse(l));
      } catch {
        return [];
      }
    });
    const whole = (() => {
      try {
        return jsonStrings(JSON.parse(raw));
      } catch {
        return [];
      }
    })();
    return [raw, ...values, ...whole].join('\n');
  }
  return `${raw}\n${raw.replace(/\\(.)/g, '$1')}`;
}

/**
 * The secret and, for secrets with spaces, each longer piece of it that the text around it does
 * not also contain (`--password 'pa ss word'`: "word" is in the flag): not even part of one may survive.
 */
function pieces(secret: string, input: string): string[] {
  const context = input.split(secret).join('\n');
  return [secret, ...secret.split(/\s+/).filter((p) => p.length >= 4 && !context.includes(p))];
}

interface Outputs {
  readonly texts: Record<(typeof OUTPUTS)[number], string>;
  readonly events: readonly JournalEvent[];
}

/** The product's wiring: the recorder redacts its own events, the capture pipeline every other one, with the same rules. */
function productRecorder(dir: string, options: RedactOptions, clock: () => number): { recorder: SessionRecorder; pipeline: CapturePipeline } {
  const rules: CaptureRules = {
    capture: { commits: true, commands: true, saves: true, tasks: true, agents: true },
    isExcludedCommand: () => false,
    isExcludedPath: () => false,
    redact: (d) => redactEvent(d, options),
    idleMs: 15 * 60_000,
  };
  const recorder = new SessionRecorder({ storageDir: dir, clock, redact: rules.redact });
  const pipeline = new CapturePipeline({ recorder, rules, folders: () => [], schedule: () => ({ cancel: () => undefined }), clock });
  return { recorder, pipeline };
}

/** Records one session with `text` in every free-text place, through the product's own recorder and redaction. */
async function recordEverywhere(dir: string, text: string): Promise<Outputs> {
  const { options } = compileRedactOptions({});
  let now = T0;
  const { recorder, pipeline } = productRecorder(dir, options, () => now);
  try {
    const start = recorder.start({ focus: text, folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
    // Failed, so the retrospective lists it as a notable command.
    pipeline.capture({ kind: 'command', start: (now += 60_000) - 2000, end: now, commandLine: text, exitCode: 1, confidence: 'high', terminal: 'bash' });
    pipeline.capture({ kind: 'commit', time: (now += 60_000), repo: '.', hash: 'a'.repeat(40), subject: text, authorTime: now, operation: 'commit', files: [{ path: 'src/a.ts', added: 1, removed: 0 }], added: 1, removed: 0 });
    const entries: EventDraft[] = [
      { kind: 'note', time: (now += 60_000), text },
      { kind: 'friction', time: (now += 60_000), title: text, detail: text, category: 'tooling' },
    ];
    for (const d of entries) assert.ok(pipeline.enter(d), `${d.kind} recorded`);
    assert.deepEqual(recorder.events().map((e) => e.kind), ['session-start', 'command', 'commit', 'note', 'friction']);
    const events = [...recorder.events()];
    const init: InitMessage = {
      type: 'init',
      summary: summarize(events, now),
      events: effectiveEvents(events),
      total: effectiveEvents(events).length,
      generation: 1,
      trusted: true,
      notices: [],
      settings: { order: 'newest-first' },
      strings: englishWebviewStrings(),
    };
    recorder.end({ focus: text });
    await recorder.flush();
    const sessionId = start.sessionId;
    const loaded = await loadSession(dir, sessionId);
    assert.ok(loaded, 'the journal reads back');
    const startEvent = loaded.events.find((e) => e.kind === 'session-start');
    const model = buildRetrospective(loaded.events, {
      now,
      utcOffsetMinutes: 0,
      ...(startEvent?.kind === 'session-start' && startEvent.focus ? { focus: startEvent.focus } : {}),
    });
    const exported = await exportSessionJson(dir, sessionId);
    assert.ok(exported !== undefined, 'the session exports');
    return {
      events: loaded.events,
      texts: {
        'journal file': readFileSync(sessionFile(dir, sessionId), 'utf8'),
        'JSON export': exported,
        retrospective: renderRetrospective(model),
        'webview init': JSON.stringify(init),
      },
    };
  } finally {
    recorder.dispose();
  }
}

describe('secrets everywhere (recorder → journal, export, retrospective, webview)', () => {
  let dir: string;
  let cleanup: () => void;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });

  afterEach(() => cleanup());

  it('keeps every secret of the corpus out of every output, whichever field it was typed into', async () => {
    const leaks: string[] = [];
    const kindsClean = new Set(corpus.map((e) => e.kind));
    for (const entry of corpus) {
      const input = expand(entry.input);
      const secret = expand(entry.secret);
      assert.ok(input.includes(secret), `corpus entry contains its secret: ${entry.input}`);
      const { texts, events } = await recordEverywhere(dir, input);
      // The places were really filled: each holds the redaction marker in the stored event.
      const stored: Record<(typeof PLACES)[number], string | undefined> = {
        command: events.find((e) => e.kind === 'command')?.commandLine,
        'commit subject': events.find((e) => e.kind === 'commit')?.subject,
        note: events.find((e) => e.kind === 'note')?.text,
        'friction title': events.find((e) => e.kind === 'friction')?.title,
        'friction detail': events.find((e) => e.kind === 'friction')?.detail,
        'session focus': events.find((e) => e.kind === 'session-start')?.focus,
      };
      for (const place of PLACES) {
        const value = stored[place];
        if (value === undefined || !value.includes('«redacted:')) {
          leaks.push(`${entry.kind} in ${place}: stored as ${JSON.stringify(value)}`);
          kindsClean.delete(entry.kind);
        }
      }
      for (const output of OUTPUTS) {
        const haystack = readable(texts[output], output !== 'retrospective');
        assert.ok(haystack.includes('redacted:'), `${output} carries the recorded (redacted) text for ${entry.kind}`);
        for (const piece of pieces(secret, input)) {
          if (haystack.includes(piece)) {
            leaks.push(`${entry.kind} leaked into the ${output}: ${JSON.stringify(piece)}`);
            kindsClean.delete(entry.kind);
          }
        }
      }
    }
    const kinds = new Set(corpus.map((e) => e.kind)).size;
    console.log(`      secrets redacted: ${kindsClean.size}/${kinds} kinds (${corpus.length} inputs) in ${PLACES.length} places, absent from ${OUTPUTS.length} outputs`);
    assert.deepEqual(leaks, []);
  });

  it('passes ordinary commands through unchanged, to disk and into the events the webview is sent', async () => {
    const { options } = compileRedactOptions({});
    let now = T0;
    const { recorder, pipeline } = productRecorder(dir, options, () => now);
    try {
      const start = recorder.start({ folders: ['app'], trusted: true, utcOffsetMinutes: 0 });
      for (const commandLine of ordinary) {
        now += 1000;
        pipeline.capture({ kind: 'command', start: now - 10, end: now, commandLine, exitCode: 0, confidence: 'high', terminal: 'bash' });
      }
      const inMemory = recorder.events().filter((e) => e.kind === 'command').map((e) => (e.kind === 'command' ? e.commandLine : ''));
      await recorder.flush();
      const loaded = await loadSession(dir, start.sessionId);
      assert.ok(loaded);
      const onDisk = loaded.events.flatMap((e) => (e.kind === 'command' ? [e.commandLine] : []));
      let unchanged = 0;
      const changed: string[] = [];
      ordinary.forEach((command, i) => {
        if (onDisk[i] === command && inMemory[i] === command) unchanged++;
        else changed.push(`${command}\n    → ${onDisk[i] ?? '(missing)'}`);
      });
      console.log(`      ordinary commands unchanged: ${unchanged}/${ordinary.length}`);
      assert.ok(ordinary.length >= 200, 'the corpus has 200+ ordinary commands');
      assert.deepEqual(changed, []);
    } finally {
      recorder.dispose();
    }
  });
});
