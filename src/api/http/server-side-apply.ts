// PATCH with Content-Type application/apply-patch+yaml: server-side apply of a resource or its
// status. The body (YAML or JSON) is the manager's whole intent; an object that does not exist is
// created (201), as the apiserver's patcher does for apply.
import { parse as parseYaml } from 'yaml';
import { badRequest, notFound } from '../errors.js';
import { trackApply, type ObjectJson } from '../managed-fields/index.js';
import type { KObject } from '../types.js';
import { readBody } from './body.js';
import { placeManagedFields, scopeOf } from './field-manager.js';
import { pruneDecoded, rawFieldsOf } from './prune.js';
import { writeJson } from './respond.js';
import type { Call } from './server-context.js';

/** strconv.ParseBool's true spellings (PatchOptions.force). */
const PARSE_BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

const ns = (c: Call): string | undefined => (c.d.namespaced ? c.info.namespace || undefined : undefined);

/** yaml.Unmarshal into map[string]interface{}: 400 "error decoding YAML: ..." otherwise. */
function decodeApply(raw: Buffer): ObjectJson {
  let v: unknown;
  try {
    v = parseYaml(raw.toString('utf8'));
  } catch (err) {
    throw badRequest(`error decoding YAML: ${(err as Error).message}`);
  }
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type map[string]interface {}`);
  }
  return v as ObjectJson;
}

/** EnsureObjectNamespaceMatchesRequestNamespace and checkName, on the applied result. */
function checkTarget(c: Call, obj: KObject): KObject {
  const want = ns(c) ?? '';
  const m = obj.metadata;
  if (!m.namespace) {
    if (want) m.namespace = want;
  } else if (!want) delete m.namespace;
  else if (m.namespace !== want) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  if ((m.name ?? '') !== c.info.name) throw badRequest(`the name of the object (${m.name ?? ''}) does not match the name on the URL (${c.info.name})`);
  return obj;
}

function applied(c: Call, live: KObject | undefined, config: ObjectJson): KObject {
  const out = trackApply({
    scope: scopeOf(c),
    live: live as unknown as ObjectJson | undefined,
    config,
    manager: c.query.get('fieldManager') ?? '',
    force: PARSE_BOOL_TRUE.has(c.query.get('force') ?? ''),
  });
  const obj = pruneDecoded(out, rawFieldsOf(c.d.kind)) as KObject;
  const entries = obj.metadata.managedFields;
  delete obj.metadata.managedFields;
  placeManagedFields(obj.metadata, entries, live?.metadata);
  return checkTarget(c, obj);
}

export async function serverSideApply(c: Call): Promise<void> {
  const config = decodeApply(await readBody(c.req));
  c.rc.trackFields = undefined;
  const sub = c.info.subresource === 'approval' ? 'approval' : c.info.subresource ? 'status' : 'main';
  if (!(await c.s.storage.tryGet(c.d, ns(c), c.info.name))) {
    if (c.info.subresource) throw notFound({ group: c.d.group, resource: c.d.plural }, c.info.name);
    const created = await c.s.registry.create(c.d, ns(c), applied(c, undefined, config), c.rc);
    writeJson(c.res, 201, created, c.rc.warnings);
    return;
  }
  const out = await c.s.registry.guaranteedUpdate(c.d, ns(c), c.info.name, c.rc, sub, (cur) => applied(c, cur, config));
  writeJson(c.res, 200, out, c.rc.warnings);
}
