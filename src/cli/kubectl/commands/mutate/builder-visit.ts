// The builder's Result: visitorResult's choice of visitor (files, selector, tuples, names) with
// its checks, then Visit with the decorators Do() adds (namespace defaulting and checks, fetching
// the object) and ContinueOnError's bookkeeping: per-object errors in order, then one aggregate
// of the errors the sources themselves hit (bad documents, failed lists).
import type { ApiResource } from '../../discovery/mapper.js';
import { aggregate, filterOut } from './aggregate.js';
import { MISSING_RESOURCE, splitResourceArgument, type BuilderEnv, type VisitPlan } from './builder-types.js';

export type { VisitPlan };
import { isNamespaced, retrieve, setObjectNamespace, type Info } from './info.js';
import { aliasConfigError, mappingFor } from './mapping.js';
import { pathEntries, selectorEntries, type Entry } from './builder-sources.js';

type Producer = () => AsyncIterable<Entry>;

export class Result {
  singleItemImplied = false;
  private readonly ignored: ((e: Error) => boolean)[] = [];

  constructor(
    private readonly env: BuilderEnv,
    private readonly p: VisitPlan,
    private readonly producers: Producer[],
    readonly err?: Error,
  ) {}

  ignoreErrors(fn: (e: Error) => boolean): this {
    this.ignored.push(fn);
    return this;
  }

  private filter(err: Error | undefined): Error | undefined {
    return this.ignored.reduce<Error | undefined>((e, fn) => filterOut(e, fn), err);
  }

  /** Visit: fn for every object found; the errors as kubectl gathers them (undefined: none). */
  async visit(fn: (info: Info) => Promise<void>): Promise<Error | undefined> {
    if (this.err) return this.err;
    const errs: Error[] = [];
    const sourceErrs: Error[] = [];
    for (const produce of this.producers) {
      for await (const entry of produce()) {
        const failed = 'error' in entry ? entry.error : await this.run(entry.info, fn);
        if (failed === undefined) continue;
        if (!this.p.continueOnError) return this.filter(failed);
        ('error' in entry && entry.source ? sourceErrs : errs).push(failed);
      }
    }
    const sources = aggregate(sourceErrs);
    const all = sources ? [...errs, sources] : errs;
    return this.filter(all.length === 1 ? all[0] : aggregate(all));
  }

  private async run(info: Info, fn: (info: Info) => Promise<void>): Promise<Error | undefined> {
    try {
      await this.decorate(info);
      await fn(info);
      return undefined;
    } catch (err) {
      return err as Error;
    }
  }

  /** Do()'s decorators: SetNamespace, RequireNamespace, FilterNamespace, RetrieveLazy. */
  private async decorate(info: Info): Promise<void> {
    const ns = this.p.namespace;
    if (this.p.defaultNamespace && isNamespaced(info) && info.namespace === '') {
      info.namespace = ns;
      setObjectNamespace(info);
    }
    if (this.p.requireNamespace && isNamespaced(info)) {
      if (info.namespace === '') {
        info.namespace = ns;
        setObjectNamespace(info);
      } else if (info.namespace !== ns) {
        throw new Error(`the namespace from the provided object ${JSON.stringify(info.namespace)} does not match the namespace ${JSON.stringify(ns)}. You must pass '--namespace=${info.namespace}' to perform this operation.`);
      }
    }
    if (!isNamespaced(info)) {
      info.namespace = '';
      setObjectNamespace(info);
    }
    if (this.p.requireObject && info.object === undefined) await retrieve(await this.env.client(), info, undefined, undefined, this.p.typed);
  }

  /** Infos(): every object, and the error(s) met on the way. */
  async infos(): Promise<{ infos: Info[]; error?: Error }> {
    const infos: Info[] = [];
    const error = await this.visit(async (info) => {
      infos.push(info);
    });
    return error ? { infos, error } : { infos };
  }
}

/** ReplaceAliases then SplitResourceArgument: `all` and other categories become resource lists. */
async function expandedResources(env: BuilderEnv, p: VisitPlan): Promise<string[]> {
  if (p.aliasArg < 0) return p.resources.flatMap(splitResourceArgument);
  const mapper = await env.mapper(5).catch((err: unknown) => {
    throw aliasConfigError(err, p.resources[p.aliasArg]!);
  });
  return p.resources.flatMap((arg, i) => {
    if (i !== p.aliasArg) return [arg];
    const expanded = arg.split(',').map((part) => {
      const cat = mapper.category(part);
      return cat.length === 0 ? part : cat.map((r) => (r.group === '' ? r.resource : `${r.resource}.${r.group}`)).join(',');
    });
    return splitResourceArgument(expanded.join(','));
  });
}

const fail = (env: BuilderEnv, p: VisitPlan, msg: string): Result => new Result(env, p, [], new Error(msg));

function byNameNamespace(p: VisitPlan, r: ApiResource): string | Error {
  if (!r.namespaced) return '';
  if (p.namespace !== '') return p.namespace;
  return new Error(p.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
}

async function mappings(env: BuilderEnv, p: VisitPlan, resources: string[]): Promise<ApiResource[]> {
  if (resources.length > 1 && p.singleResourceType) throw new Error('you may only specify a single resource type');
  const out: ApiResource[] = [];
  for (const r of resources) {
    const m = await mappingFor(env, r, p.aliasArg >= 0 ? 5 : 4);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

function infoResult(env: BuilderEnv, p: VisitPlan, pairs: [ApiResource, string][], single: boolean): Result {
  const infos: Info[] = [];
  for (const [mapping, name] of pairs) {
    const ns = byNameNamespace(p, mapping);
    if (ns instanceof Error) return new Result(env, p, [], ns);
    infos.push({ mapping, namespace: ns, name, ...(p.subresource ? { subresource: p.subresource } : {}) });
  }
  const r = new Result(env, p, [async function* () { for (const info of infos) yield { info }; }]);
  r.singleItemImplied = single;
  return r;
}

async function byTuples(env: BuilderEnv, p: VisitPlan, resources: string[]): Promise<Result> {
  if (resources.length > 0) return fail(env, p, 'you may not specify individual resources and bulk resources in the same call');
  const byArg = new Map<string, ApiResource>();
  for (const t of p.tuples) if (!byArg.has(t.resource)) byArg.set(t.resource, await mappingFor(env, t.resource, 4));
  if (new Set(byArg.values()).size > 1 && p.singleResourceType) return fail(env, p, 'you may only specify a single resource type');
  return infoResult(env, p, p.tuples.map((t) => [byArg.get(t.resource)!, t.name]), p.singleItemImplied || p.tuples.length === 1);
}

async function chooseVisitor(env: BuilderEnv, p: VisitPlan): Promise<Result> {
  const files = p.files;
  const resources = files ? p.resources : await expandedResources(env, p);
  if (files) {
    if (resources.length > 0) return fail(env, p, 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (p.names.length > 0) return fail(env, p, 'name cannot be provided when a path is specified');
    if (p.tuples.length > 0) return fail(env, p, 'resource/name arguments cannot be provided when a path is specified');
    const r = new Result(env, p, [() => pathEntries(env, p, files)]);
    r.singleItemImplied = !files.dir && !files.stream && files.sources.length === 1;
    return r;
  }
  if (p.labelSelector !== undefined || p.fieldSelector !== undefined) {
    if (p.names.length > 0) return fail(env, p, 'name cannot be provided when a selector is specified');
    if (p.tuples.length > 0) return fail(env, p, 'selectors and the all flag cannot be used when passing resource/name arguments');
    if (resources.length === 0) return fail(env, p, 'at least one resource must be specified to use a selector');
    if (p.subresource !== '') return fail(env, p, 'subresource cannot be used when bulk resources are specified');
    const ms = await mappings(env, p, resources);
    return new Result(env, p, ms.map((m) => () => selectorEntries(env, p, m)));
  }
  if (p.tuples.length > 0) return byTuples(env, p, resources);
  if (p.names.length > 0) {
    if (resources.length === 0) return fail(env, p, 'you must provide a resource and a resource name together');
    if (resources.length > 1) return fail(env, p, 'you must specify only one resource');
    const [m] = await mappings(env, p, resources);
    return infoResult(env, p, p.names.map((n) => [m!, n]), p.names.length === 1);
  }
  if (resources.length > 0) {
    for (const r of resources) await mappingFor(env, r, 5);
    return fail(env, p, 'resource(s) were provided, but no name was specified');
  }
  return fail(env, p, MISSING_RESOURCE);
}

/** visitorResult: the visitor for what was asked, or its error as the result's err. */
export async function resolveResult(env: BuilderEnv, p: VisitPlan): Promise<Result> {
  try {
    return await chooseVisitor(env, p);
  } catch (err) {
    return new Result(env, p, [], err as Error);
  }
}
