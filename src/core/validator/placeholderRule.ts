/**
 * The no-placeholders rule: a template hint, "TODO" or "<your name>" left in a retrospective
 * means nobody finished it. HTML comments (where Session Journal's drafts keep their hints),
 * code and the validation checklist are never searched.
 */
import type { Finding } from './types';
import type { RuleContext } from './sectionRules';
import { SECTION_TITLES } from './sectionNames';
import { hasWord, sectionProse } from './text';

const MARKER = /\b(?:TODO|TBD|TBA|FIXME|XXX)\b|\btbd\b/;
const LOREM = /lorem ipsum/i;
const INSERT = /\[\s{0,3}(?:insert|fill in|enter|placeholder|your)\b[^\]\n]{0,100}\](?!\()/i;
const ANGLE = /<([^<>\n]{1,80})>/g;
const WHOLE = /^(?:\.{2,}|…|pending|todo|tbd|tba|placeholder|fill in|fill me in|xxx|lorem ipsum)$/i;

// Real HTML that retrospectives use; anything else in angle brackets reads as a template slot.
const HTML_TAGS = new Set([
  'a', 'abbr', 'b', 'br', 'code', 'details', 'div', 'em', 'hr', 'i', 'img', 'kbd', 'li', 'mark', 'ol', 'p', 'pre',
  'q', 's', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'u',
  'ul', 'del', 'ins', 'picture', 'source', 'video', 'blockquote', 'center', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

function anglePlaceholder(line: string): string | undefined {
  if (!line.includes('<')) return undefined;
  ANGLE.lastIndex = 0;
  for (let m = ANGLE.exec(line); m !== null; m = ANGLE.exec(line)) {
    const inner = m[1].trim();
    if (inner === '' || /[=:@"'/\\]/.test(inner.replace(/^\//, '').replace(/\/$/, ''))) continue;
    if (inner.startsWith('/') || inner.startsWith('!')) continue;
    if (/^[\d\s.,<>=+-]+$/.test(inner)) continue; // "a < 3 > b" is maths, not a slot.
    const tag = inner.replace(/\/$/, '').trim().split(/\s/)[0].toLowerCase();
    if (HTML_TAGS.has(tag) && !/\s/.test(inner.replace(/\/$/, '').trim())) continue;
    return m[0];
  }
  return undefined;
}

/** The parts of a line a placeholder could fill on its own: table cells, list item text, a header value. */
function contents(line: string): string[] {
  const t = line.trim();
  if (t.startsWith('|')) return t.split('|').map((c) => c.trim()).filter((c) => c !== '' && !/^:?-+:?$/.test(c));
  const item = t.replace(/^(?:>\s?)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/, '');
  const value = /^(?:\*\*|__)?[A-Za-z][A-Za-z ]{0,30}?(?::\s?(?:\*\*|__)|(?:\*\*|__)\s?:)\s*(.*)$/.exec(item);
  return value ? [item, value[1]] : [item];
}

function wholePlaceholder(line: string): string | undefined {
  for (const part of contents(line)) {
    const bare = part.replace(/[*_~]/g, '').replace(/^[([\s]+|[)\]\s.:;,!]+$/g, '').trim();
    if (bare === '' && /^(?:\.{2,}|…)/.test(part.replace(/[*_~\s]/g, ''))) return part.trim();
    if (WHOLE.test(bare)) return bare;
  }
  return undefined;
}

function placeholderIn(line: string): string | undefined {
  if (line.length > 100_000) return undefined;
  const marker = MARKER.exec(line) ?? LOREM.exec(line) ?? INSERT.exec(line);
  if (marker) return marker[0];
  return anglePlaceholder(line) ?? wholePlaceholder(line);
}

const MAX_FINDINGS = 50;

/** no-placeholders: no template text anywhere, and no required section left empty. */
export function checkPlaceholders(ctx: RuleContext): Finding[] {
  const { doc, config, headings } = ctx;
  const out: Finding[] = [];
  const sectionHeadings = new Set(doc.sections.map((s) => s.line));
  for (let i = 0; i < doc.plain.length && out.length < MAX_FINDINGS; i++) {
    const line = doc.plain[i];
    if (line.trim() === '' || sectionHeadings.has(i + 1)) continue;
    const found = placeholderIn(line);
    if (found !== undefined) {
      out.push({ rule: 'no-placeholders', message: `Placeholder left in the text: "${found.slice(0, 60)}".`, line: i + 1, severity: 'error' });
    }
  }
  const required = new Set(config.requiredSections);
  for (const section of doc.sections) {
    if (!required.has(section.key)) continue;
    if (!hasWord(sectionProse(doc, section, headings, true))) {
      out.push({
        rule: 'no-placeholders', message: `The ${SECTION_TITLES[section.key]} section is empty.`,
        line: section.line, severity: 'error', section: section.key,
      });
    }
  }
  return out;
}
