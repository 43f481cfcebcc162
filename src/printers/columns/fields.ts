// Reading an object's JSON without trusting its shape: a missing or mistyped field reads as Go's
// zero value (empty string, 0, empty map or list), which is what the upstream printers see.

export type Fields = Record<string, unknown>;

/** The value as a JSON object, or an empty one. */
export function rec(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

/** The value as a list of JSON objects (non-objects read as empty ones). */
export function recs(value: unknown): Fields[] {
  return Array.isArray(value) ? value.map(rec) : [];
}

/** Walks `keys` down from `value`; undefined as soon as a step is missing. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Fields)[key];
  }
  return current;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function strs(value: unknown): string[] {
  return Array.isArray(value) ? value.map(str) : [];
}

export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A pointer field: undefined when absent (or null). */
export function optNum(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function optBool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A map[string]string field. */
export function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(rec(value))) out[key] = str(v);
  return out;
}

/** Number of keys of a map field (len() of a Go map). */
export function size(value: unknown): number {
  return Object.keys(rec(value)).length;
}

/** Go's sort.Strings: byte order, which is code-unit order for the ASCII names used here. */
export function sortStrings(values: string[]): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
