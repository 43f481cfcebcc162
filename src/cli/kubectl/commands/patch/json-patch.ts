// RFC 6902 JSON patches applied client-side (patch --local / --dry-run=client --type=json), with
// evanphx/json-patch's error texts for the common failures.
type Json = unknown;
type Container = Record<string, Json> | Json[];

interface Op {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: Json;
}

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

function parts(path: string): string[] {
  if (path === '') return [];
  return path.split('/').slice(1).map(unescape);
}

/** The container holding the last segment of path, and that segment. */
function locate(doc: Json, path: string): { parent: Container; key: string } | undefined {
  const segs = parts(path);
  const key = segs.pop();
  if (key === undefined) return undefined;
  let cur: Json = doc;
  for (const s of segs) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (cur !== null && typeof cur === 'object') cur = (cur as Record<string, Json>)[s];
    else return undefined;
    if (cur === undefined || cur === null || typeof cur !== 'object') return undefined;
  }
  return cur !== null && typeof cur === 'object' ? { parent: cur as Container, key } : undefined;
}

function getAt(c: Container, key: string): Json {
  return Array.isArray(c) ? c[key === '-' ? c.length : Number(key)] : c[key];
}

function add(doc: Json, path: string, value: Json): void {
  const at = locate(doc, path);
  if (!at) throw new Error(`add operation does not apply: doc is missing path: ${JSON.stringify(path)}: missing value`);
  if (Array.isArray(at.parent)) {
    const i = at.key === '-' ? at.parent.length : Number(at.key);
    if (!Number.isInteger(i) || i < 0 || i > at.parent.length) throw new Error(`Unable to access invalid index: ${at.key}: invalid index referenced`);
    at.parent.splice(i, 0, value);
  } else {
    at.parent[at.key] = value;
  }
}

function remove(doc: Json, path: string): Json {
  const at = locate(doc, path);
  const missing = (): Error => new Error(`error in remove for path: '${path}': Unable to remove nonexistent key: ${at?.key ?? path}: missing value`);
  if (!at) throw missing();
  if (Array.isArray(at.parent)) {
    const i = Number(at.key);
    if (!Number.isInteger(i) || i < 0 || i >= at.parent.length) throw missing();
    return at.parent.splice(i, 1)[0];
  }
  if (!(at.key in at.parent)) throw missing();
  const v = at.parent[at.key];
  delete at.parent[at.key];
  return v;
}

function get(doc: Json, path: string): Json {
  if (path === '') return doc;
  const at = locate(doc, path);
  return at ? getAt(at.parent, at.key) : undefined;
}

function applyOp(doc: Json, op: Op): void {
  const path = String(op.path ?? '');
  switch (op.op) {
    case 'add': return add(doc, path, op.value);
    case 'remove': remove(doc, path); return;
    case 'replace': {
      const at = locate(doc, path);
      if (!at) throw new Error(`replace operation does not apply: doc is missing path: ${path}: missing value`);
      if (Array.isArray(at.parent)) at.parent[Number(at.key)] = op.value;
      else at.parent[at.key] = op.value;
      return;
    }
    case 'move': return add(doc, path, remove(doc, String(op.from ?? '')));
    case 'copy': return add(doc, path, structuredClone(get(doc, String(op.from ?? ''))));
    case 'test':
      if (JSON.stringify(get(doc, path)) !== JSON.stringify(op.value)) throw new Error(`testing value ${path} failed: test failed`);
      return;
    default:
      throw new Error(`Unexpected kind: ${String(op.op)}`);
  }
}

/** Applies a decoded JSON patch to a copy of doc. */
export function applyJsonPatch(doc: Json, patch: Json): Json {
  if (!Array.isArray(patch)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const out = structuredClone(doc);
  for (const op of patch as Op[]) applyOp(out, op);
  return out;
}
