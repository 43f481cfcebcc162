// The builder as reconcile calls it: WithScheme(kubectl's scheme).ContinueOnError()
// .NamespaceParam(ns).DefaultNamespace().FilenameParam(enforce, …).Flatten().Local(). Documents
// are decoded into Go types (so a kind kubectl's scheme does not know is an error); no REST
// mapping is looked up, so an object is namespaced only when it names a namespace — none is
// defaulted, a named one must match an explicit -n. Errors come as ContinueOnError gathers them:
// each object's in order, then one aggregate of what the streams hit.
import type { Obj } from '../../../../../client/types.js';
import type { Io } from '../../../../shared/io.js';
import { buildKustomization } from '../../../kustomize/build.js';
import { decodeManifests, planFiles, readSource, type FilenameOptions, type ManifestItem } from '../../../resource/files.js';
import { filenameErrors } from '../../apply/objects/visit.js';
import { Aggregate, aggregate } from '../../mutate/aggregate.js';
import { isRecord, namespaceOf, type Json } from './objects.js';
import { decodeProblem, isListKind, registered, typedDecodeMessage, UNKNOWN_ITEM } from './scheme.js';

export interface LocalInfo {
  object: Obj;
  source: string;
  /** the TypeMeta the decoded object carries (empty for the items of a typed list) */
  typeMeta: { kind: string; apiVersion: string };
}

export interface VisitOptions {
  files: FilenameOptions;
  namespace: string;
  enforceNamespace: boolean;
}

/** FilenameParam's own errors (Complete's r.Err()), before anything is read. */
export function filenameError(o: VisitOptions, cwd: string): Error | undefined {
  return filenameErrors({ files: o.files, namespace: o.namespace, enforceNamespace: o.enforceNamespace, validate: false }, cwd);
}

async function kustomizeItems(dir: string, io: Io): Promise<ManifestItem[]> {
  try {
    return decodeManifests(await buildKustomization(dir, io), dir);
  } catch (err) {
    return [{ source: dir, error: err as Error }];
  }
}

/** Every stream's documents, in order. */
async function* documents(o: VisitOptions, io: Io): AsyncGenerator<ManifestItem> {
  if (o.files.kustomize !== '') {
    yield* await kustomizeItems(o.files.kustomize, io);
    return;
  }
  for (const s of planFiles(o.files, io.cwd).sources) yield* await readSource(s, io);
}

type Run = (info: LocalInfo) => Promise<void>;

const infoOf = (obj: Json, source: string, ownType: boolean): LocalInfo => ({
  object: obj as unknown as Obj,
  source,
  typeMeta: ownType ? { kind: String(obj.kind), apiVersion: String(obj.apiVersion) } : { kind: '', apiVersion: '' },
});

/** The items of a List: a v1 List's are decoded on their own (ownTypes), a typed list's are of its element kind. */
function listItems(list: Json): { items: Json[]; ownTypes: boolean } {
  const raw = Array.isArray(list.items) ? list.items.filter(isRecord) : [];
  if (list.apiVersion === 'v1' && list.kind === 'List') return { items: raw, ownTypes: true };
  const kind = String(list.kind).replace(/List$/, '');
  return { items: raw.map((i) => ({ ...i, apiVersion: list.apiVersion, kind })), ownTypes: false };
}

/** FlattenListVisitor: one decode failure fails the list; unregistered items fail alone. */
async function visitList(list: Json, source: string, run: Run): Promise<Error | undefined> {
  const { items, ownTypes } = listItems(list);
  // runtime.DecodeList leaves an unregistered item undecoded; any other failure fails the list
  const decodeErrs = ownTypes ? items.map(decodeProblem).filter((m): m is string => m !== undefined && !m.startsWith('no kind ')) : [];
  if (decodeErrs.length > 0) return new Aggregate(decodeErrs.map((m) => new Error(m)));
  const errs: Error[] = [];
  for (const item of items) {
    if (ownTypes && !registered(String(item.apiVersion), String(item.kind))) errs.push(new Error(UNKNOWN_ITEM));
    else await run(infoOf(item, source, ownTypes));
  }
  return aggregate(errs);
}

/** Visit: fn for every object; undefined when nothing failed. */
export async function visitLocal(io: Io, o: VisitOptions, fn: Run): Promise<Error | undefined> {
  const errs: Error[] = [];
  const sourceErrs: Error[] = [];
  const run: Run = async (info) => {
    try {
      const ns = namespaceOf(info.object);
      if (o.enforceNamespace && ns !== '' && ns !== o.namespace) {
        throw new Error(`the namespace from the provided object ${JSON.stringify(ns)} does not match the namespace ${JSON.stringify(o.namespace)}. You must pass '--namespace=${ns}' to perform this operation.`);
      }
      await fn(info);
    } catch (err) {
      errs.push(err as Error);
    }
  };
  for await (const item of documents(o, io)) {
    if ('error' in item) {
      sourceErrs.push(new Error(typedDecodeMessage(item.error.message)));
      continue;
    }
    const problem = decodeProblem(item.object);
    if (problem !== undefined) sourceErrs.push(new Error(`unable to decode ${JSON.stringify(item.source)}: ${problem}`));
    else if (isListKind(item.object)) {
      const err = await visitList(item.object, item.source, run);
      if (err) sourceErrs.push(err);
    } else await run(infoOf(item.object, item.source, true));
  }
  const sources = aggregate(sourceErrs);
  const all = sources ? [...errs, sources] : errs;
  return all.length === 1 ? all[0] : aggregate(all);
}
