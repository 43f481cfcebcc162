// The builder as create, apply, replace, diff and edit call it on manifests
// (Unstructured().Schema(…).ContinueOnError().NamespaceParam(ns).DefaultNamespace()
// .FilenameParam(enforce, …).LabelSelectorParam(…).Flatten().Do()): every document of every -f
// stream (or of the -k build), mapped, its namespace defaulted or checked, then handed to the
// command; per-object failures in order, then one aggregate of what the streams hit.
import { resolve } from 'node:path';
import type { Obj } from '../../../../../client/types.js';
import { TransportError } from '../../../../../client/transport-error.js';
import { readAll, type Io } from '../../../../shared/io.js';
import { isList, listItems, planFiles, readText as readSourceText, sourceName, type FilenameOptions, type Source } from '../../../resource/files.js';
import { Aggregate, aggregate } from '../../mutate/aggregate.js';
import type { BuilderEnv } from '../../mutate/builder-types.js';
import { isNamespaced, setObjectNamespace, type Info } from '../../mutate/info.js';
import { matchesLabelSelector, parseLabelSelector } from '../../mutate/label-selector.js';
import { mappingForKind, NoKindMatchError } from '../../mutate/mapping.js';
import { decodeStream, validationError, type StreamItem } from './stream.js';

export interface ManifestOptions {
  files: FilenameOptions;
  namespace: string;
  enforceNamespace: boolean;
  selector?: string;
  validate: boolean;
  /** builds a kustomization directory to YAML (kubectl's -k) */
  kustomize?: (dir: string) => Promise<string>;
  /** without ContinueOnError (diff): the first failure ends the visit */
  stopOnError?: boolean;
  /** a stream given as text (edit's `edited-file`) instead of -f/-k */
  text?: { content: string; source: string };
  /** NamespaceParam(…).DefaultNamespace(); edit's re-read of its file has neither */
  noDefaultNamespace?: boolean;
  /** stdin already read (a command that visits the files twice) */
  stdinText?: string;
  /** the validator's server check of each document before it is decoded (ValidateSchema) */
  verify?: (gvk: { group: string; version: string; kind: string }) => Promise<void>;
}

export type VisitFn = (info: Info) => Promise<void>;

/** FilenameParam's own errors (bad paths, -f with -k), before anything is read. */
export function filenameErrors(o: ManifestOptions, cwd: string): Error | undefined {
  if (o.text) return undefined;
  if (o.files.kustomize !== '' && o.files.filenames.length === 0 && !o.files.recursive) return undefined;
  return aggregate(planFiles(o.files, cwd).errors);
}

async function readText(s: Source, io: Io, stdinText: string | undefined): Promise<string> {
  if (s.type === 'stdin') return stdinText ?? (await readAll(io.stdin)).toString('utf8');
  if (s.type !== 'file') return readSourceText(s, io);
  const { readFileSync } = await import('node:fs');
  try {
    return readFileSync(resolve(io.cwd, s.path), 'utf8');
  } catch {
    throw new Error(`open ${s.path}: no such file or directory`);
  }
}

/** The streams to read: each -f source, or the one kustomize build named after the directory. */
async function streams(o: ManifestOptions, io: Io): Promise<{ source: string; items: () => Promise<StreamItem[]> }[]> {
  const text = o.text;
  if (text) return [{ source: text.source, items: async () => decodeStream(text.content, text.source, o.validate) }];
  if (o.files.kustomize !== '') {
    const dir = o.files.kustomize;
    return [{ source: dir, items: async () => decodeStream(await o.kustomize!(dir), dir, o.validate) }];
  }
  return planFiles(o.files, io.cwd).sources.map((s) => ({
    source: sourceName(s),
    items: async () => {
      try {
        return decodeStream(await readText(s, io, o.stdinText), sourceName(s), o.validate);
      } catch (err) {
        return [{ error: err as Error }];
      }
    },
  }));
}

function metaOf(obj: Record<string, unknown>): { name: string; namespace: string } {
  const m = (obj.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  return { name: typeof m.name === 'string' ? m.name : '', namespace: typeof m.namespace === 'string' ? m.namespace : '' };
}

/** infoForData / infoForObject: the object's REST mapping, or the builder's error for it. */
async function infoFor(env: BuilderEnv, obj: Record<string, unknown>, source: string, item: boolean): Promise<Info> {
  const { name, namespace } = metaOf(obj);
  const info: Info = { namespace, name, source, object: obj as unknown as Obj };
  try {
    const mapping = await mappingForKind(env, String(obj.apiVersion ?? ''), String(obj.kind), 1);
    if (mapping) info.mapping = mapping;
  } catch (err) {
    if (err instanceof NoKindMatchError) {
      if (item) throw new Error(`unable to recognize ${err.message}`);
      throw new Error(`resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(source)}: ${err.message}\nensure CRDs are installed first`);
    }
    if (err instanceof TransportError) throw new Error(`unable to recognize ${JSON.stringify(source)}: ${err.message}`);
    throw err;
  }
  return info;
}

/** SetNamespace, RequireNamespace, FilterNamespace. */
function decorate(o: ManifestOptions, info: Info): void {
  if (!o.noDefaultNamespace && isNamespaced(info) && info.namespace === '') {
    info.namespace = o.namespace;
    setObjectNamespace(info);
  }
  if (o.enforceNamespace && isNamespaced(info) && info.namespace !== o.namespace) {
    throw new Error(`the namespace from the provided object ${JSON.stringify(info.namespace)} does not match the namespace ${JSON.stringify(o.namespace)}. You must pass '--namespace=${info.namespace}' to perform this operation.`);
  }
  if (!isNamespaced(info)) {
    info.namespace = '';
    setObjectNamespace(info);
  }
}

/** Visit with ContinueOnError: undefined when everything went through. */
export async function visitManifests(env: BuilderEnv, o: ManifestOptions, fn: VisitFn): Promise<Error | undefined> {
  const first = filenameErrors(o, env.io.cwd);
  if (first) return first;
  if (o.selector !== undefined && o.selector.trim() !== '') parseLabelSelector(o.selector);
  const errs: Error[] = [];
  const sourceErrs: Error[] = [];
  const run = async (info: Info): Promise<void> => {
    try {
      decorate(o, info);
      await fn(info);
    } catch (err) {
      errs.push(err as Error);
    }
  };
  for (const s of await streams(o, env.io)) {
    for (const item of await s.items()) {
      if ('error' in item) sourceErrs.push(item.error);
      else if (!(await verified(o, item.object, s.source, sourceErrs))) break;
      else await visitObject(env, o, item.object, s.source, run, sourceErrs);
      if (o.stopOnError && (errs.length > 0 || sourceErrs.length > 0)) return errs[0] ?? sourceErrs[0];
    }
  }
  if (sourceErrs.length > 0) errs.push(new Aggregate(sourceErrs));
  return errs.length === 1 ? errs[0] : aggregate(errs);
}

/** ValidateSchema: a document the validator cannot check ends its stream. */
async function verified(o: ManifestOptions, obj: Record<string, unknown>, source: string, sourceErrs: Error[]): Promise<boolean> {
  if (!o.verify) return true;
  const apiVersion = String(obj.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  try {
    await o.verify({ group: slash < 0 ? '' : apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind: String(obj.kind ?? '') });
    return true;
  } catch (err) {
    sourceErrs.push(validationError(source, [(err as Error).message]));
    return false;
  }
}

async function visitObject(env: BuilderEnv, o: ManifestOptions, obj: Record<string, unknown>, source: string, run: (info: Info) => Promise<void>, sourceErrs: Error[]): Promise<void> {
  let info: Info;
  try {
    info = await infoFor(env, obj, source, false);
  } catch (err) {
    sourceErrs.push(err as Error);
    return;
  }
  const selector = o.selector?.trim() === '' ? undefined : o.selector;
  if (!matchesLabelSelector(selector, info)) return;
  if (!isList(obj)) {
    await run(info);
    return;
  }
  for (const item of listItems(obj)) {
    if (typeof item.kind !== 'string' || item.kind === '') {
      sourceErrs.push(new Error(`unable to get type info from the object "*unstructured.Unstructured": Object 'Kind' is missing in 'object has no kind field '`));
      continue;
    }
    try {
      await run(await infoFor(env, item, source, true));
    } catch (err) {
      sourceErrs.push(err as Error);
    }
  }
}
