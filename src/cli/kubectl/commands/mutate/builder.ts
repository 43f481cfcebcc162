// cli-runtime's resource.Builder, as the mutating verbs call it: the same methods in the same
// order, so its errors come out in kubectl's order, then do() picks the visitor — by files, by
// selector, by TYPE/NAME tuples, by names — exactly as visitorResult does.
import { planFiles, type FilenameOptions, type FilePlan } from '../../resource/files.js';
import { aggregate } from './aggregate.js';
import { normalizeMultipleResourcesArgs, SLASH_MIXED, splitTypeName, type BuilderEnv, type Tuple } from './builder-types.js';
import { resolveResult, Result } from './builder-visit.js';
import type { VisitPlan } from './builder-types.js';

export class Builder {
  private readonly errs: Error[] = [];
  readonly p: VisitPlan = {
    namespace: '', defaultNamespace: false, requireNamespace: false, allNamespaces: false,
    resources: [], aliasArg: -1, names: [], tuples: [], selectAll: false, latest: false, requireObject: true,
    continueOnError: false, local: false, subresource: '', singleResourceType: false, chunkSize: 0, singleItemImplied: false,
  };

  constructor(private readonly env: BuilderEnv) {}

  namespaceParam(ns: string): this { this.p.namespace = ns; return this; }
  defaultNamespace(): this { this.p.defaultNamespace = true; return this; }
  requireObject(v: boolean): this { this.p.requireObject = v; return this; }
  continueOnError(): this { this.p.continueOnError = true; return this; }
  latest(): this { this.p.latest = true; return this; }
  local(v = true): this { this.p.local = v; return this; }
  subresource(s: string): this { this.p.subresource = s; return this; }
  singleResourceType(): this { this.p.singleResourceType = true; return this; }
  requestChunksOf(n: number): this { this.p.chunkSize = n; return this; }
  addError(e: Error): this { this.errs.push(e); return this; }
  withScheme(): this { this.p.typed = true; return this; }
  /** get's TransformRequests on what Latest() reads: an Accept header, and includeObject */
  transformRequests(accept: string | undefined, includeObject?: string): this {
    if (accept) this.p.accept = accept;
    if (includeObject) this.p.includeObject = includeObject;
    return this;
  }

  allNamespaces(all: boolean): this {
    if (all) this.p.namespace = '';
    this.p.allNamespaces = all;
    return this;
  }

  filenameParam(enforceNamespace: boolean, o: FilenameOptions): this {
    const plan: FilePlan = planFiles(o, this.env.io.cwd);
    this.errs.push(...plan.errors);
    if (plan.singleFile) this.p.singleItemImplied = true;
    if (plan.sources.length > 0) this.p.files = plan;
    if (enforceNamespace) this.p.requireNamespace = true;
    return this;
  }

  labelSelectorParam(s: string): this {
    const sel = s.trim();
    if (sel === '') return this;
    if (this.p.selectAll) return this.addError(new Error(`found non-empty label selector ${JSON.stringify(s)} with previously set 'all' parameter. `));
    this.p.labelSelector = sel;
    return this;
  }

  fieldSelectorParam(s: string): this {
    const sel = s.trim();
    if (sel === '') return this;
    if (this.p.selectAll) return this.addError(new Error(`found non-empty field selector ${JSON.stringify(sel)} with previously set 'all' parameter. `));
    this.p.fieldSelector = sel;
    return this;
  }

  selectAllParam(all: boolean): this {
    if (all && (this.p.labelSelector !== undefined || this.p.fieldSelector !== undefined)) {
      return this.addError(new Error("setting 'all' parameter but found a non empty selector. "));
    }
    this.p.selectAll = all;
    return this;
  }

  resourceTypes(...types: string[]): this {
    this.p.resources.push(...types);
    return this;
  }

  /** ResourceNames: a default type and names, each possibly TYPE/NAME. */
  resourceNames(resource: string, ...names: string[]): this {
    for (const name of names) {
      let tuple: Tuple | undefined;
      try {
        tuple = splitTypeName(name);
      } catch (err) {
        return this.addError(err as Error);
      }
      if (tuple) this.p.tuples.push(tuple);
      else if (resource === '') this.errs.push(new Error(`the argument ${JSON.stringify(name)} must be RESOURCE/NAME`));
      else this.p.tuples.push({ resource, name });
    }
    return this;
  }

  /** `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`; allowEmptySelector selects everything for one TYPE. */
  resourceTypeOrNameArgs(allowEmptySelector: boolean, ...raw: string[]): this {
    const args = normalizeMultipleResourcesArgs(raw);
    const slashed = args.filter((a) => a.includes('/')).length;
    if (slashed > 0) {
      if (slashed !== args.length) return this.addError(new Error(SLASH_MIXED));
      for (const a of args) {
        try {
          const t = splitTypeName(a);
          if (t) this.p.tuples.push(t);
        } catch (err) {
          return this.addError(err as Error);
        }
      }
      return this;
    }
    if (args.length === 0) return this;
    this.p.aliasArg = this.p.resources.length;
    this.p.resources.push(args[0]!);
    if (args.length > 1) this.p.names.push(...args.slice(1));
    if (args.length === 1 && this.p.labelSelector === undefined && allowEmptySelector) this.p.labelSelector = '';
    return this;
  }

  /** Builder.Do: the result to visit, or the first problem found. */
  async do(): Promise<Result> {
    const errs = aggregate(this.errs);
    if (errs) return new Result(this.env, this.p, [], errs);
    if (this.p.selectAll) this.p.labelSelector = '';
    return resolveResult(this.env, this.p);
  }
}
