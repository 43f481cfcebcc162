// kubectl expose: a Service for a pod, replication controller, deployment, replica set or
// service — selector, port(s), protocols and labels read from it unless given — created in the
// command's namespace (`service/<name> exposed`), or printed with --dry-run=client.
import { ApiError, type Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { requestJson, TYPED_ACCEPT, typedError } from '../resource/request.js';
import { typedObject } from './create/go-typed.js';
import { withLastApplied } from './create/last-applied.js';
import { reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import { dryRunStrategy, writeQuery, type DryRun } from './mutate/dry-run.js';
import { builderEnv } from './mutate/env.js';
import type { Info } from './mutate/info.js';
import { applyOverrides } from './run/overrides.js';
import { exposableKind, makeLabels, portsFor, protocolsFor, selectorFor } from './expose/introspect.js';
import { createService, type ExposeState } from './expose/service.js';
import { filenameOptions } from './workload/filenames.js';
import { rec, type Json } from './workload/json-values.js';
import { TypedPrinter } from './workload/print.js';
import { recordChange, warnRecord } from './workload/record.js';

function initialState(ctx: Ctx): ExposeState {
  return {
    name: ctx.str('name'), defaultName: '', selector: ctx.str('selector'), labels: ctx.str('labels'), port: ctx.str('port'), ports: '',
    protocol: ctx.str('protocol'), protocols: new Map(), targetPort: ctx.str('target-port'), externalIp: ctx.str('external-ip'),
    type: ctx.str('type'), loadBalancerIp: ctx.str('load-balancer-ip'), sessionAffinity: ctx.str('session-affinity'), clusterIp: ctx.str('cluster-ip'),
  };
}

/** What RunExpose learns from one object; the state carries over to the next object, as in kubectl. */
function introspect(s: ExposeState, info: Info): void {
  const kind = exposableKind(info.mapping!.group, info.mapping!.kind);
  const obj = (info.object ?? {}) as Json;
  s.defaultName = info.name.slice(0, 63);
  if (s.selector === '') {
    try {
      s.selector = selectorFor(kind, obj);
    } catch (err) {
      throw new Error(`couldn't retrieve selectors via --selector flag or introspection: ${(err as Error).message}`);
    }
  }
  if (s.port === '') {
    const ports = portsFor(kind, obj);
    if (ports.length === 0 && s.clusterIp !== 'None') throw new Error("couldn't find port via --port flag or introspection");
    if (ports.length === 1) s.port = ports[0]!;
    else if (ports.length > 1) s.ports = ports.join(',');
  }
  const protocols = protocolsFor(kind, obj);
  if (protocols.size > 0) s.protocols = protocols;
  if (s.labels === '') s.labels = makeLabels(rec(rec(obj.metadata).labels));
}

async function create(ctx: Ctx, service: Json, namespace: string, dryRun: DryRun): Promise<Obj> {
  const client = await ctx.factory.client();
  const query = writeQuery({ dryRun: dryRun === 'server', fieldManager: ctx.str('field-manager') });
  // the Helper over ClientForMapping: the typed client's Accept, a failure decoded into metav1.Status (no kind)
  return requestJson<Obj>(client, 'POST', `/api/v1/namespaces/${encodeURIComponent(namespace)}/services${query}`, { body: service, accept: TYPED_ACCEPT })
    .catch((err: unknown) => { throw err instanceof ApiError ? typedError(err.status) : err; });
}

export async function run(ctx: Ctx): Promise<number> {
  warnRecord(ctx);
  const dryRun = dryRunStrategy(ctx);
  const printer = TypedPrinter.of(ctx, dryRun, 'exposed');
  const { namespace, explicit } = await ctx.factory.namespace();
  const result = await new Builder(builderEnv(ctx)).withScheme().continueOnError().namespaceParam(namespace).defaultNamespace()
    .filenameParam(explicit, filenameOptions(ctx)).resourceTypeOrNameArgs(false, ...ctx.args).do();
  if (result.err) throw reportable(result.err);
  const s = initialState(ctx);
  const err = await result.visit(async (info) => {
    introspect(s, info);
    const generated = typedObject(createService(s)) as Json;
    const service = applyOverrides(generated, ctx.str('overrides'), ctx.str('override-type'));
    recordChange(ctx, service);
    if (dryRun === 'client') {
      if (explicit) service.metadata = { ...rec(service.metadata), namespace };
      printer.print(ctx, service as unknown as Obj);
      return;
    }
    const annotated = withLastApplied(service as unknown as Obj, ctx.bool('save-config'));
    printer.printUnstructured(ctx, await create(ctx, annotated as unknown as Json, namespace, dryRun));
  });
  if (err) throw reportable(err);
  return 0;
}
