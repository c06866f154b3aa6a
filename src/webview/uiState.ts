import type { TimelineCategory } from '../shared/protocol';
import { TIMELINE_CATEGORIES } from '../shared/protocol';

/**
 * What the view remembers across being hidden and shown again (VS Code destroys a hidden
 * webview's page): filters, search, expanded bursts, scroll and the focused row. Stored with
 * `vscode.setState`, read back as unknown because an older version may have written it.
 */
export interface UiState {
  readonly hidden: readonly TimelineCategory[];
  readonly search: string;
  readonly expanded: readonly string[];
  readonly scrollTop: number;
  readonly focusedKey?: string;
}

/** Far more than anyone expands by hand; keeps the stored state small. */
const MAX_EXPANDED = 200;
const MAX_SEARCH = 500;

/** The state of a fresh view: everything shown, nothing expanded, at the top. */
export const DEFAULT_UI_STATE: UiState = { hidden: [], search: '', expanded: [], scrollTop: 0 };

function isCategory(value: unknown): value is TimelineCategory {
  return typeof value === 'string' && (TIMELINE_CATEGORIES as readonly string[]).includes(value);
}

/** Reads stored state defensively: unknown fields are dropped, wrong ones fall back to defaults. */
export function parseUiState(value: unknown): UiState {
  if (typeof value !== 'object' || value === null) return DEFAULT_UI_STATE;
  const v = value as Record<string, unknown>;
  const hidden = Array.isArray(v['hidden']) ? [...new Set(v['hidden'].filter(isCategory))] : [];
  const search = typeof v['search'] === 'string' ? v['search'].slice(0, MAX_SEARCH) : '';
  const expanded = Array.isArray(v['expanded'])
    ? v['expanded'].filter((x): x is string => typeof x === 'string').slice(-MAX_EXPANDED)
    : [];
  const scroll = v['scrollTop'];
  const scrollTop = typeof scroll === 'number' && Number.isFinite(scroll) && scroll > 0 ? scroll : 0;
  const focused = v['focusedKey'];
  return typeof focused === 'string' ? { hidden, search, expanded, scrollTop, focusedKey: focused } : { hidden, search, expanded, scrollTop };
}
