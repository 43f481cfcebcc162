// structured-merge-diff's fieldpath.PathElement: how one step into an object is named — a field
// (`f:name`), an associative list item by its keys (`k:{"name":"x"}`), a set item by its value
// (`v:"x"`) or a list index (`i:0`) — with its order, its FieldsV1 text and its `.name[k=v]` form.
import { goJsonMarshal } from '../../printers/jsonpath/gojson.js';
import { compareValues, equalValues, valueString, type Json } from './values.js';

/** One key field of an associative list item; a key is kept sorted by name. */
export type KeyField = readonly [name: string, value: Json];

export type PathElement =
  | { readonly field: string }
  | { readonly key: readonly KeyField[] }
  | { readonly value: Json }
  | { readonly index: number };

export type Path = readonly PathElement[];

export const fieldPE = (name: string): PathElement => ({ field: name });

/** A key, its fields sorted by name (value.FieldList.Sort). */
export function keyPE(fields: KeyField[]): PathElement {
  return { key: [...fields].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
}

function compareKeys(a: readonly KeyField[], b: readonly KeyField[]): number {
  for (let i = 0; ; i++) {
    if (i >= a.length && i >= b.length) return 0;
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const [na, va] = a[i]!;
    const [nb, vb] = b[i]!;
    if (na !== nb) return na < nb ? -1 : 1;
    const c = compareValues(va, vb);
    if (c !== 0) return c;
  }
}

const kindRank = (pe: PathElement): number => ('field' in pe ? 0 : 'key' in pe ? 1 : 'value' in pe ? 2 : 3);

/** PathElement.Compare: fields < keys < values < indexes, then within the kind. */
export function comparePE(a: PathElement, b: PathElement): number {
  const ra = kindRank(a);
  const rb = kindRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if ('field' in a) {
    const fb = (b as { field: string }).field;
    return a.field < fb ? -1 : a.field > fb ? 1 : 0;
  }
  if ('key' in a) return compareKeys(a.key, (b as { key: readonly KeyField[] }).key);
  if ('value' in a) return compareValues(a.value, (b as { value: Json }).value);
  const ib = (b as { index: number }).index;
  return a.index < ib ? -1 : a.index > ib ? 1 : 0;
}

export function equalPE(a: PathElement, b: PathElement): boolean {
  if ('key' in a && 'key' in b) {
    return a.key.length === b.key.length && a.key.every(([n, v], i) => n === b.key[i]![0] && equalValues(v, b.key[i]![1]));
  }
  return comparePE(a, b) === 0;
}

/** The FieldsV1 key of a path element (SerializePathElement). */
export function serializePE(pe: PathElement): string {
  if ('field' in pe) return `f:${pe.field}`;
  if ('key' in pe) return `k:{${pe.key.map(([n, v]) => `${goJsonMarshal(n)}:${goJsonMarshal(v)}`).join(',')}}`;
  if ('value' in pe) return `v:${goJsonMarshal(pe.value)}`;
  return `i:${pe.index}`;
}

/** DeserializePathElement; undefined for an unknown prefix (such entries are dropped). */
export function deserializePE(s: string): PathElement | undefined {
  if (s.length < 2 || s[1] !== ':') throw new Error(s.length < 2 ? 'key must be 2 characters long:' : `missing colon: ${s}`);
  const body = s.slice(2);
  switch (s[0]) {
    case 'f':
      return { field: body };
    case 'v':
      return { value: JSON.parse(body) as Json };
    case 'k': {
      const fields = JSON.parse(body) as Record<string, Json>;
      return keyPE(Object.entries(fields));
    }
    case 'i': {
      if (!/^[+-]?\d+$/.test(body)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(body)}: invalid syntax`);
      return { index: Number(body) };
    }
    default:
      return undefined;
  }
}

/** PathElement.String: `.name`, `[k=v,...]`, `[=v]`, `[i]`. */
export function peString(pe: PathElement): string {
  if ('field' in pe) return `.${pe.field}`;
  if ('key' in pe) return `[${pe.key.map(([n, v]) => `${n}=${valueString(v)}`).join(',')}]`;
  if ('value' in pe) return `[=${valueString(pe.value)}]`;
  return `[${pe.index}]`;
}

export const pathString = (p: Path): string => p.map(peString).join('');
