// REST verbs on a stored resource: get, list (selectors, limit/continue, Table), create, update,
// patch, delete, deletecollection. Watch lives in watch.ts, subresources in subresources.ts.
import type { KObject } from '../types.js';
import { groupVersion } from '../resources/types.js';

export type { Call };
import type { Call } from './server-context.js';
import { writeJson } from './respond.js';
import { objectFromBody, parseBody, readBody } from './body.js';
import { includeObject, toTable, wantsTable } from './table.js';
import { listFilter } from './filter.js';
import { pruneDecoded, rawFieldsOf } from './prune.js';
import { checkPatchedFields, checkPatchedTypes, checkUnknownFields } from './strict.js';
import { applyPatch } from '../patch/index.js';
import { badRequest, methodNotSupported, successStatus } from '../errors.js';
import type { DeleteOptions } from '../registry/rest.js';
import type { WriteEndpoint } from '../registry/write-strategy.js';
import { isApplyPatch } from './field-manager.js';
import { serverSideApply } from './server-side-apply.js';


const ns = (c: Call): string | undefined => (c.d.namespaced ? c.info.namespace || undefined : undefined);
const include = includeObject;

function respondObject(c: Call, code: number, obj: KObject): void {
  if (wantsTable(c.req.headers.accept)) {
    writeJson(c.res, code, toTable(c.d, [obj], { resourceVersion: obj.metadata.resourceVersion ?? '' }, c.s.gen.now(), include(c.query)), c.rc.warnings);
    return;
  }
  writeJson(c.res, code, obj, c.rc.warnings);
}

export async function getOne(c: Call): Promise<void> {
  respondObject(c, 200, await c.s.registry.get(c.d, ns(c), c.info.name));
}

export async function list(c: Call): Promise<void> {
  const filter = listFilter(c.d, c.query);
  const limit = Number(c.query.get('limit') ?? 0) || 0;
  const cont = c.query.get('continue') ?? undefined;
  const page = await c.s.storage.list(c.d, ns(c), { limit, ...(cont ? { continue: cont } : {}), filter });
  const meta: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continue) meta.continue = page.continue;
  if (wantsTable(c.req.headers.accept)) {
    writeJson(c.res, 200, toTable(c.d, page.items, meta, c.s.gen.now(), include(c.query)), c.rc.warnings);
    return;
  }
  const items = page.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
  writeJson(c.res, 200, { kind: `${c.d.kind}List`, apiVersion: groupVersion(c.d), metadata: meta, items });
}

/** The strategy a write goes through: the resource's, /status's, or a CSR's /approval's. */
const endpointOf = (sub: string): WriteEndpoint => (sub === 'status' || sub === 'approval' ? sub : 'main');

async function body(c: Call): Promise<unknown> {
  return parseBody(await readBody(c.req), c.req.headers['content-type'], { apiVersion: groupVersion(c.d), kind: c.d.kind });
}

export async function create(c: Call): Promise<void> {
  const obj = objectFromBody(c.d, await body(c), ns(c));
  checkUnknownFields(c, obj);
  const out = await c.s.registry.create(c.d, ns(c), obj, c.rc);
  respondObject(c, 201, out);
}

export async function update(c: Call): Promise<void> {
  const obj = objectFromBody(c.d, await body(c), ns(c));
  checkUnknownFields(c, obj);
  if (obj.metadata.name && obj.metadata.name !== c.info.name) {
    throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${c.info.name})`);
  }
  const sub = endpointOf(c.info.subresource);
  const out = await c.s.registry.update(c.d, ns(c), c.info.name, obj, c.rc, sub);
  respondObject(c, 200, out);
}

export async function patch(c: Call): Promise<void> {
  if (isApplyPatch(c)) return serverSideApply(c);
  const type = (c.req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const raw = await readBody(c.req);
  const sub = endpointOf(c.info.subresource);
  const out = await c.s.registry.guaranteedUpdate(c.d, ns(c), c.info.name, c.rc, sub, (cur) => {
    const patched = applyPatch(type, cur, raw, { group: c.d.group, version: c.d.version, kind: c.d.kind }, { fieldValidation: c.rc.fieldValidation }) as KObject;
    checkPatchedTypes(c, type, patched);
    checkPatchedFields(c, patched);
    return pruneDecoded(patched, rawFieldsOf(c.d.kind)) as KObject;
  });
  respondObject(c, 200, out);
}

function deleteOptions(c: Call, raw: Buffer): DeleteOptions {
  const opts: DeleteOptions = {};
  const b = raw.length ? (parseBody(raw, c.req.headers['content-type'], { apiVersion: 'meta.k8s.io/v1', kind: 'DeleteOptions' }) as Record<string, unknown>) : {};
  const grace = c.query.get('gracePeriodSeconds') ?? b.gracePeriodSeconds;
  if (grace !== undefined && grace !== null) opts.gracePeriodSeconds = Number(grace);
  const prop = c.query.get('propagationPolicy') ?? b.propagationPolicy;
  if (prop) opts.propagationPolicy = prop as DeleteOptions['propagationPolicy'];
  if (b.orphanDependents === true) opts.propagationPolicy = 'Orphan';
  if (b.preconditions) opts.preconditions = b.preconditions as DeleteOptions['preconditions'];
  // DeleteOptions.dryRun in the body counts as the query parameter does (kubectl sends it there).
  if (Array.isArray(b.dryRun) && b.dryRun.length > 0) {
    const bad = (b.dryRun as unknown[]).find((v) => v !== 'All');
    if (bad !== undefined) throw badRequest(`Invalid dry run value: ${String(bad)}`);
    c.rc.dryRun = true;
  }
  return opts;
}

export async function remove(c: Call): Promise<void> {
  const opts = deleteOptions(c, await readBody(c.req));
  const { obj, deleted } = await c.s.registry.delete(c.d, ns(c), c.info.name, opts, c.rc);
  if (!deleted || c.d.plural === 'pods') {
    respondObject(c, 200, obj);
    return;
  }
  const details: Record<string, string> = { name: c.info.name, kind: c.d.plural, uid: obj.metadata.uid ?? '' };
  if (c.d.group) details.group = c.d.group;
  writeJson(c.res, 200, successStatus(details), c.rc.warnings);
}

export async function removeCollection(c: Call): Promise<void> {
  if (!c.d.verbs.includes('deletecollection')) throw methodNotSupported({ group: c.d.group, resource: c.d.plural }, 'deletecollection');
  const opts = deleteOptions(c, await readBody(c.req));
  const page = await c.s.storage.list(c.d, ns(c), { filter: listFilter(c.d, c.query) });
  const items: KObject[] = [];
  for (const o of page.items) {
    try {
      items.push((await c.s.registry.delete(c.d, o.metadata.namespace, o.metadata.name!, opts, c.rc)).obj);
    } catch (err) {
      if ((err as { code?: number }).code !== 404) throw err;
    }
  }
  writeJson(c.res, 200, { kind: `${c.d.kind}List`, apiVersion: groupVersion(c.d), metadata: { resourceVersion: page.resourceVersion }, items });
}
