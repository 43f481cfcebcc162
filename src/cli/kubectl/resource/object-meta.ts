// The builder's metadataValidatingDecoder: an unstructured object's metadata must also decode into
// ObjectMeta, or the document fails with encoding/json's UnmarshalTypeError text, e.g.
// `json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string`.

type GoType = 'string' | 'int64' | 'map[string]string' | '[]string' | 'Time';

const FIELDS: Record<string, GoType> = {
  annotations: 'map[string]string', creationTimestamp: 'Time', deletionGracePeriodSeconds: 'int64',
  deletionTimestamp: 'Time', finalizers: '[]string', generateName: 'string', generation: 'int64',
  labels: 'map[string]string', name: 'string', namespace: 'string', resourceVersion: 'string',
  selfLink: 'string', uid: 'string',
};

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function typeError(v: unknown, path: string, type: string): string {
  const what = typeof v === 'number' ? `number ${String(v)}` : jsonType(v);
  return `json: cannot unmarshal ${what} into Go struct field ObjectMeta.metadata.${path} of type ${type}`;
}

function check(v: unknown, key: string, t: GoType): string | undefined {
  if (v === null) return undefined;
  switch (t) {
    case 'string':
      return typeof v === 'string' ? undefined : typeError(v, key, 'string');
    case 'int64':
      return typeof v === 'number' && Number.isInteger(v) ? undefined : typeError(v, key, 'int64');
    case 'Time':
      return typeof v === 'string' ? undefined : typeError(v, key, 'string');
    case 'map[string]string': {
      if (typeof v !== 'object' || Array.isArray(v)) return typeError(v, key, 'map[string]string');
      const bad = Object.values(v as Record<string, unknown>).find((x) => x !== null && typeof x !== 'string');
      return bad === undefined ? undefined : typeError(bad, key, 'string');
    }
    case '[]string': {
      if (!Array.isArray(v)) return typeError(v, key, '[]string');
      const bad = v.find((x) => x !== null && typeof x !== 'string');
      return bad === undefined ? undefined : typeError(bad, key, 'string');
    }
  }
}

/** The first metadata field (in key order) that ObjectMeta cannot hold; undefined when all fit. */
export function metadataError(obj: Record<string, unknown>): string | undefined {
  const meta = obj.metadata;
  if (meta === undefined || meta === null) return undefined;
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    return `json: cannot unmarshal ${jsonType(meta)} into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`;
  }
  const m = meta as Record<string, unknown>;
  for (const key of Object.keys(m).sort()) {
    const t = FIELDS[key];
    const err = t ? check(m[key], key, t) : undefined;
    if (err) return err;
  }
  return undefined;
}
