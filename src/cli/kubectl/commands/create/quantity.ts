// resource.ParseQuantity's acceptance and its error texts (the value printed is the canonical
// form the printers compute).
const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SHAPE = /^[+-]?(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/;
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** Throws ParseQuantity's error for text it rejects. */
export function checkQuantity(text: string): void {
  const m = SHAPE.exec(text);
  if (text === '' || m === null || (m[1] === '' && (m[2] ?? '') === '')) throw new Error(FORMAT_WRONG);
  const suffix = m[3] ?? '';
  if (!SUFFIXES.has(suffix) && !/^[eE][-+]?\d+$/.test(suffix)) throw new Error("unable to parse quantity's suffix");
}

/** `cpu=1,memory=1G` → a ResourceList (undefined for ""), as kubectl's generators parse it. */
export function parseResourceList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new Error(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    checkQuantity(parts[1]!);
    out[parts[0]!] = parts[1]!;
  }
  return out;
}
