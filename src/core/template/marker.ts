/**
 * The marker comment a retrospective opens with. End Session writes
 * `<!-- session-journal:session <id> -->` (the session layout) or
 * `<!-- session-journal:session <id> template <name> -->`; a retrospective written by hand can
 * name its layout alone with `<!-- session-journal:template <name> -->`. An HTML comment never
 * renders, and the editor and the CLI read the name to validate against the right template.
 */
import { findTemplate } from './templates';
import { SESSION_TEMPLATE } from './sessionTemplate';
import type { RetrospectiveTemplate } from './types';

const MARKER = /<!--[ \t]*session-journal:(?:session[ \t]+([\w-]{1,64})[ \t]*)?(?:template[ \t]+([^\s>]{1,64})[ \t]*)?-->/;
/** Where the marker may stand: on the first line, or after a front matter or a blank line or two. */
const MARKER_SEARCH_CHARS = 2000;
const MARKER_LINES = 12;

export interface Marker {
  readonly sessionId?: string;
  readonly template?: string;
}

/** The marker End Session writes; the session layout's marker stays the one drafts always had. */
export function draftMarker(sessionId: string, templateName: string = SESSION_TEMPLATE.name): string {
  return templateName === SESSION_TEMPLATE.name
    ? `<!-- session-journal:session ${sessionId} -->`
    : `<!-- session-journal:session ${sessionId} template ${templateName} -->`;
}

/** The marker a hand-written retrospective names its template with. */
export function templateMarker(templateName: string): string {
  return `<!-- session-journal:template ${templateName} -->`;
}

/** The marker in the first lines of `text`, when there is one. */
export function readMarker(text: string): Marker | undefined {
  const head = text.slice(0, MARKER_SEARCH_CHARS).split('\n').slice(0, MARKER_LINES);
  for (const line of head) {
    const m = MARKER.exec(line);
    if (!m || (m[1] === undefined && m[2] === undefined)) continue;
    return { ...(m[1] === undefined ? {} : { sessionId: m[1] }), ...(m[2] === undefined ? {} : { template: m[2] }) };
  }
  return undefined;
}

/** The session id of a draft End Session wrote (its marker is the first line), or undefined. */
export function sessionIdOfDraft(text: string): string | undefined {
  const firstLine = text.slice(0, 300).split('\n')[0] ?? '';
  return MARKER.exec(firstLine)?.index === 0 ? readMarker(firstLine)?.sessionId : undefined;
}

/** The template a retrospective is validated against, and the name it gave when nobody knows it. */
export interface ChosenTemplate {
  readonly template: RetrospectiveTemplate;
  /** Set when the marker (or the caller) named a template that is neither built in nor the workspace's. */
  readonly unknown?: string;
}

/**
 * The template for `text`: the one `requested` names (a `--template` name) when given, else the
 * one its marker names, else `session`. An unknown name falls back to `session`, reported in
 * `unknown` so the known-template rule can say so.
 */
export function chooseTemplate(text: string, workspace: readonly RetrospectiveTemplate[] = [], requested?: string): ChosenTemplate {
  const name = requested ?? readMarker(text)?.template;
  if (name === undefined) return { template: SESSION_TEMPLATE };
  const found = findTemplate(name, workspace);
  return found ? { template: found } : { template: SESSION_TEMPLATE, unknown: name };
}
