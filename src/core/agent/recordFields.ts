/**
 * Typed reads of untrusted JSON: transcript records are whatever the agent's version wrote,
 * so every field is checked where it is read and a wrong type reads as absent.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return isObject(v) ? v : undefined;
}

export function str(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(value: unknown, key: string): number | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function arr(value: unknown, key: string): unknown[] | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return Array.isArray(v) ? v : undefined;
}

/** A timestamp as ISO 8601 UTC, or undefined when it is missing or not a date. */
export function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
