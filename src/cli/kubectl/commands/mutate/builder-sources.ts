// Where the builder's objects come from: the documents of -f files (mapped by kind, Lists
// flattened, re-read from the server with Latest) and the lists a selector asks the server for.
import type { Obj } from '../../../../client/types.js';
import { enhanceListError, gvrString } from '../../../../client/list-error.js';
import { TransportError } from '../../../../client/transport-error.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { isList, listItems, readSource, type FilePlan } from '../../resource/files.js';
import { requestJson, TYPED_ACCEPT } from '../../resource/request.js';
import { Aggregate } from './aggregate.js';
import type { BuilderEnv, VisitPlan } from './builder-types.js';
import { apiVersionOf, collectionPath, isNamespaced, retrieve, setObjectNamespace, type Info } from './info.js';
import { matchesLabelSelector } from './label-selector.js';
import { mappingForKind, NoKindMatchError } from './mapping.js';

/** An object to act on, or an error; `source` errors are the ones a visitor's source hit. */
export type Entry = { info: Info } | { error: Error; source?: boolean };

function metaOf(obj: Record<string, unknown>): { name: string; namespace: string } {
  const m = (obj.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  return { name: typeof m.name === 'string' ? m.name : '', namespace: typeof m.namespace === 'string' ? m.namespace : '' };
}

/** infoForData: the object's mapping (unless local), name and namespace. */
async function infoForData(env: BuilderEnv, p: VisitPlan, obj: Record<string, unknown>, source: string): Promise<Info> {
  const { name, namespace } = metaOf(obj);
  const info: Info = { namespace, name, source, object: obj as Obj };
  if (p.local) return info;
  try {
    const mapping = await mappingForKind(env, String(obj.apiVersion ?? ''), String(obj.kind), 1);
    if (mapping) info.mapping = mapping;
  } catch (err) {
    if (err instanceof NoKindMatchError) {
      throw new Error(`resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(source)}: ${err.message}\nensure CRDs are installed first`);
    }
    if (err instanceof TransportError) throw new Error(`unable to recognize ${JSON.stringify(source)}: ${err.message}`);
    throw err;
  }
  return info;
}

/** infoForObject: a List item's mapping. */
async function infoForItem(env: BuilderEnv, p: VisitPlan, obj: Record<string, unknown>, source: string): Promise<Info> {
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    throw new Error(`unable to get type info from the object "*unstructured.Unstructured": Object 'Kind' is missing in 'object has no kind field '`);
  }
  const { name, namespace } = metaOf(obj);
  const info: Info = { namespace, name, source, object: obj as Obj };
  if (p.local) return info;
  try {
    const mapping = await mappingForKind(env, String(obj.apiVersion ?? ''), obj.kind, 1);
    if (mapping) info.mapping = mapping;
  } catch (err) {
    if (err instanceof NoKindMatchError) throw new Error(`unable to recognize ${err.message}`);
    throw err;
  }
  return info;
}

/** Latest(): namespace defaulted, then the object as the server has it now. */
async function latest(env: BuilderEnv, p: VisitPlan, info: Info): Promise<void> {
  if (!p.latest) return;
  if (p.defaultNamespace && isNamespaced(info) && info.namespace === '') {
    info.namespace = p.namespace;
    setObjectNamespace(info);
  }
  if (info.name === '') return;
  if (isNamespaced(info) && info.namespace === '') {
    throw new Error(`no namespace set on resource ${info.mapping?.resource ?? ''} ${JSON.stringify(info.name)}`);
  }
  delete info.object;
  await retrieve(await env.client(), info, p.accept, p.includeObject, p.typed);
}

async function* objectEntries(env: BuilderEnv, p: VisitPlan, obj: Record<string, unknown>, source: string): AsyncGenerator<Entry> {
  let info: Info;
  try {
    info = await infoForData(env, p, obj, source);
  } catch (err) {
    yield { error: err as Error, source: true };
    return;
  }
  if (!isList(obj)) {
    try {
      await latest(env, p, info);
    } catch (err) {
      yield { error: err as Error, source: true };
      return;
    }
    if (matchesLabelSelector(p.labelSelector, info)) yield { info };
    return;
  }
  const errs: Error[] = [];
  for (const item of listItems(obj)) {
    try {
      const i = await infoForItem(env, p, item, source);
      await latest(env, p, i);
      if (matchesLabelSelector(p.labelSelector, i)) yield { info: i };
    } catch (err) {
      errs.push(err as Error);
    }
  }
  if (errs.length > 0) yield { error: new Aggregate(errs), source: true };
}

/** The documents of every -f stream, in order. */
export async function* pathEntries(env: BuilderEnv, p: VisitPlan, plan: FilePlan): AsyncGenerator<Entry> {
  for (const s of plan.sources) {
    for (const item of await readSource(s, env.io)) {
      if ('error' in item) yield { error: item.error, source: true };
      else yield* objectEntries(env, p, item.object, item.source);
    }
  }
}

function listQuery(p: VisitPlan, cont: string | undefined): string {
  const q = new URLSearchParams();
  if (cont) q.set('continue', cont);
  if (p.fieldSelector) q.set('fieldSelector', p.fieldSelector);
  if (p.labelSelector) q.set('labelSelector', p.labelSelector);
  if (p.chunkSize > 0) q.set('limit', String(p.chunkSize));
  const s = q.toString();
  return s ? `?${s}` : '';
}

interface ListPage {
  apiVersion?: string;
  metadata?: { continue?: string };
  items?: Obj[];
}

/** A Selector: the matching objects of one resource, page by page. */
export async function* selectorEntries(env: BuilderEnv, p: VisitPlan, r: ApiResource): AsyncGenerator<Entry> {
  const ns = r.namespaced ? p.namespace : '';
  const client = await env.client();
  let cont: string | undefined;
  do {
    let page: ListPage;
    try {
      page = await requestJson<ListPage>(client, 'GET', collectionPath(r, ns || undefined) + listQuery(p, cont), p.typed ? { accept: TYPED_ACCEPT } : {});
    } catch (err) {
      yield { error: enhanceListError(err as Error, gvrString(r), p), source: true };
      return;
    }
    for (const item of page.items ?? []) {
      const object: Obj = { apiVersion: page.apiVersion ?? apiVersionOf(r), kind: r.kind, ...item };
      const { name, namespace } = metaOf(object);
      yield { info: { mapping: r, namespace, name, object } };
    }
    cont = page.metadata?.continue || undefined;
  } while (cont);
}
