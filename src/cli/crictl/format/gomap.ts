// fmt's %v of a Go map[string]string: `map[k1:v1 k2:v2]`, keys sorted.
export function goMap(m: Record<string, string> | null | undefined): string {
  const keys = Object.keys(m ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${keys.map((k) => `${k}:${m![k]}`).join(' ')}]`;
}
