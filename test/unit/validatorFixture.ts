// Helpers shared by the validator tests: documents are built by editing good.md, so every
// broken variant stays in step with the fixture.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleId, ValidationResult } from '../../src/core/validator/types';

export const GOOD_PATH = join(__dirname, '..', 'fixtures', 'retrospectives', 'good.md');

/** The complete, passing retrospective. */
export function goodDoc(): string {
  return readFileSync(GOOD_PATH, 'utf8');
}

/** Replaces text that must be present, so a fixture edit cannot silently turn a test into a no-op. */
export function edit(markdown: string, from: string | RegExp, to: string): string {
  if (typeof from === 'string') assert.ok(markdown.includes(from), `fixture no longer contains ${JSON.stringify(from)}`);
  else assert.match(markdown, from);
  return markdown.replace(from, to);
}

/** Replaces the body of the section under `heading` (up to the next heading of any level). */
export function replaceBody(markdown: string, heading: string, body: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `fixture has no heading ${heading}`);
  const bodyStart = start + heading.length + 1;
  const next = markdown.indexOf('\n#', bodyStart);
  const end = next < 0 ? markdown.length : next + 1;
  return markdown.slice(0, bodyStart) + '\n' + body + '\n\n' + markdown.slice(end);
}

/** The ids of the rules that failed. */
export function failedRules(result: ValidationResult): RuleId[] {
  return result.rules.filter((r) => !r.passed).map((r) => r.rule);
}

/** The 1-based line of the first line containing `text`. */
export function lineOf(markdown: string, text: string): number {
  const index = markdown.split(/\r?\n/).findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `no line contains ${JSON.stringify(text)}`);
  return index + 1;
}
